"""Shared fixtures: Sphinx's own test fixtures, test roots, and one-page builds."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
ROOT = TESTS.parent

SNIPPET_CONF = """\
extensions = ["myst_parser", "roads_ext"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
"""


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


class SnippetBuild:
    """One built page: its HTML, its doctree's text, and the warnings it gave."""

    def __init__(self, app, docname: str) -> None:
        self.app = app
        self.docname = docname
        self.warnings = strip_colors(app.warning.getvalue())
        out = Path(app.outdir) / f"{docname}.html"
        self.html = out.read_text(encoding="utf-8") if out.exists() else ""

    def warning_lines(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "WARNING" in line or "ERROR" in line]


def strip_colors(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.fixture
def build_page(make_app, tmp_path):
    """Build one page written in MyST (or rST with ``suffix=".rst"``) and return it.

    ``files`` adds other files to the project (name -> text or bytes).
    """

    def build(source: str, suffix: str = ".md", buildername: str = "html",
              files: dict[str, str | bytes] | None = None, conf: str = "", **confoverrides):
        srcdir = tmp_path / "src"
        srcdir.mkdir(exist_ok=True)
        (srcdir / "conf.py").write_text(SNIPPET_CONF + conf)
        for other in srcdir.glob("index.*"):  # the page of an earlier build in another syntax
            other.unlink()
        (srcdir / f"index{suffix}").write_text(textwrap.dedent(source), encoding="utf-8")
        for name, content in (files or {}).items():
            path = srcdir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        app = make_app(buildername, srcdir=srcdir, confoverrides=confoverrides)
        app.build()
        return SnippetBuild(app, "index")

    return build
