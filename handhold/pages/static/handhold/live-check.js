// Live checking for the conversation planner: an enhancement over the Save-and-check button,
// which keeps working without JavaScript. A moment after typing stops, the draft is saved and
// checked, and the findings and checklist ticks below the form are replaced.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-check]");
  var result = document.querySelector("[data-live-check-result]");
  if (!form || !result || !window.fetch || !window.FormData) return;
  var timer = null;

  function run() {
    timer = null;
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "handhold-check" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) result.innerHTML = html;
      })
      .catch(function () {});
  }

  form.addEventListener("input", function () {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(run, 1000);
  });
})();
