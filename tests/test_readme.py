"""The README is the repository's front page: short, and every command and file it names is
one the project has. Its long guide lives in the handbook (handbook/), whose examples are
built by tests/test_handbook_snippets.py and whose settings and warnings pages are generated
from the code (tests/test_handbook.py)."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT))

import dev  # noqa: E402  (the repository's dev.py: its commands)


def readme() -> str:
    return README.read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```$", readme(), re.MULTILINE | re.DOTALL)


def test_the_readme_is_a_front_page():
    lines = readme().splitlines()
    assert len(lines) <= 150, f"the README has {len(lines)} lines: move the detail to the handbook"
    for heading in ("## Two commands", "## Start your own workshop site", "## The handbook"):
        assert heading in lines
    # what this is, and a picture of a workshop site, that exists
    (image,) = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", readme())
    assert (ROOT / image).is_file()


def test_every_dev_py_command_the_readme_names_exists():
    named = re.findall(r"python3 dev\.py ([a-z-]+)", readme())
    assert {"docs", "test", "new", "handbook"} <= set(named)
    unknown = sorted(set(named) - set(dev.COMMANDS))
    assert not unknown, f"the README names dev.py commands that do not exist: {unknown}"
    for option in re.findall(r"python3 dev\.py [a-z-]+ (--[a-z-]+)", readme()):
        assert f'"{option}"' in (ROOT / "dev.py").read_text(encoding="utf-8"), option


def test_every_command_of_its_shell_blocks_is_one_the_project_provides():
    """Each line of a ``sh`` block is a dev.py command, a cd, or the apt-get line of the
    browser tests' tools."""
    for block in shell_blocks():
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if not words:
                continue
            if words[:2] == ["python3", "dev.py"]:
                assert words[2] in dev.COMMANDS, line
            else:
                assert words[0] == "cd", f"not a command the project provides: {line}"


def test_every_file_and_folder_the_readme_names_exists():
    for written in re.findall(r"`((?:src|docs|handbook|bench|requirements|tests)/[^`\s]*|[A-Za-z_.-]+\.(?:py|yaml|md))`",
                              readme()):
        if written.startswith("docs/papers.json") or "my-workshop" in written:
            continue  # written by a command
        found = list(ROOT.glob(written)) if "*" in written else [ROOT / written]
        assert found and all(path.exists() for path in found), f"the README names {written}, which does not exist"


def test_no_one_is_told_to_install_roads_ext_from_an_index():
    assert not re.search(r"pip install [^\n`]*roads[_-]ext", readme())
