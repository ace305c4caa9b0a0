// The QR Code Scan of Add Device: asks for the camera, lets the person choose one, shows the video and posts a small
// frame a few times a second to the server, which reads it with the same QR reader as a photo of the label. Without
// this script (or a camera) the page offers the photo upload and the Product Codes form, which work without it.
(function () {
  'use strict';

  var FRAME_EVERY_MS = 300;
  var FRAME_SIDE = 480;

  function scanner() {
    var root = document.querySelector('[data-scanner]');
    if (!root) { return; }
    var start = root.querySelector('[data-scan-start]');
    var chooser = root.querySelector('[data-camera-chooser]');
    var select = root.querySelector('#camera');
    var video = root.querySelector('[data-viewfinder]');
    var status = root.querySelector('[data-scan-status]');
    var refused = document.querySelector('[data-camera-refused]');
    var insecure = document.querySelector('[data-camera-insecure]');
    var csrf = root.getAttribute('data-csrf');
    var canvas = document.createElement('canvas');
    var stream = null;
    var timer = null;
    var busy = false;
    var done = false;
    root.hidden = false;

    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      start.hidden = true;
      insecure.hidden = false;
      return;
    }

    function say(text) { status.textContent = text; }

    function stop() {
      if (timer) { clearInterval(timer); timer = null; }
      if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); stream = null; }
    }

    function listCameras() {
      return navigator.mediaDevices.enumerateDevices().then(function (devices) {
        var current = stream && stream.getVideoTracks()[0] ? stream.getVideoTracks()[0].getSettings().deviceId : '';
        var cameras = devices.filter(function (device) { return device.kind === 'videoinput'; });
        while (select.firstChild) { select.removeChild(select.firstChild); }
        cameras.forEach(function (camera, index) {
          var option = document.createElement('option');
          option.value = camera.deviceId;
          option.textContent = camera.label || (root.getAttribute('data-text-camera') + ' ' + (index + 1));
          option.selected = camera.deviceId === current;
          select.appendChild(option);
        });
        chooser.hidden = cameras.length === 0;
      });
    }

    function open(deviceId) {
      stop();
      var video_ = deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'environment' };
      return navigator.mediaDevices.getUserMedia({ audio: false, video: video_ }).then(function (opened) {
        stream = opened;
        video.srcObject = opened;
        video.hidden = false;
        refused.hidden = true;
        var playing = video.play();
        if (playing && playing.catch) { playing.catch(function () { }); }
        say(root.getAttribute('data-text-scanning'));
        timer = setInterval(frame, FRAME_EVERY_MS);
        return listCameras();
      });
    }

    function frame() {
      if (busy || done || !video.videoWidth) { return; }
      var scale = Math.min(1, FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
      busy = true;
      canvas.toBlob(function (blob) {
        if (!blob) { busy = false; return; }
        fetch('/devices/scan', {
          method: 'POST', credentials: 'same-origin', body: blob,
          headers: { 'Content-Type': 'image/jpeg', 'X-CSRF-Token': csrf }
        }).then(function (response) {
          return response.json().catch(function () { return null; });
        }).then(function (answer) {
          busy = false;
          if (!answer) { return; }
          if (answer.location) {
            done = true;
            stop();
            if (answer.found) { say(root.getAttribute('data-text-found')); }
            window.location.assign(answer.location);
          } else if (answer.message) {
            say(answer.message);
          }
        }, function () { busy = false; });
      }, 'image/jpeg', 0.8);
    }

    function blocked() {
      stop();
      video.hidden = true;
      chooser.hidden = true;
      say('');
      refused.hidden = false;
      refused.querySelector('[data-camera-close]').focus();
    }

    start.addEventListener('click', function () { open(null).catch(blocked); });
    select.addEventListener('change', function () { open(select.value).catch(blocked); });
    refused.querySelector('[data-camera-close]').addEventListener('click', function () {
      refused.hidden = true;
      document.getElementById('productId').focus();
    });
    window.addEventListener('pagehide', stop);
  }

  // A UPS just registered is on UTC: the Timezone field of its first profile proposes the browser's own zone.
  function guessZone() {
    var field = document.querySelector('[data-guess-zone]');
    if (!field || field.value !== 'UTC' || !window.Intl) { return; }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone.indexOf('/') > 0) { field.value = zone; }
  }

  document.addEventListener('DOMContentLoaded', function () {
    scanner();
    guessZone();
  });
}());
