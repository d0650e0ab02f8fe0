"""A tiny policy built straight from the model's records (no YAML), for the fast tests of the renderers.

Three ranks: `director` and `manager` share the upper competency table, `officer` has the lower one. Both
tables have the policy's nine groups (citizen / self-reliance / team / reform × attitude / ability, then
results). Items that keep their id across the tables let comparisons pair them: some keep their wording,
some change it, some exist in one table only, and one group lists its items in a different order.

Every English text is plain English (no CJK punctuation), while the Japanese texts use ：、（）「」 on
purpose: such a character on an English page can only come from a template or from the wrong language.
One description carries markup and template syntax (HOSTILE), which every page must show as text.
"""

from __future__ import annotations

from dataclasses import MISSING, fields

from handbook.model import (
    Area,
    AreasSection,
    Block,
    CompetencyGroup,
    CompetencyItem,
    CompetencyTable,
    Contact,
    Figure,
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
    Meta,
    Organisation,
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
    TalentLevel,
    TalentsSection,
    Text,
    Theme,
    Tier,
    UnquantifiedIndicator,
    Withdrawal,
    link_ranks,
)

HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"
HOSTILE_ITEM = "challenge"  # its description in the lower table (officer) carries HOSTILE in both languages
GLOSSARY_ID = "psychological-safety"
CJK_PUNCTUATION = "：、（）「」"

ORIENTATIONS = {
    "citizen": Text("市民志向（市民目線）", "Citizen orientation"),
    "self-reliance": Text("自律志向", "Self-reliance"),
    "team": Text("チーム志向", "Team orientation"),
    "reform": Text("改革志向", "Reform orientation"),
}
GROUPS = [(o, kind) for o in ORIENTATIONS for kind in ("attitude", "ability")] + [("results", "results")]

# item id → (Japanese name, English name)
ITEM_NAMES = {
    "listening": ("傾聴", "Listening"),
    "explaining": ("説明", "Explaining"),
    "ownership": ("主体性", "Ownership"),
    "vision": ("構想", "Vision"),
    "learning": ("学習", "Learning"),
    "openness": ("開かれた姿勢", "Openness"),
    "coordination": ("調整", "Coordination"),
    "delegation": ("委任", "Delegation"),
    "challenge": ("挑戦", "Challenge"),
    "innovation": ("革新", "Innovation"),
    "improvement": ("改善", "Improvement"),
    "accuracy": ("正確性", "Accuracy"),
}

# (orientation, kind) → (group name ja, group name en, [(item id, description ja, description en)])
UPPER_TABLE = {
    ("citizen", "attitude"): (
        "市民に寄り添う",
        "Close to citizens",
        [
            (
                "listening",
                "市民の声を聴き、局全体の方針を「丁寧に」説明する。",
                "Listens to residents and explains the aims of the whole bureau.",
            ),
        ],
    ),
    ("citizen", "ability"): (
        "伝える力",
        "Communication",
        [
            (
                "explaining",
                "施策の目的を（根拠とともに）分かりやすく伝える。",
                "Explains the purpose of a measure clearly, with its grounds.",
            ),
        ],
    ),
    ("self-reliance", "attitude"): (
        "自ら動く",
        "Acting on one's own",
        [
            (
                "ownership",
                "組織の課題を自分のこととして引き受ける。",
                "Takes the problems of the organisation as their own.",
            ),
            (
                "vision",
                "十年先の姿を描き、職員と共有する。",
                "Draws the picture of ten years ahead and shares it with staff.",
            ),
        ],
    ),
    ("self-reliance", "ability"): (
        "学び続ける力",
        "Lifelong learning",
        [
            (
                "learning",
                "部下の学びを支え、自らも学び続ける（目標：毎年）。",
                "Supports the learning of their staff and keeps learning too.",
            ),
        ],
    ),
    ("team", "attitude"): (
        "開かれた職場",
        "Open workplace",
        [
            ("openness", "心理的安全性のある職場をつくる。", "Builds a workplace with psychological safety."),
        ],
    ),
    ("team", "ability"): (
        "束ねる力",
        "Leading a team",
        [
            ("delegation", "権限を委ね、結果に責任を持つ。", "Delegates authority and answers for the result."),
            ("coordination", "部局を越えて調整する。", "Coordinates across departments."),
        ],
    ),
    ("reform", "attitude"): (
        "挑む姿勢",
        "Daring",
        [
            (
                "challenge",
                "前例にとらわれず、新しい施策に挑戦する。",
                "Tries new measures without being bound by precedent.",
            ),
        ],
    ),
    ("reform", "ability"): (
        "変える力",
        "Changing things",
        [
            ("innovation", "制度そのものを見直す。", "Reviews the systems themselves."),
        ],
    ),
    ("results", "results"): (
        "仕事の実績",
        "Work results",
        [
            ("accuracy", "組織の成果を正確に示す。", "Shows the results of the organisation accurately."),
        ],
    ),
}
LOWER_TABLE = {
    ("citizen", "attitude"): (
        "市民に寄り添う",
        "Close to citizens",
        [
            (
                "listening",
                "市民の声を聴き、担当業務を「丁寧に」説明する。",
                "Listens to residents and explains the work of the unit.",
            ),
        ],
    ),
    ("citizen", "ability"): (
        "伝える力",
        "Communication",
        [
            (
                "explaining",
                "施策の目的を（根拠とともに）分かりやすく伝える。",
                "Explains the purpose of a measure clearly, with its grounds.",
            ),
        ],
    ),
    ("self-reliance", "attitude"): (
        "自ら動く",
        "Acting on one's own",
        [
            ("ownership", "担当業務を自分のこととして引き受ける。", "Takes the work of the unit as their own."),
        ],
    ),
    ("self-reliance", "ability"): (
        "学ぶ力",
        "Learning",
        [
            ("learning", "研修で学び、仕事に生かす。", "Learns in training and uses it at work."),
        ],
    ),
    ("team", "attitude"): (
        "開かれた職場",
        "Open workplace",
        [
            ("openness", "同僚の意見を聴く。", "Listens to colleagues."),
        ],
    ),
    ("team", "ability"): (
        "協力する力",
        "Working together",
        [
            ("coordination", "係の中で調整する。", "Coordinates within the unit."),
            ("delegation", "仕事を分担する。", "Shares out the work."),
        ],
    ),
    ("reform", "attitude"): (
        "挑む姿勢",
        "Daring",
        [
            (
                "challenge",
                f"{HOSTILE}前例にとらわれず、挑戦する。",
                f"{HOSTILE} Tries new ways without being bound by precedent.",
            ),
        ],
    ),
    ("reform", "ability"): (
        "変える力",
        "Changing things",
        [
            ("improvement", "業務の手順を改善する。", "Improves the steps of the work."),
        ],
    ),
    ("results", "results"): (
        "仕事の実績",
        "Work results",
        [
            ("accuracy", "担当業務を正確に処理する。", "Handles the work of the unit accurately."),
        ],
    ),
}


def record(cls, absent: tuple[str, ...] = (), **values):
    """`cls(**values)`, strictly: a field the model gained without a default, or a value for a field it no longer
    has, stops the fast tier naming the field, so that the tiny policy follows the model instead of filling None
    where the pages would show nothing. `absent` names the fields left out on purpose (None)."""
    names = {f.name for f in fields(cls)}
    values |= dict.fromkeys(absent)
    unknown = set(values) - names
    missing = {
        f.name for f in fields(cls) if f.name not in values and f.default is MISSING and f.default_factory is MISSING
    }
    if unknown or missing:
        raise TypeError(
            f"tiny policy: {cls.__name__} has no field {sorted(unknown)}; give it {sorted(missing)}"
            if unknown
            else f"tiny policy: give {cls.__name__} a value for {sorted(missing)} (the model gained them)"
        )
    return cls(**values)


def _table(table_id: str, rank_ids: list[str], spec: dict) -> CompetencyTable:
    groups = []
    for orientation, kind in GROUPS:
        name_ja, name_en, items = spec[(orientation, kind)]
        group = CompetencyGroup(orientation, kind, Text(name_ja, name_en))
        group.items = [
            CompetencyItem(item_id, Text(*ITEM_NAMES[item_id]), Text(ja, en), group) for item_id, ja, en in items
        ]
        groups.append(group)
    return CompetencyTable(table_id, rank_ids, groups)


def build_tiny_policy() -> Policy:
    """A complete Policy with three ranks and one of everything else, each reference resolved as handbook.data does."""
    orientations = [
        Orientation(
            oid,
            name,
            Text(f"「{name.ja}」をめざす。", f"Aims at {name.en.lower()}."),
            [Text("行動する。", f"Acts with {name.en.lower()}.")],
            [Text("考える力", "Thinking")],
        )
        for oid, name in ORIENTATIONS.items()
    ]
    upper = _table("upper", ["director", "manager"], UPPER_TABLE)
    lower = _table("lower", ["officer"], LOWER_TABLE)
    management = Tier("management", Text("管理職", "Management"))
    staff_tier = Tier("staff", Text("一般職", "Staff"))
    head = PostType("head", Text("所属長", "Head of unit"))
    ranks = []
    for position, (rid, ja, en, tier, table) in enumerate(
        [
            ("director", "局長", "Director", management, upper),
            ("manager", "課長", "Manager", management, upper),
            ("officer", "主事", "Officer", staff_tier, lower),
        ]
    ):
        roles = [
            Role(
                head if position < 2 else None,
                [Text(f"{ja}として、組織を運営する。", f"Runs the organisation as {en}.")],
            )
        ]
        rank = Rank(rid, Text(ja, en), tier, table, roles, position)
        tier.ranks.append(rank)
        ranks.append(rank)
    by_id = link_ranks(ranks)
    operational = Text("業務職", "Operational staff")
    foreman = JobTitle(operational, Text("作業長", "Foreman"), by_id["officer"])
    by_id["officer"].job_titles.append(foreman)
    job_types = [JobType(operational, [foreman], Text("業務職の職名（抜粋）", "Titles of operational staff, in part."))]

    sections = {
        number: record(
            Section,
            number=number,
            title=Text(f"第{number}章「{en}」", en),
            page=page,
            intro=[Text("本章の説明、要点。", f"About {en.lower()}.")],
        )
        for number, en, page in [
            ("03", "Orientations", "orientations/index.md"),
            ("06", "Key talents", "talents/index.md"),
            ("07", "Indicators", "indicators.md"),
            ("08", "Ranks", "ranks/index.md"),
            ("09", "Role flow", "role-flow.md"),
            ("10", "Rank image", "role-flow.md"),
            ("11", "Initiatives", "initiatives/index.md"),
        ]
    }

    mayor = FlowActor("mayor", Text("市長", "Mayor"), None, 0)
    actors = [mayor] + [FlowActor(r.id, r.name, r, r.position + 1) for r in ranks]
    for actor in actors[1:]:
        actor.functions.append(
            FlowFunction(head, Text("（所属長）", "as head"), [Text("指示する。", "Gives directions.")])
        )
    for source, target in zip(actors, actors[1:], strict=False):
        source.links.append(FlowLink(source, target, Text("指示", "directs")))
        target.links.append(FlowLink(target, source, Text("報告", "reports")))
    role_flow = record(
        RoleFlow,
        section=sections["09"],
        actors=actors,
        unplaced_labels=[],
        notes=[Text("図の注記、抜粋。", "A note on the chart.")],
    )

    headings = {
        "orientations": Text("志向", "Orientations"),
        "attitude_ability": Text("姿勢／能力", "Attitude and ability"),
        "rank": Text("職位", "Rank"),
        "attitude": Text("姿勢", "Attitude"),
        "ability": Text("能力", "Ability"),
    }
    image_rows = [
        RankImageRow(
            Text(label_ja, label_en),
            [by_id[rid] for rid in rids],
            [RankImageCell(o, Text("聴く", "Listens"), Text("伝える", "Explains")) for o in orientations],
        )
        for label_ja, label_en, rids in [
            ("管理職", "Management", ["director", "manager"]),
            ("一般職", "Staff", ["officer"]),
        ]
    ]
    rank_image = record(RankImage, section=sections["10"], headings=headings, rows=image_rows, notes=[])
    skills = {
        sid: KatzSkill(sid, Text(ja, en), Text(ja, en), Text(f"{ja}の説明。", f"What {en.lower()} means."))
        for sid, ja, en in [
            ("conceptual", "概念化能力", "Conceptual skill"),
            ("human", "対人関係能力", "Human skill"),
            ("technical", "業務遂行能力", "Technical skill"),
        ]
    }
    katz = record(
        KatzModel,
        title=Text("カッツ・モデル", "Katz model"),
        intro=[Text("能力の比重。", "How the weight of skills shifts.")],
        columns=[Text("階層", "Level"), Text("能力", "Skill"), Text("説明", "Explanation")],
        skills=skills,
        levels=[
            KatzLevel(Text("管理職", "Management"), ranks[:2], skills["conceptual"]),
            KatzLevel(Text("一般職", "Staff"), ranks[2:], skills["technical"]),
        ],
        points=[Text("要点、その一。", "The first point.")],
    )
    ranks_section = record(
        RanksSection,
        section=sections["08"],
        job_types=job_types,
        job_titles_scope=None,
        role_flow=role_flow,
        rank_image=rank_image,
        katz_model=katz,
    )

    level = record(
        TalentLevel,
        id="expert",
        name=Text("専門人材", "Expert"),
        plan_name=None,
        description=Text("データを（自ら）分析する。", "Analyses data on their own."),
        role=None,
        means=[Text("研修、派遣。", "Training and secondments.")],
        target=Figure(100, Text("人", "people")),
        target_text=None,
        target_label=Text("育成目標", "Target"),
        target_year=Text("令和10年度", "FY2028"),
    )
    talent = record(
        Talent,
        id="digital",
        number=1,
        name=Text("デジタル人材", "Digital talent"),
        role=Text("「変革」を担う。", "Leads the change."),
        development_aim=None,
        abilities=[],
        abilities_summary=None,
        levels_caption=None,
        levels=[level],
        blocks=[],
    )
    talents_section = record(
        TalentsSection,
        section=sections["06"],
        background=[Text("背景、その一。", "A background.")],
        issues=[Text("課題、その一。", "An issue.")],
        blocks=[],
    )

    area = record(
        Area,
        id="people",
        name=Text("人づくり", "Developing people"),
        description=Text("人を育てる。", "Growing people."),
        activity_indicators=[Text("研修の受講者数（人）", "Number of trainees")],
    )
    theme = Theme("learning-culture", Text("学ぶ風土", "A learning culture"), area)
    area.themes.append(theme)
    block = Block(
        heading=Text("取組の内容", "What is done"),
        paragraphs=[Text("研修を行う。", "Training is held.")],
        items=[Text("研修、その一。", "A course.")],
        table=Table(
            Text("実績（件）", "Results"),
            [Text("年度", "Year"), Text("件数", "Count")],
            [[Text("令和5年度", "FY2023"), Figure(12, Text("件", "cases"))], [Text("令和6年度", "FY2024"), None]],
        ),
    )
    initiative = record(
        Initiative,
        number="001",
        title=Text("研修の充実", "Better training"),
        theme=theme,
        text=[Text("研修を「充実」させる。", "Training is made better.")],
        blocks=[block],
        featured=True,
        talents=[talent],
    )
    theme.initiatives.append(initiative)
    talent.initiatives.append(initiative)
    # one a revision withdrew, merged into the first: its page is a notice (handbook/pages/initiatives.py)
    withdrawn = record(
        Initiative,
        number="002",
        title=Text("旧研修制度", "The former training scheme"),
        theme=theme,
        text=[Text("旧制度を運用する。", "The former scheme is run.")],
        blocks=[],
        withdrawn=record(Withdrawal, revision=Text("令和8年4月改定", "Revised April 2026"), merged_into=initiative),
    )

    glossary = [
        record(
            GlossaryTerm,
            id=GLOSSARY_ID,
            term=Text("心理的安全性", "psychological safety"),
            definition=Text("「安心して発言できる」状態。", 'A state in which anyone can "speak up" without <fear>.'),
            reading=Text("しんりてきあんぜんせい", "shinriteki anzensei"),
            aliases=[],
            defined_in=initiative,
        ),
    ]

    indicators = record(
        Indicators,
        section=sections["07"],
        basics=[
            record(
                Indicator,
                id="age-bands",
                label=Text("年齢構成", "Age bands"),
                values=[
                    Figure(50, Text("％", "%"), Text("30歳未満", "Under 30")),
                    Figure(25, Text("％", "%"), Text("30歳以上", "30 and over")),
                ],
                as_of=Text("令和6年4月", "April 2024"),
                scale=100,
            ),
            record(
                Indicator, id="staff-count", label=Text("職員数", "Staff"), values=[Figure(6789, Text("人", "people"))]
            ),
        ],
        outcome_targets=[
            record(
                OutcomeTarget,
                id="engagement",
                level="staff",
                goal=Text("働きがい", "Engagement"),
                label=Text("働きがいの点数", "Engagement score"),
                baseline=Figure(3.2, Text("点", "points"), None, Text("令和5年度", "FY2023")),
                target=Figure(4.0, Text("点", "points"), None, Text("令和10年度", "FY2028")),
                scale=5,
            ),
        ],
        closing=[Text("指標を毎年、確認する。", "The figures are checked every year.")],
        omitted=[
            record(
                UnquantifiedIndicator,
                label=Text("研修の受講率", "Training uptake"),
                rows=[Text("新任", "New staff")],
                unit=Text("％", "%"),
            )
        ],
    )

    return record(
        Policy,
        meta=record(
            Meta,
            absent=PROSE_FIELDS,
            title=Text("テスト方針", "Test policy"),
            revision=Text("令和6年9月改定", "Revised September 2024"),
            contact=record(Contact, name=Text("人事担当課", "the HR division")),
        ),
        terminology=[],
        glossary=glossary,
        organisation=record(
            Organisation, absent=("target_image", "growth_actions", "development_plans", "growth_cycle")
        ),
        key_values=[],
        key_value_actions=[],
        orientations=orientations,
        results=Text("仕事の実績", "Work results"),
        orientations_section=sections["03"],
        tiers=[management, staff_tier],
        post_types=[head],
        ranks=ranks,
        tables=[upper, lower],
        ranks_section=ranks_section,
        talents=[talent],
        talents_section=talents_section,
        indicators=indicators,
        areas=[area],
        areas_section=record(AreasSection, section=sections["11"], blocks=[]),
        initiatives=[initiative],
        withdrawn_initiatives=[withdrawn],
        sections=sections,
    )


# meta.yml's parts the tiny policy leaves out on purpose (PROSE_KINDS are rendered from the real data)
PROSE_FIELDS = (
    "published",
    "top_message",
    "vision",
    "philosophy",
    "comprehensive_plan",
    "basic_concept",
    "detailed_part",
    "cover_note",
    "revision_history",
)

# Page kinds that read the prose of Policy.meta and Policy.organisation, which the tiny policy
# leaves out: these are rendered from the real data instead.
PROSE_KINDS = {"home", "message", "about", "staff_image", "development_plans", "initiatives_index"}
