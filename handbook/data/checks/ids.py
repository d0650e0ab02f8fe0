"""Ids and the references to them, as two tables: which lists give ids (each used once), and which values must
be one of those ids. A new list of ids or a new reference is one line here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...addresses import INITIATIVE_DIR
from ..read import is_initiative
from .report import Report

INITIATIVE_FILES = f"{INITIATIVE_DIR}/*.yml"


@dataclass(frozen=True)
class Ids:
    """A list of entries whose `id` names them: each id is used once."""

    known: str  # the name the references below use for this set of ids
    file: str
    path: str  # where the list stands in the file, e.g. "role_flow.actors"
    what: str  # how the fault names the id


@dataclass(frozen=True)
class Ref:
    """Values that must be one of a set of known ids. In `path`, "[]" stands for every entry of a list; a field
    the data leaves out is skipped (the schema says which may be left out)."""

    file: str  # or INITIATIVE_FILES: every initiative's file
    path: str
    known: str  # the set of ids (an Ids' `known`, or one `cross_check` adds)
    what: str  # how the fault names what is referred to
    where: str  # where the fault says the known ids are defined


IDS = (
    Ids("orientation", "orientations.yml", "orientations", "orientation id"),
    Ids("tier", "ranks.yml", "tiers", "tier id"),
    Ids("post type", "ranks.yml", "post_types", "post type id"),
    Ids("rank", "ranks.yml", "ranks", "rank id"),
    Ids("table", "competencies.yml", "tables", "table id"),
    Ids("actor", "ranks.yml", "role_flow.actors", "actor id"),
    Ids("skill", "ranks.yml", "katz_model.skills", "skill id"),
    Ids("area", "areas.yml", "areas", "area id"),
    Ids("key value", "organisation.yml", "target_image.key_values", "key value id"),
    Ids("talent", "talents.yml", "talents", "talent id"),
    Ids("glossary", "glossary.yml", "terms", "glossary id"),
)

_TIERS, _POSTS, _RANKS = "ranks.yml under 'tiers'", "ranks.yml under 'post_types'", "ranks.yml under 'ranks'"
_ACTORS = "ranks.yml under 'role_flow.actors'"

# fmt: off
REFERENCES = (
    # ranks.yml: the ranks, their tiers and the job titles
    Ref("ranks.yml", "ranks[].tier", "tier", "tier", _TIERS),
    Ref("ranks.yml", "ranks[].competency_table", "table", "competency table", "competencies.yml"),
    Ref("ranks.yml", "ranks[].roles[].post_type", "post type", "post type", _POSTS),
    Ref("ranks.yml", "tiers[].ranks[]", "rank", "rank", _RANKS),
    Ref("ranks.yml", "job_titles[].titles[].rank", "rank", "rank", _RANKS),
    Ref("competencies.yml", "tables[].ranks[]", "rank", "rank", "ranks.yml"),
    # ranks.yml: the role flow (09), the rank overview (10) and the Katz model
    Ref("ranks.yml", "role_flow.functions[].actor", "actor", "actor", _ACTORS),
    Ref("ranks.yml", "role_flow.functions[].post_type", "post type", "post type", _POSTS),
    Ref("ranks.yml", "role_flow.links[].from", "actor", "actor", _ACTORS),
    Ref("ranks.yml", "role_flow.links[].to", "actor", "actor", _ACTORS),
    Ref("ranks.yml", "rank_image.rows[].ranks[]", "rank", "rank", _RANKS),
    Ref("ranks.yml", "katz_model.levels[].skill", "skill", "skill", "katz_model.skills"),
    Ref("ranks.yml", "katz_model.levels[].ranks[]", "rank", "rank", _RANKS),
    # organisation.yml: the key values' actions, the growth cycle and the staff figure
    Ref("organisation.yml", "growth_actions.key_values[].key_value", "key value", "key value", "organisation.yml under 'target_image.key_values'"),
    Ref("organisation.yml", "growth_cycle.areas[]", "area", "area", "areas.yml"),
    Ref("organisation.yml", "target_image.staff.figure.orientations[]", "orientation order", "orientation", "orientations.yml"),
    # each initiative's theme and talents; the initiative an indicator belongs to
    Ref(INITIATIVE_FILES, "theme", "theme", "theme", "areas.yml"),
    Ref(INITIATIVE_FILES, "related_talents[]", "talent", "talent", "talents.yml"),
    Ref("indicators.yml", "basics[].initiative", "initiative", "initiative", f"policy_data/{INITIATIVE_DIR}/"),
    Ref(INITIATIVE_FILES, "withdrawn.merged_into", "initiative", "initiative", f"policy_data/{INITIATIVE_DIR}/"),
)
# fmt: on


def places(node, path: str) -> Iterator[tuple[tuple, object]]:
    """Every (path, value) that `path` ("ranks[].roles[].post_type") names in node."""
    steps: list[str] = []
    for part in path.split("."):
        steps += [part[:-2], "[]"] if part.endswith("[]") else [part]
    found = [((), node)]
    for step in steps:
        if step == "[]":
            found = [(at + (i,), entry) for at, value in found for i, entry in enumerate(value)]
        else:
            found = [(at + (step,), value[step]) for at, value in found if isinstance(value, dict) and step in value]
    return iter(found)


def _files(report: Report, file: str) -> list[str]:
    return [name for name in report.data if is_initiative(name)] if file == INITIATIVE_FILES else [file]


def unique_ids(report: Report) -> dict[str, set]:
    """Each list's ids, by its `known` name; an id used twice in its list is a fault."""
    known = {}
    for ids in IDS:
        [(path, entries)] = places(report.data[ids.file], ids.path)
        known[ids.known] = report.unique(ids.file, entries, "id", path, ids.what)
    return known


def references(report: Report, known: dict[str, set]) -> None:
    """Every value of the REFERENCES table is one of its known ids."""
    for ref in REFERENCES:
        for name in _files(report, ref.file):
            for path, value in places(report.data[name], ref.path):
                report.reference(name, path, value, known[ref.known], ref.what, ref.where)
