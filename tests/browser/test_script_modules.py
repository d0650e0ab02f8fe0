"""The site's pure script functions, tested directly: each module imported, as the site serves it, into a page of
the built site in Chromium (no copy of the code here). The growth record's CSV round trip and a cut file, its
import checks and merge, the summary chart's scale, the search excerpt's escaping and the words' placeholders.
The pages that use them are tested as a reader uses them in test_growth_record.py and test_search.py."""

from __future__ import annotations

import pytest

from handbook.growth import RECORD_SCHEMA, VISION_QUESTIONS

RANK = "chief"
JS = "assets/js/"  # the modules, from the site's root


@pytest.fixture(scope="module")
def page(browser, site_server):
    """A self-check sheet, whose sheet description (data-growth) the record's functions are given."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_server}/self-check/{RANK}/")
    yield page
    context.close()


def run(page, site_server: str, modules: list[str], body: str, arg=None):
    """`body` (an async function's body) run with the modules imported as m[0], m[1], …, the page's sheet as
    `sheet` and `arg`; its return value, as JSON."""
    return page.evaluate(
        "async ([urls, body, arg]) => {"
        " const m = await Promise.all(urls.map(url => import(url)));"
        ' const {sheetOf} = await import(urls.find(u => u.endsWith("/growth/record.js")));'
        ' const sheet = sheetOf(document.querySelector("[data-growth]"));'
        " return await new Function('m', 'sheet', 'arg', `return (async () => {${body}})()`)(m, sheet, arg); }",
        [[f"{site_server}/{JS}{name}" for name in [*modules, "growth/record.js"]], body, arg],
    )


# Values a CSV cell or Excel could trip over: separators, quotes, line breaks, a formula's first character (and
# apostrophes before one, which the export doubles and the import takes off again), Japanese, emoji.
TRICKY = [
    "=SUM(A1)",
    "+1",
    "-x",
    "@x",
    "\tTab",
    "'=already",
    "''+two",
    'say "hi", twice',
    "two\nlines",
    "エ,ク\r\nセル",
    "😀",
]

# The record of every item, from TRICKY, and the same read back from the file its CSV export makes.
ROUND_TRIP = """
const [csv, exporting, importing] = m;
const record = {schema: sheet.schema, version: sheet.version, revision: sheet.revision, rank: sheet.rank,
  fields: {section: arg[0], name: arg[1], date: arg[2]}, items: {}, vision: {}};
sheet.items.forEach((id, i) => {
  record.items[id] = {rating: [null, 1, 2, 3, 4, 5][i % 6], note: arg[i % arg.length]};
});
sheet.vision.forEach((q, i) => { record.vision[q] = arg[(i + 3) % arg.length]; });
const words = key => key;
const lines = sheet.items.map(id => ({id, orientation: "O, 1", group: 'G "q"'}));
const file = exporting.exported(record, sheet, id => `name of ${id}, "quoted"`);
const text = csv.toCsv(csv.recordRows(file, sheet, lines, words));
const back = importing.adopt(importing.parseFile(text, sheet), sheet);
return {text, record, back};
"""


def test_a_record_comes_back_whole_through_csv(page, site_server):
    found = run(page, site_server, ["growth/csv.js", "growth/export.js", "growth/import.js"], ROUND_TRIP, TRICKY)
    text, record, back = found["text"], found["record"], found["back"]
    assert text.startswith("\ufeff") and text.endswith("\r\n") and "\r\n" in text
    assert "error" not in back, back
    assert back["missing"] == {"fields": [], "vision": [], "items": []} and back["dropped"] == []
    taken = back["record"]
    assert taken["fields"] == record["fields"] and taken["vision"] == record["vision"]
    assert taken["items"] == {i: {"rating": e["rating"], "note": e["note"]} for i, e in record["items"].items()}
    assert taken["schema"] == RECORD_SCHEMA and set(taken["vision"]) == set(VISION_QUESTIONS)
    # every formula-like value reaches Excel behind an apostrophe
    for value in ("=SUM(A1)", "+1", "-x", "@x", "'=already", "''+two"):
        assert f",'{value}" in text or f",\"'{value}" in text, value


CUT = """
const [csv, exporting, importing] = m;
const record = {schema: sheet.schema, version: sheet.version, revision: sheet.revision, rank: sheet.rank,
  fields: {section: "s", name: "n", date: "d"}, vision: Object.fromEntries(sheet.vision.map(q => [q, "v " + q])),
  items: Object.fromEntries(sheet.items.map((id, i) => [id, {rating: i % 5 + 1, note: "note,\\n" + id}]))};
const lines = sheet.items.map(id => ({id, orientation: "", group: ""}));
const text = csv.toCsv(csv.recordRows(exporting.exported(record, sheet, id => id), sheet, lines, key => key));
const wrong = [];
for (let cut = 0; cut < text.length; cut += 3) {
  const found = importing.adopt(importing.parseFile(text.slice(0, cut), sheet), sheet);
  if (found.error) continue;
  for (const id of sheet.items) {
    const entry = found.record.items[id];
    const whole = JSON.stringify(entry) === JSON.stringify(record.items[id]);
    if (found.missing.items.includes(id) ? entry !== undefined : !whole) wrong.push([cut, id, entry]);
  }
}
const bytes = new TextEncoder().encode(text.slice(0, text.indexOf("note,")) + "記入");
return {wrong, length: text.length, decoded: importing.decode(bytes.slice(0, -1).buffer)};
"""


def test_a_csv_cut_anywhere_gives_whole_entries_and_names_the_rest(page, site_server):
    """A file cut short (every third character): each item either comes whole or is listed as lacking, never a
    note cut in two; bytes cut inside a character still decode."""
    found = run(page, site_server, ["growth/csv.js", "growth/export.js", "growth/import.js"], CUT)
    assert found["length"] > 1000 and found["wrong"] == []
    assert found["decoded"].endswith("記"), found["decoded"][-5:]


def test_shift_jis_is_read(page, site_server):
    """A CSV saved again by Excel on a Japanese PC."""
    text = "項目ID,志向,分類,項目,自己評価,メモ\r\nrank:chief,,,職位,,主査級\r\n"
    decoded = run(
        page,
        site_server,
        ["growth/import.js"],
        "return m[0].decode(new Uint8Array(arg).buffer);",
        [*text.encode("cp932")],
    )
    assert decoded == text


ADOPT = """
const [importing] = m;
const base = {schema: sheet.schema, version: sheet.version, revision: sheet.revision, rank: sheet.rank,
  fields: {section: "s", name: "n", date: "d"}, vision: Object.fromEntries(sheet.vision.map(q => [q, "v"])),
  items: Object.fromEntries(sheet.items.map(id => [id, {rating: 3, note: "n"}]))};
const first = sheet.items[0];
const variant = change => {
  const copy = JSON.parse(JSON.stringify(base));
  change(copy);
  return importing.adopt(copy, sheet);
};
return {
  whole: importing.adopt(base, sheet),
  not_object: [null, [], "text", 3].map(data => importing.adopt(data, sheet).error),
  schema: variant(r => { r.schema = "other"; }).error,
  versions: [0, 1.5, "1", -1].map(v => variant(r => { r.version = v; }).error),
  newer: variant(r => { r.version = sheet.version + 1; }).error,
  other_rank: variant(r => { r.rank = "staff"; }),
  rating_9: variant(r => { r.items[first].rating = 9; }).error,
  rating_text: variant(r => { r.items[first].rating = " 4 "; }).record.items[first],
  rating_empty: variant(r => { r.items[first].rating = ""; }).record.items[first],
  entry_not_object: variant(r => { r.items[first] = "x"; }).error,
  unknown: variant(r => {
    r.items.gone = {name: "Gone", rating: 2, note: ""};
    r.items.blank = {rating: null, note: ""};
  }),
  no_vision: variant(r => { delete r.vision; }),
  no_note: variant(r => { delete r.items[first].note; }),
  long: variant(r => { r.fields.name = "x".repeat(30000); }).record.fields.name.length,
  merged_no_vision: importing.merged(
    {...base, vision: Object.fromEntries(sheet.vision.map(q => [q, "mine"])),
     items: {[first]: {rating: 1, note: "mine"}}},
    variant(r => { delete r.vision; delete r.items[first].note; }),
    sheet,
  ),
};
"""


def test_an_import_takes_only_a_record_of_this_sheet_and_keeps_what_it_lacks(page, site_server, policy):
    found = run(page, site_server, ["growth/import.js"], ADOPT)
    ids = [item.id for item in policy.rank(RANK).table.items]
    whole = found["whole"]
    assert whole["missing"] == {"fields": [], "vision": [], "items": []} and whole["dropped"] == []
    assert found["not_object"] == ["growth_import_not_record"] * 4 and found["schema"] == "growth_import_not_record"
    assert found["versions"] == ["growth_import_not_record"] * 4 and found["newer"] == "growth_import_newer"
    assert found["other_rank"] == {"error": "growth_import_other_rank", "rank": "staff"}
    assert found["rating_9"] == found["entry_not_object"] == "growth_import_not_record"
    assert found["rating_text"] == {"rating": 4, "note": "n"} and found["rating_empty"] == {"rating": None, "note": "n"}
    assert found["unknown"]["dropped"] == ["Gone"], "an item this sheet lacks is named; an empty one is not"
    assert found["no_vision"]["missing"]["vision"] == list(VISION_QUESTIONS)
    assert found["no_note"]["missing"]["items"] == [ids[0]]
    assert found["long"] == 20000
    merged = found["merged_no_vision"]
    assert merged["vision"] == dict.fromkeys(VISION_QUESTIONS, "mine"), "the current answers stay"
    assert merged["items"][ids[0]] == {"rating": 3, "note": "mine"}, "the file's rating, the current note"
    assert merged["items"][ids[1]] == {"rating": 3, "note": "n"}


LAYOUT = """
const [chart] = m;
const figures = [{average: 5, level: 0}, {average: 2.5, level: 1}, {average: null, level: 2}, {average: 1, level: 2}];
return {
  chart: chart.CHART, narrow: chart.layout(figures, 100), wide: chart.layout(figures, 200),
  formatted: [chart.format(null), chart.format(3), chart.format(2.25)],
  mean: [chart.average([]), chart.average([1, 2, 4])],
};
"""


def test_the_chart_scales_averages_from_its_label_column_to_its_value_column(page, site_server):
    found = run(page, site_server, ["growth/chart.js"], LAYOUT)
    shape = found["chart"]
    for label_width in (100, 200):
        placed = found["narrow" if label_width == 100 else "wide"]
        full = shape["width"] - label_width - shape["valueWidth"]  # a 5.0 fills the bars' column
        ticks = placed["ticks"]
        assert [t["step"] for t in ticks] == list(range(1, shape["steps"] + 1))
        assert ticks[-1]["x"] == pytest.approx(label_width + full) and placed["axis"]["x"] == label_width
        bars = [row["bar"] for row in placed["rows"]]
        assert bars[0]["x"] == label_width and bars[0]["width"] == pytest.approx(full)
        assert bars[1]["width"] == pytest.approx(full / 2) and bars[2] is None
        assert bars[3]["x"] + bars[3]["width"] == pytest.approx(ticks[0]["x"]), "a 1.0 ends at the first tick"
        assert bars[3]["height"] < bars[0]["height"], "a group's bar is thinner than its orientation's"
        assert all(0 < bar["y"] and bar["y"] + bar["height"] < placed["height"] for bar in bars if bar)
        assert placed["height"] == shape["top"] + shape["rowHeight"] * 4 + 6
    assert found["formatted"] == ["—", "3.0", "2.3"] and found["mean"] == [None, pytest.approx(7 / 3)]


def test_a_search_excerpt_is_escaped_and_marks_the_query(page, site_server):
    found = run(
        page,
        site_server,
        ["search/combobox.js"],
        "return [m[0].excerpt(arg, '評価'), m[0].excerpt(arg, 'nothing 評価'), m[0].excerpt(arg, 'absent')];",
        '<img src=x onerror="alert(1)"> & 人事評価の<b>手引</b>',
    )
    bare = [text.replace("<mark>", "").replace("</mark>", "") for text in found]
    assert not [text for text in bare if set('<>"&') & set(text.replace("&#", ""))], found
    assert "&#60;img" in found[2], "no place found: the text's start, escaped"
    assert found[0].count("<mark>評価</mark>") == 1 and found[1].count("<mark>評価</mark>") == 1
    assert "<mark>" not in found[2]


def test_words_fill_their_placeholders_only(page, site_server):
    found = run(
        page,
        site_server,
        ["words.js"],
        "const w = m[0].wordsFrom(arg); return [w('count', {shown: 0, total: 3}), w('count'), w('missing')];",
        '{"count": "{shown} / {total} {other}"}',
    )
    assert found == ["0 / 3 {other}", "{shown} / {total} {other}", "missing"]
