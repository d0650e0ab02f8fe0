"""Interface wording (handbook/ui.yml): labels the site adds around the policy's own text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .model import Text


@lru_cache(maxsize=1)
def _labels() -> dict[str, Text]:
    raw = yaml.safe_load((Path(__file__).with_name("ui.yml")).read_text(encoding="utf-8"))
    return {key: Text(value["ja"], value["en"]) for key, value in raw.items()}


def label(key: str) -> Text:
    return _labels()[key]


def separators(language: str) -> dict[str, str]:
    """The punctuation between texts in one language: {'colon': '：', 'list': '、', …} (ui.yml's sep_*)."""
    return {key[len("sep_") :]: text[language] for key, text in _labels().items() if key.startswith("sep_")}
