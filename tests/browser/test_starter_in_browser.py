"""The starter site of ``python -m roads_ext new``, as generated, passes the same checks as
the ROADS site: axe-core (WCAG 2.2 A and AA) on every page at a phone's and a desktop's
width in light and dark mode, and the Nu Html Checker."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .browserkit import AXE_JS, MODES, WIDTHS, axe_findings, java_problem, need, vnu_errors
from .conftest import served

pytestmark = pytest.mark.browser

PAGES = ["index", "speakers", "committee", "call-for-papers", "program", "dates", "contact"]
NAME = 'The "Example" <Workshop> on {Systems} #1'


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    """(base URL, folder) of the built starter site, served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("starter") / "site"
    made = subprocess.run(
        [sys.executable, "-m", "roads_ext", "new", str(site), "--name", NAME, "--date", "2026-06-08",
         "--timezone", "Europe/Paris", "--conference", "ExampleConf 2026"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    out = site / "_build" / "html"
    built = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
         "-c", str(site), str(site / "docs"), str(out)], capture_output=True, text=True, cwd=site)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    with served(out) as base:
        yield base, out


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("page", PAGES)
def test_starter_pages_pass_axe(browser, starter, page, width, mode):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    base, _ = starter
    theme, scheme = MODES[mode]
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, color_scheme=scheme,
                                  service_workers="block")
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    errors: list[str] = []
    try:
        p = context.new_page()
        p.on("pageerror", lambda e: errors.append(str(e)))
        p.on("response", lambda r: r.status >= 400 and errors.append(f"{r.url} ({r.status})"))
        p.goto(f"{base}{page}.html", wait_until="load")
        violations, passed = axe_findings(p)
    finally:
        context.close()
    assert violations == [], json.dumps(violations, indent=1)
    assert passed > 10
    assert errors == []


def test_starter_pages_are_valid_html(starter):
    problem = java_problem()
    need(problem is None, problem or "")
    _, out = starter
    errors = vnu_errors(out / f"{page}.html" for page in PAGES)
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize("page", PAGES)
def test_starter_pages_log_nothing_and_ask_for_nothing_missing(browser, starter, page):
    """No console message of any kind, no failed request, no 404: the favicon included,
    which the pages name (a browser would otherwise ask for /favicon.ico)."""
    base, out = starter
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 800}, service_workers="block")
    messages: list[str] = []
    try:
        p = context.new_page()
        p.on("console", lambda m: messages.append(f"console.{m.type}: {m.text}"))
        p.on("pageerror", lambda e: messages.append(f"uncaught: {e}"))
        p.on("requestfailed", lambda r: messages.append(f"{r.url} ({r.failure})"))
        p.on("response", lambda r: r.status >= 400 and messages.append(f"{r.url} ({r.status})"))
        p.goto(f"{base}{page}.html", wait_until="load")
        p.wait_for_load_state("networkidle")
        icon = p.evaluate("""async () => {
            const link = document.querySelector('link[rel~="icon"]');
            if (!link) return null;
            const response = await fetch(link.href);
            return {href: link.getAttribute('href'), status: response.status,
                    type: response.headers.get('content-type')};
        }""")
    finally:
        context.close()
    assert messages == []
    assert icon == {"href": "_static/favicon.png", "status": 200, "type": "image/png"}
    assert (out / "_static" / "favicon.png").is_file()
