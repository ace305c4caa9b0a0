// The Event Log's filters (device-events): typing a date chooses "Between the dates below", and choosing another
// time range empties the dates, so the form shows what the page will apply. The form works the same without it.
(function () {
  "use strict";
  var form = document.querySelector("form.event-filters");
  if (!form) {
    return;
  }
  var range = form.querySelector("select[name=range]");
  var dates = form.querySelectorAll("input[type=date]");
  if (!range || dates.length === 0) {
    return;
  }
  dates.forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.value && range.value !== "" && range.value !== "dates") {
        range.value = "dates";
      }
    });
  });
  range.addEventListener("change", function () {
    if (range.value !== "" && range.value !== "dates") {
      dates.forEach(function (input) { input.value = ""; });
    }
  });
})();
