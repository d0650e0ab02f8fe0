"""Build the typed model (handbook.model) from documents that passed validation: every record by keyword,
every reference resolved to its record."""

from __future__ import annotations

from ..addresses import SECTION_PAGES, page_of
from ..errors import field_name
from ..model import (
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
from ..yaml_source import YamlDocument, text_mappings
from .read import is_initiative


def _section(node: dict) -> Section:
    return Section(
        number=node["number"],
        title=node["title"],
        page=SECTION_PAGES[node["number"]],
        intro=node.get("intro", []),
        closing=node.get("closing", []),
        source_note=node.get("source_note"),
    )


def _table(node: dict) -> Table:
    return Table(
        caption=node.get("caption"),
        columns=node.get("columns", []),
        rows=node["rows"],
        notes=node.get("notes", []),
        source_note=node.get("source_note"),
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
            group = CompetencyGroup(
                orientation=g["orientation"], kind=g["kind"], name=g["name"], source_note=g.get("source_note")
            )
            group.items = [
                CompetencyItem(
                    id=item["id"],
                    name=item["name"],
                    description=item["description"],
                    group=group,
                    source_note=item.get("source_note"),
                )
                for item in g["items"]
            ]
            groups.append(group)
        tables.append(
            CompetencyTable(
                id=table["id"], rank_ids=table["ranks"], groups=groups, source_note=table.get("source_note")
            )
        )
    return tables


def _build_ranks(
    data: dict, tables: list[CompetencyTable]
) -> tuple[list[Tier], list[PostType], list[Rank], list[JobType]]:
    tiers = {t["id"]: Tier(id=t["id"], name=t["name"]) for t in data["tiers"]}
    post_types = {p["id"]: PostType(id=p["id"], name=p["name"]) for p in data["post_types"]}
    table_by_id = {table.id: table for table in tables}
    ranks = []
    for position, r in enumerate(data["ranks"]):
        rank = Rank(
            id=r["id"],
            name=r["name"],
            tier=tiers[r["tier"]],
            table=table_by_id[r["competency_table"]],
            roles=[Role(post_type=post_types.get(role.get("post_type")), duties=role["duties"]) for role in r["roles"]],
            position=position,
            source_note=r.get("source_note"),
        )
        rank.tier.ranks.append(rank)
        ranks.append(rank)
    by_id = link_ranks(ranks)
    job_types = []
    for job in data.get("job_titles", []):
        titles = [
            JobTitle(job_type=job["job_type"], name=title["name"], rank=by_id[title["rank"]]) for title in job["titles"]
        ]
        for title in titles:
            title.rank.job_titles.append(title)
        job_types.append(JobType(name=job["job_type"], titles=titles, note=job["note"]))
    return list(tiers.values()), list(post_types.values()), ranks, job_types


def _build_role_flow(flow: dict, ranks: list[Rank], post_types: list[PostType]) -> RoleFlow:
    rank_by_id = {rank.id: rank for rank in ranks}
    post_by_id = {post.id: post for post in post_types}
    actors = {
        a["id"]: FlowActor(id=a["id"], name=a["name"], rank=rank_by_id.get(a["id"]), position=n)
        for n, a in enumerate(flow["actors"])
    }
    for f in flow["functions"]:
        actors[f["actor"]].functions.append(
            FlowFunction(
                post_type=post_by_id.get(f.get("post_type")),
                label=f.get("label"),
                items=f.get("items", []),
                source_note=f.get("source_note"),
            )
        )
    for link in flow["links"]:
        actors[link["from"]].links.append(
            FlowLink(source=actors[link["from"]], target=actors[link["to"]], label=link["label"])
        )
    return RoleFlow(
        section=_section(flow["section"]),
        actors=list(actors.values()),
        unplaced_labels=flow.get("unplaced_labels", []),
        notes=flow.get("notes", []),
        source_note=flow.get("source_note"),
    )


def _build_rank_image(image: dict, ranks: list[Rank], orientations: list[Orientation]) -> RankImage:
    rank_by_id = {rank.id: rank for rank in ranks}
    orientation_by_id = {o.id: o for o in orientations}
    rows = [
        RankImageRow(
            label=row["label"],
            ranks=[rank_by_id[rid] for rid in row["ranks"]],
            cells=[
                RankImageCell(
                    orientation=orientation_by_id[c["orientation"]],
                    attitude=c["attitude"],
                    ability=c["ability"],
                    source_note=c.get("source_note"),
                )
                for c in row["names"]
            ],
        )
        for row in image["rows"]
    ]
    return RankImage(
        section=_section(image["section"]),
        headings=image["headings"],
        rows=rows,
        notes=image.get("notes", []),
        source_note=image.get("source_note"),
    )


def _build_katz(katz: dict, ranks: list[Rank]) -> KatzModel:
    rank_by_id = {rank.id: rank for rank in ranks}
    skills = {
        s["id"]: KatzSkill(
            id=s["id"], name=s["name"], figure_label=s.get("figure_label") or s["name"], explanation=s["explanation"]
        )
        for s in katz["skills"]
    }
    levels = [
        KatzLevel(label=lv["label"], ranks=[rank_by_id[r] for r in lv["ranks"]], skill=skills[lv["skill"]])
        for lv in katz["levels"]
    ]
    return KatzModel(
        title=katz["title"],
        intro=katz.get("intro", []),
        columns=katz["columns"],
        skills=skills,
        levels=levels,
        points=katz.get("points", []),
        source_note=katz.get("source_note"),
    )


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
            blocks=_blocks(t.get("blocks", [])),
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
        section=_section(data["section"]),
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
    initiatives = []
    for name in sorted(initiative_data):
        x = initiative_data[name]
        initiative = Initiative(
            number=x["number"],
            title=x["title"],
            theme=theme_by_id[x["theme"]],
            text=x.get("text", []),
            blocks=_blocks(x.get("blocks", [])),
            featured=x.get("featured", False),
            talents=[talent_by_id[t] for t in x.get("related_talents", [])],
            source_note=x.get("source_note"),
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
            id=x["id"],
            name=x["name"],
            aim=x.get("aim"),
            behaviours=x.get("behaviours", []),
            abilities_to_grow=x.get("abilities_to_grow", []),
            source_note=x.get("source_note"),
        )
        for x in o["orientations"]
    ]
    ranks_section = RanksSection(
        section=_section(ranks_data["section"]),
        job_types=job_types,
        job_titles_scope=ranks_data.get("job_titles_scope"),
        role_flow=_build_role_flow(ranks_data["role_flow"], ranks, post_types),
        rank_image=_build_rank_image(ranks_data["rank_image"], ranks, orientations),
        katz_model=_build_katz(ranks_data["katz_model"], ranks),
    )
    talents_data = d["talents.yml"]
    talents = _build_talents(talents_data)
    talents_section = TalentsSection(
        section=_section(talents_data["section"]),
        background=talents_data.get("background", []),
        issues=talents_data.get("issues", []),
        blocks=_blocks(talents_data.get("blocks", [])),
    )
    initiative_data = {name: data for name, data in d.items() if is_initiative(name)}
    areas, initiatives = _build_areas(d["areas.yml"], initiative_data, talents)
    organisation = d["organisation.yml"]
    key_values = [
        KeyValue(id=k["id"], name=k["name"], organisation_aim=k["organisation_aim"])
        for k in organisation["target_image"]["key_values"]
    ]
    key_value_by_id = {k.id: k for k in key_values}
    actions = sorted(
        (
            KeyValueActions(
                key_value=key_value_by_id[e["key_value"]],
                number=e["number"],
                staff_actions=e["staff_actions"],
                manager_actions=e["manager_actions"],
            )
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
    sections.append(
        Section(number="04-2", title=plans["title"], page=SECTION_PAGES["04-2"], intro=plans.get("intro", []))
    )
    section_by_number = {section.number: section for section in sections}
    initiative_by_number = {i.number: i for i in initiatives}

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
        areas_section=AreasSection(
            section=_section(d["areas.yml"]["section"]), blocks=_blocks(d["areas.yml"].get("blocks", []))
        ),
        initiatives=initiatives,
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
