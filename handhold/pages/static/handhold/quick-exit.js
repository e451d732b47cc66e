// Quick exit: the button, or Escape pressed twice within a second, leaves at once. The link
// goes to the server, which logs out and sends on to a neutral page, so every Handhold page
// behind it asks for a log-in again. location.replace() also drops this page from the
// history. Without JavaScript the button is an ordinary link that does the same.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000) {
      leave(event);
    }
    lastEscape = now;
  });
})();
