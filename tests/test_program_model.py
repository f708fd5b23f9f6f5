"""The Sphinx-free model: reading times, dates, zones, slots and important dates."""

from __future__ import annotations

import datetime as dt

import pytest

from roads_ext.model.dates import Zone, now_for_build, parse_date, parse_time, parse_zone
from roads_ext.model.important_dates import date_states, parse_important_dates
from roads_ext.model.program import Speaker, parse_program, split_speakers

JUNE_8 = dt.date(2023, 6, 8)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("8:30am", dt.time(8, 30)),
        ("8:30 AM", dt.time(8, 30)),
        ("8.30 a.m.", dt.time(8, 30)),
        ("12pm", dt.time(12, 0)),
        ("12am", dt.time(0, 0)),
        ("noon", dt.time(12, 0)),
        ("20:30", dt.time(20, 30)),
        ("8pm", dt.time(20, 0)),
    ],
)
def test_times_as_published(written, expected):
    clock, used, problem = parse_time(written)
    assert problem is None
    assert clock.resolved() == expected
    assert used == len(written)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("8:70am", "minutes go up to 59"),
        ("25:00", "hours go up to 23"),
        ("13pm", "with am/pm the hour is 1 to 12"),
    ],
)
def test_times_that_are_not_times(written, message):
    assert message in parse_time(written)[2]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2023-06-08", JUNE_8),
        ("June 8, 2023", JUNE_8),
        ("Thursday, June 8, 2023", JUNE_8),
        ("Thu, Jun 8 2023", JUNE_8),
        ("8 June 2023", JUNE_8),
        ("June 8th, 2023", JUNE_8),
        ("Thursday 08/06/2023", JUNE_8),  # in digits: the weekday says which is the day
        ("Thu 06/08/2023", JUNE_8),
        ("30.06.2023", dt.date(2023, 6, 30)),  # 30 can be no month
    ],
)
def test_dates_as_published(written, expected):
    assert parse_date(written)[0] == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("June 31, 2023", "June 2023 has 30 days"),
        ("February 29, 2023", "February 2023 has 28 days"),
        ("Friday, June 8, 2023", "June 8, 2023 is a Thursday, not a Friday"),
        ("Juen 8, 2023", "'Juen' is not a month (did you mean 'June'?)"),
        ("2023-13-01", "there is no month 13"),
        ("soon", "is not a date"),
        ("04/05/2024", "could be read day first or month first"),
        ("31/02/2024", "is not a date"),
    ],
)
def test_dates_that_are_not_dates(written, message):
    """(A date in digits is read only where day and month cannot swap, or its weekday says.)"""
    date, _, problem = parse_date(written)
    assert date is None
    assert message in problem


def test_zones():
    assert parse_zone("America/Los_Angeles")[0] == Zone("America/Los_Angeles")
    assert parse_zone("america/los_angeles")[0] == Zone("America/Los_Angeles")
    for aoe in ("AoE", "AOE", "(AoE)", "Anywhere on Earth", "UTC-12"):
        assert parse_zone(aoe)[0] == Zone("AoE"), aoe
    assert parse_zone("AoE")[0].tzinfo.utcoffset(None) == dt.timedelta(hours=-12)
    zone, problem = parse_zone("America/Los_Angles")
    assert zone is None and "did you mean 'America/Los_Angeles'" in problem
    zone, problem = parse_zone("AEO")
    assert zone is None and "did you mean 'AoE'" in problem


def test_published_program_lines():
    lines = [
        "- 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)",
        "- 8:40am-9:20am - Keynote: The lottery ticket hypothesis (Jonathan Frankle)",
        "  - slides: https://example.org/slides.pdf",
        "  - abstract: Why sparse networks",
        "    train well.",
        "- 9:20am-10:00am - Keynote (Michael Mitzenmacher)",
        "- 10:00am-10:30am - Coffee break",
        "- 11:30-12:30pm - Invited Talk 2: \"Learned Bloom filters\" (Furong Huang)",
        "- 3:00pm-4:00pm - Panel discussion (Furong Huang, Bilge Acun; moderator: Chen Luo)",
        "- 4:00pm - Poster session",
        "- 5:00pm - Closing remarks",
    ]
    program = parse_program(lines, JUNE_8)
    assert program.problems == []
    slots = program.slots()
    assert [(s.start, s.end, s.kind) for s in slots] == [
        (dt.time(8, 30), dt.time(8, 40), "opening"),
        (dt.time(8, 40), dt.time(9, 20), "keynote"),
        (dt.time(9, 20), dt.time(10, 0), "keynote"),
        (dt.time(10, 0), dt.time(10, 30), "break"),
        (dt.time(11, 30), dt.time(12, 30), "invited"),  # "11:30-12:30pm" is 11:30 am
        (dt.time(15, 0), dt.time(16, 0), "panel"),
        (dt.time(16, 0), dt.time(17, 0), "poster"),  # ends when the next slot starts
        (dt.time(17, 0), None, "closing"),
    ]
    opening, keynote, keynote2, _, invited, panel, poster, _ = slots
    assert opening.title == "Welcome and Opening Remarks"
    assert opening.speakers[0].group and opening.speakers[0].name == "Workshop Organizers"
    assert keynote.title == "The lottery ticket hypothesis"
    assert [s.name for s in keynote.speakers] == ["Jonathan Frankle"]
    assert keynote.abstract == "Why sparse networks\ntrain well."
    assert [(link.label, link.url) for link in keynote.links] == [("Slides", "https://example.org/slides.pdf")]
    assert keynote2.generic_title and keynote2.slug == "keynote-michael-mitzenmacher"
    assert invited.title == "Learned Bloom filters"
    assert [(s.name, s.role) for s in panel.speakers] == [
        ("Furong Huang", ""), ("Bilge Acun", ""), ("Chen Luo", "moderator")]
    assert poster.end_implied


def test_program_problems_have_line_offsets():
    lines = [
        "- 8:30am-8:40am - Welcome",          # 0
        "- 8:35am-9:00am - Overlap",          # 1
        "- 8:70am-9:00am - Bad minutes",      # 2
        "- 10am-9am - Backwards",             # 3
        "- Keynot: Someone",                  # 4 no time: it fills the gap 9:00-11:00
        "- 11:00-12:00 Keynot: Title (X)",    # 5 a typo of a kind's word is read as the kind
        "  - abstarct: text",                 # 6
        "June 31, 2023",                      # 7
    ]
    program = parse_program(lines, JUNE_8)
    found = {(p.offset, p.subtype) for p in program.problems}
    assert found == {(1, "overlap"), (2, "time"), (3, "time"), (6, "detail"), (7, "date")}
    assert [s.kind for s in program.slots()][-2:] == ["keynote", "keynote"]
    messages = {p.offset: p.message for p in program.problems}
    assert "starts at 08:35, before 'Welcome' ends at 08:40" in messages[1]
    assert "did you mean 'abstract'" in messages[6]
    assert [s.title for s in program.slots()] == ["Welcome", "Overlap", "Someone", "Title"]
    someone = program.slots()[2]
    assert (someone.timed, someone.start, someone.end) == (False, dt.time(9), dt.time(11))


def test_several_days_and_no_day():
    program = parse_program(["Day 1 - Monday, March 25, 2024", "- 9:00-10:00 Keynote (A B)",
                             "Tuesday, March 26, 2024", "- 9:00-10:00 Talk (C D)"])
    assert [(d.date, d.label) for d in program.days] == [
        (dt.date(2024, 3, 25), "Day 1"), (dt.date(2024, 3, 26), "")]
    orphan = parse_program(["- 9:00-10:00 Keynote"])
    assert [(p.offset, p.subtype) for p in orphan.problems] == [(0, "date")]


def test_speaker_lists():
    assert split_speakers("Ada Lovelace (Analytical), Alan Turing and Grace Hopper") == [
        Speaker("Ada Lovelace", affiliation="Analytical"), *split_speakers("Alan Turing"),
        *split_speakers("Grace Hopper")]
    assert split_speakers("TBA")[0].group


def test_important_dates_aoe_edges():
    result = parse_important_dates([
        "- Paper submission: May 1, 2023 (AoE)",
        "- Camera-ready: June 1, 2023, 11:59pm AoE",
        "- Workshop: Thursday, June 8, 2023",
        "- Talk: June 8, 2023 9:00 Europe/Paris",
    ])
    assert result.problems == []
    submission, camera, workshop, talk = result.items
    # the whole of May 1 everywhere on Earth: until May 2, 12:00 UTC
    edge = dt.datetime(2023, 5, 2, 12, 0, tzinfo=dt.UTC)
    assert submission.over_at() == edge
    assert not submission.passed(edge - dt.timedelta(seconds=1))
    assert submission.passed(edge)
    assert camera.over_at() == dt.datetime(2023, 6, 2, 11, 59, tzinfo=dt.UTC)
    assert workshop.all_day and workshop.zone is None
    assert workshop.over_at() == dt.datetime(2023, 6, 9, 12, 0, tzinfo=dt.UTC)
    assert talk.start() == dt.datetime(2023, 6, 8, 7, 0, tzinfo=dt.UTC)  # CEST, UTC+2


def test_date_states_mark_the_earliest_not_yet_over_as_next():
    may, june, july = (dt.datetime(2023, month, 1, tzinfo=dt.UTC) for month in (5, 6, 7))
    # written out of order; the same rule as ImportantDate.passed: over at the moment itself
    assert date_states([july, may, june], june) == ["next", "passed", "passed"]
    assert date_states([july, may, june], may - dt.timedelta(days=1)) == ["upcoming", "next", "upcoming"]
    assert date_states([june, june], may) == ["next", "next"]  # due together
    assert date_states([may], july) == ["passed"]
    assert date_states([], may) == []


def test_important_dates_notes_are_not_zones():
    result = parse_important_dates([
        "- Notification: May 20, 2023 (TBC)",
        "- Talk: June 8, 2023 9:00 UTC-12",
        "- Party: June 8, 2023 (Japan)",
    ])
    assert result.problems == []
    notification, talk, party = result.items
    assert notification.note == "TBC" and notification.zone is None
    assert talk.zone == Zone("AoE") and talk.note == ""
    assert party.zone == Zone("Japan")


def test_important_dates_problems():
    result = parse_important_dates([
        "- Notification: May 20, 2023 AEO",
        "- Deadline: June 31, 2023",
        "- Deadline: June 1, 2023 5pm",
        "just words",
    ])
    assert [(p.offset, p.subtype) for p in result.problems] == [
        (0, "timezone"), (1, "date"), (2, "timezone"), (3, "date")]
    assert "did you mean 'AoE'" in result.problems[0].message
    assert [item.label for item in result.items] == ["Notification", "Deadline"]


def test_source_date_epoch():
    now, problem = now_for_build({"SOURCE_DATE_EPOCH": "1686200000"})
    assert now == dt.datetime(2023, 6, 8, 4, 53, 20, tzinfo=dt.UTC) and problem is None
    _, problem = now_for_build({"SOURCE_DATE_EPOCH": "yesterday"})
    assert "not a number" in problem


def test_the_time_forms_the_guide_promises():
    program = parse_program([
        "- 8:30 a.m. – 8:40 a.m. Welcome",
        "- noon - Lunch",
        "- 1pm-2pm - Keynote 2: Title (Ada Lovelace (Analytical Engines))",
        "- 2pm to 3pm | Contributed talks (3 × 10 min)",
        "- 15:00–15:30 Break",
        "- 3:30pm-4pm: Social",
    ], JUNE_8)
    assert program.problems == []
    assert [(s.start.hour, s.start.minute, s.end.hour, s.end.minute, s.kind, s.title)
            for s in program.slots()] == [
        (8, 30, 8, 40, "opening", "Welcome"),
        (12, 0, 13, 0, "lunch", "Lunch"),
        (13, 0, 14, 0, "keynote", "Title"),
        (14, 0, 15, 0, "contributed", "Contributed talks (3 × 10 min)"),
        (15, 0, 15, 30, "break", "Break"),
        (15, 30, 16, 0, "social", "Social"),
    ]
    assert [s.name for s in program.slots()[2].speakers] == ["Ada Lovelace"]
    assert program.slots()[3].speakers == []


def test_slot_anchors_are_unique_once_the_details_are_read():
    lines = [
        "- 9:00-10:00 Lottery tickets (A B)",     # 0 its title's anchor is given below
        "- 10:00-11:00 Keynote: Vision (C D)",    # 1
        "  - id: lottery tickets",                # 2
        "- 11:00-12:00 Panel: Futures (E F)",     # 3
        "  - id: Lottery-Tickets",                # 4 already taken by line 2
        "- 12:00-13:00 Keynote",                  # 5
        "  - speakers: G H",                      # 6 read before the anchor is made
        "- 13:00-14:00 Lunch",                    # 7
        "  - id: !!!",                            # 8 nothing to make an anchor of
    ]
    program = parse_program(lines, JUNE_8)
    assert [s.slug for s in program.slots()] == [
        "lottery-tickets-2", "lottery-tickets", "lottery-tickets-3", "keynote-g-h", "lunch"]
    assert [(p.offset, p.subtype) for p in program.problems] == [(8, "detail"), (4, "detail")]
    messages = {p.offset: p.message for p in program.problems}
    assert messages[4].startswith("id 'lottery-tickets' is already used by 'Vision'")
    assert "'lottery-tickets-3'" in messages[4]
    assert messages[8].startswith("id '!!!' has no letters or digits")


def test_a_link_needs_a_url():
    program = parse_program([
        "- 9:00-10:00 Keynote: Vision (C D)",
        "  - link: Slides",
        "  - link: Our slides",
        "  - link: Recording https://example.org/video",
        "  - link: slides.pdf",
        "  - slides: TBA",
        "  - video: https://example.org/talk",
    ], JUNE_8)
    assert [(p.offset, p.subtype) for p in program.problems] == [(1, "detail"), (2, "detail"), (5, "detail")]
    assert program.problems[0].message.startswith("link 'Slides' has no URL: write 'link: Label URL'")
    assert program.problems[2].message.startswith("slides 'TBA' has no URL: write 'slides: https://...'")
    assert [(link.label, link.url) for link in program.slots()[0].links] == [
        ("Recording", "https://example.org/video"), ("Link", "slides.pdf"), ("Video", "https://example.org/talk")]


def test_labelled_title_names_the_kind_once():
    slots = parse_program([
        "- 9:00-10:00 Keynote on vision (C D)",
        "- 10:00-11:00 Keynote: Vision (C D)",
        "- 11:00-11:30 Coffee break",
    ], JUNE_8).slots()
    assert [s.labelled_title for s in slots] == ["Keynote on vision", "Keynote: Vision", "Coffee break"]


def test_twelve_hour_times_without_am_pm_read_as_a_person_would():
    lines = ["9:00 - 11:00 Talks", "11:00 - 12:30 More talks", "12:30 - 2:00 Lunch", "2:00 - 2:30 Keynote (A B)",
             "3:00 Posters"]
    program = parse_program(lines, JUNE_8)
    assert program.problems == []
    assert [(f"{s.start:%H:%M}", f"{s.end:%H:%M}" if s.end else None) for s in program.slots()] == [
        ("09:00", "11:00"), ("11:00", "12:30"), ("12:30", "14:00"), ("14:00", "14:30"), ("15:00", None)]
    # a morning time written out of order is an overlap, not moved to the evening
    program = parse_program(["9:00 - 11:00 Talks", "10:00 - 10:30 Coffee break"], JUNE_8)
    assert [(p.offset, p.subtype) for p in program.problems] == [(1, "overlap")]
    # a leading zero is a 24-hour clock: 01:00 stays at night
    program = parse_program(["00:30 - 01:00 Night session"], JUNE_8)
    assert program.slots()[0].end == dt.time(1, 0)


def test_kinds_come_from_the_label_not_from_the_title():
    lines = [
        "- 9:00-9:30 Closing the Gap in Sparse Training (Jane Doe)",
        "- 9:30-10:00 Invited Talk: \"Lunch Is Never Free\" - Ken Oda (Kobe University)",
        "- 10:00-10:40 Keynote #3: Dr. Li Wei",
        "- 10:40-11:00 Closing remarks",
    ]
    program = parse_program(lines, JUNE_8)
    assert program.problems == []
    assert [(s.heading, s.kind) for s in program.slots()] == [
        ("Closing the Gap in Sparse Training", "session"), ("Lunch Is Never Free", "invited"),
        ("Keynote #3", "keynote"), ("Closing remarks", "closing")]
    assert program.slots()[1].speakers == [Speaker("Ken Oda", affiliation="Kobe University")]
    assert program.slots()[2].generic_title and program.slots()[2].slug == "keynote-li-wei"


def test_people_as_programs_write_them():
    assert split_speakers("Jane Doe, University of California, Berkeley") == [
        Speaker("Jane Doe", affiliation="University of California, Berkeley")]
    assert split_speakers("Prof. Jane Doe (MIT), Dr. John Roe (ETH Zurich)") == [
        Speaker("Jane Doe", affiliation="MIT", honorific="Prof."),
        Speaker("John Roe", affiliation="ETH Zurich", honorific="Dr.")]
    assert split_speakers("王伟, Пётр Иванов") == [Speaker("王伟"), Speaker("Пётр Иванов")]
    assert split_speakers("Yingyan (Celine) Lin (Georgia Tech)") == [
        Speaker("Yingyan (Celine) Lin", affiliation="Georgia Tech")]
    assert split_speakers("Doe, Roe, Lin") == [Speaker("Doe"), Speaker("Roe"), Speaker("Lin")]
    assert split_speakers("Workshop Organizers")[0].group
    # a title is not a group of people because it has "All" in it
    program = parse_program(["- 9:00-9:30 Retrieval Is All You Need (Ann Lee)"], JUNE_8)
    assert [(s.name, s.group) for s in program.slots()[0].speakers] == [("Ann Lee", False)]


def test_lines_that_cannot_be_read_are_said_once_each():
    lines = [
        "| Time | Event |",
        "|---|---|",
        "| 9:00 - 9:30 | Opening |",
        "| soon | Coffee |",           # 3: cells, none with a time
        "",
        "- half past ten: Keynote",      # 5
        "- 11:00 - 12:00 Panel (A B, C D)",
    ]
    program = parse_program(lines, JUNE_8)
    assert [(p.offset, p.subtype) for p in program.problems] == [(3, "time"), (5, "time")]
    assert "'| soon | Coffee |' starts with neither a time nor a date" in program.problems[0].message
    assert "'half past ten: Keynote' starts with neither a time nor a date" in program.problems[1].message
    assert [s.heading for s in program.slots()] == ["Opening", "Panel"]


def test_a_day_without_a_year_warns_once():
    lines = ["## Schedule (Thursday, June 8)", "- 9:00-9:30 Opening", "- 9:30-10:00 Keynote (A B)"]
    program = parse_program(lines)
    assert [(p.offset, p.subtype) for p in program.problems] == [(0, "date")]
    assert program.slots() == []
    program = parse_program(lines, workshop_date=dt.date(2023, 1, 1))
    assert program.problems == [] and program.days[0].date == JUNE_8
    wrong = parse_program(["Friday, June 8", "- 9:00-9:30 Opening"], workshop_date=JUNE_8)
    assert wrong.problems[0].message == ("'Friday, June 8' is not a day of 2023: June 8, 2023 is a Thursday; "
                                         "write the date with its year")


def test_the_zone_abbreviations_pattern_names_exactly_the_listed_abbreviations():
    import itertools
    import re

    from roads_ext.model.program.clock import ZONE_ABBREVIATION_PATTERN, ZONE_ABBREVIATIONS

    pattern = re.compile(ZONE_ABBREVIATION_PATTERN)
    letters = sorted({letter for word in ZONE_ABBREVIATIONS for letter in word} | {"X"})
    for length in range(1, 5):
        for word in map("".join, itertools.product(letters, repeat=length)):
            assert bool(pattern.fullmatch(word)) == (word in ZONE_ABBREVIATIONS), word
