/* The words a module shows come from handbook/ui.yml through the page, never from the script: the <script>
   element that loads an entry module carries them as JSON in data-words (overrides/main.html writes it from
   the page's meta, handbook/page_scripts.py). */

/* A label's {placeholders} filled in; a placeholder without a value stays as it is. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
}

/* words(key, values): the label of that key, filled in (the key itself when the page gave no such label). */
export function wordsFrom(json) {
  const table = JSON.parse(json || "{}");
  return (key, values) => fill(Object.prototype.hasOwnProperty.call(table, key) ? table[key] : key, values);
}

/* The words given to the module at `url` (its import.meta.url) by the <script> element that loads it. */
export function moduleWords(url) {
  const element = Array.from(document.querySelectorAll("script[data-words]")).find((script) => script.src === url);
  return wordsFrom(element ? element.dataset.words : "{}");
}
