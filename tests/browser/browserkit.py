"""What the browser tests share: where the tools are, the pages, widths and modes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

from sitebuild import DEMO_PAGE, PAPERS_DEMO_PAGE, ROOT, SPONSORS_PAGE

HERE = Path(__file__).parent
NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
FAILURES = HERE / "failures"
CHROMIUM = Path(os.environ.get("ROADS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: the site's pages (docs/*.md) and the demo pages with photos, sponsors and papers
PAGES = [*sorted(p.stem for p in (ROOT / "docs").glob("*.md")), DEMO_PAGE, SPONSORS_PAGE, PAPERS_DEMO_PAGE]
WIDTHS = {"phone": 375, "desktop": 1280}
#: light and dark through furo's toggle (localStorage "theme"), and dark through
#: the system setting alone (theme "auto" + prefers-color-scheme)
MODES = {"light": ("light", "light"), "dark": ("dark", "dark"), "auto-dark": ("auto", "dark")}
INSTALL_HINT = "see the handbook, 'The repository's commands and tests': apt-get install chromium default-jre-headless; python3 dev.py test runs npm ci"


def need(condition: bool, reason: str) -> None:
    """Skip (fail under CI) when a tool the test needs is missing."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and {reason} ({INSTALL_HINT})", pytrace=False)
    pytest.skip(f"{reason} ({INSTALL_HINT})")


def chromium_problem() -> str | None:
    if not CHROMIUM.is_file():
        return f"Chromium not found at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed"
    return None


def java_problem() -> str | None:
    if shutil.which("java") is None:
        return "java not found (the Nu Html Checker needs Java 11+)"
    if not VNU_JAR.is_file():
        return f"{VNU_JAR.relative_to(ROOT)} missing (npm ci in tests/browser)"
    return None


#: axe-core's rules of WCAG 2.2 level AA
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})"


def axe_findings(page) -> tuple[list[dict], int]:
    """axe-core's WCAG 2.2 AA rules run on the open page (axe put in it on first use): the
    violations, each its rule, help and first five nodes, and how many rules passed."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    violations = [
        {"rule": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in result["violations"]
    ]
    return violations, len(result["passes"])


def vnu_errors(files: Iterable[Path]) -> list[str]:
    """The Nu Html Checker's errors in ``files``, each ``name:line: message``."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
