"""Chromium reads only the last --disable-features it is given, and ours comes after Playwright's: it has to
name every feature Playwright turns off, or a Playwright update would quietly turn them back on."""

from __future__ import annotations

import re
from pathlib import Path

import playwright
from pages_at_once import ARGS, PLAYWRIGHT_DISABLED_FEATURES

# Where the pinned Playwright keeps its Chromium switches (packages/playwright-core/src/server/chromium/
# chromiumSwitches.ts, bundled into its driver).
BUNDLE = Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js"
LIST = re.compile(r"disabledFeatures = \[(.*?)\]\.filter", re.DOTALL)


def test_our_disabled_features_keep_playwrights():
    found = LIST.search(BUNDLE.read_text(encoding="utf-8"))
    assert found, f"Playwright's list of disabled features is no longer where it was, in {BUNDLE}"
    playwrights = re.findall(r'^\s*"([^"]+)"', found.group(1), re.MULTILINE)
    assert playwrights == PLAYWRIGHT_DISABLED_FEATURES
    [ours] = [arg for arg in ARGS if arg.startswith("--disable-features=")]
    assert set(playwrights) <= set(ours.removeprefix("--disable-features=").split(","))
