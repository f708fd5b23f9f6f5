"""Each kind of failure the issue on a generalizing reader named, as a case of a rule:
one small program per form, read by the model (the corpus builds them all in MyST and
reStructuredText too). Names and titles are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from roads_ext.model.dates import Zone
from roads_ext.model.program import parse_program

DAY = dt.date(2023, 7, 11)


def read(text: str):
    program = parse_program(text.strip("\n").splitlines(), first_day=DAY, zone=Zone("Europe/Paris"))
    assert program.problems == [], program.problems
    return [
        (f"{s.start:%H:%M}", s.kind if s.kind != "session" else None, s.heading,
         [(f"{p.role}: " if p.role else "") + p.written + (f" ({p.affiliation})" if p.affiliation else "")
          for p in s.speakers], s.timed)
        for s in program.slots()
    ]


FORMS = {
    "title under a label, as a nested bullet": (
        "- 09:00-09:40 Keynote: Dr. Emre Kaya\n  - *Caches Without Tears*\n- 09:40-10:00 Coffee break",
        [("09:00", "keynote", "Caches Without Tears", ["Dr. Emre Kaya"], True),
         ("09:40", "break", "Coffee break", [], True)]),
    "title on the next line under a speaker line": (
        "9:10 – 10:00 Keynote\nFrom Thesis to Team: Twenty Years of Engines\nMargit Lind (Oresund Tech)\n"
        "10:00 – 10:20 Break",
        [("09:10", "keynote", "From Thesis to Team: Twenty Years of Engines", ["Margit Lind (Oresund Tech)"], True),
         ("10:00", "break", "Break", [], True)]),
    "speaker and title joined by a colon, a middle dot, a dash, an em dash": (
        "- 9:00-9:30 Ana Souza: Pruning Before You Train\n- 9:30-10:00 Lars Berg · Memory Is the New Compute\n"
        "- 10:00-10:30 Kofi Mensah - Sketching Gradients at Scale\n- 10:30-11:00 Mei Tanaka — Hashing for Search",
        [("09:00", None, "Pruning Before You Train", ["Ana Souza"], True),
         ("09:30", None, "Memory Is the New Compute", ["Lars Berg"], True),
         ("10:00", None, "Sketching Gradients at Scale", ["Kofi Mensah"], True),
         ("10:30", None, "Hashing for Search", ["Mei Tanaka"], True)]),
    "bold name, affiliation, quoted title in italics; name (affiliation) title": (
        '- 9:00-9:40 Invited talk · **Prof. Lina Mahl** (Highveld University) *"Batteries Are Data Too"*\n'
        "- 9:40-10:20 Contributed talk: Ravi Pillai (Malabar Institute) Nowcasting Monsoon Onset",
        [("09:00", "invited", "Batteries Are Data Too", ["Prof. Lina Mahl (Highveld University)"], True),
         ("09:40", "contributed", "Nowcasting Monsoon Onset", ["Ravi Pillai (Malabar Institute)"], True)]),
    "kind labels glued to the title": (
        "- 9:00-9:30 Keynote speaker 1: Labels Are a Budget\n- 9:30-9:45 Contributed Talk 7: Weak Labels\n"
        "- 9:45-10:00 Talk: Small Models, Big Libraries\n- 10:00-10:15 Oral: Denoising Seismic Arrays\n"
        "- 10:15-10:30 Off-the-record: Lessons from a Failed Launch\n- 10:30-10:45 Q&A: Ana Souza",
        [("09:00", "keynote", "Labels Are a Budget", [], True),
         ("09:30", "contributed", "Weak Labels", [], True),
         ("09:45", None, "Small Models, Big Libraries", [], True),
         ("10:00", "contributed", "Denoising Seismic Arrays", [], True),
         ("10:15", None, "Lessons from a Failed Launch", [], True),
         ("10:30", "panel", "Q&A", ["Ana Souza"], True)]),
    "inline HTML: links with straight and typographic quotes, target, <br>, &nbsp;": (
        '| Time | Event |\n|---|---|\n'
        '| 9:00&nbsp;-&nbsp;9:40 | <a href="https://example.org/t" target="_blank">Reading Loss Curves</a>'
        '<br><a href=“https://example.org/p”>Søren Kjeld</a> |\n'
        "| 9:40 - 10:00 | Coffee&nbsp;break |",
        [("09:00", None, "Reading Loss Curves", ["Søren Kjeld"], True),
         ("09:40", "break", "Coffee break", [], True)]),
    "12-hour times without am/pm that go backwards in the day": (
        "- 11:00 - 12:45 Orals\n- 12:45 - 02:15 Lunch\n- 02:15 - 03:00 Poster session",
        [("11:00", "contributed", "Orals", [], True), ("12:45", "lunch", "Lunch", [], True),
         ("14:15", "poster", "Poster session", [], True)]),
    "rows without a time between timed rows": (
        "| Time | Event |\n|---|---|\n| 9:00 - 9:30 | Opening remarks |\n|  | Coffee break |\n"
        "| 10:00 - 11:00 | Contributed talks |\n|  | Second talk of the session - Ana Souza |\n",
        [("09:00", "opening", "Opening remarks", [], True), ("09:30", "break", "Coffee break", [], False),
         ("10:00", "contributed", "Contributed talks", [], True),
         ("10:00", None, "Second talk of the session", ["Ana Souza"], False)]),
    "empty-cell markers, the time column last, columns in another order": (
        "| Speaker | Title | Time |\n|---|---|---|\n| Ana Souza | Learning to Forget | 9:00 – 9:30 |\n"
        "| — | *Coffee break* | 9:30 – 9:50 |\n| TBD | Lunch | 12:00 – 13:00 |\n| &nbsp; | Posters | 13:00 – 14:00 |",
        [("09:00", None, "Learning to Forget", ["Ana Souza"], True), ("09:30", "break", "Coffee break", [], True),
         ("12:00", "lunch", "Lunch", [], True), ("13:00", "poster", "Posters", [], True)]),
    "kinds written loosely": (
        "- 9:00 Welcome speech\n- 9:10 Coffe break\n- 9:20 *Coffee break*\n- 9:30 Networking session\n"
        "- 9:40 Poster lightning round\n- 9:50 Posters (session 1)\n- 10:00 Invited Talk + Q&A\n"
        "- 10:10 Discussion with Ana Souza\n- 10:20 happy hour\n- 10:30 After Party",
        [("09:00", "opening", "Welcome speech", [], True), ("09:10", "break", "Coffe break", [], True),
         ("09:20", "break", "Coffee break", [], True), ("09:30", "social", "Networking session", [], True),
         ("09:40", "contributed", "Poster lightning round", [], True),
         ("09:50", "poster", "Posters (session 1)", [], True),
         ("10:00", "invited", "Invited Talk + Q&A", [], True), ("10:10", "panel", "Discussion", ["Ana Souza"], True),
         ("10:20", "social", "happy hour", [], True), ("10:30", "social", "After Party", [], True)]),
    "rules between sessions, panelists on the next line and as sub-bullets": (
        "**Morning**\n- 9:00-10:00 Panel: Who maintains the sensors?\n  - Ana Souza (Dakar Institute)\n"
        "  - Moderator: Ioana Pop (Carpathian Tech)\n\n---\n\n**Afternoon**\n"
        "- 13:00-14:00 Panel discussion\nLars Berg, Mei Tanaka, Kofi Mensah",
        [("09:00", "panel", "Who maintains the sensors?", ["Ana Souza (Dakar Institute)",
                                                           "moderator: Ioana Pop (Carpathian Tech)"], True),
         ("13:00", "panel", "Panel discussion", ["Lars Berg", "Mei Tanaka", "Kofi Mensah"], True)]),
}


@pytest.mark.parametrize("form", FORMS)
def test_each_named_form_is_read(form):
    text, expected = FORMS[form]
    assert read(text) == expected


@pytest.mark.parametrize("name", ["Chen Long", "Ada Strong", "Maria Green", "Tom Best", "Lin Law", "Meiling Sun",
                                  "Mei-Ling Tsai", "Christopher Manning", "Xiaoming Young"])
def test_names_that_are_also_words_stay_names(name):
    """The words that tell a title from a name leave out words that are common names too."""
    from roads_ext.model.pasted import read_people

    assert [p.name for p in read_people(name) or []] == [name]
