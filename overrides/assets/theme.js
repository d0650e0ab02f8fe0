/* The navigation drawer on narrow screens, opened by a real button (overrides/partials/header.html) instead
   of Material's <label> for a hidden checkbox: keyboard users can open it, Escape or a click outside closes
   it, and the button says whether it is open. Material still reacts to the checkbox. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector("[data-hb-drawer]");
  if (!drawer || !button) return;
  function set(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));
    button.setAttribute("aria-expanded", String(open));
  }
  button.addEventListener("click", function () {
    set(!drawer.checked);
    if (drawer.checked) {
      var first = document.querySelector(".md-sidebar--primary a");
      if (first) first.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".md-overlay")) set(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) { set(false); button.focus(); }
  });
})();
