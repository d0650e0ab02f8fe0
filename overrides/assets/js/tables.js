/* Wide tables scroll sideways inside <div class="table-wrap">. A scrolling box must be reachable with the
   keyboard (WCAG 2.1.1; axe scrollable-region-focusable): while a table is wider than its box, the box
   takes the focus (arrow keys then scroll it) and is named after the table's caption, or, without one, with
   the words the page gives (ui.yml table_scrolls). */
import { moduleWords } from "./words.js";

const words = moduleWords(import.meta.url);

function update() {
  document.querySelectorAll(".table-wrap").forEach((box) => {
    if (box.scrollWidth > box.clientWidth + 1) {
      const caption = box.querySelector("caption");
      const name = caption ? caption.textContent.trim() : "";
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name || words("table_scrolls"));
    } else if (box.hasAttribute("tabindex")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
}

// A module runs once the page is parsed. Whenever a box or its table changes size (a narrower window, a table
// filled in by a script), at once, so that there is no moment when a box scrolls but cannot take the focus.
update();
const observer = new ResizeObserver(update);
document.querySelectorAll(".table-wrap, .table-wrap > table").forEach((box) => observer.observe(box));
