"""The policy's fixed structure around the ranks: the four orientations in order, the tiers and competency
tables listing the ranks that name them, the nine groups of every table, and the rows of the rank overview."""

from __future__ import annotations

from collections import Counter

from ...errors import Words
from .report import Report

ORIENTATION_ORDER = ("citizen", "self-reliance", "team", "reform")
# The nine groups of every competency table, in the policy's order.
GROUP_ORDER = [(o, kind) for o in ORIENTATION_ORDER for kind in ("attitude", "ability")] + [("results", "results")]


def orientation_order(report: Report) -> None:
    orientations = report.data["orientations.yml"]["orientations"]
    if [o["id"] for o in orientations] != list(ORIENTATION_ORDER):
        report.fault(
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


def tiers_and_tables_agree(report: Report) -> None:
    """A tier lists the ranks whose 'tier' it is; a competency table, the ranks whose 'competency_table' it is."""
    ranks = report.data["ranks.yml"]
    rank_by_id = {r["id"]: r for r in ranks["ranks"]}
    for i, tier in enumerate(ranks["tiers"]):
        for j, rank_id in enumerate(tier["ranks"]):
            owner = rank_by_id.get(rank_id)
            if owner and owner["tier"] != tier["id"]:
                report.fault(
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
    for i, table in enumerate(report.data["competencies.yml"]["tables"]):
        for j, rank_id in enumerate(table["ranks"]):
            owner = rank_by_id.get(rank_id)
            if owner and owner["competency_table"] != table["id"]:
                report.fault(
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


def competency_tables(report: Report) -> None:
    """Every table has the nine groups in the policy's order, and each item id once."""
    name = "competencies.yml"
    for i, table in enumerate(report.data[name]["tables"]):
        base, groups = ("tables", i), table["groups"]
        found = [(g["orientation"], g["kind"]) for g in groups]
        if found != GROUP_ORDER:
            report.fault(
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
                    report.fault(
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


def rank_image_rows(report: Report) -> None:
    """Each row of the rank overview (10) names the four orientations, in order."""
    for i, row in enumerate(report.data["ranks.yml"]["rank_image"]["rows"]):
        found = [cell["orientation"] for cell in row["names"]]
        if found != list(ORIENTATION_ORDER):
            report.fault(
                "ranks.yml",
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
