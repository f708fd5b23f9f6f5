"""The edges of the ``roads_*`` settings: files of the zone database that are no venue's
zone, a workshop date with a time, a setting assigned twice in conf.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from roads_ext.model.dates import looks_like_zone, parse_zone

ZONE_ADVICE = "write an IANA name such as 'America/Los_Angeles' or 'Europe/Paris', or 'AoE' for Anywhere on Earth"
LOCALTIME = (
    "'localtime' is not a venue's time zone but a file of the zone database (the zone of the machine that "
    f"builds the site, wherever that is); {ZONE_ADVICE}"
)
DATES = "# Home\n\n```{important-dates}\n- Submission: May 1, 2023, 5:00pm\n```\n"
PROGRAM = "# Home\n\n```{{schedule}} June 8, 2023\n:timezone: {zone}\n:location: Room 1\n\n- 9:00-10:00 Welcome\n```\n"


# --- files of the zone database that are no venue's zone ------------------------------------


@pytest.mark.parametrize(("written", "problem"), [
    ("localtime", LOCALTIME),
    ("LocalTime", LOCALTIME.replace("'localtime'", "'LocalTime'")),
    ("/etc/localtime", LOCALTIME.replace("'localtime'", "'/etc/localtime'")),
    ("Factory", "'Factory' is not a venue's time zone but a file of the zone database (the zone of a machine "
                f"whose zone was never set); {ZONE_ADVICE}"),
    ("posixrules", "'posixrules' is not a venue's time zone but a file of the zone database (the rules for TZ "
                   f"strings without rules of their own); {ZONE_ADVICE}"),
    ("posix/Europe/Paris", "'posix/Europe/Paris' is not a venue's time zone but a file of the zone database "
                           f"(a copy of a zone, for other programs; did you mean 'Europe/Paris'?); {ZONE_ADVICE}"),
    ("right/America/New_York", "'right/America/New_York' is not a venue's time zone but a file of the zone "
                               "database (a copy of a zone, for other programs; did you mean "
                               f"'America/New_York'?); {ZONE_ADVICE}"),
])
def test_a_file_of_the_zone_database_is_no_zone(written, problem):
    assert parse_zone(written) == (None, problem)
    assert looks_like_zone(written)  # after a date: reported, not taken as a note


def test_no_hint_proposes_a_file_that_is_no_zone():
    for written in ("/etc/localtime", "localtme", "Factroy", "posixrule"):
        zone, problem = parse_zone(written)
        assert zone is None and problem is not None
        assert not re.search(r"did you mean '(localtime|Factory|posixrules)'", problem), problem
    assert parse_zone("Europe/Paris")[0] is not None and parse_zone("UTC")[0] is not None


@pytest.mark.parametrize("written", ["localtime", "Factory", "posixrules", "posix/Europe/Paris"])
def test_roads_timezone_that_is_no_venues_zone_is_a_warning_and_utc_is_used(build_page, tmp_path, written):
    built = build_page(DATES, conf=f"roads_timezone = {written!r}\n")
    lines = built.warning_lines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        f"{tmp_path / 'src'}/conf.py:4: WARNING: roads_timezone = {written!r} in conf.py: {written!r} is not a "
        "venue's time zone but a file of the zone database ("
    ), lines
    assert lines[0].endswith(f"; {ZONE_ADVICE}; UTC is used [roads.timezone]"), lines
    assert built.app.config.roads_timezone == "UTC"
    assert "5:00\u202fPM UTC" in built.html or "5:00 PM UTC" in built.html


def test_a_programs_timezone_localtime_is_a_warning_and_its_calendar_says_utc(build_page, tmp_path):
    built = build_page(PROGRAM.format(zone="localtime"))
    assert built.warning_lines() == [
        f"{tmp_path / 'src'}/index.md:4: WARNING: schedule: {LOCALTIME}; the times are taken as UTC "
        "[roads.timezone]",
    ]
    calendars = list(Path(built.app.outdir, "_calendar").rglob("*.ics"))
    assert calendars
    text = "".join(path.read_text(encoding="utf-8") for path in calendars)
    assert "localtime" not in text.lower()
    assert "DTSTART:20230608T090000Z" in text


def test_an_important_dates_zone_localtime_is_a_warning(build_page, tmp_path):
    built = build_page("# Home\n\n```{important-dates}\n- Submission: May 1, 2023, 5:00pm localtime\n```\n")
    assert built.warning_lines() == [
        f"{tmp_path / 'src'}/index.md:4: WARNING: important-dates: {LOCALTIME}; UTC is assumed [roads.timezone]",
    ]


# --- roads_workshop_date with a time ---------------------------------------------------------


def test_a_workshop_date_with_a_time_is_a_warning_and_the_day_is_used(build_page, tmp_path):
    page = "# Home\n\n```{schedule}\n:timezone: UTC\n:location: Room 1\n\n- 9:00-10:00 Welcome\n```\n"
    built = build_page(page, conf='roads_workshop_date = "2023-06-08T10:00"\n')
    assert built.warning_lines() == [
        f"{tmp_path / 'src'}/conf.py:4: WARNING: roads_workshop_date = '2023-06-08T10:00' in conf.py: 'T10:00' "
        "after the date is left out (the setting is a day, without a time: a program's times are in its "
        "slots); the day '2023-06-08' is used [roads.config]",
    ]
    assert built.app.config.roads_workshop_date == "2023-06-08"
    assert "Thursday, June 8, 2023" in built.html


def test_a_workshop_date_written_in_words_with_a_note_keeps_its_words(build_page, tmp_path):
    built = build_page("# Home\n", conf='roads_workshop_date = "June 8, 2023 (tentative)"\n')
    assert built.warning_lines() == [
        f"{tmp_path / 'src'}/conf.py:4: WARNING: roads_workshop_date = 'June 8, 2023 (tentative)' in conf.py: "
        "'(tentative)' after the date is left out (the setting is a day, without a time: a program's times are "
        "in its slots); the day 'June 8, 2023' is used [roads.config]",
    ]
    assert built.app.config.roads_workshop_date == "June 8, 2023"


# --- a setting assigned twice -------------------------------------------------------------------


def test_a_setting_assigned_twice_is_reported_at_the_assignment_that_takes_effect(build_page, tmp_path):
    conf = '# the venue\nroads_timezone = "UTC"\n\nroads_timezone = "Europe/Pariss"\n'
    built = build_page(DATES, conf=conf)
    assert built.warning_lines() == [
        f"{tmp_path / 'src'}/conf.py:7: WARNING: roads_timezone = 'Europe/Pariss' in conf.py: unknown time zone "
        f"'Europe/Pariss' (did you mean 'Europe/Paris'?); {ZONE_ADVICE}; "
        "UTC is used [roads.timezone]",
    ]


# --- the settings that must be read, read once per build -------------------------------------


def test_the_settings_are_read_once_from_the_values_conf_py_kept(make_app, tmp_path):
    from roads_ext.core.settings import read_settings

    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "roads_ext"]\nroads_timezone = "Mars/Olympus"\n'
        'roads_workshop_date = "June 8, 2023"\n',
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    read = read_settings(app.config)
    assert read is read_settings(app.config)  # kept, not read again
    assert read.zone is not None and read.zone.name == "UTC"  # the wrong zone was replaced, with a warning
    assert str(read.workshop_date) == "2023-06-08"
    assert not read.editions.enabled
