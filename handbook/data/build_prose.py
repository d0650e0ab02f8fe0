"""The prose parts of the model: sections, tables and blocks wherever they stand, and the texts of meta.yml and
organisation.yml, each record built by keyword from data that passed validation."""

from __future__ import annotations

from ..addresses import SECTION_PAGES
from ..model import (
    ActionColumns,
    Area,
    BasicConcept,
    Block,
    ComprehensivePlan,
    Contact,
    CoverNote,
    DetailedPart,
    DevelopmentPlans,
    GrowthActions,
    GrowthCycle,
    KeyValue,
    KeyValueActions,
    MessageBox,
    Meta,
    Organisation,
    OrganisationTarget,
    Orientation,
    Philosophy,
    Plan,
    PlanLevel,
    PlanRelation,
    Revision,
    Section,
    StaffFigure,
    StaffTarget,
    Table,
    TargetImage,
    TopMessage,
    Viewpoint,
    Vision,
)


def section(node: dict) -> Section:
    return Section(
        number=node["number"],
        title=node["title"],
        page=SECTION_PAGES[node["number"]],
        intro=node.get("intro", []),
        closing=node.get("closing", []),
        source_note=node.get("source_note"),
    )


def table(node: dict) -> Table:
    return Table(
        caption=node.get("caption"),
        columns=node.get("columns", []),
        rows=node["rows"],
        notes=node.get("notes", []),
        source_note=node.get("source_note"),
    )


def blocks(nodes: list[dict]) -> list[Block]:
    return [
        Block(
            heading=node.get("heading"),
            paragraphs=node.get("paragraphs", []),
            items=node.get("items", []),
            table=table(node["table"]) if "table" in node else None,
            notes=node.get("notes", []),
            source_note=node.get("source_note"),
        )
        for node in nodes
    ]


def _box(node: dict) -> MessageBox:
    return MessageBox(
        label=node["label"], title=node["title"], paragraphs=node["paragraphs"], credit=node.get("credit")
    )


def build_meta(meta: dict, sections: dict[str, Section]) -> Meta:
    """meta.yml; `sections` by number, the basic concept's (01) among them."""
    message, concept, detailed = meta["top_message"], meta["basic_concept"], meta["detailed_part"]
    return Meta(
        title=meta["title"],
        revision=meta["revision"],
        published=meta.get("published"),
        top_message=TopMessage(
            title=message["title"],
            paragraphs=message["paragraphs"],
            growth_opportunity=_box(message["growth_opportunity"]),
            growth_bible=_box(message["growth_bible"]),
        ),
        vision=Vision(
            label=meta["vision"]["label"], name=meta["vision"]["name"], paragraphs=meta["vision"]["paragraphs"]
        ),
        philosophy=Philosophy(
            label=meta["philosophy"]["label"],
            lead=meta["philosophy"]["lead"],
            paragraphs=meta["philosophy"]["paragraphs"],
        ),
        comprehensive_plan=ComprehensivePlan(label=meta["comprehensive_plan"]["label"]),
        contact=Contact(name=meta["contact"]["name"], details=meta["contact"].get("details")),
        basic_concept=BasicConcept(
            section=sections[concept["section"]["number"]],
            foundation=concept["foundation"],
            policy_name=concept["policy_name"],
            policy_definition=concept["policy_definition"],
            viewpoints_intro=concept["viewpoints_intro"],
            viewpoints=[
                Viewpoint(
                    number=v["number"],
                    title=v["title"],
                    text=v["text"],
                    sections=[sections[number] for number in v["sections"]],
                )
                for v in concept["viewpoints"]
            ],
            source_note=concept.get("source_note"),
        ),
        detailed_part=DetailedPart(
            title=detailed["title"],
            contents=detailed["contents"],
            note=detailed["note"],
            sections=[sections[number] for number in detailed["sections"]],
        ),
        cover_note=CoverNote(title=meta["cover_note"]["title"], paragraphs=meta["cover_note"]["paragraphs"]),
        revision_history=[Revision(date=r["date"], event=r["event"]) for r in meta["revision_history"]],
    )


def _development_plans(plans: dict) -> DevelopmentPlans:
    relation = plans["relation"]
    return DevelopmentPlans(
        number=plans["number"],
        title=plans["title"],
        intro=plans["intro"],
        relation=PlanRelation(
            title=relation["title"],
            category_label=relation["category_label"],
            dimensions=relation["dimensions"],
            levels=[
                PlanLevel(
                    id=level["id"],
                    name=level["name"],
                    covered_by=level.get("covered_by"),
                    items=level.get("items", []),
                    description=level.get("description"),
                )
                for level in relation["levels"]
            ],
            source_note=relation.get("source_note"),
        ),
        status_title=plans["status_title"],
        as_of=plans["as_of"],
        columns=plans["columns"],
        plans=[
            Plan(kind=p["kind"], fields=p["fields"], plan=p["plan"], source_note=p.get("source_note"))
            for p in plans["plans"]
        ],
        source_note=plans.get("source_note"),
    )


def build_organisation(
    organisation: dict, sections: dict[str, Section], orientations: list[Orientation], areas: list[Area]
) -> Organisation:
    """organisation.yml but its key values (Policy.key_values and .key_value_actions)."""
    target, actions, cycle = organisation["target_image"], organisation["growth_actions"], organisation["growth_cycle"]
    own, staff = target["organisation"], target["staff"]
    orientation_by_id = {o.id: o for o in orientations}
    area_by_id = {area.id: area for area in areas}
    return Organisation(
        target_image=TargetImage(
            section=sections[target["section"]["number"]],
            vision_label=target["vision_label"],
            organisation=OrganisationTarget(
                side_label=own["side_label"],
                title=own["title"],
                goals=own["goals"],
                ideal_state_label=own["ideal_state_label"],
                ideal_state=own["ideal_state"],
            ),
            key_values_title=target["key_values_title"],
            staff=StaffTarget(
                side_label=staff["side_label"],
                title=staff["title"],
                name=staff["name"],
                steps=staff["steps"],
                figure=StaffFigure(
                    centre=staff["figure"]["centre"],
                    orientations=[orientation_by_id[o] for o in staff["figure"]["orientations"]],
                ),
                text=staff["text"],
                ideal_state_label=staff["ideal_state_label"],
                ideal_state=staff["ideal_state"],
            ),
        ),
        growth_actions=GrowthActions(
            section=sections[actions["section"]["number"]],
            number=actions["number"],
            title=actions["title"],
            actions_intro=actions["actions_intro"],
            columns=ActionColumns(staff=actions["columns"]["staff"], manager=actions["columns"]["manager"]),
            source_note=actions.get("source_note"),
        ),
        development_plans=_development_plans(organisation["development_plans"]),
        growth_cycle=GrowthCycle(
            section=sections[cycle["section"]["number"]],
            vision_label=cycle["vision_label"],
            goal=cycle["goal"],
            staff_growth_label=cycle["staff_growth_label"],
            staff_growth=cycle["staff_growth"],
            organisation_growth_label=cycle["organisation_growth_label"],
            organisation_growth=cycle["organisation_growth"],
            label=cycle["label"],
            areas_label=cycle["areas_label"],
            areas=[area_by_id[a] for a in cycle["areas"]],
        ),
    )


def build_key_values(organisation: dict) -> tuple[list[KeyValue], list[KeyValueActions]]:
    """The target image's key values, and the growth actions of each, in the actions' number order."""
    key_values = [
        KeyValue(id=k["id"], name=k["name"], organisation_aim=k["organisation_aim"])
        for k in organisation["target_image"]["key_values"]
    ]
    key_value_by_id = {k.id: k for k in key_values}
    actions = [
        KeyValueActions(
            key_value=key_value_by_id[e["key_value"]],
            number=e["number"],
            staff_actions=e["staff_actions"],
            manager_actions=e["manager_actions"],
        )
        for e in organisation["growth_actions"]["key_values"]
    ]
    return key_values, sorted(actions, key=lambda entry: entry.number)
