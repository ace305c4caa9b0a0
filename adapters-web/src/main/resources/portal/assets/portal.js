// The portal's own script: conveniences only, every form works without it. No inline script anywhere (the
// Content-Security-Policy allows scripts from this origin only).
(function () {
  'use strict';

  // The password rules of Sign Up, checked as the person types (the server checks them again).
  function passwordRules() {
    var list = document.querySelector('[data-password-rules]');
    var password = document.getElementById('password');
    if (!list || !password) { return; }
    var first = document.getElementById('firstName');
    var last = document.getElementById('lastName');
    var email = document.getElementById('email');
    function lower(input) { return input ? input.value.trim().toLowerCase() : ''; }
    function check() {
      var value = password.value;
      var text = value.toLowerCase();
      var types = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(function (re) { return re.test(value); }).length;
      var names = [lower(first), lower(last)].filter(function (n) { return n.length > 0; });
      var address = lower(email);
      var local = address.split('@')[0];
      var parts = address.split(/[@.+_-]/).filter(function (p) { return p.length >= 3; });
      var results = {
        length: value.length >= 8,
        name: value.length > 0 && names.every(function (n) { return text.indexOf(n) < 0; }),
        types: types >= 3,
        email: value.length > 0 && (local.length === 0 || text.indexOf(local) < 0)
          && parts.every(function (p) { return text.indexOf(p) < 0; })
      };
      Array.prototype.forEach.call(list.querySelectorAll('[data-rule]'), function (item) {
        var met = results[item.getAttribute('data-rule')];
        item.classList.toggle('met', met);
        item.classList.toggle('unmet', !met);
      });
    }
    [password, first, last, email].forEach(function (input) {
      if (input) { input.addEventListener('input', check); }
    });
    if (password.value) { check(); }
  }

  // The six boxes of a verification code: typing moves on, backspace moves back, a pasted code fills them all.
  function codeBoxes() {
    var group = document.querySelector('[data-code-boxes]');
    if (!group) { return; }
    var boxes = Array.prototype.slice.call(group.querySelectorAll('input'));
    function spread(text, from) {
      var digits = text.replace(/\D/g, '').split('');
      for (var i = from; i < boxes.length && digits.length > 0; i++) { boxes[i].value = digits.shift(); }
      var next = boxes.find(function (box) { return box.value === ''; });
      (next || boxes[boxes.length - 1]).focus();
    }
    boxes.forEach(function (box, index) {
      box.addEventListener('paste', function (event) {
        var text = (event.clipboardData || window.clipboardData).getData('text');
        if (text) { event.preventDefault(); spread(text, index); }
      });
      box.addEventListener('input', function () {
        if (box.value.length > 1) { spread(box.value, index); return; }
        box.value = box.value.replace(/\D/g, '');
        if (box.value && index < boxes.length - 1) { boxes[index + 1].focus(); }
      });
      box.addEventListener('keydown', function (event) {
        if (event.key === 'Backspace' && box.value === '' && index > 0) { boxes[index - 1].focus(); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    passwordRules();
    codeBoxes();
  });
}());
