"""Render handbook pages: (policy, page, language) → Markdown with HTML, through Jinja templates.

Everything from the data is escaped here (autoescape on), so markup or template syntax written in a
description is shown as text and never runs. Headings are emitted as Markdown so that they reach the
table of contents; their text is turned into character references so Markdown reads none of it as syntax.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined
from markupsafe import Markup

from . import addresses, charts
from .book import book_links
from .compare import item_histories, wording_diff
from .exports import DOWNLOADS
from .history import CHANGES_PAGE, History, format_date
from .model import Figure, GlossaryTerm, Initiative, Policy, Text
from .numbers import format_number
from .pages import kind_of
from .site import page_specs, url_prefix
from .ui import label, separators

TEMPLATES = Path(__file__).with_name("templates")


class TemplateFault(Exception):
    """A template could not be rendered: names the template file and line, and the page being made."""


def _template_frame(error: BaseException) -> tuple[str, int] | None:
    """The innermost template line in the error's traceback (Jinja puts template lines into it)."""
    found, trace = None, error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            path = Path(filename)
            shown = path.relative_to(TEMPLATES.parent.parent) if path.is_relative_to(TEMPLATES.parent.parent) else path
            found = (shown.as_posix(), trace.tb_lineno)
        trace = trace.tb_next
    return found


def text_in(value, language: str) -> str:
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()  # says which name or attribute is missing
    if value is None:
        return ""
    if isinstance(value, Text):
        return value[language]
    if isinstance(value, Figure):
        return format_figure(value, language)
    raise TypeError(f"not a text: {value!r}")


def css_string(text: str) -> str:
    """A CSS string literal of any text: everything but letters, digits and spaces as a hex escape, so no quote,
    backslash or `</style>` in the data can end it."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def print_running_header(page_title: str, site_name: str, language: str) -> str:
    """What each printed sheet after the first says at its top (「主査級｜熊本市職員成長・育成方針」), as a
    CSS string for the @page margin box: a rank printed for a training session still names its rank on page 3."""
    if not page_title or page_title == site_name:
        return css_string(site_name)
    return css_string(f"{page_title}{separators(language)['bar']}{site_name}")


def format_figure(figure: Figure, language: str) -> str:
    number = format_number(figure.value)  # as the data writes it: 3.80 stays 3.80
    unit = text_in(figure.unit, language)
    return f"{number}{unit}" if language == "ja" or unit in ("%", "％") else f"{number} {unit}".strip()


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>&~^=:\"']")


def heading_text(value: str) -> Markup:
    """Text safe to place in a Markdown heading: every character Markdown might act on becomes a reference."""
    return Markup(_MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", value))


class Glossary:
    """Marks the terms the policy defines wherever they appear, with their definition and a link."""

    def __init__(self, terms: list[GlossaryTerm], language: str):
        self.by_form: dict[str, GlossaryTerm] = {}
        for term in terms:
            for form in [term.term[language], *term.aliases]:
                self.by_form.setdefault(form, term)
        forms = sorted(self.by_form, key=len, reverse=True)
        # Latin terms must stand as words (EBPM not inside a longer word); Japanese has no word boundaries.
        self.pattern = (
            re.compile(
                "|".join((rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])" if f.isascii() else re.escape(f)) for f in forms)
            )
            if forms
            else None
        )
        self.language = language

    def mark(self, escaped: str, href) -> str:
        if not self.pattern:
            return escaped

        def replace(match: re.Match) -> str:
            term = self.by_form[match.group(0)]
            title = html.escape(term.definition[self.language], quote=True)
            return (
                f'<a class="glossary-term" href="{href(addresses.GLOSSARY)}#{term.id}">'
                f'<abbr title="{title}">{match.group(0)}</abbr></a>'
            )

        return self.pattern.sub(replace, escaped)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Strict: a name a template reads but nobody defined stops the build, naming the template and line."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


class PageRenderer:
    """Renders the pages of one language; created once per language build and reused for every page."""

    def __init__(
        self,
        policy: Policy,
        language: str,
        history: History | None = None,
        site_url: str | None = None,
    ):
        """site_url: the site's address (mkdocs.yml), when it is known. The content's relative links are written
        from the page's address: no generator resolves them again (handbook.build.blocks)."""
        self.policy = policy
        self.language = language
        self.history = history  # handbook.history: the changes page and each page's date (None: not read)
        self.site_url = site_url  # mkdocs.yml site_url: the site's address, when it is known
        self.specs = {spec.path: spec for spec in page_specs(policy)}
        self.glossary = Glossary(policy.glossary, language)
        self.histories = {history.id: history for history in item_histories(policy)}
        self.separators = separators(language)

    def _base(self, spec) -> str:
        """The page's address, which its links start from."""
        return url_prefix(self.language) + spec.url

    def relative(self, spec, target: str) -> str:
        """A link from the page of spec to the file target (from the site root, the language's folder included)."""
        return addresses.file_link(target, self._base(spec))

    def title(self, path: str) -> str:
        return self.specs[path].title[self.language]

    def render(self, path: str) -> str:
        spec = self.specs.get(path)
        if spec is None:
            raise KeyError(f"no page is generated for {path}")
        language = self.language

        def relative(target: str) -> str:
            return self.relative(spec, target)

        def t(value) -> str:
            return text_in(value, language)

        def href(target) -> str:
            """Relative address of another page: an entity with a page, or a source path such as 'ranks/chief.md',
            optionally with a '#fragment'."""
            target = getattr(target, "page", target)
            target, _, fragment = target.partition("#")
            if target not in self.specs:
                raise KeyError(f"{spec.path} links to {target}, which is not a page of the handbook")
            address = addresses.link(url_prefix(language) + self.specs[target].url, self._base(spec))
            return f"{address}#{fragment}" if fragment else address

        def download(name: str) -> str:
            """Relative address of a file of the downloads folder, which both languages share at the site root."""
            return relative(f"{DOWNLOADS}/{name}")

        def marked(text: str) -> str:
            """Escaped first, so the data can inject nothing; then the glossary's terms marked."""
            escaped = str(html.escape(text, quote=False))
            return escaped if spec.kind == "glossary" else self.glossary.mark(escaped, href)

        def rich(value) -> Markup:
            """Text with the glossary's terms marked, and its page reference (if any) made a link to the place it
            points at, named by that place's title (the printed page numbers mean nothing on the site)."""
            text = t(value)
            see = value.see if isinstance(value, Text) else None
            if see is None:
                return Markup(marked(text).replace("\n", "<br>"))
            before, pointer, after = text.partition(getattr(see, language))
            place = self.policy.place(see.to)
            name = f"{place.number} {t(place.title)}" if isinstance(place, Initiative) else t(place.title)
            link = f'<a class="see" href="{href(place)}">{html.escape(name, quote=False)}</a>'
            if pointer.startswith(("（", "(")):
                link = f"{self.separators['paren_open'].strip()}{link}{self.separators['paren_close']}"
            return Markup((marked(before) + link + marked(after)).replace("\n", "<br>"))

        context = dict(
            policy=self.policy,
            lang=language,
            spec=spec,
            # the page's address, for print: in full when the site's address is known, else from the site root
            address=(self.site_url or "/") + url_prefix(language) + spec.url,
            sep=self.separators,
            t=t,
            rich=rich,
            h=lambda value: heading_text(t(value)),
            href=href,
            download=download,
            pages=addresses,
            relative=relative,
            book_links=book_links(language, download),  # the whole handbook as PDFs, when the site publishes them
            label=lambda key: label(key)[language],
            charts=charts,
            diff=lambda old, new: wording_diff(t(old), t(new), language),
        )
        context.update(kind_of(spec).context(self, spec))
        try:
            # the line a printout begins with (print only), then the page
            with_policy = kind_of(spec).prints_policy
            text = environment().get_template("_print_source.j2").render(context, with_policy=with_policy)
            text += environment().get_template(f"{spec.kind}.md.j2").render(context)
            if self.history is not None and self.history.available and spec.path != CHANGES_PAGE:
                # The date the page's content last changed and its entries on the changes page, after the content.
                entries = self.history.entries_for(spec.path, language)
                text += (
                    environment()
                    .get_template("_page_changed.j2")
                    .render(context, page_entries=entries, date=lambda d: format_date(d, language))
                )
            return text
        except Exception as error:
            where = _template_frame(error)
            place = f"{where[0]}, line {where[1]}" if where else f"template {spec.kind}.md.j2"
            raise TemplateFault(f"{place}: {error} (while making {spec.path} in '{language}')") from error
