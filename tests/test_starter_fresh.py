"""The site ``python3 dev.py new`` writes builds with nothing but its own folder: its own
``python3 dev.py docs`` in a clean environment (only PATH, HOME and LANG; the system
``python3``; nothing of this checkout), and Read the Docs' steps from its
``.readthedocs.yaml``, run in a fresh virtual environment on a clone of the site, as Read
the Docs runs them. Packages come from the package index through pip; roads_ext from the
wheel in the site's own ``wheels/``.

Slow (three pip installs): marked ``slow``, run by the full suite and CI; it uses the
network as any pip install does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

import roads_ext

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "data" / "rtd-config-v2-schema.json"
WHEEL = f"roads_ext-{roads_ext.__version__}-py3-none-any.whl"
#: the README's command, "Start your own workshop site"
OPTIONS = ["--name", "Workshop on Example Systems", "--date", "2026-06-08", "--timezone", "Europe/Paris",
           "--conference", "Example Conference 2026", "--conference-url", "https://example.org/conf"]

pytestmark = pytest.mark.slow


def clean_environment() -> dict[str, str]:
    """PATH without this checkout's folders or any virtual environment's, HOME and LANG:
    what a new organizer's terminal has."""
    venv = os.environ.get("VIRTUAL_ENV")
    outside = [
        folder for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder and not Path(folder).resolve().is_relative_to(ROOT)
        and not (venv and Path(folder).resolve().is_relative_to(Path(venv).resolve()))
    ]
    return {"PATH": os.pathsep.join(outside), "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"}


def run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, timeout=1800)
    assert result.returncode == 0, f"{command}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The new site, written by the README's command into an empty temporary folder; this
    checkout is left as it was (the wheel is built from a copy)."""
    env = clean_environment()
    python3 = shutil.which("python3", path=env["PATH"])
    assert python3 is not None, "no python3 on PATH"
    home = tmp_path_factory.mktemp("organizer")
    had_build = (ROOT / "build").exists()
    # from the checkout, as the README says (there: ../my-workshop)
    made = run([python3, "dev.py", "new", home / "my-workshop", *OPTIONS], cwd=ROOT, env=env)
    assert f"cd {home / 'my-workshop'}" in made.stdout
    assert (ROOT / "build").exists() == had_build
    return home / "my-workshop"


def test_the_site_carries_roads_ext_and_nothing_points_elsewhere(site):
    assert [p.name for p in (site / "wheels").iterdir()] == [WHEEL]
    lock = (site / "requirements" / "docs.lock").read_text()
    assert f"./wheels/{WHEEL} \\\n    --hash=sha256:" in lock
    for path in site.rglob("*"):
        if path.is_file() and path.suffix not in (".whl", ".png"):
            assert str(ROOT) not in path.read_text(), path


def test_its_own_dev_py_builds_it_in_a_clean_environment(site):
    env = clean_environment()
    python3 = shutil.which("python3", path=env["PATH"])
    built = run([python3, "dev.py", "docs"], cwd=site, env=env)
    # -W: a warning fails the build; Sphinx says "build succeeded." only without one (pip
    # may warn of this machine's pip settings before it)
    assert "build succeeded.\n" in built.stdout, built.stdout[-3000:] + built.stderr[-3000:]
    assert (site / "_build" / "html" / "index.html").is_file()
    # roads_ext in the site's .venv is the wheel of its wheels/ folder, as pip recorded it
    where = run([site / ".venv" / "bin" / "python", "-c",
                 "import importlib.metadata as m, roads_ext; "
                 "print(roads_ext.__file__); print(m.distribution('roads_ext').read_text('direct_url.json'))"],
                cwd=site, env=env).stdout.splitlines()
    assert Path(where[0]).is_relative_to(site / ".venv")
    assert json.loads(where[1])["url"] == (site / "wheels" / WHEEL).as_uri()
    # that roads_ext writes a next site carrying the same wheel (no source tree at hand)
    other = site.parent / "next-site"
    run([site / ".venv" / "bin" / "roads-quickstart", other, *OPTIONS], cwd=site.parent, env=env)
    assert (other / "wheels" / WHEEL).read_bytes() == (site / "wheels" / WHEEL).read_bytes()


def test_read_the_docs_steps_build_a_clone_of_it(site, tmp_path):
    """A git clone of the site (what Read the Docs checks out: .venv and _build are
    ignored), a fresh virtual environment, then the install and build jobs of
    .readthedocs.yaml run by bash with the environment's bin first on PATH."""
    env = clean_environment()
    python3 = shutil.which("python3", path=env["PATH"])
    git = ["git", "-c", "user.name=Organizer", "-c", "user.email=organizer@example.org",
           "-c", "init.defaultBranch=main"]
    run([*git, "init", "-q"], cwd=site, env=env)
    run([*git, "add", "-A"], cwd=site, env=env)
    run([*git, "commit", "-qm", "New site"], cwd=site, env=env)
    checkout = tmp_path / "checkout"
    run(["git", "clone", "-q", site, checkout], cwd=tmp_path, env=env)
    assert (checkout / "wheels" / WHEEL).is_file() and not (checkout / ".venv").exists()

    config = yaml.safe_load((checkout / ".readthedocs.yaml").read_text())
    jsonschema.validate(config, json.loads(SCHEMA.read_text()))
    jobs = config["build"]["jobs"]
    assert jobs["install"] == ["python -m pip install --require-hashes -r requirements/docs.lock"]
    assert all("-W" in c.split() and "-n" in c.split() for c in jobs["build"]["html"] if "sphinx" in c)

    environment = tmp_path / "rtd-venv"
    run([python3, "-m", "venv", environment], cwd=tmp_path, env=env)
    output = tmp_path / "rtd-output"
    output.mkdir()
    rtd_env = dict(env, PATH=f"{environment / 'bin'}{os.pathsep}{env['PATH']}", VIRTUAL_ENV=str(environment),
                   READTHEDOCS="True", READTHEDOCS_OUTPUT=str(output),
                   READTHEDOCS_CANONICAL_URL="https://my-workshop.readthedocs.io/en/latest/")
    for command in [*jobs["install"], *jobs["build"]["html"]]:
        result = run(["bash", "-c", command], cwd=checkout, env=rtd_env)
        if "sphinx" in command:
            assert "build succeeded.\n" in result.stdout and "WARNING" not in result.stderr, result.stderr
    recorded = run(["bash", "-c", "python -c \"import importlib.metadata as m; "
                    "print(m.distribution('roads_ext').read_text('direct_url.json'))\""],
                   cwd=checkout, env=rtd_env).stdout
    assert json.loads(recorded)["url"] == (checkout / "wheels" / WHEEL).as_uri()
    index = BeautifulSoup((output / "html" / "index.html").read_text(), "html.parser")
    assert index.find("link", rel="canonical")["href"] == "https://my-workshop.readthedocs.io/en/latest/index.html"
    assert index.select_one('link[rel~="icon"]')["href"] == "_static/favicon.png"
    assert not (output / "html" / ".buildinfo").exists()
    assert not [p for p in output.rglob("*") if p.suffix in (".pickle", ".doctree")]
