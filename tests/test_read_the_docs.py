"""Read the Docs builds exactly what dev.py and CI build: the same locked versions, and
only the site and its downloads are published (no Sphinx cache)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "data" / "rtd-config-v2-schema.json"  # Read the Docs' own, copied
REQUIREMENTS = ROOT / "requirements"
CACHE_NAMES = {".doctrees", ".buildinfo", "environment.pickle"}


def config() -> dict:
    return yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())


def pins(path: Path) -> dict[str, str]:
    """``name==version`` lines of a requirements file (a lock's hash lines left out)."""
    found = {}
    for line in path.read_text().splitlines():
        if match := re.match(r"([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line):
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_config_is_valid_against_read_the_docs_schema():
    jsonschema.validate(config(), json.loads(SCHEMA.read_text()))


def test_read_the_docs_installs_the_lock_then_the_project_without_dependencies():
    install = config()["build"]["jobs"]["install"]
    assert install == [
        "python -m pip install --require-hashes -r requirements/docs.lock",
        "python -m pip install --no-deps .",
    ]
    assert "python" not in config()  # no second, unlocked install
    assert config()["build"]["tools"]["python"] == "3.12"
    # the lock was made for the Python Read the Docs uses (checked by `dev.py lock`) and
    # every line is hashed
    text = (REQUIREMENTS / "docs.lock").read_text()
    blocks = [block for block in re.split(r"\n(?=[a-z])", text) if "==" in block]
    assert len(blocks) > 20 and all("--hash=sha256:" in block for block in blocks)


def test_dev_py_installs_the_same_versions_as_read_the_docs():
    docs, test = pins(REQUIREMENTS / "docs.lock"), pins(REQUIREMENTS / "test.lock")
    assert {"sphinx", "docutils", "myst-parser", "furo", "sphinx-design"} <= docs.keys()
    assert {name: test.get(name) for name in docs} == docs
    dev = (ROOT / "dev.py").read_text()
    assert '"--require-hashes"' in dev and "TEST_LOCK" in dev and '"--no-deps"' in dev


def test_the_running_environment_is_the_locked_one():
    """The suite runs on the locked versions (or on the oldest ones, in .venv-oldest)."""
    from importlib.metadata import version

    wanted = pins(REQUIREMENTS / "oldest.txt") if os.environ.get("VIRTUAL_ENV", "").endswith(
        ".venv-oldest") or ".venv-oldest" in os.sys.prefix else pins(REQUIREMENTS / "test.lock")
    for name in ("sphinx", "docutils", "myst-parser", "furo", "sphinx-design"):
        assert version(name) == wanted[name], name


def test_oldest_versions_are_the_declared_lower_bounds():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = {}
    for requirement in [*project["project"]["dependencies"],
                        # the extras the site and the tests need (not `papers`, for one command)
                        *(r for name in ("docs", "test") for r in project["project"]["optional-dependencies"][name]),
                        *project["build-system"]["requires"]]:
        if match := re.match(r"([A-Za-z0-9_.\-]+)>=([^\s,;]+)", requirement):
            declared[match.group(1).lower().replace("_", "-")] = match.group(2)
    oldest = pins(REQUIREMENTS / "oldest.txt")
    # the code checkers are pinned to a minor range of their own (tests/test_lint.py), not
    # part of the range roads_ext supports; the oldest run leaves test_lint out
    for name in ("ruff", "mypy", "types-docutils"):
        declared.pop(name, None)
    for name, bound in declared.items():
        assert oldest.get(name, "").startswith(bound.removesuffix(".0")), (name, bound, oldest.get(name))
    assert oldest["setuptools"].split(".")[0] == "77"  # the `license` string needs it
    assert project["project"]["requires-python"] == ">=3.11"


def run_job(commands: list[str], cwd: Path, env: dict) -> None:
    for command in commands:
        result = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert "WARNING" not in result.stderr, result.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """Every build job of .readthedocs.yaml, run as Read the Docs runs them: in a checkout,
    with READTHEDOCS_OUTPUT set; the output folder is what would be published."""
    checkout = tmp_path_factory.mktemp("checkout")
    shutil.copy(ROOT / "conf.py", checkout)
    shutil.copytree(ROOT / "docs", checkout / "docs")
    output = tmp_path_factory.mktemp("rtd-output")
    env = dict(os.environ, READTHEDOCS_OUTPUT=str(output),
               READTHEDOCS_CANONICAL_URL="https://roads.example.org/en/latest/",
               PATH=f"{Path(os.sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    jobs = config()["build"]["jobs"]["build"]
    assert set(config()["formats"]) == {"epub", "htmlzip"} and set(jobs) == {"html", "epub", "htmlzip"}
    for name in ("html", "epub", "htmlzip"):
        run_job(jobs[name], checkout, env)
    return output


def test_html_job_builds_the_site_with_a_canonical_url(published):
    index = BeautifulSoup((published / "html" / "index.html").read_text(), "html.parser")
    assert index.find("link", rel="canonical")["href"] == "https://roads.example.org/en/latest/index.html"
    assert 'href="/en/latest/_static/' in (published / "html" / "404.html").read_text()


def test_nothing_of_sphinx_cache_is_published(published):
    names = [path.name for path in published.rglob("*")]
    with zipfile.ZipFile(published / "htmlzip" / "roads.zip") as archive:
        names += [Path(name).name for name in archive.namelist()]
    with zipfile.ZipFile(published / "epub" / "roads.epub") as archive:
        names += [Path(name).name for name in archive.namelist()]
    assert not CACHE_NAMES & set(names)
    assert not [name for name in names if name.endswith((".pickle", ".doctree"))]


def test_downloads_are_one_epub_and_one_zip_of_the_site(published):
    assert [p.name for p in (published / "epub").iterdir()] == ["roads.epub"]
    assert [p.name for p in (published / "htmlzip").iterdir()] == ["roads.zip"]
    with zipfile.ZipFile(published / "epub" / "roads.epub") as archive:
        assert archive.read("mimetype") == b"application/epub+zip"
        book = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml"))
    with zipfile.ZipFile(published / "htmlzip" / "roads.zip") as archive:
        page = archive.read("roads/index.html").decode()
    for text in (book, page):
        assert "Anshumali Shrivastava" in text and "Call for Papers" in text
