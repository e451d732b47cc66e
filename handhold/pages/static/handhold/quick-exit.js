// Quick exit: the button, or Escape pressed twice within a second, swaps this page for a
// neutral one. location.replace() leaves no history entry, so Back does not return here.
// Without JavaScript the button is an ordinary link to the same neutral page.
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
