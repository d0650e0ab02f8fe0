"""The site's links to the whole handbook as PDFs (handbook/book.py): where a page offers printing or downloads
(rank pages, self-check sheets, the explorer), in both languages, with each file's size, only when the site
build is given both PDFs (HANDBOOK_PDF_DIR); the build copies the files it links."""

from __future__ import annotations

import posixpath
import re

import pytest

from handbook.book import PDF_DIR_VARIABLE, copy_books, pdf_name
from handbook.model import LANGUAGES
from handbook.render import PageRenderer
from handbook.site import url_prefix

PDF_LINK = re.compile(r'<a href="([^"]+)" hreflang="(\w+)" type="application/pdf">([^<]+)</a>')
SIZES = {"ja": (1_234_567, "1.2 MB"), "en": (456_000, "456 KB")}


@pytest.fixture
def pdf_dir(tmp_path, monkeypatch):
    for language, (size, _) in SIZES.items():
        (tmp_path / pdf_name(language)).write_bytes(b"%PDF-" + b"0" * (size - 5))
    monkeypatch.setenv(PDF_DIR_VARIABLE, str(tmp_path))
    return tmp_path


def places(policy) -> list[tuple[str, str]]:
    """(source path, address) of the pages that offer printing or downloads."""
    rank = policy.ranks[0]
    return [
        (rank.page, f"ranks/{rank.id}/"),
        (rank.self_check_page, f"self-check/{rank.id}/"),
        ("explorer.md", "explorer/"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_and_download_places_link_both_pdfs_with_their_size(pdf_dir, policy, language):
    renderer = PageRenderer(policy, language)
    for path, address in places(policy):
        links = PDF_LINK.findall(renderer.render(path))
        assert [hreflang for _, hreflang, _ in links] == sorted(LANGUAGES, key=lambda other: other != language), path
        for href, hreflang, text in links:
            assert posixpath.normpath(posixpath.join(url_prefix(language) + address, href)) == (
                f"downloads/{pdf_name(hreflang)}"
            )
            assert SIZES[hreflang][1] in text, (path, text)


def test_no_link_without_both_pdfs(pdf_dir, policy, monkeypatch):
    (pdf_dir / pdf_name("en")).unlink()
    renderer = PageRenderer(policy, "ja")
    for path, _ in places(policy):
        assert "application/pdf" not in renderer.render(path)
    monkeypatch.delenv(PDF_DIR_VARIABLE)
    (pdf_dir / pdf_name("en")).write_bytes(b"%PDF-")
    for path, _ in places(policy):
        assert "application/pdf" not in renderer.render(path)


def test_the_build_copies_the_pdfs_it_links(pdf_dir, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    copied = copy_books(site)
    assert sorted(path.name for path in copied) == sorted(pdf_name(language) for language in LANGUAGES)
    for path in copied:
        assert path.parent == site / "downloads"
        assert path.read_bytes() == (pdf_dir / path.name).read_bytes()
