"""Read policy_data/, validate it (schemas, then what no schema can check) and build the model.

`load_policy` is the one way in: it either returns a complete Policy or raises PolicyDataError with every
fault found, each naming file, line and field.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from .errors import Fault, PolicyDataError, field_name
from .model import (Area, CompetencyGroup, CompetencyItem, CompetencyTable, GlossaryTerm, Initiative, JobTitle,
                    Orientation, Policy, PostType, Rank, Role, Talent, Theme, Tier, as_tree)
from .schema_check import schema_faults
from .yaml_source import YamlDocument, read_yaml

REPOSITORY = Path(__file__).resolve().parent.parent
DATA_DIR = REPOSITORY / "policy_data"

# Each data file and the schema it must follow.
SINGLE_FILES = {
    "meta.yml": "meta.schema.json",
    "terminology.yml": "terminology.schema.json",
    "glossary.yml": "glossary.schema.json",
    "organisation.yml": "organisation.schema.json",
    "orientations.yml": "orientations.schema.json",
    "ranks.yml": "ranks.schema.json",
    "competencies.yml": "competencies.schema.json",
    "talents.yml": "talents.schema.json",
    "indicators.yml": "indicators.schema.json",
    "areas.yml": "areas.schema.json",
}
INITIATIVE_DIR = "initiatives"
INITIATIVE_SCHEMA = "initiative.schema.json"
ORIENTATION_ORDER = ("citizen", "self-reliance", "team", "reform")
# The nine groups of every competency table, in the policy's order.
GROUP_ORDER = [(o, kind) for o in ORIENTATION_ORDER for kind in ("attitude", "ability")] + [("results", "results")]
ITEMS_PER_GROUP = 3
INITIATIVE_COUNT = 35


def _shown(path: Path, data_dir: Path) -> str:
    try:
        return path.relative_to(data_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def data_files(data_dir: Path = DATA_DIR) -> list[tuple[str, str]]:
    """Every data file (path relative to data_dir) with the schema it must follow, in reading order."""
    return list(SINGLE_FILES.items()) + [(f"{INITIATIVE_DIR}/{p.name}", INITIATIVE_SCHEMA)
                                         for p in sorted((data_dir / INITIATIVE_DIR).glob("*.yml"))]


def read_documents(data_dir: Path = DATA_DIR) -> tuple[dict[str, YamlDocument], list[Fault]]:
    """Every data file, parsed and schema-checked; keys are paths relative to data_dir."""
    schema_dir = data_dir / "schemas"
    documents, faults = {}, []
    for name, schema in data_files(data_dir):
        path = data_dir / name
        shown = _shown(path, data_dir)
        if not path.exists():
            faults.append(Fault(shown, None, "", "this file is missing.",
                                "Restore it from the main branch; every data file is needed."))
            continue
        document, read_faults = read_yaml(path, shown)
        faults += read_faults
        if document is not None:
            faults += schema_faults(document, schema_dir, schema)
            documents[name] = document
    for stray in sorted(data_dir.glob("*.yaml")) + sorted((data_dir / INITIATIVE_DIR).glob("*.yaml")):
        faults.append(Fault(_shown(stray, data_dir), None, "", "data files must end in '.yml', so this one is ignored.",
                            "Rename it to end in '.yml'."))
    return documents, faults


class _Checker:
    """Cross-file checks: ids unique, references resolve, the policy's fixed structure holds."""

    def __init__(self, documents: dict[str, YamlDocument]):
        self.documents = documents
        self.faults: list[Fault] = []

    def fault(self, name: str, path: tuple, message: str, fix: str) -> None:
        document = self.documents[name]
        self.faults.append(Fault(document.file, document.line(path), field_name(path), message, fix))

    def unique(self, name: str, entries: list, key: str, base: tuple, what: str) -> set:
        seen: dict = {}
        for index, entry in enumerate(entries):
            value = entry.get(key)
            if value in seen:
                self.fault(name, base + (index, key), f"the {what} '{value}' is used twice (first at entry {seen[value] + 1}).",
                           f"Give each {what} its own value.")
            else:
                seen[value] = index
        return set(seen)

    def reference(self, name: str, path: tuple, value, known: set, what: str, where: str) -> None:
        if value not in known:
            choices = ", ".join(sorted(map(str, known)))
            self.fault(name, path, f"'{value}' is not a known {what}.",
                       f"Use one of the {what} ids defined in {where}: {choices}.")

    def run(self) -> list[Fault]:
        d = {name: doc.data for name, doc in self.documents.items()}
        if any(name not in d for name in SINGLE_FILES):
            return self.faults  # a missing or unreadable file is already reported; references cannot be checked
        orientation_ids = self.unique("orientations.yml", d["orientations.yml"]["orientations"], "id", ("orientations",), "orientation id")
        if [o["id"] for o in d["orientations.yml"]["orientations"]] != list(ORIENTATION_ORDER):
            self.fault("orientations.yml", ("orientations",), "the four orientations must be, in this order: " + ", ".join(ORIENTATION_ORDER) + ".",
                       "Keep the order of the policy and do not rename these ids.")
        ranks = d["ranks.yml"]
        tier_ids = self.unique("ranks.yml", ranks["tiers"], "id", ("tiers",), "tier id")
        post_ids = self.unique("ranks.yml", ranks["post_types"], "id", ("post_types",), "post type id")
        rank_ids = self.unique("ranks.yml", ranks["ranks"], "id", ("ranks",), "rank id")
        tables = d["competencies.yml"]["tables"]
        table_ids = self.unique("competencies.yml", tables, "id", ("tables",), "table id")
        for i, rank in enumerate(ranks["ranks"]):
            self.reference("ranks.yml", ("ranks", i, "tier"), rank["tier"], tier_ids, "tier", "ranks.yml under 'tiers'")
            self.reference("ranks.yml", ("ranks", i, "competency_table"), rank["competency_table"], table_ids,
                           "competency table", "competencies.yml")
            for j, role in enumerate(rank["roles"]):
                if "post_type" in role:
                    self.reference("ranks.yml", ("ranks", i, "roles", j, "post_type"), role["post_type"], post_ids,
                                   "post type", "ranks.yml under 'post_types'")
        for i, tier in enumerate(ranks["tiers"]):
            for j, rank_id in enumerate(tier["ranks"]):
                self.reference("ranks.yml", ("tiers", i, "ranks", j), rank_id, rank_ids, "rank", "ranks.yml under 'ranks'")
                owner = next((r for r in ranks["ranks"] if r["id"] == rank_id), None)
                if owner and owner["tier"] != tier["id"]:
                    self.fault("ranks.yml", ("tiers", i, "ranks", j), f"the rank '{rank_id}' is listed under the tier '{tier['id']}' but says its tier is '{owner['tier']}'.",
                               "Make the tier's list of ranks and the rank's 'tier' agree.")
        for i, job in enumerate(ranks.get("job_titles", [])):
            for j, title in enumerate(job["titles"]):
                self.reference("ranks.yml", ("job_titles", i, "titles", j, "rank"), title["rank"], rank_ids, "rank", "ranks.yml under 'ranks'")
        for i, table in enumerate(tables):
            for j, rank_id in enumerate(table["ranks"]):
                self.reference("competencies.yml", ("tables", i, "ranks", j), rank_id, rank_ids, "rank", "ranks.yml")
                owner = next((r for r in ranks["ranks"] if r["id"] == rank_id), None)
                if owner and owner["competency_table"] != table["id"]:
                    self.fault("competencies.yml", ("tables", i, "ranks", j),
                               f"the rank '{rank_id}' is listed here but ranks.yml gives it the table '{owner['competency_table']}'.",
                               "Make competencies.yml and ranks.yml agree on which table each rank uses.")
            self.check_table(i, table, orientation_ids)
        self.check_areas_and_initiatives(d)
        talent_ids = self.unique("talents.yml", d["talents.yml"]["talents"], "id", ("talents",), "talent id")
        for name, data in d.items():
            if name.startswith(INITIATIVE_DIR + "/"):
                for j, talent in enumerate(data.get("related_talents", [])):
                    self.reference(name, ("related_talents", j), talent, talent_ids, "talent", "talents.yml")
        glossary = d["glossary.yml"]["terms"]
        self.unique("glossary.yml", glossary, "id", ("terms",), "glossary id")
        return self.faults

    def check_table(self, i: int, table: dict, orientation_ids: set) -> None:
        name, base = "competencies.yml", ("tables", i)
        groups = table["groups"]
        found = [(g["orientation"], g["kind"]) for g in groups]
        if found != GROUP_ORDER:
            self.fault(name, base + ("groups",),
                       f"the table '{table['id']}' must have nine groups in the policy's order "
                       "(citizen attitude, citizen ability, self-reliance attitude, … reform ability, results); "
                       f"here they are: {', '.join(f'{o} {k}' for o, k in found)}.",
                       "Check that no group was moved, removed or given the wrong 'orientation' or 'kind'.")
        item_ids: Counter = Counter()
        for j, group in enumerate(groups):
            if group["orientation"] not in orientation_ids | {"results"}:
                self.reference(name, base + ("groups", j, "orientation"), group["orientation"], orientation_ids | {"results"},
                               "orientation", "orientations.yml (or 'results')")
            if len(group["items"]) != ITEMS_PER_GROUP:
                self.fault(name, base + ("groups", j, "items"),
                           f"this group has {len(group['items'])} items; every group of the policy has {ITEMS_PER_GROUP}.",
                           "Check whether an item was moved here from a neighbouring group, or deleted.")
            for k, item in enumerate(group["items"]):
                item_ids[item["id"]] += 1
                if item_ids[item["id"]] == 2:
                    self.fault(name, base + ("groups", j, "items", k, "id"),
                               f"the item id '{item['id']}' is used twice in the table '{table['id']}'.",
                               "Give each item of a table its own id (an item's id is its web address on the rank page).")

    def check_areas_and_initiatives(self, d: dict) -> None:
        areas = d["areas.yml"]["areas"]
        self.unique("areas.yml", areas, "id", ("areas",), "area id")
        theme_ids: set = set()
        listed: dict[str, tuple] = {}
        for i, area in enumerate(areas):
            for j, theme in enumerate(area["themes"]):
                if theme["id"] in theme_ids:
                    self.fault("areas.yml", ("areas", i, "themes", j, "id"), f"the theme id '{theme['id']}' is used twice.",
                               "Give each theme its own id.")
                theme_ids.add(theme["id"])
                for k, number in enumerate(theme["initiatives"]):
                    if number in listed:
                        self.fault("areas.yml", ("areas", i, "themes", j, "initiatives", k),
                                   f"initiative {number} is listed under two themes.", "List each initiative under one theme only.")
                    listed[number] = ("areas", i, "themes", j, "initiatives", k)
        initiatives = {name: data for name, data in d.items() if name.startswith(INITIATIVE_DIR + "/")}
        numbers = {}
        for name, data in initiatives.items():
            expected = Path(name).stem
            if data["number"] != expected:
                self.fault(name, ("number",), f"the file is named {expected}.yml but its number is '{data['number']}'.",
                           f"Make the file name and the number agree (number: \"{expected}\").")
            numbers[data["number"]] = name
            self.reference(name, ("theme",), data["theme"], theme_ids, "theme", "areas.yml")
            if data["number"] not in listed:
                self.fault(name, ("number",), f"initiative {data['number']} is not listed under any theme in areas.yml.",
                           "Add its number to the 'initiatives' list of its theme in policy_data/areas.yml.")
            else:
                i, j = listed[data["number"]][1], listed[data["number"]][3]
                if areas[i]["themes"][j]["id"] != data["theme"]:
                    self.fault(name, ("theme",), f"areas.yml lists initiative {data['number']} under the theme "
                               f"'{areas[i]['themes'][j]['id']}', but this file says '{data['theme']}'.",
                               "Make the two agree.")
        for number, path in listed.items():
            if number not in numbers:
                self.fault("areas.yml", path, f"initiative {number} is listed but there is no file initiatives/{number}.yml.",
                           "Add the file, or remove the number from the list.")
        expected_numbers = [f"{n:03d}" for n in range(1, len(numbers) + 1)]
        if len(numbers) < INITIATIVE_COUNT or sorted(numbers) != expected_numbers:
            gaps = [n for n in (f"{k:03d}" for k in range(1, max(INITIATIVE_COUNT, len(numbers)) + 1)) if n not in numbers]
            where = f"policy_data/{INITIATIVE_DIR}"
            self.faults.append(Fault(where, None, "", f"the initiatives must be numbered 001 to at least {INITIATIVE_COUNT:03d} "
                                     f"without gaps; missing: {', '.join(gaps)}.",
                                     "Add the missing file(s), or renumber so that the numbers run without a gap."))
        for i, area in enumerate(areas):
            for j, theme in enumerate(area["themes"]):
                for k, number in enumerate(theme.get("featured", [])):
                    if number not in theme["initiatives"]:
                        self.fault("areas.yml", ("areas", i, "themes", j, "featured", k),
                                   f"initiative {number} is featured under '{theme['id']}' but not listed in its 'initiatives'.",
                                   "Feature only initiatives of the same theme.")


def build_policy(documents: dict[str, YamlDocument]) -> Policy:
    """Assemble the model from documents that passed validation."""
    d = {name: as_tree(doc.data) for name, doc in documents.items()}
    ranks_data = d["ranks.yml"]
    tables = []
    for t in d["competencies.yml"]["tables"]:
        groups = []
        for g in t["groups"]:
            group = CompetencyGroup(g["orientation"], g["kind"], g["name"], source_note=g.get("source_note"))
            group.items = [CompetencyItem(i["id"], i["name"], i["description"], group, i.get("source_note"))
                           for i in g["items"]]
            groups.append(group)
        tables.append(CompetencyTable(t["id"], t["ranks"], groups, t.get("source_note")))
    tiers = [Tier(t["id"], t["name"]) for t in ranks_data["tiers"]]
    post_types = [PostType(p["id"], p["name"]) for p in ranks_data["post_types"]]
    ranks = []
    for position, r in enumerate(ranks_data["ranks"]):
        tier = next(t for t in tiers if t.id == r["tier"])
        roles = [Role(next((p for p in post_types if p.id == role.get("post_type")), None), role["duties"])
                 for role in r["roles"]]
        rank = Rank(r["id"], r["name"], tier, next(t for t in tables if t.id == r["competency_table"]), roles,
                    position, source_note=r.get("source_note"))
        tier.ranks.append(rank)
        ranks.append(rank)
    for upper, lower in zip(ranks, ranks[1:]):
        upper.below, lower.above = lower, upper
    for job in ranks_data.get("job_titles", []):
        for title in job["titles"]:
            rank = next(r for r in ranks if r.id == title["rank"])
            rank.job_titles.append(JobTitle(job["job_type"], title["name"], rank))
    o = d["orientations.yml"]
    orientations = [Orientation(x["id"], x["name"], x.get("aim"), x.get("behaviours", []), x.get("abilities_to_grow", []),
                                x.get("source_note")) for x in o["orientations"]]
    talents_data = d["talents.yml"]
    talents = [Talent(t["id"], t["number"], t["name"], t) for t in talents_data["talents"]]
    areas = []
    theme_by_id = {}
    for a in d["areas.yml"]["areas"]:
        area = Area(a["id"], a["name"], a.get("description"), a.get("activity_indicators", []))
        for th in a["themes"]:
            theme = Theme(th["id"], th["name"], area)
            theme_by_id[theme.id] = theme
            area.themes.append(theme)
        areas.append(area)
    initiatives = []
    for name in sorted(n for n in d if n.startswith(INITIATIVE_DIR + "/")):
        x = d[name]
        initiative = Initiative(x["number"], x["title"], theme_by_id[x["theme"]], x.get("text", []), x.get("blocks", []),
                                [t for t in talents if t.id in x.get("related_talents", [])], x.get("source_note"))
        initiatives.append(initiative)
    by_number = {i.number: i for i in initiatives}
    for a in d["areas.yml"]["areas"]:
        for th in a["themes"]:
            theme_by_id[th["id"]].initiatives = [by_number[n] for n in th["initiatives"]]
            theme_by_id[th["id"]].featured = [by_number[n] for n in th.get("featured", [])]
    glossary = [GlossaryTerm(g["id"], g["term"], g["definition"], g.get("reading"), g.get("defined_in"),
                             g.get("aliases", [])) for g in d["glossary.yml"]["terms"]]
    return Policy(meta=d["meta.yml"], terminology=d["terminology.yml"]["terms"], glossary=glossary,
                  organisation=d["organisation.yml"], orientations=orientations, results=o["results"]["name"],
                  orientations_section=o, tiers=tiers, post_types=post_types, ranks=ranks, tables=tables,
                  ranks_data=ranks_data, talents=talents, talents_data=talents_data, indicators=d["indicators.yml"],
                  areas=areas, areas_data=d["areas.yml"], initiatives=initiatives)


def validate(data_dir: Path = DATA_DIR) -> dict[str, YamlDocument]:
    documents, faults = read_documents(data_dir)
    if not faults:
        faults = _Checker(documents).run()
    if faults:
        raise PolicyDataError(faults)
    return documents


_cache: dict[Path, tuple[tuple, Policy]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                 for p in sorted(data_dir.rglob("*")) if p.is_file() and "source" not in p.parts)


def load_policy(data_dir: Path = DATA_DIR) -> Policy:
    """The validated model; read again only when a file under data_dir changed (each language build and
    each `mkdocs serve` rebuild asks for it)."""
    data_dir = Path(os.path.abspath(data_dir))
    key = _fingerprint(data_dir)
    cached = _cache.get(data_dir)
    if cached and cached[0] == key:
        return cached[1]
    policy = build_policy(validate(data_dir))
    _cache[data_dir] = (key, policy)
    return policy
