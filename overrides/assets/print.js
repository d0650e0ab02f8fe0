/* Print buttons (<button class="print-button">): hidden until this script runs, then they print the page. */
(function () {
  "use strict";
  function show() {
    document.querySelectorAll("button.print-button").forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("button.print-button")) {
      window.print();
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
