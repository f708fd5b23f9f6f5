"""The code's own checks: ruff (lint and format) and mypy, configured in pyproject.toml.

Each runs as the README's test command runs it, and a failure lists the findings.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


#: the handbook's own extension is checked as the package is
HANDBOOK_EXT = "handbook/_ext"


def test_ruff_finds_nothing_in_src_and_tests():
    result = run("ruff", "check", "--no-cache", "--output-format", "concise", "src", "tests", HANDBOOK_EXT)
    assert result.returncode == 0, f"ruff check src tests {HANDBOOK_EXT}:\n{result.stdout}{result.stderr}"


def test_src_is_formatted_as_ruff_format_would():
    result = run("ruff", "format", "--no-cache", "--check", "--diff", "src", HANDBOOK_EXT)
    assert result.returncode == 0, (
        f"ruff format --check src {HANDBOOK_EXT} (run `ruff format src {HANDBOOK_EXT}`):\n{result.stdout}{result.stderr}"
    )


def test_the_handbook_extension_is_clean():
    """ruff (lint and format) and mypy on handbook/_ext alone (mypy follows its roads_ext imports)."""
    for command in (
        ("ruff", "check", "--no-cache", "--output-format", "concise", HANDBOOK_EXT,
         *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("test_handbook*.py"))),
        ("ruff", "format", "--no-cache", "--check", "--diff", HANDBOOK_EXT),
    ):
        result = run(*command)
        assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}{result.stderr}"
    result = run("mypy", "--no-incremental", "--cache-dir", "/dev/null", "--follow-imports", "silent", HANDBOOK_EXT)
    assert "Success: no issues found" in result.stdout, f"mypy {HANDBOOK_EXT}:\n{result.stdout}{result.stderr}"


def test_mypy_finds_no_type_error_in_src():
    result = run("mypy", "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, f"mypy (files from pyproject.toml):\n{result.stdout}{result.stderr}"
    assert "Success: no issues found" in result.stdout
