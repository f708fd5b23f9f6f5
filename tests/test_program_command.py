"""``python -m roads_ext program FILE``, run as an organizer runs it: each slot read, beside
its line, then the warnings; ``--json`` gives the corpus's own form of a reading."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from program_corpus import WORKSHOP, cases, normalized

PROGRAMS = Path(__file__).parent / "programs"


def run(*arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "roads_ext", "program", *arguments], input=stdin,
                          capture_output=True, text=True, check=False)


def test_each_slot_beside_its_line_then_the_warnings(tmp_path):
    program = tmp_path / "program.md"
    program.write_text(
        "## Schedule (Thursday, June 8)\n"
        "* 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)\n"
        "* 8:40am-9:40am - Keynote #1: Prof. Ada Lovelace (Analytical Engines)\n"
        "* 9:40 - 10:05 - Invited Talk: Grace Guest\n"
        "`Learned Indexes in Practice`\n"
        "* half past ten - Coffee\n",
        encoding="utf-8",
    )
    done = run(str(program), "--timezone", "America/New_York", "--year-of", "2023-06-08")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Thursday, June 8, 2023  (America/New_York)"
    assert "     3  08:40-09:40   Keynote           Keynote #1" in lines
    assert any(line.strip() == "with Prof. Ada Lovelace (Analytical Engines)" for line in lines)
    assert "     4  09:40-10:05   Invited talk      Learned Indexes in Practice" in lines
    assert "        | * 9:40 - 10:05 - Invited Talk: Grace Guest" in lines
    assert lines[-2] == "1 warning(s):"
    assert lines[-1].startswith("  line 6: [roads.time] 'half past ten - Coffee' starts with neither a time nor a date")


def test_json_is_the_corpus_reading():
    case = next(c for c in cases(PROGRAMS) if c.name.startswith("14-"))
    done = run(str(case.source), "--json", "--year-of", WORKSHOP.isoformat())
    assert done.returncode == 0, done.stderr
    read = json.loads(done.stdout)
    assert read["warnings"] == []
    wanted = [normalized(slot, case.program_day) for slot in case.expected]
    assert [(s["start"], s["end"], s["kind"], s["title"], s.get("speakers", [])) for s in read["slots"]] == [
        (s["start"], s["end"], s["kind"], s["title"], s["speakers"]) for s in wanted]


def test_standard_input_and_bad_arguments():
    done = run("-", "--day", "June 8, 2023", stdin="- 9:00-10:00 Keynote: Sparse things (Ada Lovelace)\n")
    assert done.returncode == 0 and "09:00-10:00   Keynote           Sparse things" in done.stdout
    assert "no warnings" in done.stdout
    assert run("missing.md").returncode == 2
    bad = run("-", "--timezone", "Europe/Pariss", stdin="")
    assert bad.returncode == 2 and "did you mean 'Europe/Paris'" in bad.stderr
    usage = subprocess.run([sys.executable, "-m", "roads_ext"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2 and "python -m roads_ext program FILE" in usage.stderr


def test_the_reading_bench_runs():
    """bench/program_reader.py, as a newcomer runs it (its timing is printed, never asserted)."""
    bench = Path(__file__).parent.parent / "bench" / "program_reader.py"
    done = subprocess.run([sys.executable, str(bench), "--lines", "200", "--repeats", "1"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "program of 200 lines" in done.stdout and "ratio to parsing the same text as Markdown" in done.stdout
