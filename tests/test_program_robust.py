"""The program reader never raises, whatever is pasted: the corpus's lines, shuffled, cut
and spliced with the characters that matter to it (separators, marks, HTML, times), read
with and without a day and a zone. Every warning names a line of what was read."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from roads_ext.model.dates import Zone
from roads_ext.model.program import parse_program

PROGRAMS = Path(__file__).parent / "programs"
LINES = [
    line
    for path in sorted(PROGRAMS.glob("[0-9]*.*"))
    if path.suffix in (".md", ".txt", ".csv")
    for line in path.read_text(encoding="utf-8").splitlines()
]
SPLICED = [*"|*_`\"'()[]<>:-–—·\t#&;,./\\ 0123456789apmAPM", "<br>", "&nbsp;", "<a href='x'>", "</a>", "**",
           "12:00", "noon", "Session", "Keynote", "\u200b", "\ufeff", "🎤", "<script>", "24:00", "13pm"]


@pytest.mark.parametrize("seed", range(4))
def test_any_paste_is_read_without_raising(seed):
    chance = random.Random(seed)
    for _ in range(150):
        program = [chance.choice(LINES) for _ in range(chance.randint(1, 25))]
        for _ in range(chance.randint(0, 6)):
            index = chance.randrange(len(program))
            line = program[index]
            at = chance.randint(0, len(line))
            program[index] = line[:at] + chance.choice(SPLICED) + line[at + chance.randint(0, 3) :]
        read = parse_program(
            program,
            first_day=chance.choice([None, dt.date(2023, 7, 11)]),
            workshop_date=chance.choice([None, dt.date(2023, 7, 11)]),
            csv_text=chance.random() < 0.1,
            zone=chance.choice([None, Zone("Europe/Paris"), Zone("AoE")]),
        )
        assert all(0 <= problem.offset < len(program) for problem in read.problems), program
        for slot in read.slots():
            assert slot.title or slot.speakers, program
