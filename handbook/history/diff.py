"""Comparing two versions of a data file, text by text: what changed, was added or removed, and on which pages."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from .. import addresses
from ..addresses import INITIATIVE_DIR
from ..errors import field_name
from ..model import Text
from ..yaml_source import text_mappings
from .records import NOT_SHOWN_FIELDS, EntityChange, TextChange


def _at(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def _safe_pages(name: str, path: tuple, data, ranks: list[str] | None) -> tuple[str, ...]:
    try:
        return tuple(addresses.pages_of(name, path, data, ranks))
    except (KeyError, IndexError, TypeError):  # an old commit's data in a shape the mapping no longer knows
        return (addresses.file_page(name),)


def _context(data, path: tuple) -> Text | None:
    """The name (or title) of the nearest thing that holds the text at path, when that text is not the name."""
    for end in range(len(path) - 1, -1, -1):
        try:
            node = _at(data, path[:end])
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(node, dict):
            for key in ("name", "title", "term", "label"):
                value = node.get(key)
                if isinstance(value, dict) and isinstance(value.get("ja"), str) and path[:end] + (key,) != path:
                    return text_of(value)
    return None


def text_of(node: dict) -> Text:
    return Text(str(node.get("ja") or "").strip(), str(node.get("en") or "").strip())


# --- comparing two versions of a file --------------------------------------------------------------------------


def _key(data, path: tuple) -> tuple:
    """The path with each list entry that has an id named by it, so an inserted entry shifts no other."""
    key, node = [], data
    for part in path:
        child = node[part]
        if isinstance(part, int) and isinstance(child, dict) and isinstance(child.get("id"), str):
            key.append(f"id={child['id']}")
        else:
            key.append(part)
        node = child
    return tuple(key)


def _shown_values(data) -> dict[tuple, tuple[tuple, Text]]:
    """Every text staff read (and every figure's number), by key: (raw path, text)."""
    out = {}
    for path, node in text_mappings(data):
        if not NOT_SHOWN_FIELDS & {p for p in path if isinstance(p, str)}:
            out[_key(data, path)] = (path, text_of(node))

    def figures(node, path):
        if isinstance(node, dict):
            value = node.get("value")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out[_key(data, path + ("value",))] = (path + ("value",), Text(f"{value:,}", f"{value:,}"))
            for key, child in node.items():
                if key not in NOT_SHOWN_FIELDS:
                    figures(child, path + (key,))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                figures(child, path + (index,))

    figures(data, ())
    return out


_ENTITY_LISTS = {
    "ranks.yml": ("ranks", "rank", "name"),
    "talents.yml": ("talents", "talent", "name"),
    "orientations.yml": ("orientations", "orientation", "name"),
    "glossary.yml": ("terms", "term", "term"),
}


def _entities(name: str, data) -> dict[tuple[str, str], tuple[tuple, Text]]:
    """The entities of a file that staff know by name: (what, key) -> (raw path, name)."""
    out = {}
    try:
        if name.startswith(INITIATIVE_DIR + "/"):
            number = str(data.get("number") or Path(name).stem)
            title = text_of(data["title"])
            out["initiative", number] = ((), Text(f"{number} {title.ja}", f"{number} {title.en}"))
        elif name in _ENTITY_LISTS:
            key, what, title = _ENTITY_LISTS[name]
            for index, entry in enumerate(data[key]):
                out[what, entry["id"]] = ((key, index), text_of(entry[title]))
        elif name == "competencies.yml":
            for t, table in enumerate(data["tables"]):
                for g, group in enumerate(table["groups"]):
                    for i, item in enumerate(group["items"]):
                        out["item", f"{table['id']}/{item['id']}"] = (
                            ("tables", t, "groups", g, "items", i),
                            text_of(item["name"]),
                        )
    except (KeyError, IndexError, TypeError, AttributeError):
        return {}
    return out


def _entity_pages(name: str, what: str, path: tuple, data, ranks) -> tuple[str, ...]:
    if what == "initiative":
        return (addresses.file_page(name), addresses.INITIATIVES)
    if what == "item":
        return _safe_pages(name, path + ("name",), data, ranks)
    if what == "term":
        return (addresses.GLOSSARY,)
    pages = _safe_pages(name, path + ("name",), data, ranks)
    index = {"rank": addresses.RANKS, "talent": addresses.TALENTS, "orientation": addresses.ORIENTATIONS}[what]
    return pages + (index,)


def compare_file(name: str, old, new, old_ranks=None, new_ranks=None) -> tuple[list[TextChange], list[EntityChange]]:
    """What changed in one data file between two parsed versions (None: the file is not there)."""
    entities: list[EntityChange] = []
    old_entities = _entities(name, old) if old is not None else {}
    new_entities = _entities(name, new) if new is not None else {}
    hidden_old, hidden_new = [], []
    for what_key in sorted(new_entities.keys() - old_entities.keys()):
        path, entity_name = new_entities[what_key]
        entities.append(
            EntityChange("added", *what_key, entity_name, _entity_pages(name, what_key[0], path, new, new_ranks))
        )
        hidden_new.append(path)
    for what_key in sorted(old_entities.keys() - new_entities.keys()):
        path, entity_name = old_entities[what_key]
        entities.append(
            EntityChange("removed", *what_key, entity_name, _entity_pages(name, what_key[0], path, old, old_ranks))
        )
        hidden_old.append(path)

    withdrawn = name.startswith(INITIATIVE_DIR + "/") and old is not None and new is not None
    if withdrawn and "withdrawn" in new and "withdrawn" not in old:
        # A revision withdrew the initiative (its file stays, as a notice): that, not its texts, is the change.
        key = ("initiative", new["number"])
        pages = _entity_pages(name, "initiative", (), new, new_ranks)
        entities.append(EntityChange("withdrawn", *key, new_entities[key][1], pages))
        hidden_old.append(())
        hidden_new.append(())

    def shown(data, hidden):
        values = _shown_values(data) if data is not None else {}
        return {k: v for k, v in values.items() if not any(v[0][: len(h)] == h for h in hidden)}

    before, after = shown(old, hidden_old), shown(new, hidden_new)
    # 1. the same text at the same place: unchanged
    for key in [k for k in before if k in after and before[k][1] == after[k][1]]:
        del before[key], after[key]
    # 2. a text changed in place (unless either wording stands elsewhere on the other side: that is a move)
    pairs: list[tuple[tuple, tuple]] = []
    old_wordings = {text for _, text in before.values()}
    new_wordings = {text for _, text in after.values()}
    for key in [k for k in before if k in after]:
        if before[key][1] not in new_wordings and after[key][1] not in old_wordings:
            pairs.append((before.pop(key), after.pop(key)))
    # 3. a text moved unchanged (an entry inserted before it, a field renamed): no change
    moved_to: dict[Text, list[tuple]] = {}
    for key, (_, text) in after.items():
        moved_to.setdefault(text, []).append(key)
    for key in list(before):
        if moved_to.get(before[key][1]):
            del after[moved_to[before[key][1]].pop(0)], before[key]
    # 4. a text changed and moved within one list: paired with the most similar one of the same list
    for key in list(before):
        scored = [
            (SequenceMatcher(None, before[key][1].ja, after[k][1].ja).ratio(), k) for k in after if k[:-1] == key[:-1]
        ]
        if scored and max(scored)[0] >= 0.5:
            pairs.append((before.pop(key), after.pop(max(scored)[1])))
    texts: list[TextChange] = []
    for (_, old_text), (new_path, new_text) in pairs:
        kind = "translation" if old_text.ja == new_text.ja else "changed"
        texts.append(
            TextChange(
                kind,
                name,
                field_name(new_path),
                _safe_pages(name, new_path, new, new_ranks),
                old_text,
                new_text,
                _context(new, new_path),
            )
        )
    for path, text in after.values():
        texts.append(
            TextChange(
                "added",
                name,
                field_name(path),
                _safe_pages(name, path, new, new_ranks),
                None,
                text,
                _context(new, path),
            )
        )
    for path, text in before.values():
        texts.append(
            TextChange(
                "removed",
                name,
                field_name(path),
                _safe_pages(name, path, old, old_ranks),
                text,
                None,
                _context(old, path),
            )
        )
    return texts, entities
