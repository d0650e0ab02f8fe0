"""The terms the policy defines; the other pages mark them and link here."""

from __future__ import annotations

from .. import addresses
from . import PageKind


def _words(policy, spec, language: str) -> list[str]:
    return [term.term[language] for term in policy.glossary] + [a for term in policy.glossary for a in term.aliases]


KINDS = [PageKind("glossary", 14, path=addresses.GLOSSARY, keywords=_words)]
