"""The growth record on a self-check sheet (overrides/assets/js/growth/), in a real Chromium, in both languages:
filled in, kept over a reload, exported (JSON, CSV), cleared, imported back; a malformed file, another rank's
record and an older revision's handled without losing the current record; the filled sheet printed on A4;
no request made while filling, exporting and importing; the sheet on a phone, with the keyboard, under axe.
A cut-off file keeps what it lacks and names it, and the import can be undone; a CSV of the first format still
imports; random records come back whole through CSV (also re-saved in Shift_JIS) and JSON, across languages.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import random
import re
from pathlib import Path

import engines
import paper
import pytest

from handbook.growth import RECORD_SCHEMA, VISION_QUESTIONS, record_revision
from handbook.model import LANGUAGES
from handbook.site import url_prefix
from handbook.ui import label

RANK = "chief"

# Everything the page shows of the record, read back from the form.
ENTRIES = """() => ({
  ratings: Object.fromEntries([...document.querySelectorAll("input[type=radio][data-item]:checked")]
    .map(r => [r.dataset.item, Number(r.value)])),
  notes: Object.fromEntries([...document.querySelectorAll("textarea[data-item-note]")]
    .filter(t => t.value).map(t => [t.dataset.itemNote, t.value])),
  vision: Object.fromEntries([...document.querySelectorAll("textarea[data-vision]")]
    .filter(t => t.value).map(t => [t.dataset.vision, t.value])),
  fields: Object.fromEntries([...document.querySelectorAll("[data-growth-field]")]
    .filter(i => i.value).map(i => [i.dataset.growthField, i.value])),
})"""
MESSAGE = "() => [...document.querySelectorAll('[role=status], [role=alert]')].map(e => e.textContent).join(' ').trim()"
ALERT = "() => document.querySelector('[data-growth-alert]').textContent.trim()"


def sheet_address(site_server: str, language: str, rank: str = RANK) -> str:
    return f"{site_server}/{url_prefix(language)}self-check/{rank}/"


def expected_entries(items) -> dict:
    """A full record: every item rated (1–5 in turn) and noted, the fields and the vision's answers. ASCII
    markers, so that the printout's text can be searched whatever the font."""
    return {
        "ratings": {item.id: index % 5 + 1 for index, item in enumerate(items)},
        "notes": {item.id: f'note-{index}: step, then "quote", 2nd line\nline two' for index, item in enumerate(items)},
        "vision": {question: f"vision-{question} in my words" for question in VISION_QUESTIONS},
        "fields": {"section": "HR Division", "name": "Kumamoto Taro", "date": "2026-04-01"},
    }


# The rest of the items filled at once, as typing and clicking would: the value set, then its input event.
FILL_REST = """entries => {
  for (const [id, rating] of Object.entries(entries.ratings)) {
    const radio = document.querySelector(`input[data-item="${id}"][value="${rating}"]`);
    radio.checked = true;
    radio.dispatchEvent(new Event("change", {bubbles: true}));
  }
  for (const [id, note] of Object.entries(entries.notes)) {
    const box = document.querySelector(`textarea[data-item-note="${id}"]`);
    box.value = note;
    box.dispatchEvent(new Event("input", {bubbles: true}));
  }
}"""


def fill(page, entries: dict, by_hand: int = 3) -> None:
    """The first items, the vision and the fields clicked and typed; the other items set by script (fast)."""
    ids = list(entries["ratings"])
    for item_id in ids[:by_hand]:
        page.check(f'input[data-item="{item_id}"][value="{entries["ratings"][item_id]}"]')
        page.fill(f'textarea[data-item-note="{item_id}"]', entries["notes"][item_id])
    rest = {kind: {i: entries[kind][i] for i in ids[by_hand:]} for kind in ("ratings", "notes")}
    page.evaluate(FILL_REST, rest)
    for question, answer in entries["vision"].items():
        page.fill(f'textarea[data-vision="{question}"]', answer)
    for field, value in entries["fields"].items():
        page.fill(f'[data-growth-field="{field}"]', value)


def download(page, selector: str) -> bytes:
    return download_named(page, selector)[1]


def download_named(page, selector: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(selector)
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def upload(page, name: str, content: bytes, mime: str = "application/json") -> str:
    """Import a file; returns the message the page then shows (in its status or alert region)."""
    page.evaluate("document.querySelectorAll('[role=status], [role=alert]').forEach(e => { e.textContent = ''; })")
    files = [{"name": name, "mimeType": mime, "buffer": content}]
    page.set_input_files("input[type=file][data-growth-import]", files=files)
    page.wait_for_function(MESSAGE)
    return page.evaluate(MESSAGE)


TARGETS = """() => [...document.querySelectorAll(
    "article input:not([type=file]), article textarea, article button, article summary, article label.md-button")]
  .filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 80), r.width, r.height]; })
  .filter(([, w, h]) => w < 24 || h < 24)"""


def axe(page) -> list[str]:
    """axe's WCAG 2.0/2.1 A and AA violations in the page's article (the site's chrome is test_accessibility's).
    Every row of the sheet comes from one template: axe reads the first two groups' rows (a quarter of the time)
    and everything else on the page. Ends the page's use: the other rows are removed."""
    page.evaluate("document.querySelectorAll('tbody.self-check-group').forEach((group, i) => i > 1 && group.remove())")
    page.add_script_tag(url=engines.address(page.url, engines.AXE))
    found = page.evaluate(
        "tags => axe.run('article', {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        engines.WCAG_TAGS,
    )["violations"]
    return [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("language", LANGUAGES)
def test_fill_reload_export_clear_import_and_print(browser, site_server, policy, language):
    items = policy.rank(RANK).table.items
    entries = expected_entries(items)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []
    answer = {"accept": True}

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.accept() if answer["accept"] else dialog.dismiss()

    page.on("dialog", on_dialog)
    requests: list[str] = []
    recording = {"on": False}
    # Every request the page makes once loaded. The browser's own fetch of the tab's icon, which it makes just
    # after the load event (the page does not ask for it), is left out.
    page.on("request", lambda r: recording["on"] and not r.url.endswith("/favicon.png") and requests.append(r.url))
    try:
        page.goto(sheet_address(site_server, language))
        assert page.locator("[data-growth]").is_visible(), "the record's tools show with the script"
        recording["on"] = True

        fill(page, entries)
        assert page.evaluate(ENTRIES) == entries
        assert requests == [], f"requests while filling in: {requests}"

        # kept in local storage: over a reload, and in what a new browser profile would restore
        recording["on"] = False
        page.reload()
        recording["on"] = True
        assert page.evaluate(ENTRIES) == entries, "an entry was lost over a reload"
        stored = [item["name"] for origin in context.storage_state()["origins"] for item in origin["localStorage"]]
        assert stored == [f"kumamoto-growth-record:{RANK}"]
        summary = page.locator("[data-growth-summary]")
        assert summary.is_visible() and summary.locator("svg[role=img]").count() == 1
        averages = summary.locator("tfoot [data-average]").inner_text()
        ratings = list(entries["ratings"].values())
        assert averages == f"{sum(ratings) / len(ratings):.1f}"

        # export: JSON (the record) and CSV (UTF-8 with BOM, one row per item)
        exported = download(page, "[data-growth-export]")
        record = json.loads(exported)
        assert record["schema"] == RECORD_SCHEMA and record["rank"] == RANK
        assert record["revision"] == record_revision(policy)
        assert {i: e["rating"] for i, e in record["items"].items()} == entries["ratings"]
        assert {i: e["note"] for i, e in record["items"].items()} == entries["notes"]
        assert record["vision"] == entries["vision"] and record["fields"] == entries["fields"]
        name, table = download_named(page, "[data-growth-export-csv]")
        rank = policy.rank(RANK)
        # named for people: 成長記録_主査級_2026-04-01.csv, growth-record_chief-level_2026-04-01.csv
        slug = rank.name[language].lower().replace(" ", "-")
        assert re.fullmatch(rf"{label('growth_file_name')[language]}_{slug}_\d{{4}}-\d{{2}}-\d{{2}}\.csv", name), name
        assert table.startswith(b"\xef\xbb\xbf")
        listed = list(csv.reader(io.StringIO(table.decode("utf-8-sig"))))
        # headed in the page's language, the rank and fields first as on the sheet, the format's rows last
        headers = ("growth_csv_id", "orientation", "group", "item", "self_rating", "notes_column")
        assert listed[0] == [label(key)[language] for key in headers]
        assert listed[1] == [f"rank:{RANK}", "", "", label("rank")[language], "", rank.name[language]]
        assert [row[0] for row in listed[-3:]] == ["#schema", "#version", "#revision"]
        rows = {row[0]: row for row in listed}
        assert all(rows[item.id][4] == str(entries["ratings"][item.id]) for item in items)
        assert rows[items[0].id][5] == entries["notes"][items[0].id]
        assert rows["#schema"][5] == RECORD_SCHEMA
        for group in rank.table.groups:  # "Attitude: Ethics", 姿勢：倫理観
            shown = f"{label(group.kind)[language]}{label('sep_colon')[language]}{group.name[language]}"
            assert group.kind == "results" or rows[group.items[0].id][2] == shown

        # clear (after confirming): nothing on the page, nothing stored
        page.click("[data-growth-clear]")
        assert len(dialogs) == 1
        assert page.evaluate(ENTRIES) == {"ratings": {}, "notes": {}, "vision": {}, "fields": {}}
        assert page.evaluate(f"localStorage.getItem('kumamoto-growth-record:{RANK}')") is None

        # import the JSON back: every entry again, without asking (nothing to lose)
        upload(page, "record.json", exported)
        assert page.evaluate(ENTRIES) == entries and len(dialogs) == 1
        # … and the CSV, which asks before it replaces the current record: declined, nothing changes; accepted
        answer["accept"] = False
        upload(page, "record.csv", table, "text/csv")
        assert len(dialogs) == 2 and page.evaluate(ENTRIES) == entries
        answer["accept"] = True
        upload(page, "record.csv", table, "text/csv")
        assert len(dialogs) == 3 and page.evaluate(ENTRIES) == entries

        # refused, with a message in the alert region: not JSON, not a record, a damaged record, another rank's;
        # the current record stays, and nothing asked to replace it
        for name, content in [
            ("broken.json", b'{"schema": "' + RECORD_SCHEMA.encode() + b'", "items": {'),
            ("other.json", json.dumps({"hello": "world"}).encode()),
            ("bad.json", json.dumps({**record, "items": {items[0].id: {"rating": 9, "note": ""}}}).encode()),
            ("notes.txt", b"just some notes\nwith lines"),
            ("staff.json", json.dumps({**record, "rank": "staff"}).encode()),
        ]:
            upload(page, name, content)
            assert page.evaluate(ALERT), f"{name}: no alert"
            assert page.evaluate(ENTRIES) == entries, f"{name} changed the record"
        assert len(dialogs) == 3, "a refused file asked to replace the record"
        assert policy.rank("staff").name[language] in page.evaluate(ALERT)

        # an older revision whose items changed: mapped by id after asking, the items no longer here named, the one
        # it lacks kept as it was and named
        older = {**record, "revision": "2019-04", "revision_text": "the old revision"}
        older["items"] = {k: v for k, v in record["items"].items() if k != items[0].id}
        older["items"]["retired-item"] = {"name": "Retired item", "rating": 3, "note": "gone"}
        message = upload(page, "older.json", json.dumps(older).encode())
        assert len(dialogs) == 4 and "Retired item" in message and "the old revision" in message
        assert items[0].name[language] in message
        assert page.evaluate(ENTRIES) == entries
        assert requests == [], f"requests while exporting and importing: {requests}"

        # the filled sheet on A4: the entries on paper, the summary and the vision after the sheet, 3 pages at most
        upload(page, "record.json", exported)
        assert page.evaluate(ENTRIES) == entries
        printed = paper.sheets(page.pdf(format="A4"))
        flat = "".join("".join(sheet.text for sheet in printed).split())
        assert 1 <= len(printed) <= 3, f"the filled sheet prints on {len(printed)} pages"
        for marker in (
            "note-0:",
            f"note-{len(items) - 1}:",
            "KumamotoTaro",
            "HRDivision",
            "vision-five_yearsinmywords",
        ):
            assert marker in flat, f"{marker!r} is not on paper"
        assert requests == [], f"requests while printing: {requests}"
        # the filled sheet, its summary and vision open, under axe (the site's other pages: test_accessibility)
        faults = axe(page)
        assert not faults, "\n".join(faults)
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_with_the_keyboard_and_under_axe(browser, site_server, policy, language):
    items = policy.rank(RANK).table.items
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(sheet_address(site_server, language))
        # keyboard only: from the date field into the table, through the next rank's wording, to a rating and a note
        page.focus("[data-growth-field=date]")
        page.keyboard.type("2026-04-01")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('.self-check-wrap[role=region][aria-label]')")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('details.growth-next > summary')")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.parentElement.open")
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowRight")  # the first item's first step, then the second
        page.keyboard.press("Tab")
        page.keyboard.type("by keyboard")
        key = f"kumamoto-growth-record:{RANK}"
        stored = json.loads(page.evaluate("key => localStorage.getItem(key)", key))
        assert stored["items"][items[0].id] == {"rating": 2, "note": "by keyboard"}
        assert stored["fields"]["date"] == "2026-04-01"

        # the handbook revised under a kept record: the entries still on the sheet shown, the others named, the
        # record first copied aside
        older = {
            **stored,
            "revision": "2019-04",
            "items": {**stored["items"], "retired-item": {"rating": 4, "note": ""}},
        }
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(older)])
        page.reload()
        assert "retired-item" in page.evaluate(MESSAGE)
        assert page.evaluate(ENTRIES)["notes"] == {items[0].id: "by keyboard"}
        assert json.loads(page.evaluate("key => localStorage.getItem(key + ':previous')", key)) == older

        # a phone: no sideways scrolling, targets of 24 × 24 px at least, no axe violation
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the page scrolls sideways at 390 px: {width}"
        assert page.evaluate(TARGETS) == []
        faults = axe(page)
        assert not faults, "\n".join(faults)
    finally:
        context.close()


def test_without_script_the_blank_sheet_as_before(browser, site_server, policy):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        # "load", not "domcontentloaded": without script nothing waits for the stylesheets that hide these
        page.goto(sheet_address(site_server, "ja"), wait_until="load")
        for hidden in ("[data-growth]", "[data-growth-summary]", "[data-growth-vision-section]"):
            assert not page.locator(hidden).is_visible(), hidden
        assert page.locator("input[type=radio][data-item]").count() == 5 * len(policy.rank(RANK).table.items)
        assert page.locator("details.growth-next").first.is_visible()
    finally:
        context.close()


KEY = f"kumamoto-growth-record:{RANK}"
STORED = "key => localStorage.getItem(key)"
UNDO = "[data-growth-undo]"


def quoted_names(message: str, language: str) -> list[str]:
    """The names an import's message quotes, in order: the items, then the vision answers, the file lacks."""
    return re.findall("「([^」]*)」" if language == "ja" else "“([^”]*)”", message)


def test_an_import_keeps_what_the_file_lacks_names_it_and_can_be_undone(browser, site_server, policy):
    """Half an exported CSV (cut inside a character), then a JSON without its vision: what each carries is
    taken, the rest stays as it was and is named; "undo import" gives back the record exactly as it was, also
    after a reload, and asks first when the record was edited since the import. The staff level's sheet: two of
    its items share a name (正確性), which the message tells apart."""
    language, rank = "ja", "staff"
    key = f"kumamoto-growth-record:{rank}"
    items = policy.rank(rank).table.items
    first = expected_entries(items)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []
    answer = {"accept": True}

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.accept() if answer["accept"] else dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        page.goto(sheet_address(site_server, language, rank))
        fill(page, first, by_hand=0)
        table = download(page, "[data-growth-export-csv]")
        exported = json.loads(download(page, "[data-growth-export]"))
        assert not page.locator(UNDO).is_visible(), "nothing to undo before an import"

        # the record now: other ratings and notes in the second half, other vision answers, another name
        now = json.loads(json.dumps(first))
        later = [item.id for item in items[len(items) // 2 :]]
        now["ratings"].update({item_id: 6 - now["ratings"][item_id] for item_id in later})
        now["notes"].update({item_id: f"now {item_id}" for item_id in later})
        now["vision"] = {question: f"now, {question}\n二行目" for question in VISION_QUESTIONS}
        now["fields"]["name"] = "熊本 花子"
        fill(page, now, by_hand=0)
        assert page.evaluate(ENTRIES) == now
        kept = page.evaluate(STORED, key)

        # the CSV's first half, cut inside a character: its complete rows are taken, the rest kept and named
        cut = len(table) // 2
        while table[cut] & 0xC0 != 0x80:  # a UTF-8 continuation byte
            cut += 1
        half = table[:cut]
        complete = half.decode("utf-8-sig", errors="ignore").rsplit("\r\n", 1)[0]
        carried = {row[0] for row in csv.reader(io.StringIO(complete))}
        lacking = [item for item in items if item.id not in carried]
        assert lacking and len(lacking) < len(items), "the cut falls among the items"
        message = upload(page, "half.csv", half, "text/csv")
        assert len(dialogs) == 1, "asked before replacing the record"
        merged = {
            "ratings": {i: (now if i in later and i not in carried else first)["ratings"][i] for i in first["ratings"]},
            "notes": {i: (now if i in later and i not in carried else first)["notes"][i] for i in first["notes"]},
            "vision": now["vision"],  # the CSV's last rows: not in the half
            "fields": first["fields"],  # at the top: in the half
        }
        assert page.evaluate(ENTRIES) == merged
        vision_names = [label(f"growth_vision_{question}")[language] for question in VISION_QUESTIONS]
        hint = label("growth_undo_hint")[language]
        assert message.endswith(hint), "the message says how to undo"
        named = quoted_names(message.replace(hint, ""), language)
        assert named[len(lacking) :] == vision_names
        assert all(name.startswith(item.name[language]) for name, item in zip(named, lacking, strict=False)), named
        assert len(set(named)) == len(named), f"two items named alike: {named}"
        assert not page.evaluate(ALERT)

        # the undo survives a reload; it asks nothing (no edit since), and the record is the one kept, byte for byte
        page.reload()
        assert page.evaluate(ENTRIES) == merged
        page.click(UNDO)
        assert len(dialogs) == 1
        assert page.evaluate(ENTRIES) == now and page.evaluate(STORED, key) == kept
        assert page.evaluate(STORED, key + ":undo") is None and not page.locator(UNDO).is_visible()
        assert page.evaluate("document.activeElement.matches('[data-growth-import]')"), "focus lost with the button"

        # a JSON without its vision: the vision kept and named, the rest taken
        message = upload(page, "no-vision.json", json.dumps({**exported, "vision": None}).encode())
        assert page.evaluate(ENTRIES) == {**first, "vision": now["vision"]}
        assert quoted_names(message.replace(hint, ""), language) == vision_names
        # edited since the import: undo asks first; declined, nothing changes; accepted, back as it was
        page.fill(f'textarea[data-item-note="{items[0].id}"]', "edited after the import")
        answer["accept"] = False
        page.click(UNDO)
        assert len(dialogs) == 3 and page.evaluate(ENTRIES)["notes"][items[0].id] == "edited after the import"
        answer["accept"] = True
        page.click(UNDO)
        assert len(dialogs) == 4 and page.evaluate(ENTRIES) == now and page.evaluate(STORED, key) == kept
    finally:
        context.close()


def test_a_csv_of_the_first_format_imports_on_either_page(browser, site_server):
    """A CSV saved by the sheet before its headers were localised and its #… rows moved to the end (the files in
    tests/browser/data were exported by that version, from the Japanese page): every entry comes back, as the
    same version's JSON has it, on the Japanese page and on the English one."""
    folder = Path(__file__).parent / "data"
    record = json.loads((folder / "growth-record-first-format.json").read_text(encoding="utf-8"))
    expected = {
        "ratings": {i: e["rating"] for i, e in record["items"].items() if e["rating"]},
        "notes": {i: e["note"] for i, e in record["items"].items() if e["note"]},
        "vision": {q: a for q, a in record["vision"].items() if a},
        "fields": {f: v for f, v in record["fields"].items() if v},
    }
    context = browser.new_context()
    page = context.new_page()
    try:
        for language in LANGUAGES:
            page.goto(sheet_address(site_server, language))
            page.evaluate("localStorage.clear()")
            page.reload()
            upload(page, "成長記録_chief_2026-12-06.csv", (folder / "growth-record-first-format.csv").read_bytes())
            assert not page.evaluate(ALERT)
            assert page.evaluate(ENTRIES) == expected, language
    finally:
        context.close()


# ---------- Export, change, import: every record comes back ----------

# Pieces of random text: what Excel or a CSV might trip over (separators, quotes, line breaks, a formula's first
# character, an apostrophe before one), Japanese, and characters Shift_JIS (cp932) has and has not.
STARTS = ["", "=", "+", "-", "@", "\t", "'", "'=", "''+", " =", '=HYPERLINK("http://x","y")', "-1", "@SUM(A1)"]
PIECES = [*"aZ0 ,;\"'\n\t=+-@/\\", "あ", "漢字", "～", "①", "ｶﾅ", "\u3000", "ー", "﨑", "㈱", '""', "\r\n"]
NOT_IN_CP932 = ["😀", "👩‍💻", "é", "€", "〜"]


def random_text(rng: random.Random, shift_jis: bool, lines: bool) -> str:
    if rng.random() < 0.2:
        return ""
    pieces = PIECES if shift_jis else PIECES + NOT_IN_CP932 * 3
    text = rng.choice(STARTS) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
    text = text.replace("\r\n", "\n")  # a text box holds its line breaks as LF
    return text if lines else text.replace("\n", " ")  # a one-line field keeps none


def random_record(rng: random.Random, ids: list[str], shift_jis: bool) -> dict:
    return {
        "ratings": {i: rng.choice([None, 1, 2, 3, 4, 5]) for i in ids},
        "notes": {i: random_text(rng, shift_jis, True) for i in ids},
        "vision": {q: random_text(rng, shift_jis, True) for q in VISION_QUESTIONS},
        "fields": {f: random_text(rng, shift_jis, False) for f in ("section", "name", "date")},
    }


# The page's own paths, many records in one call: the record cleared and filled in as a person would (each value
# set, then its event), the buttons clicked, the files the page makes caught where it hands them to the browser,
# and a file given to the import as the file picker gives it.
PAGE_TOOLS = """() => {
  window.confirm = () => true;
  const made = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = blob => { made.push(blob); return create.call(URL, blob); };
  const messages = [...document.querySelectorAll("[data-growth-status], [data-growth-alert]")];
  window.growthTest = {
    fill(record) {
      document.querySelector("[data-growth-clear]").click();
      const typed = (selector, value) => {
        const box = document.querySelector(selector);
        box.value = value;
        box.dispatchEvent(new Event("input", {bubbles: true}));
      };
      for (const [id, rating] of Object.entries(record.ratings)) {
        if (rating === null) continue;
        const radio = document.querySelector(`input[data-item="${id}"][value="${rating}"]`);
        radio.checked = true;
        radio.dispatchEvent(new Event("change", {bubbles: true}));
      }
      for (const [id, note] of Object.entries(record.notes)) typed(`textarea[data-item-note="${id}"]`, note);
      for (const [q, answer] of Object.entries(record.vision)) typed(`textarea[data-vision="${q}"]`, answer);
      for (const [f, value] of Object.entries(record.fields)) typed(`[data-growth-field="${f}"]`, value);
    },
    async exported(selector) {
      made.length = 0;
      document.querySelector(selector).click();
      const bytes = new Uint8Array(await made[0].arrayBuffer());
      let text = "";
      for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
      return btoa(text);
    },
    async imported(name, base64) {
      messages.forEach(m => { m.textContent = ""; });
      const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
      const files = new DataTransfer();
      files.items.add(new File([bytes], name));
      const picker = document.querySelector("[data-growth-import]");
      picker.files = files.files;
      picker.dispatchEvent(new Event("change", {bubbles: true}));
      while (!messages.some(m => m.textContent)) await new Promise(done => setTimeout(done, 2));
      return document.querySelector("[data-growth-alert]").textContent;
    },
    read(key) {
      const checked = id => document.querySelector(`input[data-item="${id}"]:checked`);
      const ids = [...document.querySelectorAll("tr[data-growth-row]")].map(row => row.id);
      const stored = JSON.parse(localStorage.getItem(key) || '{"items": {}, "fields": {}, "vision": {}}');
      const pick = (selector, name) =>
        Object.fromEntries([...document.querySelectorAll(selector)].map(e => [e.dataset[name], e.value]));
      return {
        page: {
          ratings: Object.fromEntries(ids.map(id => [id, checked(id) ? Number(checked(id).value) : null])),
          notes: pick("textarea[data-item-note]", "itemNote"),
          vision: pick("textarea[data-vision]", "vision"),
          fields: pick("[data-growth-field]", "growthField"),
        },
        stored: {
          ratings: Object.fromEntries(ids.map(id => [id, (stored.items[id] || {}).rating || null])),
          notes: Object.fromEntries(ids.map(id => [id, (stored.items[id] || {}).note || ""])),
          vision: stored.vision || {}, fields: stored.fields || {},
        },
      };
    },
  };
}"""

EXPORT_ALL = """async records => {
  const files = [];
  for (const record of records) {
    growthTest.fill(record);
    const csv = await growthTest.exported("[data-growth-export-csv]");
    files.push({csv, json: await growthTest.exported("[data-growth-export]")});
  }
  return files;
}"""

IMPORT_ALL = """async ([jobs, key]) => {
  const results = [];
  for (const job of jobs) {
    const alert = await growthTest.imported(job.name, job.file);
    results.push({alert, ...growthTest.read(key)});
  }
  return results;
}"""


def test_export_change_import_gives_back_every_record(browser, site_server, policy):
    """Random records (seeded) exported as CSV and JSON on one language's page and imported on the other's while
    it holds another record: the CSV as the page made it and as Excel on a Japanese PC saves it again (Shift_JIS,
    no BOM; the records whose text is all in cp932). Each comes back whole, in the form and in what the browser
    keeps; no cell of a CSV starts as a formula would. Each page in its own browser profile, so that one's saves
    do not redraw the other."""
    ids = [item.id for item in policy.rank(RANK).table.items]
    rng = random.Random(20261206)
    records = [random_record(rng, ids, shift_jis=index % 4 < 2) for index in range(12)]
    pages = {}
    try:
        for language in LANGUAGES:
            pages[language] = browser.new_context().new_page()
            pages[language].goto(sheet_address(site_server, language))
            pages[language].evaluate(PAGE_TOOLS)
        # by kind of file, so that each import meets a record other than its own: the one imported before it
        jobs = {language: {"record.csv": [], "record.json": [], "excel.csv": []} for language in LANGUAGES}
        for index, language in enumerate(LANGUAGES):
            exporting = records[index :: len(LANGUAGES)]
            importing = LANGUAGES[(index + 1) % len(LANGUAGES)]
            files = pages[language].evaluate(EXPORT_ALL, exporting)
            for record, made in zip(exporting, files, strict=True):
                table = base64.b64decode(made["csv"])
                text = table.decode("utf-8-sig")
                for row in csv.reader(io.StringIO(text, newline="")):
                    assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")], row
                variants = {"record.csv": table, "record.json": base64.b64decode(made["json"])}
                try:
                    variants["excel.csv"] = text.encode("cp932")
                except UnicodeEncodeError:
                    pass  # Excel could not keep this record's text in Shift_JIS either
                for name, content in variants.items():
                    file = base64.b64encode(content).decode()
                    jobs[importing][name].append({"name": name, "file": file, "want": record})
        assert min(len(kinds["excel.csv"]) for kinds in jobs.values()) >= 3, "too few Shift_JIS re-saves"
        for language, kinds in jobs.items():
            batch = [job for kind in kinds.values() for job in kind]
            given = [{"name": job["name"], "file": job["file"]} for job in batch]
            results = pages[language].evaluate(IMPORT_ALL, [given, KEY])
            for job, result in zip(batch, results, strict=True):
                assert result["alert"] == "", (job["name"], result["alert"])
                assert result["page"] == job["want"], (language, job["name"], job["want"])
                assert result["stored"] == job["want"], (language, job["name"], "kept", job["want"])
    finally:
        for page in pages.values():
            page.context.close()
