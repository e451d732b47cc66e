// Autosave for the private journal: an enhancement over the Save button, which keeps working
// without JavaScript. Changes are sent a moment after typing stops; a small status line says
// whether they were saved. Nothing leaves this origin.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) return;
  var status = form.querySelector("[data-autosave-status]");
  var timer = null;
  // The words come from the page, so that they are translated with the rest of it.
  var savedText = (status && status.getAttribute("data-saved")) || "Saved.";
  var failedText = (status && status.getAttribute("data-failed")) || "Not saved.";

  function say(text) {
    if (status) status.textContent = text;
  }

  function save() {
    timer = null;
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "handhold-autosave" },
      credentials: "same-origin",
    })
      .then(function (response) {
        say(response.ok ? savedText : failedText);
      })
      .catch(function () {
        say(failedText);
      });
  }

  function later() {
    if (timer) window.clearTimeout(timer);
    say("");
    timer = window.setTimeout(save, 1200);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
