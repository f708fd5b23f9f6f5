"""The program slots: the one part of the synthetic workshop that depends on issue 3.

Issue 3's ``schedule`` directive is built on another branch. Until the installed
roads_ext registers it, :func:`program_part` returns no part and says why: the
slots are then left out of *both* variants (so the comparison stays fair) and
the bench prints that the program is not measured. Nothing stands in for it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = """\
import sys
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
src = sys.argv[1]
app = Sphinx(src, src, src + "/_out", src + "/_doctrees", "html", status=None, warning=None)
print("schedule" in directives._directives)
"""


def has_schedule_directive() -> bool:
    """Whether the installed roads_ext registers a ``schedule`` directive."""
    with tempfile.TemporaryDirectory() as src:
        (Path(src) / "conf.py").write_text('extensions = ["myst_parser", "roads_ext"]\n')
        (Path(src) / "index.md").write_text("# probe\n")
        done = subprocess.run([sys.executable, "-c", PROBE, src], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"could not load roads_ext to look for the schedule directive:\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1] == "True"


def program_part():
    """``(part, note)``: the program writer for both variants, or None and why not."""
    if not has_schedule_directive():
        return None, (
            "not available yet: the installed roads_ext has no `schedule` directive (issue 3, "
            "branch `program`), so the program slots are left out of both variants and not measured"
        )
    return None, (
        "not available yet: roads_ext now has a `schedule` directive, but this bench does not "
        "write programs with it yet"
    )
