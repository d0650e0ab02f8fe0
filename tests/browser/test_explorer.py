"""The competency explorer and the rank comparison, clicked through in a real browser; the downloads read back."""

from __future__ import annotations

import csv
import io
import json
import urllib.request

import pytest
from openpyxl import load_workbook

from handbook.exports import COMPETENCY_COLUMNS, competency_records, initiative_records
from handbook.ui import label


@pytest.fixture(scope="module")
def page(browser):
    """One page for the module; each test opens the address it needs."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def visible_rows(page) -> int:
    return page.eval_on_selector_all("[data-explorer] tbody tr", "rows => rows.filter(r => !r.hidden).length")


def test_explorer_filters(page, site_server, policy):
    page.goto(f"{site_server}/explorer/")
    total = sum(len(rank.table.items) for rank in policy.ranks)
    assert visible_rows(page) == total
    staff = policy.rank("staff")
    page.select_option("#filter-rank", staff.id)
    assert visible_rows(page) == len(staff.table.items)
    groups = [group for group in staff.table.groups if group.orientation == "citizen"]
    page.select_option("#filter-orientation", "citizen")
    assert visible_rows(page) == sum(len(group.items) for group in groups)
    page.select_option("#filter-kind", "attitude")
    shown = sum(len(group.items) for group in groups if group.kind == "attitude")
    assert visible_rows(page) == shown > 0
    assert label("explorer_count")["ja"].replace("{shown}", str(shown)).replace("{total}", str(total)) in (
        page.inner_text("[data-explorer-count]")
    )
    page.click("button[type=reset]")
    page.wait_for_function("() => [...document.querySelectorAll('[data-explorer] tbody tr')].every(r => !r.hidden)")
    page.fill("#filter-text", "心理的安全性")
    expected = sum(
        1 for rank in policy.ranks for item in rank.table.items if "心理的安全性" in item.name.ja + item.description.ja
    )
    assert visible_rows(page) == expected > 0
    page.select_option("#filter-tier", "management")
    assert visible_rows(page) == sum(
        1
        for rank in policy.ranks
        if rank.tier.id == "management"
        for item in rank.table.items
        if "心理的安全性" in item.name.ja + item.description.ja
    )


def test_explorer_without_script_is_a_plain_table(browser, site_server, policy):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/explorer/")
    assert page.is_hidden("[data-explorer-filters]"), "filters that need script are not shown without it"
    assert page.locator("[data-explorer] tbody tr").count() == sum(len(rank.table.items) for rank in policy.ranks)
    context.close()


def test_comparison_picker_and_highlighting(page, site_server, policy):
    page.goto(f"{site_server}/compare/")
    page.select_option("#compare-from", "staff")
    page.select_option("#compare-to", "senior-staff")
    page.click(".compare-picker button[type=submit]")
    page.wait_for_url("**/compare/staff--senior-staff/")
    changed = page.locator("tr.changed").count()
    assert changed > 0 and page.locator("ins.diff-added").count() > 0 and page.locator("del.diff-removed").count() > 0
    staff, senior = policy.rank("staff"), policy.rank("senior-staff")
    differing = sum(
        1 for a in staff.table.items for b in senior.table.items if a.id == b.id and a.description != b.description
    )
    assert page.locator("tr.changed").count() >= differing
    # the same pair chosen the other way round leads to the same page
    page.goto(f"{site_server}/en/compare/")
    page.select_option("#compare-from", "senior-staff")
    page.select_option("#compare-to", "staff")
    page.click(".compare-picker button[type=submit]")
    page.wait_for_url("**/en/compare/staff--senior-staff/")


def test_item_history_shows_every_rank_that_has_the_item(page, site_server, policy):
    page.goto(f"{site_server}/items/problem-solving/")
    ranks = [rank for rank in policy.ranks if any(i.id == "problem-solving" for i in rank.table.items)]
    text = page.inner_text("article")
    assert all(rank.name.ja in text for rank in ranks) and len(ranks) >= 2


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        return response.read()


def test_downloads_parse_back_to_the_data(page, site_server, policy):
    page.goto(f"{site_server}/explorer/")
    links = page.eval_on_selector_all("a[download]", "links => links.map(a => a.href)")
    assert len(links) == 6
    by_name = {link.rsplit("/", 1)[-1]: link for link in links}
    for name, records in (("competencies", competency_records(policy)), ("initiatives", initiative_records(policy))):
        sheet = load_workbook(io.BytesIO(fetch(by_name[f"{name}.xlsx"]))).worksheets[0]
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert [dict(zip(list(records[0]), row, strict=True)) for row in rows] == records
    raw = fetch(by_name["competencies.csv"])
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [{key: str(value) for key, value in record.items()} for record in competency_records(policy)]
    assert list(rows[0]) == COMPETENCY_COLUMNS
    data = json.loads(fetch(by_name["competencies.json"]))
    assert data["competencies"] == competency_records(policy)
    initiatives = list(csv.DictReader(io.StringIO(fetch(by_name["initiatives.csv"]).decode("utf-8-sig"))))
    assert initiatives == initiative_records(policy) and len(initiatives) == len(policy.initiatives)
    for address in (initiatives[0]["page_ja"], initiatives[0]["page_en"]):  # the page column leads to the page
        assert f">{initiatives[0]['number']}" in fetch(site_server + address).decode()
    assert json.loads(fetch(by_name["initiatives.json"]))["initiatives"] == initiative_records(policy)
    # the English explorer links to the same files
    page.goto(f"{site_server}/en/explorer/")
    assert sorted(page.eval_on_selector_all("a[download]", "links => links.map(a => a.href)")) == sorted(links)
