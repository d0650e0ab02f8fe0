"""Read policy_data/, validate it (schemas, then what no schema can check) and build the model.

`load_policy` is the one way in: it either returns a complete Policy or raises PolicyDataError with every
fault found, each naming file, line and field.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from .errors import Fault, PolicyDataError, Words, field_name
from .model import (
    Area,
    AreasSection,
    Block,
    CompetencyGroup,
    CompetencyItem,
    CompetencyTable,
    EditorNote,
    FlowActor,
    FlowFunction,
    FlowLink,
    GlossaryTerm,
    Indicator,
    Indicators,
    Initiative,
    JobTitle,
    JobType,
    KatzLevel,
    KatzModel,
    KatzSkill,
    KeyValue,
    KeyValueActions,
    Orientation,
    OutcomeTarget,
    Policy,
    PostType,
    Rank,
    RankImage,
    RankImageCell,
    RankImageRow,
    RanksSection,
    Role,
    RoleFlow,
    Section,
    Table,
    Talent,
    TalentAbility,
    TalentLevel,
    TalentsSection,
    Text,
    Theme,
    Tier,
    UnquantifiedIndicator,
    as_tree,
    link_ranks,
)
from .schema_check import schema_faults
from .yaml_source import YamlDocument, read_yaml, text_mappings

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
# The page, and the place on it, that shows each numbered section of the source ("04-2": the development
# plans, part 2 of section 04, which has a page of its own).
SECTION_PAGES = {
    "01": "about.md",
    "02": "staff-image.md#target-image",
    "03": "orientations/index.md",
    "04": "staff-image.md#growth-actions",
    "04-2": "development-plans.md",
    "05": "initiatives/index.md#growth-cycle",
    "06": "talents/index.md",
    "07": "indicators.md",
    "08": "ranks/index.md",
    "09": "role-flow.md#role-flow",
    "10": "role-flow.md#rank-image",
    "11": "initiatives/index.md#areas",
}


def _shown(path: Path, data_dir: Path) -> str:
    try:
        return path.relative_to(data_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def data_files(data_dir: Path = DATA_DIR) -> list[tuple[str, str]]:
    """Every data file (path relative to data_dir) with the schema it must follow, in reading order."""
    return list(SINGLE_FILES.items()) + [
        (f"{INITIATIVE_DIR}/{p.name}", INITIATIVE_SCHEMA) for p in sorted((data_dir / INITIATIVE_DIR).glob("*.yml"))
    ]


def read_documents(data_dir: Path = DATA_DIR) -> tuple[dict[str, YamlDocument], list[Fault]]:
    """Every data file, parsed and schema-checked; keys are paths relative to data_dir."""
    schema_dir = data_dir / "schemas"
    documents, faults = {}, []
    for name, schema in data_files(data_dir):
        path = data_dir / name
        shown = _shown(path, data_dir)
        if not path.exists():
            faults.append(
                Fault(
                    shown,
                    None,
                    "",
                    Words("このファイルがありません。", "this file is missing."),
                    Words(
                        "main ブランチから戻してください。データのファイルはすべて必要です。",
                        "Restore it from the main branch; every data file is needed.",
                    ),
                )
            )
            continue
        document, read_faults = read_yaml(path, shown)
        faults += read_faults
        if document is not None:
            faults += schema_faults(document, schema_dir, schema)
            documents[name] = document
    for stray in sorted(data_dir.glob("*.yaml")) + sorted((data_dir / INITIATIVE_DIR).glob("*.yaml")):
        faults.append(
            Fault(
                _shown(stray, data_dir),
                None,
                "",
                Words(
                    "データのファイル名は「.yml」で終わる決まりなので、このファイルは読まれません。",
                    "data files must end in '.yml', so this one is ignored.",
                ),
                Words("ファイル名の最後を「.yml」に変えてください。", "Rename it to end in '.yml'."),
            )
        )
    return documents, faults


# What each kind of id names, in both languages (for fault messages).
_NAMES = {
    "orientation": Words("志向", "orientation"),
    "tier": Words("区分", "tier"),
    "post type": Words("職の種類", "post type"),
    "rank": Words("職位", "rank"),
    "competency table": Words("標準職務遂行能力の表", "competency table"),
    "table": Words("表", "table"),
    "talent": Words("人材", "talent"),
    "actor": Words("フロー図の枠", "actor"),
    "skill": Words("能力", "skill"),
    "key value": Words("キーワード", "key value"),
    "area": Words("観点", "area"),
    "theme": Words("テーマ", "theme"),
    "glossary": Words("用語", "glossary"),
    "initiative": Words("取組", "initiative"),
}


def _name(what: str) -> Words:
    """'rank' -> 職位/rank; 'rank id' -> 職位の id/rank id."""
    if what.endswith(" id"):
        base = _NAMES[what[: -len(" id")]]
        return Words(f"{base.ja}の id", f"{base.en} id")
    return _NAMES[what]


class _Checker:
    """Cross-file checks: ids unique, references resolve, the policy's fixed structure holds."""

    def __init__(self, documents: dict[str, YamlDocument]):
        self.documents = documents
        self.faults: list[Fault] = []

    def fault(self, name: str, path: tuple, message: Words, fix: Words) -> None:
        document = self.documents[name]
        self.faults.append(Fault(document.file, document.line(path), field_name(path), message, fix))

    def unique(self, name: str, entries: list, key: str, base: tuple, what: str) -> set:
        what = _name(what)
        seen: dict = {}
        for index, entry in enumerate(entries):
            value = entry.get(key)
            if value in seen:
                self.fault(
                    name,
                    base + (index, key),
                    Words(
                        f"{what.ja}「{value}」が2回使われています（1回目は {seen[value] + 1} 番目）。",
                        f"the {what.en} '{value}' is used twice (first at entry {seen[value] + 1}).",
                    ),
                    Words(f"{what.ja}はそれぞれ別の値にしてください。", f"Give each {what.en} its own value."),
                )
            else:
                seen[value] = index
        return set(seen)

    def reference(self, name: str, path: tuple, value, known: set, what: str, where: str) -> None:
        """`where` names the file (and list) where the known ids are defined, e.g. "ranks.yml: ranks"."""
        what = _name(what)
        if value not in known:
            choices = ", ".join(sorted(map(str, known)))
            self.fault(
                name,
                path,
                Words(f"「{value}」という{what.ja}はありません。", f"'{value}' is not a known {what.en}."),
                Words(
                    f"{where} にある{what.ja}の id のどれかを書いてください: {choices}",
                    f"Use one of the {what.en} ids defined in {where}: {choices}.",
                ),
            )

    def run(self) -> list[Fault]:
        d = {name: doc.data for name, doc in self.documents.items()}  # every file is there: run() follows clean reads
        orientations = d["orientations.yml"]["orientations"]
        orientation_ids = self.unique("orientations.yml", orientations, "id", ("orientations",), "orientation id")
        if [o["id"] for o in orientations] != list(ORIENTATION_ORDER):
            self.fault(
                "orientations.yml",
                ("orientations",),
                Words(
                    "４つの志向は次の順に並べる決まりです: " + ", ".join(ORIENTATION_ORDER),
                    "the four orientations must be, in this order: " + ", ".join(ORIENTATION_ORDER) + ".",
                ),
                Words(
                    "方針の順番のままにし、これらの id は変えないでください。",
                    "Keep the order of the policy and do not rename these ids.",
                ),
            )
        ranks = d["ranks.yml"]
        tier_ids = self.unique("ranks.yml", ranks["tiers"], "id", ("tiers",), "tier id")
        post_ids = self.unique("ranks.yml", ranks["post_types"], "id", ("post_types",), "post type id")
        rank_ids = self.unique("ranks.yml", ranks["ranks"], "id", ("ranks",), "rank id")
        rank_by_id = {r["id"]: r for r in ranks["ranks"]}
        tables = d["competencies.yml"]["tables"]
        table_ids = self.unique("competencies.yml", tables, "id", ("tables",), "table id")
        in_ranks = "ranks.yml under 'ranks'"
        for i, rank in enumerate(ranks["ranks"]):
            self.reference("ranks.yml", ("ranks", i, "tier"), rank["tier"], tier_ids, "tier", "ranks.yml under 'tiers'")
            self.reference(
                "ranks.yml",
                ("ranks", i, "competency_table"),
                rank["competency_table"],
                table_ids,
                "competency table",
                "competencies.yml",
            )
            for j, role in enumerate(rank["roles"]):
                if "post_type" in role:
                    self.reference(
                        "ranks.yml",
                        ("ranks", i, "roles", j, "post_type"),
                        role["post_type"],
                        post_ids,
                        "post type",
                        "ranks.yml under 'post_types'",
                    )
        for i, tier in enumerate(ranks["tiers"]):
            for j, rank_id in enumerate(tier["ranks"]):
                self.reference("ranks.yml", ("tiers", i, "ranks", j), rank_id, rank_ids, "rank", in_ranks)
                owner = rank_by_id.get(rank_id)
                if owner and owner["tier"] != tier["id"]:
                    self.fault(
                        "ranks.yml",
                        ("tiers", i, "ranks", j),
                        Words(
                            f"職位「{rank_id}」は区分「{tier['id']}」に載っていますが、職位の側では区分が「{owner['tier']}」になっています。",
                            f"the rank '{rank_id}' is listed under the tier '{tier['id']}' "
                            f"but says its tier is '{owner['tier']}'.",
                        ),
                        Words(
                            "区分の職位リストと、職位の「tier」をそろえてください。",
                            "Make the tier's list of ranks and the rank's 'tier' agree.",
                        ),
                    )
        for i, job in enumerate(ranks.get("job_titles", [])):
            for j, title in enumerate(job["titles"]):
                path = ("job_titles", i, "titles", j, "rank")
                self.reference("ranks.yml", path, title["rank"], rank_ids, "rank", in_ranks)
        for i, table in enumerate(tables):
            for j, rank_id in enumerate(table["ranks"]):
                self.reference("competencies.yml", ("tables", i, "ranks", j), rank_id, rank_ids, "rank", "ranks.yml")
                owner = rank_by_id.get(rank_id)
                if owner and owner["competency_table"] != table["id"]:
                    self.fault(
                        "competencies.yml",
                        ("tables", i, "ranks", j),
                        Words(
                            f"職位「{rank_id}」はここに載っていますが、ranks.yml ではこの職位の表が「{owner['competency_table']}」になっています。",
                            f"the rank '{rank_id}' is listed here but ranks.yml gives it the table "
                            f"'{owner['competency_table']}'.",
                        ),
                        Words(
                            "どの職位がどの表を使うかを、competencies.yml と ranks.yml でそろえてください。",
                            "Make competencies.yml and ranks.yml agree on which table each rank uses.",
                        ),
                    )
            self.check_table(i, table, orientation_ids)
        self.check_figures(ranks, rank_ids, post_ids, orientation_ids)
        area_ids = self.check_areas_and_initiatives(d)
        self.check_organisation(d["organisation.yml"], area_ids)
        talent_ids = self.unique("talents.yml", d["talents.yml"]["talents"], "id", ("talents",), "talent id")
        for name, data in d.items():
            if name.startswith(INITIATIVE_DIR + "/"):
                for j, talent in enumerate(data.get("related_talents", [])):
                    self.reference(name, ("related_talents", j), talent, talent_ids, "talent", "talents.yml")
        # The initiatives' numbers: places a glossary term, an indicator or a page reference may point at.
        initiatives = {Path(name).stem for name in d if name.startswith(INITIATIVE_DIR + "/")}
        self.check_glossary(d, initiatives)
        self.check_indicators(d["indicators.yml"], initiatives)
        self.check_references(d, initiatives)
        return self.faults

    def check_references(self, d: dict, initiatives: set[str]) -> None:
        """A page reference ('see') must quote words that stand in its text and point at a known place."""
        for name, data in d.items():
            for path, text in text_mappings(data):
                see = text.get("see")
                if not see:
                    continue
                for language in ("ja", "en"):
                    if see[language] not in text[language]:
                        self.fault(
                            name,
                            path + ("see", language),
                            Words(
                                f"参照の語句「{see[language]}」が、この文の {language} にありません。",
                                f"'{see[language]}' does not stand in the text's {language} wording.",
                            ),
                            Words(
                                f"{language} の文にある語句をそのまま写してください。",
                                f"Copy the pointer's words exactly as they stand in '{language}'.",
                            ),
                        )
                if see["to"] not in SECTION_PAGES and see["to"] not in initiatives:
                    self.fault(
                        name,
                        path + ("see", "to"),
                        Words(
                            f"「{see['to']}」は方針の章の番号でも、取組の番号でもありません。",
                            f"'{see['to']}' is neither a section of the policy nor an initiative number.",
                        ),
                        Words(
                            '章の番号（例: "08"）か取組の番号（例: "006"）を引用符で囲んで書いてください。',
                            'Write the section number (e.g. "08") or the initiative number (e.g. "006") in quotes.',
                        ),
                    )

    def check_table(self, i: int, table: dict, orientation_ids: set) -> None:
        name, base = "competencies.yml", ("tables", i)
        groups = table["groups"]
        found = [(g["orientation"], g["kind"]) for g in groups]
        if found != GROUP_ORDER:
            self.fault(
                name,
                base + ("groups",),
                Words(
                    f"表「{table['id']}」には方針の順（市民志向の姿勢、市民志向の能力、自立志向の姿勢、…改革志向の能力、仕事の実績）で"
                    f"９つの分類が必要です。いまの並び: {', '.join(f'{o} {k}' for o, k in found)}",
                    f"the table '{table['id']}' must have nine groups in the policy's order "
                    "(citizen attitude, citizen ability, self-reliance attitude, … reform ability, results); "
                    f"here they are: {', '.join(f'{o} {k}' for o, k in found)}.",
                ),
                Words(
                    "分類が動いたり消えたりしていないか、「orientation」「kind」が違っていないか確かめてください。"
                    "改定された方針で分類そのものが変わったのなら、データの誤りではありません。開発担当に依頼してください。",
                    "Check that no group was moved, removed or given the wrong 'orientation' or 'kind'. If the revised "
                    "policy itself changed its groups, the data is not wrong: ask the developers.",
                ),
            )
        item_ids: Counter = Counter()
        for j, group in enumerate(groups):
            for k, item in enumerate(group["items"]):
                item_ids[item["id"]] += 1
                if item_ids[item["id"]] == 2:
                    self.fault(
                        name,
                        base + ("groups", j, "items", k, "id"),
                        Words(
                            f"項目の id「{item['id']}」が表「{table['id']}」の中で2回使われています。",
                            f"the item id '{item['id']}' is used twice in the table '{table['id']}'.",
                        ),
                        Words(
                            "表の項目にはそれぞれ別の id を付けてください（id は職位のページでの項目のアドレスになります）。",
                            "Give each item of a table its own id (an item's id is its web address on the rank page).",
                        ),
                    )

    def check_figures(self, ranks: dict, rank_ids: set, post_ids: set, orientation_ids: set) -> None:
        """The role flow (09), the rank overview (10) and the Katz model point at actors, ranks and skills."""
        name, flow = "ranks.yml", ranks["role_flow"]
        actor_ids = self.unique(name, flow["actors"], "id", ("role_flow", "actors"), "actor id")
        in_actors = "ranks.yml under 'role_flow.actors'"
        for i, function in enumerate(flow["functions"]):
            self.reference(
                name, ("role_flow", "functions", i, "actor"), function["actor"], actor_ids, "actor", in_actors
            )
            if "post_type" in function:
                path = ("role_flow", "functions", i, "post_type")
                self.reference(name, path, function["post_type"], post_ids, "post type", "ranks.yml under 'post_types'")
        for i, link in enumerate(flow["links"]):
            for end in ("from", "to"):
                self.reference(name, ("role_flow", "links", i, end), link[end], actor_ids, "actor", in_actors)
        for i, row in enumerate(ranks["rank_image"]["rows"]):
            for j, rank_id in enumerate(row["ranks"]):
                path = ("rank_image", "rows", i, "ranks", j)
                self.reference(name, path, rank_id, rank_ids, "rank", "ranks.yml under 'ranks'")
            found = [cell["orientation"] for cell in row["names"]]
            if found != list(ORIENTATION_ORDER):
                self.fault(
                    name,
                    ("rank_image", "rows", i, "names"),
                    Words(
                        "各行には４つの志向の姿勢と能力を次の順で書きます: " + ", ".join(ORIENTATION_ORDER),
                        "each row must name the attitude and ability of the four orientations, in this order: "
                        + ", ".join(ORIENTATION_ORDER)
                        + ".",
                    ),
                    Words(
                        "志向ごとに1つずつ、方針の順で書いてください。",
                        "Keep one entry per orientation, in the policy's order.",
                    ),
                )
        katz = ranks["katz_model"]
        skill_ids = self.unique(name, katz["skills"], "id", ("katz_model", "skills"), "skill id")
        for i, level in enumerate(katz["levels"]):
            self.reference(
                name, ("katz_model", "levels", i, "skill"), level["skill"], skill_ids, "skill", "katz_model.skills"
            )
            for j, rank_id in enumerate(level["ranks"]):
                path = ("katz_model", "levels", i, "ranks", j)
                self.reference(name, path, rank_id, rank_ids, "rank", "ranks.yml under 'ranks'")

    def check_organisation(self, organisation: dict, area_ids: set) -> None:
        name = "organisation.yml"
        key_values = organisation["target_image"]["key_values"]
        key_value_ids = self.unique(name, key_values, "id", ("target_image", "key_values"), "key value id")
        for i, entry in enumerate(organisation["growth_actions"]["key_values"]):
            path = ("growth_actions", "key_values", i, "key_value")
            where = "organisation.yml under 'target_image.key_values'"
            self.reference(name, path, entry["key_value"], key_value_ids, "key value", where)
        for i, area_id in enumerate(organisation["growth_cycle"]["areas"]):
            self.reference(name, ("growth_cycle", "areas", i), area_id, area_ids, "area", "areas.yml")
        for i, oid in enumerate(organisation["target_image"]["staff"]["figure"]["orientations"]):
            path = ("target_image", "staff", "figure", "orientations", i)
            self.reference(name, path, oid, set(ORIENTATION_ORDER), "orientation", "orientations.yml")

    def check_areas_and_initiatives(self, d: dict) -> set:
        areas = d["areas.yml"]["areas"]
        area_ids = self.unique("areas.yml", areas, "id", ("areas",), "area id")
        theme_ids: set = set()
        for i, area in enumerate(areas):
            for j, theme in enumerate(area["themes"]):
                if theme["id"] in theme_ids:
                    self.fault(
                        "areas.yml",
                        ("areas", i, "themes", j, "id"),
                        Words(
                            f"テーマの id「{theme['id']}」が2回使われています。",
                            f"the theme id '{theme['id']}' is used twice.",
                        ),
                        Words("テーマにはそれぞれ別の id を付けてください。", "Give each theme its own id."),
                    )
                theme_ids.add(theme["id"])
        numbers = set()
        for name, data in d.items():
            if not name.startswith(INITIATIVE_DIR + "/"):
                continue
            expected = Path(name).stem
            if data["number"] != expected:
                self.fault(
                    name,
                    ("number",),
                    Words(
                        f"ファイル名は {expected}.yml ですが、中の番号は「{data['number']}」です。",
                        f"the file is named {expected}.yml but its number is '{data['number']}'.",
                    ),
                    Words(
                        f'ファイル名と番号をそろえてください（number: "{expected}"）。',
                        f'Make the file name and the number agree (number: "{expected}").',
                    ),
                )
            numbers.add(data["number"])
            self.reference(name, ("theme",), data["theme"], theme_ids, "theme", "areas.yml")
        gaps = [f"{n:03d}" for n in range(1, len(numbers) + 1) if f"{n:03d}" not in numbers]
        if gaps:
            self.faults.append(
                Fault(
                    f"policy_data/{INITIATIVE_DIR}",
                    None,
                    "",
                    Words(
                        f"取組の番号は 001 から抜けなく続ける決まりです。抜けている番号: {', '.join(gaps)}",
                        f"the initiatives must be numbered from 001 without gaps; missing: {', '.join(gaps)}.",
                    ),
                    Words(
                        "抜けているファイルを足すか、番号が続くように付け直してください。",
                        "Add the missing file(s), or renumber so that the numbers run without a gap.",
                    ),
                )
            )
        return area_ids

    def check_glossary(self, d: dict, initiatives: set[str]) -> None:
        terms = d["glossary.yml"]["terms"]
        self.unique("glossary.yml", terms, "id", ("terms",), "glossary id")
        for i, term in enumerate(terms):
            place = term.get("defined_in")
            if place is not None and place not in SECTION_PAGES and place not in initiatives:
                self.fault(
                    "glossary.yml",
                    ("terms", i, "defined_in"),
                    Words(
                        f"「{place}」は方針の章（01〜11）の番号でも、ある取組の番号でもありません。",
                        f"'{place}' is neither a section of the policy (01–11) nor an initiative number.",
                    ),
                    Words(
                        '原典でこの用語を説明している章の2桁の番号（例: "06"）か、取組の3桁の番号（例: "009"）を引用符で囲んで書いてください。',
                        'Write the two-digit section number (e.g. "06") or the three-digit initiative number '
                        '(e.g. "009") where the source defines the term, in quotes.',
                    ),
                )

    def check_indicators(self, indicators: dict, initiatives: set[str]) -> None:
        """Every chart needs the full length of its bars (its scale), and no figure may exceed it; an indicator's
        initiative exists."""
        for i, basic in enumerate(indicators["basics"]):
            if "initiative" in basic:
                path, where = ("basics", i, "initiative"), f"policy_data/{INITIATIVE_DIR}/"
                self.reference("indicators.yml", path, basic["initiative"], initiatives, "initiative", where)
        charted = [("basics", i, b, b["values"]) for i, b in enumerate(indicators["basics"]) if _charted(b["values"])]
        charted += [
            ("outcome_targets", i, o, [o["baseline"], o["target"]]) for i, o in enumerate(indicators["outcome_targets"])
        ]
        for part, i, indicator, figures in charted:
            scale = indicator.get("scale")
            if scale is None:
                self.fault(
                    "indicators.yml",
                    (part, i, "id"),
                    Words(
                        f"指標「{indicator['id']}」はグラフで描きますが、「scale」がありません。",
                        f"the indicator '{indicator['id']}' is drawn as a chart but has no 'scale'.",
                    ),
                    Words(
                        "グラフの棒の最大値を数値の単位で「scale:」に書いてください（割合なら 100、５段階評価なら 5）。",
                        "Add 'scale:' with the full length of its bars in the unit of its figures "
                        "(100 for a percentage, 5 for a five-point score).",
                    ),
                )
                continue
            for figure in figures:
                if figure["value"] > scale:
                    self.fault(
                        "indicators.yml",
                        (part, i, "scale"),
                        Words(
                            f"指標「{indicator['id']}」の数値 {figure['value']} が scale の {scale} を超えています。",
                            f"the figure {figure['value']} of '{indicator['id']}' is larger than its scale {scale}.",
                        ),
                        Words(
                            "「scale」はその数値がとりうる最大の値にしてください。",
                            "Make 'scale' the largest value the figure can take.",
                        ),
                    )


def _charted(values: list[dict]) -> bool:
    """An indicator is drawn as bars when it has several values of one unit (see model.Indicator.charted)."""
    units = {str(value.get("unit")) for value in values}
    return len(values) > 1 and len(units) == 1


def _section(node: dict) -> Section:
    return Section(
        node["number"],
        node["title"],
        SECTION_PAGES[node["number"]],
        node.get("intro", []),
        node.get("closing", []),
        node.get("source_note"),
    )


def _table(node: dict) -> Table:
    return Table(
        node.get("caption"), node.get("columns", []), node["rows"], node.get("notes", []), node.get("source_note")
    )


def _blocks(nodes: list[dict]) -> list[Block]:
    return [
        Block(
            heading=node.get("heading"),
            paragraphs=node.get("paragraphs", []),
            items=node.get("items", []),
            table=_table(node["table"]) if "table" in node else None,
            notes=node.get("notes", []),
            source_note=node.get("source_note"),
        )
        for node in nodes
    ]


def _build_tables(data: dict) -> list[CompetencyTable]:
    tables = []
    for table in data["tables"]:
        groups = []
        for g in table["groups"]:
            group = CompetencyGroup(g["orientation"], g["kind"], g["name"], source_note=g.get("source_note"))
            group.items = [
                CompetencyItem(item["id"], item["name"], item["description"], group, item.get("source_note"))
                for item in g["items"]
            ]
            groups.append(group)
        tables.append(CompetencyTable(table["id"], table["ranks"], groups, table.get("source_note")))
    return tables


def _build_ranks(
    data: dict, tables: list[CompetencyTable]
) -> tuple[list[Tier], list[PostType], list[Rank], list[JobType]]:
    tiers = {t["id"]: Tier(t["id"], t["name"]) for t in data["tiers"]}
    post_types = {p["id"]: PostType(p["id"], p["name"]) for p in data["post_types"]}
    table_by_id = {table.id: table for table in tables}
    ranks = []
    for position, r in enumerate(data["ranks"]):
        roles = [Role(post_types.get(role.get("post_type")), role["duties"]) for role in r["roles"]]
        rank = Rank(
            r["id"],
            r["name"],
            tiers[r["tier"]],
            table_by_id[r["competency_table"]],
            roles,
            position,
            source_note=r.get("source_note"),
        )
        rank.tier.ranks.append(rank)
        ranks.append(rank)
    by_id = link_ranks(ranks)
    job_types = []
    for job in data.get("job_titles", []):
        titles = [JobTitle(job["job_type"], title["name"], by_id[title["rank"]]) for title in job["titles"]]
        for title in titles:
            title.rank.job_titles.append(title)
        job_types.append(JobType(job["job_type"], titles, job["note"]))
    return list(tiers.values()), list(post_types.values()), ranks, job_types


def _build_role_flow(flow: dict, ranks: list[Rank], post_types: list[PostType]) -> RoleFlow:
    rank_by_id = {rank.id: rank for rank in ranks}
    post_by_id = {post.id: post for post in post_types}
    actors = {a["id"]: FlowActor(a["id"], a["name"], rank_by_id.get(a["id"]), n) for n, a in enumerate(flow["actors"])}
    for f in flow["functions"]:
        actors[f["actor"]].functions.append(
            FlowFunction(post_by_id.get(f.get("post_type")), f.get("label"), f.get("items", []), f.get("source_note"))
        )
    for link in flow["links"]:
        actors[link["from"]].links.append(FlowLink(actors[link["from"]], actors[link["to"]], link["label"]))
    return RoleFlow(
        _section(flow["section"]),
        list(actors.values()),
        flow.get("unplaced_labels", []),
        flow.get("notes", []),
        flow.get("source_note"),
    )


def _build_rank_image(image: dict, ranks: list[Rank], orientations: list[Orientation]) -> RankImage:
    rank_by_id = {rank.id: rank for rank in ranks}
    orientation_by_id = {o.id: o for o in orientations}
    rows = [
        RankImageRow(
            row["label"],
            [rank_by_id[rid] for rid in row["ranks"]],
            [
                RankImageCell(orientation_by_id[c["orientation"]], c["attitude"], c["ability"], c.get("source_note"))
                for c in row["names"]
            ],
        )
        for row in image["rows"]
    ]
    return RankImage(
        _section(image["section"]), image["headings"], rows, image.get("notes", []), image.get("source_note")
    )


def _build_katz(katz: dict, ranks: list[Rank]) -> KatzModel:
    rank_by_id = {rank.id: rank for rank in ranks}
    skills = {
        s["id"]: KatzSkill(s["id"], s["name"], s.get("figure_label") or s["name"], s["explanation"])
        for s in katz["skills"]
    }
    levels = [
        KatzLevel(lv["label"], [rank_by_id[r] for r in lv["ranks"]], skills[lv["skill"]]) for lv in katz["levels"]
    ]
    return KatzModel(
        katz["title"],
        katz.get("intro", []),
        katz["columns"],
        skills,
        levels,
        katz.get("points", []),
        katz.get("source_note"),
    )


def _build_talents(data: dict) -> list[Talent]:
    talents = []
    for t in data["talents"]:
        levels = []
        for lv in t.get("levels", []):
            target = lv.get("target") or {}
            figure = target if not isinstance(target, dict) else None  # a target with a value is a Figure
            levels.append(
                TalentLevel(
                    lv["id"],
                    lv["name"],
                    lv.get("plan_name"),
                    lv.get("description"),
                    lv.get("role"),
                    lv.get("means", []),
                    figure,
                    target.get("text") if isinstance(target, dict) else None,
                    target.get("label") if isinstance(target, dict) else figure.label if figure else None,
                    target.get("year") if isinstance(target, dict) else figure.year if figure else None,
                    lv.get("source_note"),
                )
            )
        abilities = [TalentAbility(a["name"], a["text"]) for a in t.get("abilities", [])]
        talents.append(
            Talent(
                t["id"],
                t["number"],
                t["name"],
                t["role"],
                t.get("development_aim"),
                abilities,
                t.get("abilities_summary"),
                t.get("levels_caption"),
                levels,
                _blocks(t.get("blocks", [])),
                t.get("source_note"),
            )
        )
    return talents


def _build_indicators(data: dict, initiative_by_number: dict[str, Initiative]) -> Indicators:
    basics = [
        Indicator(
            b["id"],
            b["label"],
            b["values"],
            b.get("as_of"),
            b.get("measure"),
            b.get("scale"),
            b.get("notes", []),
            b.get("source_note"),
            initiative_by_number.get(b.get("initiative")),
        )
        for b in data["basics"]
    ]
    targets = [
        OutcomeTarget(
            o["id"],
            o["level"],
            o["goal"],
            o["label"],
            o["baseline"],
            o["target"],
            o["scale"],
            o.get("survey"),
            o.get("notes", []),
            o.get("source_note"),
        )
        for o in data["outcome_targets"]
    ]
    omitted = [
        UnquantifiedIndicator(
            o["label"], o.get("rows", []), o.get("as_of"), o.get("unit"), o.get("notes", []), o.get("source_note")
        )
        for o in data.get("omitted", [])
    ]
    return Indicators(_section(data["section"]), basics, targets, data.get("closing", []), omitted)


def _build_areas(
    data: dict, initiative_data: dict[str, dict], talents: list[Talent]
) -> tuple[list[Area], list[Initiative]]:
    areas, theme_by_id = [], {}
    for a in data["areas"]:
        area = Area(a["id"], a["name"], a.get("description"), a.get("activity_indicators", []))
        for th in a["themes"]:
            theme = theme_by_id[th["id"]] = Theme(th["id"], th["name"], area)
            area.themes.append(theme)
        areas.append(area)
    talent_by_id = {talent.id: talent for talent in talents}
    initiatives = []
    for name in sorted(initiative_data):
        x = initiative_data[name]
        initiative = Initiative(
            x["number"],
            x["title"],
            theme_by_id[x["theme"]],
            x.get("text", []),
            _blocks(x.get("blocks", [])),
            x.get("featured", False),
            [talent_by_id[t] for t in x.get("related_talents", [])],
            x.get("source_note"),
        )
        initiative.theme.initiatives.append(initiative)  # in number order, as the files are read
        for talent in initiative.talents:
            talent.initiatives.append(initiative)
        initiatives.append(initiative)
    return areas, initiatives


def build_policy(documents: dict[str, YamlDocument]) -> Policy:
    """Assemble the model from documents that passed validation."""
    d = {name: as_tree(doc.data) for name, doc in documents.items()}
    tables = _build_tables(d["competencies.yml"])
    ranks_data = d["ranks.yml"]
    tiers, post_types, ranks, job_types = _build_ranks(ranks_data, tables)
    o = d["orientations.yml"]
    orientations = [
        Orientation(
            x["id"],
            x["name"],
            x.get("aim"),
            x.get("behaviours", []),
            x.get("abilities_to_grow", []),
            x.get("source_note"),
        )
        for x in o["orientations"]
    ]
    ranks_section = RanksSection(
        _section(ranks_data["section"]),
        job_types,
        ranks_data.get("job_titles_scope"),
        _build_role_flow(ranks_data["role_flow"], ranks, post_types),
        _build_rank_image(ranks_data["rank_image"], ranks, orientations),
        _build_katz(ranks_data["katz_model"], ranks),
    )
    talents_data = d["talents.yml"]
    talents = _build_talents(talents_data)
    talents_section = TalentsSection(
        _section(talents_data["section"]),
        talents_data.get("background", []),
        talents_data.get("issues", []),
        _blocks(talents_data.get("blocks", [])),
    )
    initiative_data = {name: data for name, data in d.items() if name.startswith(INITIATIVE_DIR + "/")}
    areas, initiatives = _build_areas(d["areas.yml"], initiative_data, talents)
    organisation = d["organisation.yml"]
    key_values = [
        KeyValue(k["id"], k["name"], k["organisation_aim"]) for k in organisation["target_image"]["key_values"]
    ]
    key_value_by_id = {k.id: k for k in key_values}
    actions = sorted(
        (
            KeyValueActions(key_value_by_id[e["key_value"]], e["number"], e["staff_actions"], e["manager_actions"])
            for e in organisation["growth_actions"]["key_values"]
        ),
        key=lambda entry: entry.number,
    )
    sections = [
        _section(d["meta.yml"]["basic_concept"]["section"]),
        _section(organisation["target_image"]["section"]),
        _section(o["section"]),
        _section(organisation["growth_actions"]["section"]),
        _section(organisation["growth_cycle"]["section"]),
        talents_section.section,
        _section(d["indicators.yml"]["section"]),
        ranks_section.section,
        ranks_section.role_flow.section,
        ranks_section.rank_image.section,
        _section(d["areas.yml"]["section"]),
    ]
    plans = organisation["development_plans"]
    sections.append(Section("04-2", plans["title"], SECTION_PAGES["04-2"], plans.get("intro", [])))
    section_by_number = {section.number: section for section in sections}
    initiative_by_number = {i.number: i for i in initiatives}

    def place(number: str | None):
        return section_by_number.get(number) or initiative_by_number.get(number) if number else None

    glossary = [
        GlossaryTerm(
            g["id"], g["term"], g["definition"], g.get("reading"), g.get("aliases", []), place(g.get("defined_in"))
        )
        for g in d["glossary.yml"]["terms"]
    ]
    return Policy(
        meta=d["meta.yml"],
        terminology=d["terminology.yml"]["terms"],
        glossary=glossary,
        organisation=organisation,
        key_values=key_values,
        key_value_actions=actions,
        orientations=orientations,
        results=o["results"]["name"],
        orientations_section=_section(o["section"]),
        tiers=tiers,
        post_types=post_types,
        ranks=ranks,
        tables=tables,
        ranks_section=ranks_section,
        talents=talents,
        talents_section=talents_section,
        indicators=_build_indicators(d["indicators.yml"], initiative_by_number),
        areas=areas,
        areas_section=AreasSection(_section(d["areas.yml"]["section"]), _blocks(d["areas.yml"].get("blocks", []))),
        initiatives=initiatives,
        sections=section_by_number,
        editor_notes=_editor_notes(documents),
    )


def page_of(name: str, path: tuple, data: dict) -> str:
    """The page on which the data at `path` of the data file `name` (read as `data`) appears."""
    if name.startswith(INITIATIVE_DIR + "/"):
        return f"initiatives/{Path(name).stem}.md"
    top = path[0]
    if name == "competencies.yml":
        table = data["tables"][path[1]]
        return f"ranks/{table['ranks'][0]}.md"
    if name == "ranks.yml":
        if top == "ranks":
            return f"ranks/{data['ranks'][path[1]]['id']}.md"
        return {
            "role_flow": "role-flow.md#role-flow",
            "rank_image": "role-flow.md#rank-image",
            "katz_model": "role-flow.md#katz-model",
        }.get(top, "ranks/index.md")
    if name == "talents.yml":
        return f"talents/{data['talents'][path[1]]['id']}.md" if top == "talents" else "talents/index.md"
    if name == "orientations.yml":
        return (
            f"orientations/{data['orientations'][path[1]]['id']}.md"
            if top == "orientations"
            else "orientations/index.md"
        )
    if name == "organisation.yml":
        return {
            "target_image": "staff-image.md#target-image",
            "growth_actions": "staff-image.md#growth-actions",
            "development_plans": "development-plans.md",
            "growth_cycle": "initiatives/index.md#growth-cycle",
        }[top]
    return {
        "meta.yml": "about.md",
        "indicators.yml": "indicators.md",
        "areas.yml": "initiatives/index.md",
        "glossary.yml": "glossary.md",
    }.get(name, "index.md")


def _editor_notes(documents: dict[str, YamlDocument]) -> list[EditorNote]:
    notes = []
    for name, document in documents.items():
        for path, text in text_mappings(document.data):
            if path and path[-1] == "source_note":
                notes.append(
                    EditorNote(
                        name,
                        document.line(path + ("ja",)),
                        field_name(path),
                        Text(text["ja"].strip(), text["en"].strip()),
                        page_of(name, path, document.data),
                    )
                )
    return notes


def validate(data_dir: Path = DATA_DIR) -> dict[str, YamlDocument]:
    documents, faults = read_documents(data_dir)
    if not faults:
        faults = _Checker(documents).run()
    if faults:
        raise PolicyDataError(faults)
    return documents


_cache: dict[Path, tuple[tuple, Policy]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return tuple(
        (p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and "source" not in p.parts
    )


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
