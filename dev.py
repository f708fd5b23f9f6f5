#!/usr/bin/env python3
"""The project's two commands, on any machine with Python 3.11+ and git.

    python3 dev.py new DIR ...     write a new workshop's site into DIR (roads_ext's quickstart,
                                   run from .venv; see the README, "Start your own workshop site")
    python3 dev.py docs            build the site into _build/html (warnings are errors)
    python3 dev.py docs --serve    the same, served live on http://127.0.0.1:8000
    python3 dev.py handbook        build the handbook (handbook/) into _build/handbook
                                   (-W -n --keep-going); --serve previews it live on
                                   http://127.0.0.1:8001; --update-snapshots rewrites the
                                   stored doctrees of its examples (handbook/snippets/snapshots/)
    python3 dev.py test            run every test (extra arguments go to pytest;
                                   -m "not browser" leaves out the browser tests)
    python3 dev.py test --oldest   the unit tests and the site build on the oldest
                                   supported versions (requirements/oldest.txt, in .venv-oldest)
    python3 dev.py lock            refresh requirements/*.lock from pyproject.toml (with uv)
    python3 dev.py bench           build-speed benchmark, roads_ext against hand-written
                                   MyST (arguments go to bench/build_speed.py; see --help)
    python3 dev.py program FILE    print how a pasted program is read: each slot beside its line,
                                   then the warnings (--timezone ZONE, --day DAY, --json)
    python3 dev.py papers VENUE_ID write an OpenReview venue's accepted papers to
                                   docs/papers.json (--out FILE for another file); uses
                                   the network, installs openreview-py on first use
    python3 dev.py pretalx EVENT   write a pretalx event's schedule (frab JSON) to
                                   docs/schedule.json (--out FILE); EVENT is its address
                                   or its slug on pretalx.com; uses the network
    python3 dev.py indico URL      write an Indico event's export with its contributions
                                   to docs/indico.json (--out FILE); uses the network

Each command first makes ``.venv`` and installs into it the exact versions of
``requirements/test.lock`` (the ``docs`` and ``test`` extras, hashed; Read the Docs installs
``requirements/docs.lock``, the same versions), then the project itself without
dependencies; again only when ``pyproject.toml`` or the lock changed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP_NAME = ".roads-installed"
REQUIREMENTS = ROOT / "requirements"
DOCS_LOCK = REQUIREMENTS / "docs.lock"  # what Read the Docs installs
TEST_LOCK = REQUIREMENTS / "test.lock"  # the same versions, plus the test tools
OLDEST = REQUIREMENTS / "oldest.txt"  # the lower bounds of pyproject.toml, exactly
OLDEST_VENV = ROOT / ".venv-oldest"
STARTER_LOCK = ROOT / "src" / "roads_ext" / "templates" / "quickstart" / "requirements" / "docs.lock"
SITE_OUT = ROOT / "_build" / "html"
# doctrees next to the output, never inside it (Read the Docs publishes the output folder)
SITE_BUILD = ["-d", str(ROOT / "_build" / "doctrees"), "-c", str(ROOT), str(ROOT / "docs"), str(SITE_OUT)]
PREVIEW_OUT = ROOT / "_build" / "preview"
HANDBOOK = ROOT / "handbook"
HANDBOOK_OUT = ROOT / "_build" / "handbook"
#: the handbook's sphinx-build arguments; its conf.py is in its own folder
HANDBOOK_BUILD = ["-d", str(ROOT / "_build" / "handbook-doctrees"), str(HANDBOOK), str(HANDBOOK_OUT)]
#: the preview's sphinx-build options: the real build's checks (-n, keep-going) without -W,
#: every page re-read (-E) and re-written (-a) on each change
PREVIEW_FLAGS = ["-n", "--keep-going", "-E", "-a", "-b", "html"]
PREVIEW_ENV = {"ROADS_PREVIEW": "1"}  # roads_ext puts the warnings in a banner on each page
BROWSER_TESTS = ROOT / "tests" / "browser"
#: npm packages the tests run: axe-core and vnu-jar (browser), ical.js (calendar files)
NPM_FOLDERS = (BROWSER_TESTS, ROOT / "tests" / "ical")


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def run(*command: str | Path, **kwargs) -> int:
    return subprocess.call([str(part) for part in command], cwd=ROOT, **kwargs)


def venv_python(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")


def ensure_environment(env: Path = VENV, requirements: Path = TEST_LOCK) -> None:
    """Create ``env`` and install ``requirements`` and the project into it when it is
    missing or stale (pyproject.toml or the requirements changed).

    A lock file is installed with ``--require-hashes``; the project then goes in with
    ``--no-deps``, so nothing but the locked versions is installed. The oldest
    environment builds the project with the pinned setuptools (the declared lower bound
    of the build backend), not a newer one pip would fetch.
    """
    if sys.version_info < (3, 11):
        sys.exit("dev.py: Python 3.11 or newer is needed (this is %s)" % sys.version.split()[0])
    python = venv_python(env)
    stamp = env / STAMP_NAME
    digest = hashlib.sha256()
    for part in (ROOT / "pyproject.toml", requirements):
        digest.update(part.read_bytes())
    wanted = digest.hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and python.exists():
        return
    if not python.exists():
        say(f"creating {env.relative_to(ROOT)}")
        venv.EnvBuilder(with_pip=True).create(env)
    say(f"installing {requirements.relative_to(ROOT)} and roads_ext into {env.relative_to(ROOT)}")
    pip = (python, "-m", "pip", "install", "--quiet")
    locked = requirements.suffix == ".lock"
    steps = [
        (*pip, "--upgrade", "pip"),
        (*pip, *(["--require-hashes"] if locked else []), "-r", requirements),
        (*pip, "--no-deps", *([] if locked else ["--no-build-isolation"]), "-e", "."),
    ]
    for step in steps:
        if run(*step) != 0:
            sys.exit("dev.py: installing failed (see above)")
    stamp.write_text(wanted)


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
        return serve([a for a in arguments if a != "--serve"])
    return run(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", *SITE_BUILD, *arguments)


def serve(arguments: list[str]) -> int:
    """The live preview: the real build's checks (``-n``, keep-going), its warnings in a
    banner on every page (``ROADS_PREVIEW``, read by roads_ext), rebuilt on any change.

    The root folder is watched, not ``conf.py`` itself: an editor that saves by writing a
    new file and renaming it over the old one would end the watch of the file. Only
    ``conf.py``, ``docs/`` and ``src/`` trigger a build. ``-E`` re-reads every page, so
    each build reports every warning, as the real build does (a page not re-read would
    not repeat its warnings); ``-a`` rewrites every page, so each shows the current banner.
    """
    root = re.escape(ROOT.resolve().as_posix())
    env = dict(os.environ, **PREVIEW_ENV)
    return run(
        BIN / "sphinx-autobuild", *PREVIEW_FLAGS,
        "-d", ROOT / "_build" / "preview-doctrees", "-c", ROOT, ROOT / "docs", PREVIEW_OUT,
        "--watch", ROOT,
        "--re-ignore", rf"^{root}/(?!conf\.py$|docs/|src/)",
        "--re-ignore", r"__pycache__|\.pyc$|~$|\.sw.$",
        "--host", "127.0.0.1", "--port", "8000", *arguments, env=env,
    )


def handbook(arguments: list[str]) -> int:
    """The handbook: built as the site is (warnings are errors), served live, or its
    examples' stored doctrees rewritten from what the code makes of them now."""
    if "--update-snapshots" in arguments:
        env = dict(os.environ, ROADS_UPDATE_SNAPSHOTS="1")
        return run(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                   ROOT / "tests" / "test_handbook_snippets.py", env=env)
    if "--serve" in arguments:
        rest = [a for a in arguments if a != "--serve"]
        root = re.escape(ROOT.resolve().as_posix())
        return run(
            BIN / "sphinx-autobuild", *PREVIEW_FLAGS,
            "-d", ROOT / "_build" / "handbook-preview-doctrees", HANDBOOK, ROOT / "_build" / "handbook-preview",
            # the snippets and the extension are outside what Sphinx reads as pages
            "--watch", ROOT,
            "--re-ignore", rf"^{root}/(?!handbook/|src/)",
            "--re-ignore", r"__pycache__|\.pyc$|~$|\.sw.$|/_build/",
            "--host", "127.0.0.1", "--port", "8001", *rest, env=dict(os.environ, **PREVIEW_ENV),
        )
    # -E: every page re-read, so that a change of the handbook's extension or a snippet is seen
    return run(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-n", "-E", "-b", "html", *HANDBOOK_BUILD, *arguments)


def test(arguments: list[str]) -> int:
    if "--oldest" in arguments:
        return test_oldest([a for a in arguments if a != "--oldest"])
    ensure_npm_packages()
    code = run(PYTHON, "-m", "pytest", *arguments)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        return 1
    return code


def test_oldest(arguments: list[str]) -> int:
    """The unit tests and the site build on the oldest versions pyproject.toml allows."""
    ensure_environment(OLDEST_VENV, OLDEST)
    python = venv_python(OLDEST_VENV)
    say("the oldest supported versions: " + ", ".join(
        line for line in OLDEST.read_text().splitlines() if line and not line.startswith("#")))
    out = ROOT / "_build" / "oldest"
    build = run(python, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
                "-d", out / "doctrees", "-c", ROOT, ROOT / "docs", out / "html")
    if build != 0:
        say("the site build failed on the oldest versions")
    # left out: the bench's hand-written comparison site links to MyST attribute ids, which
    # myst-parser resolves from 5.0 on (the bench is not part of the extension); the code
    # checks, whose tools are pinned in the lock, not in the supported range; the starter
    # site's fresh builds, which never use the running environment (the full suite runs them)
    code = run(python, "-m", "pytest", "-m", "not browser", "-p", "no:cacheprovider",
               "--ignore", ROOT / "tests" / "test_bench.py", "--ignore", ROOT / "tests" / "test_lint.py",
               # the new site's own builds install its own lock, whatever runs the tests
               "--ignore", ROOT / "tests" / "test_starter_fresh.py",
               # the handbook's doctree snapshots are of the locked versions' trees
               "--ignore", ROOT / "tests" / "test_handbook_snippets.py",
               *arguments)
    if code == 5:
        say("pytest collected no tests: that is a failure, not a pass")
        code = 1
    return build or code


def lock(arguments: list[str]) -> int:
    """Re-resolve requirements/docs.lock and test.lock with uv (installed into a
    throw-away environment), for Python 3.11 (the oldest supported, and this machine's)
    and checked to install unchanged on 3.12 (Read the Docs' Python)."""
    with tempfile.TemporaryDirectory() as tools:
        venv.EnvBuilder(with_pip=True).create(tools)
        tool_python = venv_python(Path(tools))
        if run(tool_python, "-m", "pip", "install", "--quiet", "uv") != 0:
            return 1
        uv = [tool_python, "-m", "uv", "pip", "compile", "--quiet", "--generate-hashes",
              "--python-version", "3.11", "--custom-compile-command", "python3 dev.py lock",
              *arguments]
        steps = [
            [*uv, "pyproject.toml", "--extra", "docs", "-o", DOCS_LOCK],
            [*uv, "pyproject.toml", "--extra", "docs", "--extra", "test", "-c", DOCS_LOCK, "-o", TEST_LOCK],
        ]
        for step in steps:
            if run(*step) != 0:
                return 1
        check = Path(tools) / "py312.txt"
        if run(tool_python, "-m", "uv", "pip", "compile", "--quiet", "--no-deps",
               "--python-version", "3.12", TEST_LOCK, "-o", check) != 0:
            say("the locked versions do not all install on Python 3.12")
            return 1
    # the starter site of roads-quickstart ships the same lock
    shutil.copyfile(DOCS_LOCK, STARTER_LOCK)
    say(f"wrote {DOCS_LOCK.relative_to(ROOT)}, {TEST_LOCK.relative_to(ROOT)} and its copy "
        f"{STARTER_LOCK.relative_to(ROOT)}")
    return 0


def new(arguments: list[str]) -> int:
    """``python -m roads_ext new``, from .venv, in the folder the command is run from (DIR is
    relative to it); the site carries the wheel of this checkout's roads_ext."""
    return subprocess.call([str(PYTHON), "-m", "roads_ext", "new", *arguments])


def program(arguments: list[str]) -> int:
    """``python -m roads_ext program``: how a pasted program is read, from the folder the
    command is run from (FILE is relative to it)."""
    return subprocess.call([str(PYTHON), "-m", "roads_ext", "program", *arguments])


def bench(arguments: list[str]) -> int:
    return run(PYTHON, ROOT / "bench" / "build_speed.py", *arguments)


def papers(arguments: list[str]) -> int:
    """Fetch the accepted papers with openreview-py, installed into .venv only for this."""
    if run(PYTHON, "-c", "import openreview", stderr=subprocess.DEVNULL) != 0:
        say("installing openreview-py (the 'papers' extra), used by this command only")
        if run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[papers]") != 0:
            sys.exit("dev.py: installing openreview-py failed (see above)")
    return run(PYTHON, "-m", "roads_ext.cli.openreview_export", *arguments)


def pretalx(arguments: list[str]) -> int:
    """A pretalx event's schedule export; Python's own urllib, nothing to install."""
    return run(PYTHON, "-m", "roads_ext", "pretalx", *arguments)


def indico(arguments: list[str]) -> int:
    """An Indico event's export; Python's own urllib, nothing to install."""
    return run(PYTHON, "-m", "roads_ext", "indico", *arguments)


COMMANDS = {"new": new, "program": program, "docs": docs, "handbook": handbook, "test": test, "bench": bench, "lock": lock, "papers": papers,
            "pretalx": pretalx, "indico": indico}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    if sys.argv[1] != "lock" and "--oldest" not in sys.argv[2:]:
        ensure_environment()
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
