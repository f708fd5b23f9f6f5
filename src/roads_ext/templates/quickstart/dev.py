#!/usr/bin/env python3
"""This site's two commands, on any machine with Python 3.11+.

    python3 dev.py docs            build the site into _build/html (warnings are errors)
    python3 dev.py docs --serve    preview it live on http://127.0.0.1:8000, warnings shown
                                   in a banner on the page

The first run makes ``.venv`` and installs into it what ``requirements/docs.lock`` names,
each file checked against its hash (``pip install --require-hashes``), as Read the Docs
does: the packages from the package index, and roads_ext from this folder's ``wheels/``
(or from the index, for a site written with ``--from-index``). Again when the lock changes.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LOCK = ROOT / "requirements" / "docs.lock"
#: ROADS_EXT=path/to/a/roads_ext/checkout installs that over the lock's roads_ext
EXTENSION = os.environ.get("ROADS_EXT", "")
STAMP = VENV / ".site-installed"


def run(*command, **kwargs) -> int:
    return subprocess.call([str(part) for part in command], cwd=ROOT, **kwargs)


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit("dev.py: Python 3.11 or newer is needed")
    wanted = hashlib.sha256(LOCK.read_bytes() + EXTENSION.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = (PYTHON, "-m", "pip", "install", "--quiet")
    steps = [(*pip, "--require-hashes", "-r", LOCK)]
    if EXTENSION:
        steps.append((*pip, "--no-deps", EXTENSION))
    for step in steps:
        if run(*step) != 0:
            sys.exit("dev.py: installing failed (see above)")
    STAMP.write_text(wanted)


def docs(arguments: list[str]) -> int:
    if "--serve" not in arguments:
        return run(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html",
                   "-d", ROOT / "_build" / "doctrees", "-c", ROOT, ROOT / "docs",
                   ROOT / "_build" / "html", *arguments)
    # the folder is watched, not conf.py alone: an editor may save by replacing the file
    root = re.escape(ROOT.as_posix())
    return run(
        BIN / "sphinx-autobuild", "-n", "--keep-going", "-E", "-a", "-b", "html",
        "-d", ROOT / "_build" / "preview-doctrees", "-c", ROOT, ROOT / "docs",
        ROOT / "_build" / "preview", "--watch", ROOT,
        "--re-ignore", rf"^{root}/(?!conf\.py$|docs/)", "--re-ignore", r"~$|\.sw.$",
        "--host", "127.0.0.1", "--port", "8000",
        *[a for a in arguments if a != "--serve"], env=dict(os.environ, ROADS_PREVIEW="1"),
    )


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] != "docs":
        print(__doc__)
        return 2
    ensure_environment()
    return docs(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
