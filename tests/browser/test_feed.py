"""The feed of the changes opened in a browser (the changes page links it): a plain page in the feed's language
that says what it is and what to do with its address (feed.css, handbook/feeds.py), not the XML tree under the
browser's English message, and without the warning browsers now put over pages made by XSLT."""

from __future__ import annotations

import pytest

from handbook.model import LANGUAGES
from handbook.site import url_prefix
from handbook.ui import label

SHOWN = """() => {
  const style = (selector, pseudo) => getComputedStyle(document.querySelector(selector), pseudo || null);
  return {
    root: document.documentElement.localName,
    feed: style("feed").display,
    what: style("feed > title", "::after").content,
    id: style("feed > id").display,
    content: style("entry > content").display,
    entry: style("entry > title").display,
  };
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_opens_as_a_page_that_says_what_it_is(browser, site_server, language):
    page = browser.new_page()
    said, missing = [], []
    # (a failed request is logged too, without its address: the responses name the site's own; the browser's
    # request for /favicon.ico at the host's root is not one of them)
    page.on("console", lambda message: said.append(message.text) if "Failed to load" not in message.text else None)
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    try:
        response = page.goto(f"{site_server}/{url_prefix(language)}changes.xml", wait_until="load")
        assert response.ok and response.headers["content-type"].startswith(("application/xml", "text/xml"))
        shown = page.evaluate(SHOWN)
    finally:
        page.close()
    assert shown["root"] == "feed" and shown["feed"] == "block", shown
    assert shown["what"] == f'"{label("feed_page_what")[language]}"', shown["what"]
    assert shown["id"] == shown["content"] == "none" and shown["entry"] == "inline", shown
    assert not said and not missing, (said, missing)
