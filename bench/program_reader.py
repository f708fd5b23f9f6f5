"""How fast the program reader reads a long pasted program.

    python3 bench/program_reader.py            # 1,000 lines, median of 7 runs
    python3 bench/program_reader.py --lines 5000 --repeats 11

The program is made from the corpus's own programs (``tests/programs/``), every form at
once: their lines are repeated, day after day, until the program has the lines asked for.
It prints the median time to read it with ``parse_program`` (the criterion: 1,000 lines in
under a second), and, as a ratio against a baseline timed in the same run on the same
text, how many times longer reading takes than parsing the text as Markdown with
markdown-it-py (the parser MyST builds every page with). A ratio moves little with the
machine's load; the seconds do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from roads_ext.model.dates import Zone  # noqa: E402
from roads_ext.model.program import parse_program  # noqa: E402

CORPUS = ROOT / "tests" / "programs"


def long_program(lines_wanted: int) -> list[str]:
    """A program of about ``lines_wanted`` lines: the corpus's list and table programs, each
    under a day of its own (a program of several days, as a conference's)."""
    parts = [path.read_text(encoding="utf-8").splitlines()
             for path in sorted(CORPUS.glob("[0-9]*.md"))]
    lines: list[str] = []
    day = dt.date(2023, 7, 11)
    while len(lines) < lines_wanted:
        for part in parts:
            lines += ["", f"## {day:%A, %B} {day.day}, {day.year}", "", *part]
            day += dt.timedelta(days=1)
            if len(lines) >= lines_wanted:
                break
    return lines[:lines_wanted]


def timed(work, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    arguments = parser.parse_args(argv)
    lines = long_program(arguments.lines)
    text = "\n".join(lines)
    zone = Zone("Europe/Paris")
    start = time.perf_counter()
    program = parse_program(lines, workshop_date=dt.date(2023, 7, 11), zone=zone)
    first = time.perf_counter() - start  # its caches empty, as in a build's first page with a program
    reading = timed(lambda: parse_program(lines, workshop_date=dt.date(2023, 7, 11), zone=zone), arguments.repeats)
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        print("markdown-it-py is not installed: run this with .venv/bin/python", file=sys.stderr)
        return 2
    markdown = MarkdownIt("commonmark").enable("table")
    baseline = timed(lambda: markdown.parse(text), arguments.repeats)
    print(f"program of {len(lines)} lines: {len(program.slots())} slots on {len(program.days)} days, "
          f"{len(program.problems)} warnings")
    print(f"read in {first:.3f} s the first time, {reading:.3f} s after (median of {arguments.repeats}); "
          f"{'under' if max(first, reading) < 1 else 'OVER'} a second for {len(lines)} lines")
    print(f"ratio to parsing the same text as Markdown (markdown-it-py, {baseline * 1000:.1f} ms): "
          f"{reading / baseline:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
