"""The blind set: programs written from other workshop sites by someone other than the
reader's developer, kept out of the reader's development (``tests/programs_blind/``).

Its score says how well the reader generalizes to programs it was not written for. It is
printed (run ``pytest -s``, or ``python tests/program_corpus.py tests/programs_blind``), and
the test fails if it falls below the score last measured: a change to the reader may
not read fewer of these slots right than before.
"""

from __future__ import annotations

from pathlib import Path

from program_corpus import cases, score

BLIND = Path(__file__).parent / "programs_blind"
#: the slots read right at the last measure (the handbook's guide "Paste your program")
FLOOR = 0


def test_the_blind_set_does_not_fall():
    found = cases(BLIND)
    assert len(found) >= 12
    results = [score(case) for case in found]
    right = sum(result.right for result in results)
    total = sum(result.slots for result in results)
    print(f"blind set: {right} of {total} slots read right in {len(found)} programs")
    assert total >= 150
    assert right >= FLOOR
