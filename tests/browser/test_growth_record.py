"""The growth record on a self-check sheet (overrides/assets/growth.js), in a real Chromium, in both languages:
filled in, kept over a reload, exported (JSON, CSV), cleared, imported back; a malformed file, another rank's
record and an older revision's handled without losing the current record; the filled sheet printed on A4;
no request made while filling, exporting and importing; the sheet on a phone, with the keyboard, under axe.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import engines
import paper
import pytest

from handbook.growth import RECORD_SCHEMA, VISION_QUESTIONS, record_revision
from handbook.model import LANGUAGES
from handbook.site import url_prefix

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
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


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
        table = download(page, "[data-growth-export-csv]")
        assert table.startswith(b"\xef\xbb\xbf")
        rows = {row[0]: row for row in csv.reader(io.StringIO(table.decode("utf-8-sig")))}
        assert all(rows[item.id][4] == str(entries["ratings"][item.id]) for item in items)
        assert rows[items[0].id][5] == entries["notes"][items[0].id]
        assert rows["#schema"][5] == RECORD_SCHEMA and rows["#rank"][5] == RANK

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

        # an older revision whose items changed: mapped by id after asking, the items no longer here named
        older = {**record, "revision": "2019-04", "revision_text": "the old revision"}
        older["items"] = {k: v for k, v in record["items"].items() if k != items[0].id}
        older["items"]["retired-item"] = {"name": "Retired item", "rating": 3, "note": "gone"}
        message = upload(page, "older.json", json.dumps(older).encode())
        assert len(dialogs) == 4 and "Retired item" in message and "the old revision" in message
        mapped = page.evaluate(ENTRIES)
        assert items[0].id not in mapped["ratings"] and len(mapped["ratings"]) == len(items) - 1
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
