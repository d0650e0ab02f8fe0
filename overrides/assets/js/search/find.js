/* The search itself, over the Pagefind index of the page's own language (Pagefind picks the index from
   <html lang>), loaded when first needed. Pagefind finds the pages that have every token. When none has, the
   query is tried again with its words alone (男性の育児休業: 男性 and 育児休業, without the particle's bigrams
   性の and の育), and then with any of its words. */
import { japaneseTokens, japaneseWords, unique } from "./tokens.js";

const ROOT = new URL("../../../", import.meta.url);  // the site's root: this file is assets/js/search/find.js
const english = document.documentElement.lang === "en";
let pagefind = null;

/* Pagefind's module, loaded once (a promise; it fails when the browser cannot load it). */
export function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", ROOT).href).then((module) => {
      module.options({ baseUrl: ROOT.pathname, excerptLength: 24 });
      return module;
    });
    pagefind.catch(() => {});  // said when a search needs it
  }
  return pagefind;
}

// Pages having any of the words, those with more of them first, then by Pagefind's score.
async function anyWord(module, words) {
  const all = await Promise.all(words.map((word) => module.search(word)));
  const pages = new Map();
  all.forEach((result) => {
    (result ? result.results : []).forEach((r) => {
      const page = pages.get(r.id) || { result: r, words: 0, score: 0 };
      page.words += 1;
      page.score += r.score;
      pages.set(r.id, page);
    });
  });
  return [...pages.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((page) => page.result);
}

/* A query → {results (Pagefind's, best first), partial (true when they have only some of its words)}.
   1. Every token of the query. 2. In Japanese, every token of its words alone: 男性の育児休業 asks for 男性 and
   育児休業, not for the particle's pairs 性の and の育 (single kanji, as 減 of 残業を減らしたい, are left out when
   longer words are there). 3. Any of its words, pages with more of them first: 運転士 育児休業 finds the pages on
   either when none has both. */
export async function find(text) {
  const words = english ? [] : japaneseWords(text);
  const long = words.filter((word) => word.length > 1);
  const alone = unique((long.length ? long : words).flatMap(japaneseTokens)).join(" ");
  const strict = english ? text : japaneseTokens(text).join(" ");
  const any = english ? unique(text.toLowerCase().match(/[0-9a-z]+/g) || [])
    : unique((long.length ? long : words).map((word) => japaneseTokens(word).join(" ")));
  const module = await load();
  const first = await module.search(strict);
  if (first && first.results.length) return { results: first.results, partial: false };
  const second = !english && alone !== strict ? await module.search(alone) : null;
  if (second && second.results.length) return { results: second.results, partial: false };
  if (any.length < 2) return { results: [], partial: false };
  return { results: await anyWord(module, any), partial: true };
}
