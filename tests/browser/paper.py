"""A printout read back: each sheet's size and text, by poppler's pdfinfo and pdftotext (Debian's
poppler-utils, which scripts/test.sh installs). pdftotext reads a PDF's text several times faster than a
Python reader, and names each CJK glyph by its ideograph (長, not the radical ⻑ the font draws it with)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

_PAGE_SIZE = re.compile(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)


@dataclass(frozen=True)
class Sheet:
    width: float  # points
    height: float
    text: str  # as laid out: lines broken wherever the layout broke them


def _poppler(command: list[str], pdf: bytes) -> str:
    """A poppler command's output for the PDF given on its standard input ("-")."""
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode("utf-8")


def sheets(pdf: bytes) -> list[Sheet]:
    """The sheets of a PDF, in order."""
    sizes = _PAGE_SIZE.findall(_poppler(["pdfinfo", "-f", "1", "-l", "9999", "-"], pdf))
    # -raw: the text in the order it was drawn (pdftotext's layout order set bold Japanese apart from its line)
    texts = _poppler(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], pdf).split("\f")  # a form feed ends each sheet
    assert len(texts) == len(sizes) + 1, f"{len(sizes)} sheets, {len(texts) - 1} texts"
    return [Sheet(float(width), float(height), text) for (width, height), text in zip(sizes, texts, strict=False)]
