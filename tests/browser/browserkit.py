"""What the browser tests share: where the tools are, the pages, widths and modes."""

from __future__ import annotations

import os
import shutil
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
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
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
