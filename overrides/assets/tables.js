/* Wide tables scroll sideways inside <div class="table-wrap">. A scrolling box must be reachable with the
   keyboard (WCAG 2.1.1; axe scrollable-region-focusable): while a table is wider than its box, the box
   takes the focus (arrow keys then scroll it) and is named after the table's caption. */
(function () {
  "use strict";
  var english = document.documentElement.lang === "en";
  var fallback = english ? "Table (scrolls sideways)" : "表（横にスクロールできます）";

  function update() {
    document.querySelectorAll(".table-wrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        var caption = box.querySelector("caption");
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption && caption.textContent.trim() ? caption.textContent.trim() : fallback);
      } else if (box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  // Whenever a box or its table changes size (a narrower window, a table filled in by a script), at once,
  // so that there is no moment when a box scrolls but cannot take the focus.
  function watch() {
    update();
    if (!window.ResizeObserver) return;
    var observer = new ResizeObserver(update);
    document.querySelectorAll(".table-wrap, .table-wrap > table").forEach(function (box) { observer.observe(box); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
