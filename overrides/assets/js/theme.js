/* The navigation drawer on narrow screens, opened by a real button (overrides/partials/header.html) instead
   of Material's <label> for a hidden checkbox: keyboard users can open it, Escape or a click outside closes
   it, and the button says whether it is open. Material still reacts to the checkbox. Every page loads this. */
const drawer = document.getElementById("__drawer");
const button = document.querySelector("[data-hb-drawer]");

function set(open) {
  drawer.checked = open;
  drawer.dispatchEvent(new Event("change", { bubbles: true }));
  button.setAttribute("aria-expanded", String(open));
}

if (drawer && button) {
  button.addEventListener("click", () => {
    set(!drawer.checked);
    if (drawer.checked) {
      const first = document.querySelector(".md-sidebar--primary a");
      if (first) first.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest(".md-overlay")) set(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && drawer.checked) {
      set(false);
      button.focus();
    }
  });
}
