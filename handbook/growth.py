"""The growth record kept on a rank's self-check sheet: what the page tells its script
(overrides/assets/js/growth/) and what it shows of the next rank.

The record itself never leaves the staff member's browser: the script keeps it in local storage and writes it
to a file on request. A record names its format (RECORD_SCHEMA, RECORD_VERSION), the policy's revision and the
rank, and holds its entries by item id, so that a file from another rank or an older revision can be told
apart on import.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from .compare import pair_items
from .model import CompetencyGroup, CompetencyItem, Policy, Rank

RECORD_SCHEMA = "kumamoto-city-growth-record"
RECORD_VERSION = 1
# The career review's questions (initiative 010): who I want to be in five and ten years, and what I will do.
VISION_QUESTIONS = ("five_years", "ten_years", "actions")
CAREER_REVIEW = "010"  # 定期的なキャリアの振り返り
ONE_ON_ONE = "032"  # 職員コミュニケーションの活性化 (1on1 meetings)


def record_revision(policy: Policy) -> str:
    """The revision a record belongs to, the same in both languages (a record written on the English sheet opens
    on the Japanese one) and in neither language's script: the year and month of meta.yml's revision
    ("令和6年（2024年）9月改定" → "2024-09"), or, when the text names none, a digest of it."""
    text = policy.meta.revision["ja"]
    found = re.search(r"(\d{4})年\)?\s*(\d{1,2})月", unicodedata.normalize("NFKC", text))
    if found:
        return f"{found.group(1)}-{int(found.group(2)):02d}"
    return "r-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def growth_target(rank: Rank) -> Rank | None:
    """The rank to grow toward: the nearest rank above whose competency table differs from this rank's
    (ranks sharing a table ask the same of their staff). None at the top, or when every rank above shares it."""
    above = rank.above
    while above is not None and above.table is rank.table:
        above = above.above
    return above


@dataclass
class NextStep:
    """One item of the sheet and what the target rank asks in its place."""

    item: CompetencyItem
    next_item: CompetencyItem | None  # the same item (by id) in the target rank's table
    new_in_group: list[CompetencyItem] = field(default_factory=list)  # the target's items of this group that are new

    @property
    def same_wording(self) -> bool:
        return self.next_item is not None and self.next_item.description == self.item.description


def next_steps(rank: Rank, target: Rank) -> dict[str, NextStep]:
    """Each item of the rank by id, paired with the target rank's item as the comparison pages pair them, or,
    when the target has it in another group, with that. The target's items that are new in a group are shown
    with the group's items that the target does not have, or, when it has them all, with the group's last item."""
    steps: dict[str, NextStep] = {}
    by_group: dict[tuple[str, str], tuple[list[NextStep], list[CompetencyItem]]] = {}
    theirs_by_id = {item.id: item for item in target.table.items}
    moved = {item.id for item in rank.table.items} & set(theirs_by_id)  # kept, though maybe in another group
    for pair in pair_items(rank, target):
        own, new = by_group.setdefault((pair.orientation, pair.kind), ([], []))
        mine, theirs = pair.items
        if mine is None:
            if theirs.id not in moved:
                new.append(theirs)
            continue
        step = NextStep(mine, theirs or theirs_by_id.get(mine.id))
        steps[mine.id] = step
        own.append(step)
    for own, new in by_group.values():
        if new and own:
            for step in [s for s in own if s.next_item is None] or [own[-1]]:
                step.new_in_group = new
    return steps


def orientation_blocks(rank: Rank) -> list[tuple[str, list[CompetencyGroup]]]:
    """The rank's groups by orientation, in the table's order: the rows of the summary."""
    blocks: list[tuple[str, list[CompetencyGroup]]] = []
    for group in rank.table.groups:
        if blocks and blocks[-1][0] == group.orientation:
            blocks[-1][1].append(group)
        else:
            blocks.append((group.orientation, [group]))
    return blocks


def page_data(policy: Policy, rank: Rank, language: str, sheet_href) -> dict[str, str]:
    """The data attributes the script reads from the sheet: the record's format, revision, rank and item ids,
    and the other ranks' names and sheets (to say where a file of another rank belongs)."""
    ranks = {other.id: {"name": other.name[language], "href": sheet_href(other)} for other in policy.ranks}
    return {
        "data-schema": RECORD_SCHEMA,
        "data-version": str(RECORD_VERSION),
        "data-revision": record_revision(policy),
        "data-revision-text": policy.meta.revision[language],
        "data-rank": rank.id,
        "data-items": " ".join(item.id for item in rank.table.items),
        "data-vision": " ".join(VISION_QUESTIONS),
        "data-ranks": json.dumps(ranks, ensure_ascii=False, separators=(",", ":")),
    }


# The words the script shows (messages, file names, the chart's title), from ui.yml, given to it by the page
# (handbook/page_scripts.py).
MESSAGES = (
    "growth_clear_confirm",
    "growth_cleared",
    "growth_exported",
    "growth_saved",
    "growth_save_failed",
    "growth_import_confirm",
    "growth_import_cancelled",
    "growth_imported",
    "growth_import_not_record",
    "growth_import_newer",
    "growth_import_other_rank",
    "growth_import_revision",
    "growth_import_dropped",
    "growth_import_missing",
    "growth_import_missing_name",
    "growth_import_missing_items",
    "growth_import_missing_vision",
    "growth_undo_hint",
    "growth_undo_confirm",
    "growth_undone",
    "growth_stored_dropped",
    "growth_stored_unreadable",
    "growth_file_name",
    "growth_chart_title",
    "growth_csv_id",
    "orientation",
    "group",
    "item",
    "self_rating",
    "notes_column",
    "name_field",
    "section_field",
    "date_field",
    "rank",
    "growth_vision_five_years",
    "growth_vision_ten_years",
    "growth_vision_actions",
    "sep_list",
    "sep_colon",
    "sep_paren_open",
    "sep_paren_close",
    "sep_entries",
    "sep_lists",
    "sep_sentence",
)


def fill(text: str, **values: str) -> str:
    """A label's {placeholders} filled in (plain text: the template escapes the result)."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text
