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


def test_ruff_finds_nothing_in_src_and_tests():
    result = run("ruff", "check", "--no-cache", "--output-format", "concise", "src", "tests")
    assert result.returncode == 0, f"ruff check src tests:\n{result.stdout}{result.stderr}"


def test_src_is_formatted_as_ruff_format_would():
    result = run("ruff", "format", "--no-cache", "--check", "--diff", "src")
    assert result.returncode == 0, f"ruff format --check src (run `ruff format src`):\n{result.stdout}{result.stderr}"


def test_mypy_finds_no_type_error_in_src():
    result = run("mypy", "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, f"mypy (files from pyproject.toml):\n{result.stdout}{result.stderr}"
    assert "Success: no issues found" in result.stdout
