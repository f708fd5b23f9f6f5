"""Programs as workshops publish them, in every common form, read slot by slot.

Each program in ``tests/programs/`` is pasted as published (invented names and titles, forms
modelled on public workshop websites, each named in its ``form``): lists with any bullet and
separator, Markdown pipe tables with columns in any order, tab-separated lines copied from a
web page, CSV, 12- and 24-hour times, titles on the line below or in sub-bullets, people with
affiliations, roles, honorifics and nicknames, rooms, sessions, slots without a time. Beside
each, ``NAME.json`` is what a careful reader sees in it (``tests/programs/README.md``); every
slot is asserted, and every program reads with no warning, in the model and in a Sphinx build
in MyST and in reStructuredText. ``tests/programs_blind/`` is kept out of the reader's
development; its score is asserted not to fall (``test_program_blind.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from program_corpus import as_read_dict, cases, score
from roads_ext.model.program import Slot, Speaker, parse_program
from test_program import EPOCH_BEFORE, events, read_ics, soup

PROGRAMS = Path(__file__).parent / "programs"
CASES = cases(PROGRAMS)


def shown(speaker: Speaker) -> str:
    role = f"{speaker.role}: " if speaker.role else ""
    return role + speaker.written + (f" ({speaker.affiliation})" if speaker.affiliation else "")


def as_read(slot: Slot) -> tuple:
    end = f"{slot.end:%H:%M}" if slot.end else None
    return (slot.date, f"{slot.start:%H:%M}", end, slot.kind, slot.heading,
            [shown(s) for s in slot.speakers], slot.location, slot.session)


def test_the_corpus_is_all_there():
    sources = sorted(p.stem for p in PROGRAMS.iterdir()
                     if p.suffix in (".md", ".txt", ".csv") and p.stem not in ("README", "SURVEY-dev"))
    assert sources == sorted(case.name for case in CASES)
    assert len(CASES) >= 45 - 12  # with the blind set's, at least 45 programs
    assert all(case.form for case in CASES[17:]), "each program says what form it is in and where it comes from"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_slot_of_every_program(case):
    result = score(case)
    assert result.differences == [] and result.unexpected_warnings == []
    assert result.right == result.slots


def test_the_published_roads_program_reads_without_a_rewrite():
    from conftest import ROOT

    text = (ROOT / "docs" / "program.md").read_text(encoding="utf-8")
    body = text.split("```{schedule}", 1)[1].split("\n```", 1)[0].split("\n\n", 1)[1]
    program = parse_program(body.splitlines(), workshop_date=dt.date(2023, 6, 8))
    assert program.problems == []
    june8 = dt.date(2023, 6, 8)
    assert [as_read(slot) for slot in program.slots()] == [
        (june8, "08:30", "08:40", "opening", "Welcome and Opening Remarks", ["Workshop Organizers"], "", ""),
        (june8, "08:40", "09:40", "keynote", "Keynote #1", ["Prof. Michael Mitzenmacher (Harvard)"], "", ""),
        (june8, "09:40", "10:05", "invited", "Cuttlefish: Low-Rank Model Training without All the Tuning",
         ["Hongyi Wang"], "", ""),
        (june8, "10:05", "10:30", "invited", ("Pre-train and Search: Efficient Embedding Table Sharding with "
                                             "Pre-trained Neural Cost Models"), ["Daochen Zha"], "", ""),
        (june8, "10:30", "10:50", "break", "Coffee Break and Socialize", [], "", ""),
        (june8, "10:50", "11:30", "keynote", "Keynote #2", ["Dr. Bilge Acun (Meta)"], "", ""),
        (june8, "11:30", "11:55", "invited", "MegaBlocks: Efficient Sparse Training with Mixture-of-Experts",
         ["Trevor Gale"], "", ""),
        (june8, "11:55", "12:20", "invited", ("RSC: Accelerating Graph Neural Networks Training via Randomized "
                                             "Sparse Computations"), ["Daochen Zha"], "", ""),
        (june8, "12:20", "13:20", "lunch", "Lunch Break", [], "", ""),
        (june8, "13:20", "14:00", "keynote", "Keynote #3", ["Prof. Jonathan Frankle (Harvard)"], "", ""),
        (june8, "14:00", "14:30", "keynote", "Keynote #4", ["Prof. Furong Huang (UMD)"], "", ""),
        (june8, "14:30", "15:10", "keynote", "Keynote #5", ["Dr. Chen Luo (Amazon)"], "", ""),
        (june8, "15:10", "15:30", "break", "Coffee Break and Socialize", [], "", ""),
        (june8, "15:30", "16:30", "panel", "Panel Discussion",
         ["Mitzenmacher", "Frankle", "Acun", "Luo", "Shrivastava"], "", ""),
        (june8, "16:30", None, "social", "Social", [], "", ""),
    ]


# --- built: every program of the corpus on a site, with no warning ----------------------------


def corpus_site(syntax: str) -> tuple[str, dict[str, str], list]:
    """The corpus as a site: one page per program (its day as the directive's argument, its
    zone as ``:timezone:``), the CSV files read with ``:file:``. reStructuredText turns tabs
    into spaces, so the programs copied as tab-separated cells are built in MyST only."""
    files: dict[str, str] = {}
    toc = []
    built = []
    for number, case in enumerate(CASES):
        if syntax == "rst" and "\t" in case.text:
            continue
        argument = f" {case.day.isoformat()}" if case.day else ""
        options = [f":timezone: {case.zone}", ":location: Hall 1, Example Congress Centre"]
        if case.source.suffix == ".csv":
            files[f"programs/{case.source.name}"] = case.text
            options.append(f":file: programs/{case.source.name}")
            body_lines: list[str] = []
        else:
            body_lines = case.text.splitlines()
        if syntax == "md":
            text = "\n".join([f"````{{schedule}}{argument}", *options, "", *body_lines, "````"])
            files[f"p{number:02d}.md"] = f"# Program {number}\n\n{text}\n"
        else:
            indented = ["   " + line if line.strip() else "" for line in [*options, "", *body_lines]]
            text = "\n".join([f".. schedule::{argument}", *indented])
            files[f"p{number:02d}.rst"] = f"Program {number}\n{'=' * 12}\n\n{text}\n"
        toc.append(f"p{number:02d}")
        built.append((number, case))
    index = "# Corpus\n\n```{toctree}\n" + "\n".join(toc) + "\n```\n"
    return index, files, built


#: how a role is shown before its people: (one, several)
ROLES_SHOWN = {"panelist": ("Panelist", "Panelists"), "chair": ("Chair", "Chairs"),
               "moderator": ("Moderator", "Moderators"), "host": ("Host", "Hosts"), "q&a": ("Q&A", "Q&A")}


def role_lines(speakers: list[str], kind: str | None) -> list[str]:
    """The lines a slot's people are shown in: its speakers (a panel's: "Panelists: ..."),
    then a line per other role as it first appears ("Moderator: ...")."""
    groups: dict[str, list[str]] = {}
    for speaker in speakers:
        found = re.match(r"^([a-z][a-z& -]*): (.+)$", speaker)
        group = re.search(r"(?i)(?:speakers|organi[sz]ers|authors|committee|all|tb[ad])$", speaker)
        role, name = (found.group(1), found.group(2)) if found else (
            "panelist" if kind == "panel" and not group else "", speaker)
        groups.setdefault(role, []).append(name)
    order = [r for r in ("", "panelist") if r in groups] + [r for r in groups if r not in ("", "panelist")]
    lines = []
    for role in order:
        one, several = ROLES_SHOWN.get(role, (role.capitalize(), role.capitalize()))
        label = f"{several if len(groups[role]) > 1 else one}: " if role else ""
        lines.append(label + ", ".join(groups[role]))
    return lines


@pytest.mark.parametrize("syntax", ["md", "rst"])
def test_the_corpus_builds_without_a_warning(build_page, monkeypatch, syntax):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    index, files, built_cases = corpus_site(syntax)
    built = build_page(index, files=files, conf='roads_workshop_date = "2023-07-11"\n')
    # only the warnings a program is written to cause (a link into the page it was copied from)
    expected_warnings = [(f"p{number:02d}.", part) for number, case in built_cases for part in case.build_warnings]
    assert [line for line in built.warning_lines()
            if not any(page in line and part in line for page, part in expected_warnings)] == []
    assert len(built.warning_lines()) == len(expected_warnings)
    out = Path(built.app.outdir)
    for number, case in built_cases:
        page = soup((out / f"p{number:02d}.html").read_text(encoding="utf-8"))
        rows = page.select("table.roads-schedule-table tbody tr.roads-slot")
        expected = [as_read_dict(slot, case) for slot in case.expected]
        assert [r.select_one(".roads-slot-title").get_text() for r in rows] == [s["title"] for s in expected], case.name
        # speakers as written, with the affiliation the program gives, a line per role
        people = [[p.get_text() for p in r.select(".roads-slot-speakers")] for r in rows]
        assert people == [role_lines(s["speakers"], s["kind"]) for s in expected], case.name
        sessions = [r.get_text(strip=True) for r in page.select("tr.roads-session-row")]
        assert sessions == list(dict.fromkeys(s["session"] for s in expected if s["session"])), case.name
    if syntax != "md":
        return
    # a guest is in the calendar files and in the Event data as written, with their affiliation
    calendar = read_ics(built.app, "_calendar/p09/schedule.ics")
    assert "Invited talk: Closing the Gap Between Dense and Sparse Training (Lars Eriksen, Sofia Marino)" in [
        str(e["SUMMARY"]) for e in events(calendar)]
    event = next(json.loads(s.string) for s in soup((out / "p09.html").read_text()).find_all(
        "script", type="application/ld+json") if '"Event"' in s.string)
    assert {"@type": "Person", "name": "Lars Eriksen",
            "affiliation": {"@type": "Organization", "name": "Fjord AI"}} in event["performer"]
    assert event["subEvent"][0]["performer"] == [{"@type": "Person", "name": "Lars Eriksen"},
                                                 {"@type": "Person", "name": "Sofia Marino"}]


# --- the ROADS site's program ------------------------------------------------------------------


def test_roads_program_page(make_app, tmp_path, monkeypatch):
    import shutil

    from conftest import ROOT
    from test_program import build_warnings

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    src = tmp_path / "site"
    shutil.copytree(ROOT / "docs", src)
    (src / "conf.py").write_text((ROOT / "conf.py").read_text().replace('"docs/', '"'))
    app = make_app("html", srcdir=src)
    app.build()
    assert build_warnings(app) == []
    out = Path(app.outdir)
    # the program is in the page byte for byte as facts.md gives it
    for facts in (ROOT.parent / "shared" / "facts.md", ROOT.parent.parent / "shared" / "facts.md"):
        if not facts.exists():
            continue
        published = facts.read_text().split("```\n## Schedule", 1)[1].split("```", 1)[0]
        assert "\n\n## Schedule" + published + "```\n" in (ROOT / "docs" / "program.md").read_text()
    page = soup((out / "program.html").read_text())
    assert page.select_one(".roads-zone-note").get_text() == (
        "Times are in America/New_York, UTC−04:00. "
        "Under each time: the venue’s zone, or your own time where it differs.")
    rows = page.select("tr.roads-slot")
    assert len(rows) == 15
    keynote = rows[1]
    assert keynote.select_one(".roads-slot-title").get_text() == "Keynote #1"
    link = keynote.select_one(".roads-slot-speakers a")
    assert (link.get_text(), link["href"]) == ("Prof. Michael Mitzenmacher", "speakers.html#person-michael-mitzenmacher")
    guests = [r.select_one(".roads-slot-speakers").get_text() for r in rows[2:4] + rows[6:8]]
    assert guests == ["Hongyi Wang", "Daochen Zha", "Trevor Gale", "Daochen Zha"]
    assert not any(r.select(".roads-slot-speakers a") for r in rows[2:4] + rows[6:8])  # guests: no link
    panel = rows[13]
    # the panelists by surname, as published, each linked to the one person it fits
    assert [(a.get_text(), a["href"]) for a in panel.select(".roads-slot-speakers a")] == [
        (surname, f"speakers.html#person-{key}") for surname, key in (
            ("Mitzenmacher", "michael-mitzenmacher"), ("Frankle", "jonathan-frankle"), ("Acun", "bilge-acun"),
            ("Luo", "chen-luo"), ("Shrivastava", "anshumali-shrivastava"))]
    assert rows[-1].select_one("time")["datetime"] == "2023-06-08T16:30:00-04:00"
    # the keynote speakers' cards show their talks
    cards = soup((out / "speakers.html").read_text())
    card = cards.find(id="person-jonathan-frankle")
    assert "Harvard University/Mosaic ML, USA" in card.get_text()
    assert card.select_one(".roads-card-slots").get_text() == (
        "In the program: Keynote #3, Thursday, June 8, 2023, 1:20\u202fPM EDT; "
        "Panel Discussion, Thursday, June 8, 2023, 3:30\u202fPM EDT")
    assert card.select_one(".roads-card-slots a")["href"] == "program.html#schedule-keynote-jonathan-frankle"
    # the home page's Event data carries the program
    home = soup((out / "index.html").read_text())
    event = next(json.loads(s.string) for s in home.find_all("script", type="application/ld+json")
                 if '"Event"' in s.string)
    assert event["location"]["name"] == "Miami, Florida, USA"
    assert event["superEvent"]["name"] == "MLSys 2023"
    assert (event["startDate"], event["endDate"]) == ("2023-06-08T08:30:00-04:00", "2023-06-08T16:30:00-04:00")
    names = [sub["name"] for sub in event["subEvent"]]
    assert "MegaBlocks: Efficient Sparse Training with Mixture-of-Experts" in names
    assert {"@type": "Person", "name": "Trevor Gale"} in event["performer"]
    assert home.find("a", href="program.html")
    found = events(read_ics(app, "_calendar/program/schedule.ics"))
    assert "Invited talk: Cuttlefish: Low-Rank Model Training without All the Tuning (Hongyi Wang)" in [
        str(e["SUMMARY"]) for e in found]
    assert all(str(e["LOCATION"]) == "Miami, Florida, USA" for e in found)


# --- what cannot be read: one warning each, saying what to write -------------------------------

PEOPLE = """\
---
orphan: true
---
# People

```{speaker-card} Ada Lovelace
:affiliation: Analytical Engines Ltd
```

```{speaker-card} Alan Turing
:affiliation: University of Manchester
```
"""

BAD_MYST = """\
# Bad

```{schedule}
:timezone: America/New_York
:location: Hall 1

## Schedule (Thursday, June 8)

* 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)
* 8:40am-9:40am - Keynote #1: Prof. Ada Lovelace (Analytical)
* 9:40am-10:05am - Invited Talk: Grace Guest
`A title on the line below`
```

```{schedule}
:timezone: UTC
:location: Hall 2

Thursday, June 8, 2023
- 9:00-10:00 Keynote: Sparse things (Ada Lovelace)
- around eleven: Coffee and chat
- 11:00-12:00 Invited talk: Closing words (Alan Turin)
| 12:00 - 13:00 | Lunch |
```
"""


def test_bad_program_lines_myst(build_page):
    from test_program import check_warnings

    built = build_page(BAD_MYST, files={"people.md": PEOPLE})
    check_warnings(built, [
        (7, "roads.date", ("schedule: 'Thursday, June 8' has no year: write the date with its year "
                           "('Thursday, June 8, 2023'), give it after the directive's name, or set "
                           "roads_workshop_date = \"2023-06-08\" in conf.py; the slots of this day are left out")),
        (21, "roads.time", ("schedule: 'around eleven: Coffee and chat' starts with neither a time nor a date: "
                            "a slot reads '8:30am-8:40am - Title (Speaker)', a day 'Thursday, June 8, 2023', "
                            "a session heading '### Session 1: Invited Talks'; this line is left out")),
        (22, "roads.person", ("schedule: 'Alan Turin' is declared nowhere on this site (did you mean "
                              "'Alan Turing'?)")),
    ])
    page = soup(built.html)
    assert [t.get_text() for t in page.select(".roads-slot-title")] == [
        "Sparse things", "Closing words", "Lunch"]
    assert page.select_one(".roads-slot-speakers a")["href"] == "people.html#person-ada-lovelace"


def test_the_year_from_the_workshop_date_setting(build_page):
    built = build_page(BAD_MYST, files={"people.md": PEOPLE}, conf='roads_workshop_date = "June 8, 2023"\n')
    lines = built.warning_lines()
    assert not [line for line in lines if "roads.date" in line]
    page = soup(built.html)
    titles = [t.get_text() for t in page.select(".roads-slot-title")]
    assert titles[:3] == ["Welcome and Opening Remarks", "Keynote #1", "A title on the line below"]
    # a guest: as written, no link and no warning; a declared person by surname form
    rows = page.select("tr.roads-slot")
    assert rows[2].select_one(".roads-slot-speakers").get_text() == "Grace Guest"
    assert rows[1].select_one(".roads-slot-speakers").get_text() == "Prof. Ada Lovelace (Analytical)"
    assert not [line for line in lines if "Grace Guest" in line]


def test_a_wrong_workshop_date_setting(build_page):
    built = build_page(BAD_MYST, files={"people.md": PEOPLE}, conf='roads_workshop_date = "June 31, 2023"\n')
    warnings = [line for line in built.warning_lines() if "roads_workshop_date = 'June" in line]
    assert len(warnings) == 1 and warnings[0].endswith(
        "conf.py:4: WARNING: roads_workshop_date = 'June 31, 2023' in conf.py: 'June 31, 2023' is not a "
        "date: June 2023 has 30 days; it is not used [roads.date]")
    # and, the setting not used, the day without a year is said once, as without it
    assert len([line for line in built.warning_lines() if "has no year" in line]) == 1


BAD_RST = """\
Bad
===

.. schedule::
   :timezone: Europe/Paris
   :location: Hall A

   Schedule (Thursday, June 8)

   | Time | Event |
   |---|---|
   | 9:00 - 10:00 | **Keynote: Rooms and Tables**<br>*Ada Lovelace* |
   | 10:00 - 10:30 | ☕ Coffee Break |
   | soon | Lunch |

.. schedule:: June 9, 2023
   :timezone: Europe/Paris
   :location: Hall A

   - 9:00-10:00 Panel Discussion (Lovelace, Turing, Guest)
   - 17:50 Finish
"""


def test_bad_program_lines_rst(build_page):
    from test_program import check_warnings

    built = build_page(BAD_RST, suffix=".rst", files={"people.md": PEOPLE})
    check_warnings(built, [
        (8, "roads.date", "schedule: 'Thursday, June 8' has no year"),
        (14, "roads.time", "schedule: '| soon | Lunch |' starts with neither a time nor a date"),
    ])
    page = soup(built.html)
    rows = page.select("tr.roads-slot")
    assert len(rows) == 1  # the first program's day has no year: its slots are left out, once said
    assert [(a.get_text(), a["href"]) for a in rows[0].select(".roads-slot-speakers a")] == [
        ("Lovelace", "people.html#person-ada-lovelace"), ("Turing", "people.html#person-alan-turing")]
    assert rows[0].select_one(".roads-slot-speakers").get_text() == "Panelists: Lovelace, Turing, Guest"
    assert rows[0].find("time")  # "17:50 Finish" closed the day: the panel is the last slot
    assert page.select_one("tr.roads-slot .roads-when").get_text() == "9:00\u202fAM\u2009–\u200910:00\u202fAM CEST"


def test_a_program_file_must_be_inside_the_project(build_page, tmp_path):
    from test_program import check_warnings

    (tmp_path / "outside.csv").write_text("Time,Title\n9:00-10:00,Keynote\n")
    built = build_page("""\
        # Files

        ```{schedule} June 8, 2023
        :timezone: UTC
        :location: Hall A
        :file: ../outside.csv
        ```

        ```{schedule} June 8, 2023
        :timezone: UTC
        :location: Hall A
        :file: program.csv
        :name: from-file

        - 9:00-10:00 Not read
        ```
        """, files={"program.csv": "Time,Title,Speaker\n9:00-10:00,Keynote,Ada Lovelace\n25:00,Broken,\n"})
    lines = built.warning_lines()
    # a line of the file is reported at its own line in the file
    assert lines[-1].endswith("src/program.csv:3: WARNING: schedule: '25:00' is not a time: hours go up to 23 "
                              "(or write am/pm); this slot is left out: '25:00,Broken,' [roads.time]")
    built.warnings = "\n".join(lines[:-1])
    check_warnings(built, [
        (6, "roads.option", "schedule: file '../outside.csv' is outside the project"),
        (12, "roads.option", "schedule: has both :file: and lines of its own: the lines are left out"),
    ])
    rows = soup(built.html).select("tr.roads-slot")
    assert [(r.select_one(".roads-slot-title").get_text(), r.select_one(".roads-slot-speakers").get_text())
            for r in rows] == [("Keynote", "Ada Lovelace")]
