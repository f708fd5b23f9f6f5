"""The live preview tells the truth: the real build's warnings, in a banner on the page,
gone once fixed; conf.py still watched after an editor replaces it; no noise."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
BROKEN_CARD = "\n```{speaker-card} Ada Example\n:affilation: Example University\n```\n"


def load_dev():
    spec = importlib.util.spec_from_file_location("dev_py", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DEV = load_dev()


def preview_build(source: Path, out: Path) -> subprocess.CompletedProcess:
    """One build as dev.py's preview runs it (sphinx-autobuild calls this on each change)."""
    command = [sys.executable, "-m", "sphinx", *DEV.PREVIEW_FLAGS, "-d", str(out.parent / "doctrees"),
               "-c", str(source), str(source / "docs"), str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=source,
                          env=dict(os.environ, **DEV.PREVIEW_ENV))


def real_build(source: Path, out: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html",
               "-d", str(out.parent / "real-doctrees"), "-c", str(source), str(source / "docs"), str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=source, env=env)


def warning_lines(stderr: str) -> list[str]:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", stderr)
    return [line for line in plain.splitlines() if ": WARNING: " in line]


def banner_items(page: Path) -> list[str] | None:
    soup = BeautifulSoup(page.read_text(), "html.parser")
    banner = soup.find(id="roads-preview-warnings")
    if banner is None:
        return None
    assert banner["role"] == "alert"
    return [li.get_text(" ", strip=True) for li in banner.find_all("li")]


@pytest.fixture
def project(tmp_path) -> Path:
    source = tmp_path / "project"
    source.mkdir()
    shutil.copy(ROOT / "conf.py", source)
    shutil.copytree(ROOT / "docs", source / "docs")
    return source


def test_banner_lists_the_real_builds_warnings_and_goes_when_fixed(project, tmp_path):
    speakers = project / "docs" / "speakers.md"
    good = speakers.read_text()
    speakers.write_text(good + BROKEN_CARD + "\nSee {person}`Nobody Known`.\n")
    out = tmp_path / "preview"
    first = preview_build(project, out)
    assert first.returncode == 0, first.stderr  # the preview keeps serving
    real = real_build(project, tmp_path / "real")
    assert real.returncode != 0
    expected = warning_lines(real.stderr)
    assert len(expected) >= 2 and warning_lines(first.stderr) == expected  # the same warnings
    items = banner_items(out / "index.html")
    assert items is not None and len(items) == len(expected)
    line = good.count("\n") + 3  # the :affilation: line of the added card
    assert [item for item in items if item.startswith(
        f"docs/speakers.md:{line} speaker-card: unknown option 'affilation' (did you mean 'affiliation'?)")
        and item.endswith("[roads.option]")], items
    assert not [item for item in items if "WARNING" in item or str(project) in item]
    assert any("Nobody Known" in item for item in items), items
    assert banner_items(out / "contact.html") == items  # on every page, wherever one looks
    # fixed: the next build (as after a save) shows no banner anywhere
    speakers.write_text(good)
    second = preview_build(project, out)
    assert second.returncode == 0 and warning_lines(second.stderr) == []
    assert all(banner_items(page) is None for page in out.glob("*.html"))


def test_banner_text_is_escaped(project, tmp_path):
    (project / "docs" / "contact.md").write_text("# Contact\n\nSee {person}`<script>alert(1)</script>`.\n")
    out = tmp_path / "preview"
    preview_build(project, out)
    html = (out / "contact.html").read_text()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_the_real_build_never_gets_a_banner(project, tmp_path):
    (project / "docs" / "speakers.md").write_text((project / "docs" / "speakers.md").read_text() + BROKEN_CARD)
    env = {k: v for k, v in os.environ.items() if k != "ROADS_PREVIEW"}
    real_build(project, tmp_path / "real", env=env)
    assert all(banner_items(page) is None for page in (tmp_path / "real").glob("*.html"))


def test_a_second_build_is_quiet(project, tmp_path):
    """No 'configuration has changed' from roads_ext, no matplotlib notice."""
    env = {k: v for k, v in os.environ.items() if k != "ROADS_PREVIEW"}
    first = real_build(project, tmp_path / "real", env=env)
    second = real_build(project, tmp_path / "real", env=env)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    for output in (first.stdout, second.stdout):
        assert "matplotlib" not in output
    changed = re.search(r"The configuration has changed \((.*)\)", second.stdout)
    # furo declares pygments_dark_style only once the theme loads, after Sphinx compared
    # the configuration: that one is furo's, not roads_ext's
    assert changed is None or re.findall(r"'(\w+)'", changed.group(1)) == ["pygments_dark_style"]
    assert "0 added, 0 changed, 0 removed" in second.stdout


def test_the_preview_watches_the_folder_of_conf_py_and_ignores_the_rest(monkeypatch):
    from sphinx_autobuild.filter import IgnoreFilter

    seen = []
    monkeypatch.setattr(DEV, "run", lambda *command, **kwargs: seen.append([str(c) for c in command]) or 0)
    DEV.serve([])
    (command,) = seen
    watched = [command[i + 1] for i, part in enumerate(command) if part == "--watch"]
    assert watched == [str(DEV.ROOT)]  # the folder, not conf.py: a replaced file stays watched
    ignores = [command[i + 1] for i, part in enumerate(command) if part == "--re-ignore"]
    ignored = IgnoreFilter([], ignores)
    root = DEV.ROOT.resolve()
    for path in ("conf.py", "docs/speakers.md", "src/roads_ext/people.py"):
        assert not ignored(str(root / path)), path
    for path in ("tests/test_site.py", ".venv/x.py", "_build/html/index.html", "conf.py~",
                 "src/roads_ext/__pycache__/people.cpython-311.pyc", "README.md"):
        assert ignored(str(root / path)), path
    assert {"-n", "--keep-going"} <= set(command) and "-W" not in command


def test_a_watched_folder_sees_conf_py_replaced_twice(tmp_path):
    """What sphinx-autobuild does with --watch FOLDER: each save by rename is seen."""
    import watchfiles

    conf = tmp_path / "conf.py"
    conf.write_text("project = 'a'\n")
    stop = threading.Event()
    seen: list[set] = []

    def watch():
        for changes in watchfiles.watch(tmp_path, stop_event=stop, debounce=50, step=20,
                                        rust_timeout=100, yield_on_timeout=False):
            seen.append({Path(path).name for _, path in changes})

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    time.sleep(0.5)
    for value in ("b", "c"):
        scratch = tmp_path / ".conf.py.swp"
        scratch.write_text(f"project = {value!r}\n")
        os.replace(scratch, conf)  # as many editors save
        deadline = time.monotonic() + 5
        while not any("conf.py" in names for names in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any("conf.py" in names for names in seen), value
        seen.clear()
    stop.set()
    thread.join(timeout=5)
