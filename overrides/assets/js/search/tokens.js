/* A query as the index holds its text (handbook/search_tokens.py): NFKC, lower case, and, in Japanese, character
   bigrams, so that a word is found wherever it stands. Nothing here touches the page. */

const CJK_RUN = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u4e00-\u9fff]+/g;

function latinWords(text) {
  return text.match(/[0-9a-z]+/g) || [];
}

function code(chars) {
  let out = "qj";
  for (let i = 0; i < chars.length; i += 1) out += chars.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
}

/* The same function as japanese_tokens() in handbook/search_tokens.py (tests/browser/test_search.py compares them). */
export function japaneseTokens(text) {
  const normal = text.normalize("NFKC").toLowerCase();
  const tokens = [];
  let position = 0;
  for (const run of normal.matchAll(CJK_RUN)) {
    tokens.push(...latinWords(normal.slice(position, run.index)));
    const chars = run[0];
    if (chars.length === 1) tokens.push(code(chars));
    for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(code(chars.slice(i, i + 2)));
    position = run.index + chars.length;
  }
  tokens.push(...latinWords(normal.slice(position)));
  return tokens;
}

/* The query's words in Japanese: its runs of kanji, katakana or Latin letters, which particles and okurigana in
   hiragana (の, を, らしたい) only join, a katakana word cut from the kanji beside it (ハラスメント相談:
   ハラスメント, 相談). A query in hiragana alone is one word. */
export function japaneseWords(text) {
  const parts = text.split(/[\s\u3041-\u3096]+/).filter((part) => japaneseTokens(part).length)
    .flatMap((part) => part.match(/[\u30a1-\u30fa\u30fc]+|[^\u30a1-\u30fa\u30fc]+/g));
  return parts.length ? parts : [text];
}

export function unique(list) {
  return list.filter((item, i) => list.indexOf(item) === i);
}
