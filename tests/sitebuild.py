"""Build the real site (``docs/`` with the root ``conf.py``) the way dev.py does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(outdir: Path, baseurl: str | None = None, source: Path | None = None,
               conf_dir: Path | None = None) -> subprocess.CompletedProcess:
    """``sphinx-build -W --keep-going -n -b html``; ``baseurl`` as Read the Docs sets it."""
    env = {k: v for k, v in os.environ.items() if k != "READTHEDOCS_CANONICAL_URL"}
    if baseurl:
        env["READTHEDOCS_CANONICAL_URL"] = baseurl
    command = [
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
        "-d", str(outdir.parent / (outdir.name + ".doctrees")),
        "-c", str(conf_dir or ROOT), str(source or ROOT / "docs"), str(outdir),
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
