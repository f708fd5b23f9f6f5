#!/usr/bin/env python3
"""The project's two commands, on any machine with Python 3.11+ and git.

    python3 dev.py docs            build the site into _build/html (warnings are errors)
    python3 dev.py docs --serve    the same, served live on http://127.0.0.1:8000
    python3 dev.py test            run every test (extra arguments go to pytest;
                                   -m "not browser" leaves out the browser tests)
    python3 dev.py bench           build-speed benchmark, roads_ext against hand-written
                                   MyST (arguments go to bench/build_speed.py; see --help)
    python3 dev.py papers VENUE_ID write an OpenReview venue's accepted papers to
                                   docs/papers.json (--out FILE for another file); uses
                                   the network, installs openreview-py on first use

Each command first makes ``.venv`` and installs the project with its ``docs`` and
``test`` extras into it, again only when ``pyproject.toml`` changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".roads-installed"
SITE_OUT = ROOT / "_build" / "html"
SITE_BUILD = ["-c", str(ROOT), str(ROOT / "docs"), str(SITE_OUT)]
BROWSER_TESTS = ROOT / "tests" / "browser"
#: npm packages the tests run: axe-core and vnu-jar (browser), ical.js (calendar files)
NPM_FOLDERS = (BROWSER_TESTS, ROOT / "tests" / "ical")


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def run(*command: str | Path, **kwargs) -> int:
    return subprocess.call([str(part) for part in command], cwd=ROOT, **kwargs)


def ensure_environment() -> None:
    """Create .venv and install the project into it when it is missing or stale."""
    if sys.version_info < (3, 11):
        sys.exit("dev.py: Python 3.11 or newer is needed (this is %s)" % sys.version.split()[0])
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        say(f"creating {VENV.relative_to(ROOT)}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing roads_ext with its docs and test extras")
    steps = [
        (PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"),
        (PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[docs,test]"),
    ]
    for step in steps:
        if run(*step) != 0:
            sys.exit("dev.py: installing failed (see above)")
    STAMP.write_text(wanted)


def ensure_npm_packages() -> None:
    """npm ci each test folder's packages (axe-core and vnu-jar in tests/browser, ical.js
    in tests/ical) when its lock file changed.

    Without npm the tests that need them are skipped (and fail under CI).
    --ignore-scripts: vnu-jar ships its jar; its install script only looks for Java.
    """
    for folder in NPM_FOLDERS:
        lock = folder / "package-lock.json"
        stamp = folder / "node_modules" / ".roads-installed"
        wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
        if stamp.exists() and stamp.read_text() == wanted:
            continue
        where = folder.relative_to(ROOT).as_posix()
        npm = shutil.which("npm")
        if npm is None:
            say(f"npm not found: the tests that need {where}'s npm packages will be skipped")
            continue
        say(f"installing the npm packages of {where} (npm ci)")
        command = [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
        if subprocess.call(command, cwd=folder) != 0:
            if os.environ.get("CI"):
                sys.exit(f"dev.py: npm ci in {where} failed (see above)")
            say(f"npm ci in {where} failed: the tests that need it will be skipped")
            continue
        stamp.write_text(wanted)


def docs(arguments: list[str]) -> int:
    if "--serve" in arguments:
        arguments = [a for a in arguments if a != "--serve"]
        # sphinx-autobuild watches the source folder only; the configuration and
        # the extension's code change the output too. -a rebuilds every page, since
        # a change of extension code alone does not make Sphinx re-read a page.
        return run(
            BIN / "sphinx-autobuild", *SITE_BUILD, "-a", "--watch", ROOT / "conf.py",
            "--watch", ROOT / "src", "--host", "127.0.0.1", "--port", "8000", *arguments,
        )
    return run(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", *SITE_BUILD, *arguments)


def test(arguments: list[str]) -> int:
    ensure_npm_packages()
    code = run(PYTHON, "-m", "pytest", *arguments)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def bench(arguments: list[str]) -> int:
    return run(PYTHON, ROOT / "bench" / "build_speed.py", *arguments)


def papers(arguments: list[str]) -> int:
    """Fetch the accepted papers with openreview-py, installed into .venv only for this."""
    if run(PYTHON, "-c", "import openreview", stderr=subprocess.DEVNULL) != 0:
        say("installing openreview-py (the 'papers' extra), used by this command only")
        if run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[papers]") != 0:
            sys.exit("dev.py: installing openreview-py failed (see above)")
    return run(PYTHON, "-m", "roads_ext.openreview_export", *arguments)


COMMANDS = {"docs": docs, "test": test, "bench": bench, "papers": papers}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    ensure_environment()
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
