/* Header search over the Pagefind index of the page's own language (Pagefind picks the index from
   <html lang>). The query goes through what the index went through (handbook/search_index.py): NFKC, so
   ﾃﾞｼﾞﾀﾙ finds デジタル, and, in Japanese, character bigrams, so a word is found wherever it stands (every
   spelling of a word that Sudachi knows is in the index too: nothing to do here for 障がい or 障害).
   Pagefind finds the pages that have every token. When none has, the query is tried again with its words
   alone (男性の育児休業: 男性 and 育児休業, without the particle's bigrams 性の and の育), and then with any
   of its words, said so above the results. Nothing found offers the initiatives and the explorer. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../", script.src);              // the site root: this file is /assets/search.js
  var box = document.querySelector("[data-hb-search]");
  if (!box) return;
  box.hidden = false;
  var input = box.querySelector("input");
  var panel = box.querySelector(".hb-search__panel");
  var list = box.querySelector(".hb-search__results");
  var status = box.querySelector(".hb-search__status");
  var more = box.querySelector(".hb-search__more");
  var english = document.documentElement.lang === "en";
  var PAGE = 10;                                      // results shown at first and added by "more"
  var ways = box.querySelector(".hb-search__ways");   // where to look when nothing is found
  var words = {                                       // from handbook/ui.yml, in the page's language
    none: box.getAttribute("data-words-none"),
    partial: box.getAttribute("data-words-partial"),
    offline: box.getAttribute("data-words-offline"),
    count: function (shown, total) {
      if (total === 1) return box.getAttribute("data-words-count-one");
      return box.getAttribute("data-words-count").replace("{total}", total).replace("{shown}", shown);
    }
  };
  var pagefind = null, active = -1, serial = 0, found = [], partial = false, query = "";
  var CJK_RUN = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u4e00-\u9fff]+/g;

  function latinWords(text) { return text.match(/[0-9a-z]+/g) || []; }

  function code(chars) {
    var out = "qj";
    for (var i = 0; i < chars.length; i++) out += ("000" + chars.charCodeAt(i).toString(16)).slice(-4);
    return out;
  }

  // The same function as japanese_tokens() in handbook/search_index.py.
  function japaneseTokens(text) {
    text = text.normalize("NFKC").toLowerCase();
    var tokens = [], position = 0, run;
    CJK_RUN.lastIndex = 0;
    while ((run = CJK_RUN.exec(text)) !== null) {
      tokens = tokens.concat(latinWords(text.slice(position, run.index)));
      var chars = run[0];
      if (chars.length === 1) tokens.push(code(chars));
      for (var i = 0; i + 1 < chars.length; i++) tokens.push(code(chars.substr(i, 2)));
      position = run.index + chars.length;
    }
    return tokens.concat(latinWords(text.slice(position)));
  }
  window.handbookSearchTokens = japaneseTokens;   // the tests compare it with the Python tokenizer

  // The query's words in Japanese: its runs of kanji, katakana or Latin letters, which particles and
  // okurigana in hiragana (の, を, らしたい) only join, a katakana word cut from the kanji beside it
  // (ハラスメント相談: ハラスメント, 相談). A query in hiragana alone is one word.
  function japaneseWords(text) {
    var parts = text.split(/[\s\u3041-\u3096]+/).filter(function (part) { return japaneseTokens(part).length; });
    parts = [].concat.apply([], parts.map(function (part) {
      return part.match(/[\u30a1-\u30fa\u30fc]+|[^\u30a1-\u30fa\u30fc]+/g);
    }));
    return parts.length ? parts : [text];
  }

  function unique(list) { return list.filter(function (item, i) { return list.indexOf(item) === i; }); }

  // Pages having any of the words, those with more of them first, then by Pagefind's score.
  function anyWord(module, words) {
    return Promise.all(words.map(function (word) { return module.search(word); })).then(function (all) {
      var pages = {};
      all.forEach(function (result) {
        (result ? result.results : []).forEach(function (r) {
          var page = pages[r.id] || (pages[r.id] = { result: r, words: 0, score: 0 });
          page.words += 1;
          page.score += r.score;
        });
      });
      return Object.keys(pages).map(function (id) { return pages[id]; }).sort(function (a, b) {
        return b.words - a.words || b.score - a.score;
      }).map(function (page) { return page.result; });
    });
  }

  // The search itself: {results (Pagefind's, best first), partial (true when they have only some terms)}.
  // 1. Every token of the query. 2. In Japanese, every token of its words alone: 男性の育児休業 asks for
  // 男性 and 育児休業, not for the particle's pairs 性の and の育 (single kanji, as 減 of 残業を減らしたい,
  // are left out when longer words are there). 3. Any of its words, pages with more of them first, said so:
  // 運転士 育児休業 finds the pages on either when none has both.
  function find(text) {
    var words = english ? [] : japaneseWords(text);
    var long = words.filter(function (word) { return word.length > 1; });
    var alone = unique([].concat.apply([], (long.length ? long : words).map(japaneseTokens))).join(" ");
    var strict = english ? text : japaneseTokens(text).join(" ");
    var any = english ? unique(text.toLowerCase().match(/[0-9a-z]+/g) || []) :
      unique((long.length ? long : words).map(function (word) { return japaneseTokens(word).join(" "); }));
    return load().then(function (module) {
      return module.search(strict).then(function (first) {
        if (first && first.results.length) return { results: first.results, partial: false };
        var again = !english && alone !== strict ? module.search(alone) : Promise.resolve(null);
        return again.then(function (second) {
          if (second && second.results.length) return { results: second.results, partial: false };
          if (any.length < 2) return { results: [], partial: false };
          return anyWord(module, any).then(function (results) { return { results: results, partial: true }; });
        });
      });
    });
  }
  window.handbookSearch = find;   // the tests ask it many queries at once

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  // A short passage of the page around the first place the query (or its first word) appears.
  function excerpt(text, query) {
    var lower = text.toLowerCase(), needle = query.toLowerCase();
    var at = lower.indexOf(needle);
    if (at < 0) {
      var parts = needle.split(/\s+/).filter(Boolean);
      for (var i = 0; i < parts.length && at < 0; i++) { needle = parts[i]; at = lower.indexOf(needle); }
    }
    if (at < 0) return escapeHtml(text.slice(0, 80));
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + needle.length + 50);
    return (start > 0 ? "…" : "") + escapeHtml(text.slice(start, at)) + "<mark>" +
      escapeHtml(text.slice(at, at + needle.length)) + "</mark>" + escapeHtml(text.slice(at + needle.length, end)) +
      (end < text.length ? "…" : "");
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        module.options({ baseUrl: root.pathname, excerptLength: 24 });
        return module;
      });
      pagefind.catch(function () {});   // said when a search needs it (search())
    }
    return pagefind;
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function select(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function option(result, i) {
    // The link itself is the option (an option may hold no link: axe nested-interactive); it stays out of
    // the Tab order, the arrow keys move through the options from the search box.
    var item = document.createElement("li");
    item.setAttribute("role", "presentation");
    var link = document.createElement("a");
    link.id = "hb-search-option-" + i;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    link.tabIndex = -1;
    link.href = result.url;
    link.className = "hb-search__link";
    var title = document.createElement("span");
    title.className = "hb-search__title";
    title.textContent = result.meta && result.meta.title ? result.meta.title : result.url;
    var passage = document.createElement("span");
    passage.className = "hb-search__excerpt";
    passage.innerHTML = excerpt(result.meta.text || "", query);   // escaped in excerpt(); adds only <mark>
    link.appendChild(title);
    link.appendChild(passage);
    item.appendChild(link);
    return item;
  }

  function show(results, from) {
    results.forEach(function (result, i) { list.appendChild(option(result, from + i)); });
    var shown = list.children.length;
    status.textContent = !found.length ? words.none :
      (partial ? words.partial + " " : "") + words.count(shown, found.length);
    more.hidden = shown >= found.length;
    ways.hidden = found.length > 0;
    box.setAttribute("data-results-for", input.value);   // lets a test know which query these results answer
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  // Pagefind could not be loaded: opened from disk (file://), a browser loads no module from there.
  function unavailable() {
    list.textContent = "";
    found = [];
    status.textContent = words.offline;
    more.hidden = true;
    ways.hidden = true;
    box.setAttribute("data-results-for", input.value);
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function page(from) {
    return Promise.all(found.slice(from, from + PAGE).map(function (r) { return r.data(); }));
  }

  function search() {
    var text = input.value.normalize("NFKC").trim();
    var mine = ++serial;
    if (!text) { close(); list.textContent = ""; return; }
    find(text).then(function (result) {
      if (mine !== serial) return null;
      found = result.results;
      partial = result.partial;
      return page(0);
    }).then(function (results) {
      if (!results || mine !== serial) return;
      query = text;
      list.textContent = "";
      active = -1;
      show(results, 0);
    }, function () {
      if (mine === serial) unavailable();
    });
  }

  more.addEventListener("click", function () {
    var from = list.children.length, mine = serial;
    page(from).then(function (results) {
      if (mine !== serial) return;
      show(results, from);
      var first = list.children[from] && list.children[from].querySelector("[role=option]");
      if (first) { select(from); input.focus(); }
    });
  });

  var timer = null;
  input.addEventListener("focus", load);
  // A short pause lets a fast typist finish a word; results still come within 150 ms of the last key.
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 40); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
    else if (event.key === "Enter") {
      var options = list.querySelectorAll("a[role=option]");
      var target = options[active >= 0 ? active : 0];
      if (target) { event.preventDefault(); window.location.href = target.href; }
    } else if (event.key === "Escape") { close(); }
  });
  document.addEventListener("click", function (event) { if (!box.contains(event.target)) close(); });
})();
