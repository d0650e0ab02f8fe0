"""Every page of the built site is valid HTML by the Nu Html Checker (vnu.jar, the W3C validator's engine).

One Java process checks the whole site. scripts/test.sh installs the checker (npm `vnu-jar`, pinned in
package.json and package-lock.json, into node_modules/) and a Java runtime; a missing one fails this test,
as a missing Chromium fails the browser tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from handbook_testing import REPOSITORY

VNU = REPOSITORY / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker asks for a stack of 512 KiB at least (its schema recurses deeply). On a run this short, Java's
# quick compiler alone (TieredStopAtLevel=1) and the serial collector halve its time.
JAVA = ["-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
# A page with a fault the checker must report: proof that this run of the checker reports what it finds.
PROBE = '<!DOCTYPE html><html lang="en"><title>Probe</title><p><span aria-label="x">x</span></p></html>'


def check(paths: list[Path]) -> tuple[set[Path], list[dict]]:
    """The files the checker read and its errors (warnings left out), in one run over all the paths."""
    java = shutil.which("java")
    assert java, "Java is not installed: run `bash scripts/test.sh`, or `apt-get install default-jre-headless`"
    assert VNU.is_file(), f"{VNU.relative_to(REPOSITORY)} is missing: run `bash scripts/test.sh` (it runs `npm ci`)"
    options = ["--errors-only", "--no-langdetect", "--skip-non-html", "--verbose", "--format", "json"]
    result = subprocess.run(
        [java, *JAVA, "-jar", str(VNU), *options, *map(str, paths)], capture_output=True, text=True, timeout=300
    )
    # --verbose names each file read on standard output; the report goes to standard error.
    read = {Path(line).resolve() for line in result.stdout.splitlines() if line.strip()}
    report = json.loads(result.stderr)
    return read, [m for m in report["messages"] if m["type"] != "info"]


def describe(message: dict, site: Path) -> str:
    where = message.get("url", "").removeprefix("file:")
    if where:
        where = Path(where).resolve()
        where = where.relative_to(site).as_posix() if where.is_relative_to(site) else where.name
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}"


def test_every_page_is_valid_html(built_site: Path, tmp_path: Path):
    site = built_site.resolve()
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE, encoding="utf-8")
    read, errors = check([site, probe])

    pages = {path.resolve() for path in site.rglob("*.html")}
    assert pages and read == pages | {probe.resolve()}, "the checker did not read every page"
    faults = [describe(error, site) for error in errors]
    assert any(fault.startswith("probe.html:") and "aria-label" in fault for fault in faults), faults
    faults = [fault for fault in faults if not fault.startswith("probe.html:")]
    assert not faults, f"{len(faults)} errors in the built site:\n" + "\n".join(faults[:200])
