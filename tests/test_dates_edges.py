"""Important dates as organizers paste them: zones written as offsets or as the venue's
abbreviation, labels that hold a colon or Markdown's emphasis, years of five digits."""

from __future__ import annotations

import datetime as dt

import pytest

from roads_ext.model.dates import Zone, abbreviation_zone, parse_zone, utc_offset
from roads_ext.model.important_dates import parse_important_dates

LOS_ANGELES = Zone("America/Los_Angeles")


@pytest.mark.parametrize(("written", "zone"), [
    ("UTC+2", "Etc/GMT-2"), ("GMT-5", "Etc/GMT+5"), ("UTC+02:00", "Etc/GMT-2"), ("UTC\u22125", "Etc/GMT+5"),
    ("UTC\u221212", "AoE"), ("GMT+0", "UTC"),
])
def test_a_whole_hour_offset_is_a_zone(written, zone):
    assert parse_zone(written) == (Zone(zone), None)


def test_an_offset_that_is_no_zone_and_an_abbreviation_are_refused_without_a_wrong_hint():
    assert parse_zone("UTC+05:30") == (None, "'UTC+05:30' is no zone of its own: write the IANA name of the "
                                             "venue's zone (such as 'Asia/Kolkata' for UTC+05:30)")
    zone, why = parse_zone("CEST")  # not "did you mean 'EST'": that is six hours off
    assert zone is None and "did you mean" not in why and "several zones share" in why
    assert "did you mean 'AoE'" in parse_zone("AEO")[1]
    assert utc_offset("UTC+05:30") == dt.timedelta(hours=5, minutes=30)
    assert utc_offset("UTC+15") is None and utc_offset("PT") is None


def test_an_abbreviation_is_the_blocks_zone_only_when_it_is_its_own_that_day():
    june, december = dt.date(2023, 6, 4), dt.date(2023, 12, 4)
    assert abbreviation_zone("PT", LOS_ANGELES, june) == abbreviation_zone("PDT", LOS_ANGELES, june) == LOS_ANGELES
    assert abbreviation_zone("PST", LOS_ANGELES, december) == LOS_ANGELES
    assert abbreviation_zone("PST", LOS_ANGELES, june) is None  # an hour off in June
    assert abbreviation_zone("CEST", LOS_ANGELES, june) is None
    assert abbreviation_zone("PT", None, june) is None


def test_important_dates_read_zones_as_organizers_write_them():
    lines = [
        "Deadline: June 4, 2023, 11:59 PM PT",
        "Offset: June 4, 2023, 11:59 PM UTC+2",
        "Minus sign: June 4, 2023, 11:59 PM UTC\u221212",
        "Elsewhere: June 4, 2023, 11:59 PM CEST",
    ]
    result = parse_important_dates(lines, LOS_ANGELES)
    assert [(item.label, item.zone, item.note) for item in result.items] == [
        ("Deadline", LOS_ANGELES, ""), ("Offset", Zone("Etc/GMT-2"), ""), ("Minus sign", Zone("AoE"), ""),
        ("Elsewhere", LOS_ANGELES, ""),
    ]
    (problem,) = result.problems
    assert (problem.offset, problem.subtype) == (3, "timezone")
    assert problem.message.endswith("several zones share; write the venue's IANA zone (such as 'Europe/Paris' "
                                    "for CEST, 'America/Los_Angeles' for PT), or 'AoE'; the block's zone, "
                                    "America/Los_Angeles, is assumed")


@pytest.mark.parametrize("line", ["Deadline: June 8, 20233", "Deadline: 2023-06-088", "Deadline: 20233-06-08"])
def test_a_year_or_day_with_a_digit_too_many_is_no_date(line):
    result = parse_important_dates([line])
    assert result.items == []
    (problem,) = result.problems
    assert problem.subtype == "date" and "is not a date" in problem.message


def test_a_label_may_hold_a_colon_and_markdown_emphasis():
    result = parse_important_dates([
        "- Deadline (Track A: long papers): May 1, 2023 (AoE)",
        "- **Camera ready**: **May 3, 2023**",
        "- Talk: the future: June 1, 2023",
    ])
    assert result.problems == []
    assert [(item.label, item.date) for item in result.items] == [
        ("Deadline (Track A: long papers)", dt.date(2023, 5, 1)), ("Camera ready", dt.date(2023, 5, 3)),
        ("Talk: the future", dt.date(2023, 6, 1))]


def test_a_pasted_dates_block_is_built_with_its_warnings_located(build_page):
    built = build_page("""\
        # Dates

        :::{important-dates}
        :timezone: America/Los_Angeles
        - **Submission (Track A: long)**: June 4, 2023, 11:59 PM PT
        - Notification: June 8, 20233
        - Workshop: June 20, 2023, 9:00 AM CEST
        :::
        """)
    assert [line.split("index.md:")[1] for line in built.warning_lines()] == [
        "6: WARNING: important-dates: 'Notification': 'June 8, 20233' is not a date: write it as "
        "'June 8, 2023' or '2023-06-08'; this date is left out [roads.date]",
        "7: WARNING: important-dates: 'CEST' is an abbreviation that several zones share; write the venue's "
        "IANA zone (such as 'Europe/Paris' for CEST, 'America/Los_Angeles' for PT), or 'AoE'; the block's "
        "zone, America/Los_Angeles, is assumed [roads.timezone]",
    ]
    assert "Submission (Track A: long)" in built.html and "**" not in built.html.split("roads-dates")[1][:2000]
