/* The competency explorer's filters (handbook/templates/explorer.md.j2). Without script the explorer is a
   plain table of every item. */
import { moduleWords } from "./words.js";

const words = moduleWords(import.meta.url);
const form = document.querySelector("[data-explorer-filters]");
const table = document.querySelector("[data-explorer]");
const count = document.querySelector("[data-explorer-count]");
const empty = document.querySelector("[data-explorer-empty]");
const rows = Array.from(table.tBodies[0].rows);
const texts = rows.map((row) => row.textContent.normalize("NFKC").toLowerCase());
const fields = Array.from(form.querySelectorAll("[data-filter]"));
const parameter = (field) => (field.dataset.filter === "text" ? "q" : field.dataset.filter);

// The filters live in the address (?rank=chief&q=…), so a filtered list can be bookmarked, shared and come
// back with the browser's Back button.
function remember() {
  const query = new URLSearchParams();
  fields.forEach((field) => {
    if (field.value) query.set(parameter(field), field.value);
  });
  const search = query.toString();
  window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
}

function apply() {
  const wanted = {};
  form.querySelectorAll("select[data-filter]").forEach((select) => { wanted[select.dataset.filter] = select.value; });
  const query = form.querySelector("[data-filter=text]").value.normalize("NFKC").toLowerCase().trim();
  const terms = query ? query.split(/\s+/) : [];
  let shown = 0;
  rows.forEach((row, i) => {
    const visible = Object.keys(wanted).every((key) => !wanted[key] || row.dataset[key] === wanted[key])
      && terms.every((term) => texts[i].includes(term));
    row.hidden = !visible;
    if (visible) shown += 1;
  });
  count.textContent = words("explorer_count", { shown, total: rows.length });
  if (empty) empty.hidden = shown > 0;
}

const params = new URLSearchParams(window.location.search);
fields.forEach((field) => {
  const value = params.get(parameter(field));
  if (value !== null) field.value = value;
});
form.hidden = false;
form.addEventListener("input", () => { apply(); remember(); });
form.addEventListener("change", () => { apply(); remember(); });
form.addEventListener("reset", () => setTimeout(() => { apply(); remember(); }, 0));
form.addEventListener("submit", (event) => event.preventDefault());
apply();
