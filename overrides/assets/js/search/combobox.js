/* The header's search box (overrides/partials/handbook-search.html) as an ARIA combobox: results listed as the
   reader types, moved through with the arrow keys from the box, opened with Enter; ten at first, more on
   request; when nothing is found, the initiatives and the explorer are offered. Its words come from the box's
   data attributes (ui.yml, in the page's language). */

const PAGE = 10;  // results shown at first and added by "more"

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
}

/* A short passage of the page around the first place the query (or its first word found) appears, as HTML:
   the text escaped, the place marked. */
export function excerpt(text, query) {
  const lower = text.toLowerCase();
  let needle = query.toLowerCase();
  let at = lower.indexOf(needle);
  if (at < 0) {
    for (const part of needle.split(/\s+/).filter(Boolean)) {
      needle = part;
      at = lower.indexOf(needle);
      if (at >= 0) break;
    }
  }
  if (at < 0) return escapeHtml(text.slice(0, 80));
  const start = Math.max(0, at - 30), end = Math.min(text.length, at + needle.length + 50);
  return (start > 0 ? "…" : "") + escapeHtml(text.slice(start, at)) + "<mark>" +
    escapeHtml(text.slice(at, at + needle.length)) + "</mark>" + escapeHtml(text.slice(at + needle.length, end)) +
    (end < text.length ? "…" : "");
}

/* The box driven by find(text) → {results, partial} (find.js) and load() (begins loading the index). */
export function searchBox(box, { find, load }) {
  const input = box.querySelector("input");
  const panel = box.querySelector(".hb-search__panel");
  const list = box.querySelector(".hb-search__results");
  const status = box.querySelector(".hb-search__status");
  const more = box.querySelector(".hb-search__more");
  const ways = box.querySelector(".hb-search__ways");  // where to look when nothing is found
  const words = {
    none: box.dataset.wordsNone,
    partial: box.dataset.wordsPartial,
    offline: box.dataset.wordsOffline,
    count: (shown, total) => (total === 1 ? box.dataset.wordsCountOne
      : box.dataset.wordsCount.replace("{total}", total).replace("{shown}", shown)),
  };
  let active = -1, serial = 0, found = [], partial = false, query = "", timer = null;

  function open() {
    box.setAttribute("data-results-for", input.value);  // lets a test know which query these results answer
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function select(index) {
    const options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute("aria-selected", i === active ? "true" : "false"));
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function option(result, i) {
    // The link itself is the option (an option may hold no link: axe nested-interactive); it stays out of the
    // Tab order, the arrow keys move through the options from the search box.
    const item = document.createElement("li");
    item.setAttribute("role", "presentation");
    const link = document.createElement("a");
    link.id = "hb-search-option-" + i;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    link.tabIndex = -1;
    link.href = result.url;
    link.className = "hb-search__link";
    const title = document.createElement("span");
    title.className = "hb-search__title";
    title.textContent = result.meta && result.meta.title ? result.meta.title : result.url;
    const passage = document.createElement("span");
    passage.className = "hb-search__excerpt";
    passage.innerHTML = excerpt(result.meta.text || "", query);  // escaped in excerpt(); adds only <mark>
    link.append(title, passage);
    item.appendChild(link);
    return item;
  }

  function show(results, from) {
    results.forEach((result, i) => list.appendChild(option(result, from + i)));
    const shown = list.children.length;
    status.textContent = !found.length ? words.none : (partial ? words.partial + " " : "") + words.count(shown, found.length);
    more.hidden = shown >= found.length;
    ways.hidden = found.length > 0;
    open();
  }

  // Pagefind could not be loaded.
  function unavailable() {
    list.textContent = "";
    found = [];
    status.textContent = words.offline;
    more.hidden = true;
    ways.hidden = true;
    open();
  }

  function page(from) {
    return Promise.all(found.slice(from, from + PAGE).map((r) => r.data()));
  }

  async function search() {
    const text = input.value.normalize("NFKC").trim();
    const mine = ++serial;
    if (!text) {
      close();
      list.textContent = "";
      return;
    }
    let results;
    try {
      const result = await find(text);
      if (mine !== serial) return;
      found = result.results;
      partial = result.partial;
      results = await page(0);
    } catch {
      if (mine === serial) unavailable();
      return;
    }
    if (mine !== serial) return;
    query = text;
    list.textContent = "";
    active = -1;
    show(results, 0);
  }

  more.addEventListener("click", async () => {
    const from = list.children.length, mine = serial;
    const results = await page(from);
    if (mine !== serial) return;
    show(results, from);
    if (list.children[from] && list.children[from].querySelector("[role=option]")) {
      select(from);
      input.focus();
    }
  });
  input.addEventListener("focus", load);
  // A short pause lets a fast typist finish a word; results still come within 150 ms of the last key.
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 40);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      select(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      select(active - 1);
    } else if (event.key === "Enter") {
      const target = list.querySelectorAll("a[role=option]")[active >= 0 ? active : 0];
      if (target) {
        event.preventDefault();
        window.location.href = target.href;
      }
    } else if (event.key === "Escape") {
      close();
    }
  });
  document.addEventListener("click", (event) => {
    if (!box.contains(event.target)) close();
  });
  box.hidden = false;
}
