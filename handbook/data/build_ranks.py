"""The ranks and their competency tables, tiers, post types and job titles, and the figures of sections 08–10
(the role flow, the rank overview, the Katz model), each record built by keyword."""

from __future__ import annotations

from ..model import (
    CompetencyGroup,
    CompetencyItem,
    CompetencyTable,
    FlowActor,
    FlowFunction,
    FlowLink,
    JobTitle,
    JobType,
    KatzLevel,
    KatzModel,
    KatzSkill,
    Orientation,
    PostType,
    Rank,
    RankImage,
    RankImageCell,
    RankImageRow,
    RanksSection,
    Role,
    RoleFlow,
    Tier,
    link_ranks,
)
from .build_prose import section


def build_tables(data: dict) -> list[CompetencyTable]:
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


def build_ranks(
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
        section=section(flow["section"]),
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
        section=section(image["section"]),
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


def build_ranks_section(
    data: dict, ranks: list[Rank], post_types: list[PostType], job_types: list[JobType], orientations: list[Orientation]
) -> RanksSection:
    """Section 08 with its figures: the role flow (09), the rank overview (10) and the Katz model."""
    return RanksSection(
        section=section(data["section"]),
        job_types=job_types,
        job_titles_scope=data.get("job_titles_scope"),
        role_flow=_build_role_flow(data["role_flow"], ranks, post_types),
        rank_image=_build_rank_image(data["rank_image"], ranks, orientations),
        katz_model=_build_katz(data["katz_model"], ranks),
    )
