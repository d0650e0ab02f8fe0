"""Build the typed model (handbook.model) from documents that passed validation: every record by keyword,
every reference resolved to its record."""

from __future__ import annotations

from ..addresses import SECTION_PAGES, page_of
from ..errors import field_name
from ..model import (
    Area,
    AreasSection,
    EditorNote,
    GlossaryTerm,
    Indicator,
    Indicators,
    Initiative,
    Orientation,
    OutcomeTarget,
    Policy,
    Section,
    Talent,
    TalentAbility,
    TalentLevel,
    TalentsSection,
    Text,
    Theme,
    UnquantifiedIndicator,
    Withdrawal,
    as_tree,
)
from ..yaml_source import YamlDocument, text_mappings
from .build_prose import blocks, build_key_values, build_meta, build_organisation, section
from .build_ranks import build_ranks, build_ranks_section, build_tables
from .read import is_initiative


def _talent_level(lv: dict) -> TalentLevel:
    target = lv.get("target") or {}
    figure = target if not isinstance(target, dict) else None  # a target with a value is a Figure
    return TalentLevel(
        id=lv["id"],
        name=lv["name"],
        plan_name=lv.get("plan_name"),
        description=lv.get("description"),
        role=lv.get("role"),
        means=lv.get("means", []),
        target=figure,
        target_text=target.get("text") if isinstance(target, dict) else None,
        target_label=target.get("label") if isinstance(target, dict) else figure.label if figure else None,
        target_year=target.get("year") if isinstance(target, dict) else figure.year if figure else None,
        source_note=lv.get("source_note"),
    )


def _build_talents(data: dict) -> list[Talent]:
    return [
        Talent(
            id=t["id"],
            number=t["number"],
            name=t["name"],
            role=t["role"],
            development_aim=t.get("development_aim"),
            abilities=[TalentAbility(name=a["name"], text=a["text"]) for a in t.get("abilities", [])],
            abilities_summary=t.get("abilities_summary"),
            levels_caption=t.get("levels_caption"),
            levels=[_talent_level(lv) for lv in t.get("levels", [])],
            blocks=blocks(t.get("blocks", [])),
            source_note=t.get("source_note"),
        )
        for t in data["talents"]
    ]


def _build_indicators(data: dict, initiative_by_number: dict[str, Initiative]) -> Indicators:
    basics = [
        Indicator(
            id=b["id"],
            label=b["label"],
            values=b["values"],
            as_of=b.get("as_of"),
            measure=b.get("measure"),
            scale=b.get("scale"),
            notes=b.get("notes", []),
            source_note=b.get("source_note"),
            initiative=initiative_by_number.get(b.get("initiative")),
        )
        for b in data["basics"]
    ]
    targets = [
        OutcomeTarget(
            id=o["id"],
            level=o["level"],
            goal=o["goal"],
            label=o["label"],
            baseline=o["baseline"],
            target=o["target"],
            scale=o["scale"],
            survey=o.get("survey"),
            notes=o.get("notes", []),
            source_note=o.get("source_note"),
        )
        for o in data["outcome_targets"]
    ]
    omitted = [
        UnquantifiedIndicator(
            label=o["label"],
            rows=o.get("rows", []),
            as_of=o.get("as_of"),
            unit=o.get("unit"),
            notes=o.get("notes", []),
            source_note=o.get("source_note"),
        )
        for o in data.get("omitted", [])
    ]
    return Indicators(
        section=section(data["section"]),
        basics=basics,
        outcome_targets=targets,
        closing=data.get("closing", []),
        omitted=omitted,
    )


def _build_areas(
    data: dict, initiative_data: dict[str, dict], talents: list[Talent]
) -> tuple[list[Area], list[Initiative]]:
    areas, theme_by_id = [], {}
    for a in data["areas"]:
        area = Area(
            id=a["id"],
            name=a["name"],
            description=a.get("description"),
            activity_indicators=a.get("activity_indicators", []),
        )
        for th in a["themes"]:
            theme = theme_by_id[th["id"]] = Theme(id=th["id"], name=th["name"], area=area)
            area.themes.append(theme)
        areas.append(area)
    talent_by_id = {talent.id: talent for talent in talents}
    initiatives, withdrawn = [], []
    merged_into = {}
    for name in sorted(initiative_data):
        x = initiative_data[name]
        initiative = Initiative(
            number=x["number"],
            title=x["title"],
            theme=theme_by_id[x["theme"]],
            text=x.get("text", []),
            blocks=blocks(x.get("blocks", [])),
            featured=x.get("featured", False),
            talents=[talent_by_id[t] for t in x.get("related_talents", [])],
            source_note=x.get("source_note"),
            withdrawn=Withdrawal(revision=x["withdrawn"]["revision"]) if "withdrawn" in x else None,
        )
        if initiative.withdrawn:  # out of every list; merged_into is resolved once all are read
            withdrawn.append(initiative)
            merged_into[initiative.number] = x["withdrawn"].get("merged_into")
            continue
        initiative.theme.initiatives.append(initiative)  # in number order, as the files are read
        for talent in initiative.talents:
            talent.initiatives.append(initiative)
        initiatives.append(initiative)
    current = {i.number: i for i in initiatives}
    for initiative in withdrawn:
        initiative.withdrawn.merged_into = current.get(merged_into[initiative.number])
    return areas, initiatives, withdrawn


def build_policy(documents: dict[str, YamlDocument]) -> Policy:
    """Assemble the model from documents that passed validation."""
    d = {name: as_tree(doc.data) for name, doc in documents.items()}
    tables = build_tables(d["competencies.yml"])
    ranks_data = d["ranks.yml"]
    tiers, post_types, ranks, job_types = build_ranks(ranks_data, tables)
    o = d["orientations.yml"]
    orientations = [
        Orientation(
            id=x["id"],
            name=x["name"],
            aim=x.get("aim"),
            behaviours=x.get("behaviours", []),
            abilities_to_grow=x.get("abilities_to_grow", []),
            source_note=x.get("source_note"),
        )
        for x in o["orientations"]
    ]
    ranks_section = build_ranks_section(ranks_data, ranks, post_types, job_types, orientations)
    talents_data = d["talents.yml"]
    talents = _build_talents(talents_data)
    talents_section = TalentsSection(
        section=section(talents_data["section"]),
        background=talents_data.get("background", []),
        issues=talents_data.get("issues", []),
        blocks=blocks(talents_data.get("blocks", [])),
    )
    initiative_data = {name: data for name, data in d.items() if is_initiative(name)}
    areas, initiatives, withdrawn = _build_areas(d["areas.yml"], initiative_data, talents)
    initiative_by_number = {i.number: i for i in initiatives}
    indicators = _build_indicators(d["indicators.yml"], initiative_by_number)
    orientations_section = section(o["section"])
    areas_section = AreasSection(
        section=section(d["areas.yml"]["section"]), blocks=blocks(d["areas.yml"].get("blocks", []))
    )
    organisation = d["organisation.yml"]
    plans = organisation["development_plans"]
    sections = [
        section(d["meta.yml"]["basic_concept"]["section"]),
        section(organisation["target_image"]["section"]),
        orientations_section,
        section(organisation["growth_actions"]["section"]),
        section(organisation["growth_cycle"]["section"]),
        talents_section.section,
        indicators.section,
        ranks_section.section,
        ranks_section.role_flow.section,
        ranks_section.rank_image.section,
        areas_section.section,
        Section(number="04-2", title=plans["title"], page=SECTION_PAGES["04-2"], intro=plans.get("intro", [])),
    ]
    section_by_number = {s.number: s for s in sections}

    def place(number: str | None):
        return section_by_number.get(number) or initiative_by_number.get(number) if number else None

    glossary = [
        GlossaryTerm(
            id=g["id"],
            term=g["term"],
            definition=g["definition"],
            reading=g.get("reading"),
            aliases=g.get("aliases", []),
            defined_in=place(g.get("defined_in")),
        )
        for g in d["glossary.yml"]["terms"]
    ]
    key_values, key_value_actions = build_key_values(organisation)
    return Policy(
        meta=build_meta(d["meta.yml"], section_by_number),
        terminology=d["terminology.yml"]["terms"],
        glossary=glossary,
        organisation=build_organisation(organisation, section_by_number, orientations, areas),
        key_values=key_values,
        key_value_actions=key_value_actions,
        orientations=orientations,
        results=o["results"]["name"],
        orientations_section=orientations_section,
        tiers=tiers,
        post_types=post_types,
        ranks=ranks,
        tables=tables,
        ranks_section=ranks_section,
        talents=talents,
        talents_section=talents_section,
        indicators=indicators,
        areas=areas,
        areas_section=areas_section,
        initiatives=initiatives,
        withdrawn_initiatives=withdrawn,
        sections=section_by_number,
        editor_notes=editor_notes(documents),
    )


def editor_notes(documents: dict[str, YamlDocument]) -> list[EditorNote]:
    """Every maintainers' note (`source_note`) of the data, with the page the noted data appears on."""
    notes = []
    for name, document in documents.items():
        for path, text in text_mappings(document.data):
            if path and path[-1] == "source_note":
                notes.append(
                    EditorNote(
                        file=name,
                        line=document.line(path + ("ja",)),
                        field=field_name(path),
                        text=Text(ja=text["ja"].strip(), en=text["en"].strip()),
                        page=page_of(name, path, document.data),
                    )
                )
    return notes
