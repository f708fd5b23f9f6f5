"""The built site in a real browser: headless Chromium driven by Playwright.

The site (its pages plus an orphan page of five speakers with large generated
photos) is built once per session into a temporary folder and served on
127.0.0.1 by a threaded http.server. What the tests need and where it comes from:

- Chromium: Debian's ``chromium`` package, ``/usr/bin/chromium`` (or ``ROADS_CHROMIUM``)
- axe-core and vnu-jar: ``npm ci`` in ``tests/browser`` (dev.py does it when npm exists)
- Java 17+ for the Nu Html Checker

Where one is missing, its tests are skipped and the run ends with a banner naming
them; with ``CI`` set, a missing tool fails those tests instead.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import subprocess
import threading
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import build_site, make_demo_source

from .browserkit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FAILURES,
    MODES,
    PAGES,
    VNU_JAR,
    WIDTHS,
    chromium_problem,
    java_problem,
    need,
)

# --- the site, served ------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 (a free port) while the block runs: its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> tuple[str, Path]:
    """(base URL, folder) of the built site, served on 127.0.0.1."""
    work = tmp_path_factory.mktemp("browser-site")
    out = work / "html"
    out.mkdir()
    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    source = make_demo_source(work / "src")
    result = build_site(out, baseurl=base, source=source)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stdout + result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, out
    server.shutdown()
    server.server_close()


# --- the browser -------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    need(chromium_problem() is None, chromium_problem() or "")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """One page open at one width in one colour mode, with what went wrong."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.url = url
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {e}"))
        page.on("requestfailed", lambda r: self.failed_requests.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed_requests.append(f"{r.url} ({r.status})"))


@pytest.fixture
def visit(browser, site, request):
    """``visit(page, width, mode[, scale])`` opens a page; a failing test leaves a screenshot."""
    base, _ = site
    contexts = []
    opened: list[Visit] = []

    def open_page(name: str, width: str, mode: str, scale: float = 1) -> Visit:
        theme, scheme = MODES[mode]
        context = browser.new_context(
            viewport={"width": WIDTHS[width], "height": 800}, color_scheme=scheme,
            device_scale_factor=scale, service_workers="block",
        )
        context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page, f"{base}{name}.html")
        opened.append(seen)
        page.goto(seen.url, wait_until="load")
        return seen

    yield open_page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        FAILURES.mkdir(exist_ok=True)
        for index, seen in enumerate(opened):
            slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            seen.page.screenshot(path=str(FAILURES / f"{slug}-{index}.png"), full_page=True)
    for context in contexts:
        context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# --- the loud summary of what was not checked ----------------------------------------


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reasons: dict[str, int] = defaultdict(int)
    for report in terminalreporter.stats.get("skipped", []):
        if "tests/browser/" not in report.nodeid.replace("\\", "/"):
            continue
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reasons[reason.removeprefix("Skipped: ")] += 1
    if not reasons:
        return
    line = "!" * 78
    terminalreporter.write_line("")
    terminalreporter.write_line(line, red=True, bold=True)
    terminalreporter.write_line(
        f"BROWSER TESTS SKIPPED: {sum(reasons.values())} browser tests did not run, so what they "
        "check was NOT checked:", red=True, bold=True)
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"  {count:4d} skipped: {reason}", red=True)
    terminalreporter.write_line(line, red=True, bold=True)


@pytest.fixture(scope="session")
def vnu_report(site) -> dict[str, list[dict]]:
    """The Nu Html Checker's errors for every built page, by page name."""
    problem = java_problem()
    need(problem is None, problem or "")
    _, out = site
    files = sorted(str(out / f"{name}.html") for name in PAGES)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )
    import json

    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    by_page: dict[str, list[dict]] = defaultdict(list)
    for message in messages:
        name = Path(message.get("url", "")).stem
        by_page[name].append(message)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return by_page
