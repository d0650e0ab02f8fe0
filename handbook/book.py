"""The whole handbook as one A4 PDF per language (handbook-ja.pdf, handbook-en.pdf), made from the built site.

The content is the site's own: the <article> of each content page of the built site, in navigation order, so
nothing is written twice. The pages that are tools (explorer, comparisons, item histories, self-check
sheets, changes) and the site's own pages (home, accessibility statement, maintainers' notes) stay out. Each
page becomes a chapter: a section's index page opens a part and its pages are chapters within it (their
headings one level down); links between pages become links inside the document.

WeasyPrint lays the book out (CSS paged media): a cover, the contents with page numbers (target-counter),
running headers (string-set), the outline from the chapters' headings, tags for assistive technology (a
structure tree with headings, lists and tables, the document's language), fonts embedded as subsets.

`python -m handbook.book SITE_DIR OUT_DIR` (scripts/build_pdf.sh) writes both files; a site built with
HANDBOOK_PDF_DIR naming that folder copies them into its downloads folder and links them with their size.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup, escape

from .exports import DOWNLOADS
from .html_text import article
from .load import load_policy
from .model import LANGUAGES, Policy
from .pages import kind_of
from .site import PageSpec, navigation, url_prefix
from .ui import label

PDF_DIR_VARIABLE = "HANDBOOK_PDF_DIR"  # a folder holding the built PDFs: the site links and publishes them
STYLESHEET = Path(__file__).with_name("book.css")
# Inside a page, what exists for the screen only: heading links (¶), buttons and script-only controls, the
# printed source line (the cover says it once), the page's last-changed line.
_DROPPED_CLASSES = {"headerlink", "no-print", "js-only", "print-source", "page-changed"}
_DROPPED_TAGS = {"script", "style", "button", "form", "input", "select", "textarea", "noscript"}
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_ID_LISTS = {"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "for", "headers", "list"}
_URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")
_NAMESPACES = {
    "http://www.w3.org/1999/xlink": "xlink:",
    "http://www.w3.org/XML/1998/namespace": "xml:",
    "http://www.w3.org/2000/xmlns/": "xmlns:",
}
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def pdf_name(language: str) -> str:
    return f"handbook-{language}.pdf"


@dataclass
class Chapter:
    """A page of the site in the book: a part (level 1: a page of its own, or a section's index page) or a
    chapter within the part before it (level 2)."""

    spec: PageSpec
    level: int
    title: str = ""  # the page's title heading as it reads (the contents and the outline show it)
    html: Markup = Markup("")
    ids: dict[str, str] = field(default_factory=dict)  # the page's ids → the book's (unique in the book)

    @property
    def anchor(self) -> str:
        return "p-" + (self.spec.url.strip("/").replace("/", "-") or "home")


def book_chapters(policy: Policy) -> list[Chapter]:
    """The book's chapters in the policy's order (the site's navigation), without the tools."""
    chapters = []
    for _title, pages in navigation(policy):
        for number, spec in enumerate(pages if isinstance(pages, list) else [pages]):
            if kind_of(spec).in_book:
                # a section's pages are chapters of the part its index page opens
                chapters.append(Chapter(spec, 2 if isinstance(pages, list) and number > 0 else 1))
    return chapters


def book_parts(chapters: list[Chapter]) -> list[tuple[Chapter, list[Chapter]]]:
    """The chapters as parts, each with the chapters within it."""
    parts: list[tuple[Chapter, list[Chapter]]] = []
    for chapter in chapters:
        if chapter.level == 1:
            parts.append((chapter, []))
        else:
            parts[-1][1].append(chapter)
    return parts


# ---------- Reading a built page: its article as an element tree ----------


def _local(name: str) -> str:
    """An element or attribute name without the parser's namespace: svg, viewBox, xlink:href."""
    if not name.startswith("{"):
        return name
    namespace, local = name[1:].split("}")
    prefix = _NAMESPACES.get(namespace, "")
    return local if prefix == "xmlns:" and local == "xmlns" else prefix + local


def _plain_names(element: ET.Element) -> None:
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue  # a comment
        node.tag = _local(node.tag)
        for key in [k for k in node.attrib if k.startswith("{")]:
            node.attrib[_local(key)] = node.attrib.pop(key)


def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def _remove(parent: ET.Element, child: ET.Element) -> None:
    """Remove an element, keeping the text that follows it."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _prune(element: ET.Element, in_heading: bool = False) -> None:
    """Drop what is for the screen only, and the phrase breaks (<wbr>) outside headings: on paper Japanese
    breaks at any character, as print does, and each <wbr> is a box to lay out (they tripled the time)."""
    for child in list(element):
        if (
            not isinstance(child.tag, str)  # a comment
            or child.tag in _DROPPED_TAGS
            or _classes(child) & _DROPPED_CLASSES
            or child.get("hidden") is not None
            or (child.tag == "wbr" and not in_heading)
        ):
            _remove(element, child)
        else:
            _prune(child, in_heading or child.tag in _HEADINGS)


def read_page(site_dir: Path, language: str, chapter: Chapter) -> tuple[ET.Element, str | None]:
    """The page's article as an element (its children are the page's content) and the page's canonical
    address when the site has one (site_url): links to pages outside the book then lead to the site."""
    import tinyhtml5  # WeasyPrint's HTML parser; imported here: a site build needs none of this

    page = (site_dir / url_prefix(language) / chapter.spec.url / "index.html").read_text(encoding="utf-8")
    canonical = _CANONICAL.search(page)
    root = tinyhtml5.parse(article(page), namespace_html_elements=False)
    body = root.find("body")
    content = body.find("article") if body is not None else None
    if content is None:
        raise ValueError(f"{chapter.spec.url or '/'} ({language}) has no <article>: is {site_dir} a built site?")
    _plain_names(content)
    _prune(content)
    return content, canonical.group(1) if canonical else None


# ---------- Making the pages one document ----------


def _number_ids(content: ET.Element, chapter: Chapter) -> None:
    """Every id made unique in the book (prefixed with the chapter's); the page's title heading becomes the
    chapter's anchor, one level down in a chapter within a part."""
    headings = [node for node in content.iter() if node.tag in _HEADINGS]
    if chapter.level == 2:
        for node in headings:
            node.tag = _HEADINGS[min(_HEADINGS.index(node.tag) + 1, len(_HEADINGS) - 1)]
    title = next((node for node in headings if node.tag == f"h{chapter.level}"), None)
    if title is None:
        raise ValueError(f"{chapter.spec.url or '/'} has no title heading")
    chapter.title = " ".join("".join(title.itertext()).split())
    for node in content.iter():
        old = node.get("id")
        if node is title:
            if old:
                chapter.ids[old] = chapter.anchor
            node.set("id", chapter.anchor)
            node.set("class", " ".join(sorted(_classes(node) | {f"book-level-{chapter.level}"})))
        elif old:
            chapter.ids[old] = node.attrib["id"] = f"{chapter.anchor}--{old}"


def _relink(content: ET.Element, chapter: Chapter, site_path: str, by_path: dict[str, Chapter], canonical) -> None:
    """Links to pages of the book lead to their chapter (or the place in it); links to other pages of the site
    lead to the site when its address is known, otherwise they become plain text; references between
    elements (labels, chart markers) follow the new ids."""
    base = "http://book.invalid/" + site_path  # urljoin resolves "../" only under a scheme it knows

    def same_page(fragment: str) -> str:
        return "#" + chapter.ids.get(fragment, chapter.anchor)

    def as_text(node: ET.Element, name: str) -> None:
        node.tag = "span"
        del node.attrib[name]
        node.attrib.pop("download", None)

    def relink(node: ET.Element, around: frozenset[str]) -> None:
        for name, value in list(node.attrib.items()):
            if name in _ID_LISTS:
                node.set(name, " ".join(chapter.ids.get(token, token) for token in value.split()))
            elif "url(#" in value:
                node.set(name, _URL_REFERENCE.sub(lambda m: f"url({same_page(m.group(1))})", value))
        for name in ("href", "xlink:href"):
            href = node.get(name)
            if href is None:
                continue
            if href.startswith("#"):
                node.set(name, same_page(href[1:]))
                if node.tag == "a" and node.get(name)[1:] in around:
                    as_text(node, name)  # a link to the place it stands in (an item's own anchor)
                continue
            target = urlsplit(urljoin(base, href))
            if target.netloc != "book.invalid":
                continue  # another site, mail: as it is
            path = target.path.lstrip("/").removesuffix("index.html")
            other = by_path.get(path)
            if other is not None:
                node.set(name, "#" + (other.ids.get(target.fragment, other.anchor)))
            elif canonical:
                node.set(name, urljoin(canonical, href))
            else:
                as_text(node, name)  # the page is not in the book and the site's address is unknown
        inside = around | {node.get("id")} if node.get("id") else around
        for child in node:
            relink(child, inside)

    relink(content, frozenset())


def svg_stylesheet(css: str) -> str:
    """The site's rules for its charts (`svg .bar { fill: … }`), for a <style> inside each chart: WeasyPrint
    draws an SVG with the SVG's own stylesheets only, and knows no custom properties, so var(--x) is replaced
    by the value the stylesheet gives --x; the text of a chart is set in the page's font."""
    import tinycss2

    rules = [rule for rule in tinycss2.parse_stylesheet(css, True, True) if rule.type == "qualified-rule"]
    values = {}
    for rule in rules:
        if tinycss2.serialize(rule.prelude).strip() == ":root":
            for item in tinycss2.parse_blocks_contents(rule.content, True, True):
                if item.type == "declaration" and item.name.startswith("--"):
                    values[item.name] = tinycss2.serialize(item.value).strip()

    def resolved(text: str) -> str:
        return re.sub(r"var\((--[\w-]+)\)", lambda m: values.get(m.group(1), m.group(0)), text)

    charts = [
        f"{tinycss2.serialize(rule.prelude).strip()} {{{resolved(tinycss2.serialize(rule.content))}}}"
        for rule in rules
        if tinycss2.serialize(rule.prelude).strip().startswith("svg ")
    ]
    return "\n".join([f"text {{ font-family: {resolved('var(--md-text-font-family)')}; }}", *charts])


def _style_charts(content: ET.Element, stylesheet: str) -> None:
    for svg in content.iter("svg"):
        style = ET.Element("style")
        style.text = stylesheet
        svg.insert(0, style)


def _html(content: ET.Element) -> Markup:
    """The content of an element as HTML (ElementTree escapes what it writes)."""
    children = "".join(ET.tostring(child, encoding="unicode", method="html") for child in content)
    return escape(content.text or "") + Markup(children)


def book_html(policy: Policy, site_dir: Path, language: str) -> str:
    """The whole handbook in one language as one HTML document for paged media."""
    from .render import environment

    chapters = book_chapters(policy)
    read = [read_page(site_dir, language, chapter) for chapter in chapters]
    for chapter, (content, _) in zip(chapters, read, strict=True):
        _number_ids(content, chapter)
    site_css = site_dir / "assets" / "handbook.css"
    charts = svg_stylesheet(site_css.read_text(encoding="utf-8"))
    by_path = {url_prefix(language) + chapter.spec.url: chapter for chapter in chapters}
    for chapter, (content, canonical) in zip(chapters, read, strict=True):
        _relink(content, chapter, url_prefix(language) + chapter.spec.url, by_path, canonical)
        _style_charts(content, charts)
        chapter.html = _html(content)
    stylesheets = [site_css, site_dir / "assets" / "print.css", STYLESHEET]
    return (
        environment()
        .get_template("book.html.j2")
        .render(
            lang=language,
            policy=policy,
            parts=book_parts(chapters),
            t=lambda text: text[language],
            label=lambda key: label(key)[language],
            style=Markup("\n".join(path.read_text(encoding="utf-8") for path in stylesheets)),
        )
    )


def write_book(policy: Policy, site_dir: Path, language: str, target: Path) -> Path:
    """One language's PDF, tagged (PDF/UA-1: structure tree, language, outline, embedded fonts); written
    beside the target and renamed, so a folder never holds half a PDF."""
    import logging

    import weasyprint

    # The site's stylesheets hold rules for the screen that WeasyPrint does not know (:has, field-sizing):
    # it ignores them, as a browser would, and would say so for every one.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=book_html(policy, site_dir, language), base_url=str(site_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    document.write_pdf(partial, pdf_variant="pdf/ua-1", pdf_tags=True)
    partial.replace(target)
    return target


# ---------- The site's links to the PDFs ----------


@dataclass(frozen=True)
class PublishedBook:
    language: str
    name: str  # the file's name in the downloads folder, e.g. handbook-ja.pdf
    size: int  # bytes
    source: Path


def published_books() -> list[PublishedBook]:
    """The PDFs the site publishes: those of both languages in the folder HANDBOOK_PDF_DIR names, or none (a
    plain build links none, so it never links a file it does not have)."""
    folder = os.environ.get(PDF_DIR_VARIABLE)
    if not folder:
        return []
    files = [Path(folder) / pdf_name(language) for language in LANGUAGES]
    if not all(path.is_file() for path in files):
        return []
    return [
        PublishedBook(language, path.name, path.stat().st_size, path)
        for language, path in zip(LANGUAGES, files, strict=True)
    ]


def copy_books(site_dir: Path) -> list[Path]:
    """Copy the published PDFs into the site's downloads folder (the files the pages link, with their size)."""
    copied = []
    for book in published_books():
        target = site_dir / DOWNLOADS / book.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(book.source, target)
        copied.append(target)
    return copied


def file_size(size: int) -> str:
    """A file's size as people read it: 1.9 MB, 820 KB."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def book_links(language: str, download) -> list[dict[str, str]]:
    """The links a page gives to the published PDFs, its own language's first: language, href (from
    `download`, the page's address of a file in the downloads folder) and size."""
    books = sorted(published_books(), key=lambda book: book.language != language)
    return [{"language": b.language, "href": download(b.name), "size": file_size(b.size)} for b in books]


# ---------- Command line ----------


def _build(site_dir: Path, language: str, out_dir: Path, data_dir: Path | None) -> tuple[Path, float]:
    start = time.process_time()
    policy = load_policy(data_dir) if data_dir else load_policy()
    path = write_book(policy, site_dir, language, out_dir / pdf_name(language))
    return path, time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("out_dir", type=Path, help="where handbook-ja.pdf and handbook-en.pdf are written")
    parser.add_argument("--data", type=Path, help="policy_data/ of the project (default: the package's)")
    parser.add_argument("--language", choices=LANGUAGES, action="append", help="only this language (repeatable)")
    args = parser.parse_args(argv)
    languages = args.language or list(LANGUAGES)
    start = time.monotonic()
    # one process per language: the two books are laid out at once on a machine with two cores
    with ProcessPoolExecutor(max_workers=min(len(languages), os.cpu_count() or 1)) as pool:
        jobs = [pool.submit(_build, args.site_dir, language, args.out_dir, args.data) for language in languages]
        for job in jobs:
            path, cpu = job.result()
            print(f"{path}: {file_size(path.stat().st_size)}, {path.stat().st_size} bytes, {cpu:.1f} s of CPU")
    print(f"PDFs written in {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
