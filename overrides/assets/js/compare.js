/* The rank-comparison picker (handbook/templates/compare_index.md.j2): two ranks chosen, their comparison
   page opened. Without script the page is a list of links to every comparison. */
const picker = document.querySelector("[data-compare-picker]");
const links = {};
document.querySelectorAll("a[data-pair]").forEach((link) => { links[link.dataset.pair] = link.href; });
const error = picker.querySelector(".compare-error");

picker.hidden = false;
picker.addEventListener("submit", (event) => {
  event.preventDefault();
  const from = picker.querySelector("#compare-from").value;
  const to = picker.querySelector("#compare-to").value;
  // Pages exist as lower--higher; the order of the choice does not matter to the reader.
  const target = links[from + "--" + to] || links[to + "--" + from];
  error.hidden = Boolean(target);
  if (target) window.location.href = target;
});
