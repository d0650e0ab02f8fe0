"""List the data files, read each one (YAML with the line of every value) and check it against its schema."""

from __future__ import annotations

from pathlib import Path

from ..addresses import INITIATIVE_DIR
from ..errors import Fault, Words
from ..yaml_source import YamlDocument, read_yaml
from .schema_check import schema_faults

REPOSITORY = Path(__file__).resolve().parent.parent.parent
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
INITIATIVE_SCHEMA = "initiative.schema.json"


def is_initiative(name: str) -> bool:
    """Whether a data file (path relative to the data folder) is one initiative's file."""
    return name.startswith(INITIATIVE_DIR + "/")


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
