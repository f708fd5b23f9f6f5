"""The corpus of conference tools' exports written blind (``tests/imports_blind/``, 17 files:
pretalx and frab JSON and XML, Indico, Mini-Conf, CMT, HotCRP; ``README.md`` there says
from which public documentation each shape was taken).

It was written by someone who had not read the importer and run once, at the end of the
importer's development: 49 of 50 schedule slots and 18 of 29 papers read right, no e-mail
address kept. Four rules were then added for what it showed (an affiliation in parentheses
after an author's name, ``Accepted (short paper)``, a Mini-Conf ``paper_type`` column, a
HotCRP row of a contact who is not an author): it is a development set now, and these are
its floors. The one slot still read otherwise is an Indico contribution without a room,
whose place we show as the event's building.
"""

from __future__ import annotations

from pathlib import Path

from import_corpus import cases, score

HERE = Path(__file__).parent


def test_the_blind_exports_are_read_and_publish_no_address():
    found = cases(HERE / "imports_blind")
    results = [score(source, expected) for source, expected in found]
    schedules = [r for r in results if r.kind == "schedule"]
    papers = [r for r in results if r.kind == "papers"]
    assert len(schedules) >= 8 and sum(r.total for r in schedules) >= 50
    assert len(papers) >= 9 and sum(r.total for r in papers) >= 29
    assert sum(r.right for r in schedules) >= 49
    assert sum(r.right for r in papers) >= 29
    assert [r.emails_kept for r in results if r.emails_kept] == []
