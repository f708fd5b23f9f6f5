"""roads_ext in the site's language: dates, times and strings in German and French,
the clock setting, the catalogues, and what stays language-neutral."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import sphinx.locale
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import strip_colors
from pagetext import hidden_state_label
from roads_ext.i18n import CATALOG, COMPILED_DIR, LOCALE_DIR, compile_catalogs
from roads_ext.model.formats import Formats, locale_clock, parse_locale

ROOT = Path(__file__).parent / "roots" / "test-i18n"
EPOCH = "1684000000"  # 2023-05-13T17:46:40Z: paper submission passed, camera-ready next
SHIPPED = ("de", "fr")
THURSDAY = dt.date(2023, 6, 8)

# --- the formatting, without Sphinx ------------------------------------------------------------


@pytest.mark.parametrize(("language", "date", "morning", "afternoon"), [
    ("en", "Thursday, June 8, 2023", "8:30\u202fAM", "2:05\u202fPM"),
    ("de", "Donnerstag, 8. Juni 2023", "08:30", "14:05"),
    ("fr", "jeudi 8 juin 2023", "08:30", "14:05"),
    ("en_GB", "Thursday, 8 June 2023", "08:30", "14:05"),
    ("pt_BR", "quinta-feira, 8 de junho de 2023", "08:30", "14:05"),
    ("pt-BR", "quinta-feira, 8 de junho de 2023", "08:30", "14:05"),
])
def test_dates_and_times_in_the_locale(language, date, morning, afternoon):
    shown = Formats.of(language)
    assert shown.date(THURSDAY) == date
    assert shown.time(dt.time(8, 30)) == morning
    # a zone-aware time is shown as it is, never converted
    aware = dt.time(14, 5, tzinfo=dt.timezone(dt.timedelta(hours=-7)))
    assert shown.time(aware) == afternoon


def test_the_clock_setting_overrides_the_locale():
    assert Formats.of("de", "12").time(dt.time(14, 5)) == "2:05\u202fPM"
    assert Formats.of("en", "24").time(dt.time(8, 30)) == "08:30"
    assert Formats.of("fr", "12").hour_cycle == "h12"
    assert Formats.of("en").hour_cycle == "h12" and Formats.of("de").hour_cycle == "h23"
    # the date does not depend on the clock
    assert Formats.of("de", "12").date(THURSDAY) == "Donnerstag, 8. Juni 2023"


@pytest.mark.parametrize(("written", "read"), [
    (None, None), ("12", "12"), ("24", "24"), (24, "24"), (12, "12"), ("24h", "24"), (" 12H ", "12"),
    ("13", None), ("", None), ("auto", None),
])
def test_roads_clock_as_written(written, read):
    from types import SimpleNamespace

    from roads_ext.i18n import clock_setting

    assert clock_setting(SimpleNamespace(roads_clock=written)) == read


@pytest.mark.parametrize("language", [None, "en", "en_US", "en-US"])
def test_english_from_fixed_tables_is_what_babel_writes(language):
    """English is written without loading Babel's locale data; it must read exactly as
    Babel's own English: every minute of a day on both clocks, and every day of many years."""
    from babel import Locale

    from roads_ext.model.formats import _format_date, _format_time

    babel_en = Locale.parse("en")
    for clock in ("12", "24"):
        fast = Formats.of(language, clock)
        assert fast.english
        assert [fast.time(dt.time(h, m)) for h in range(24) for m in range(60)] == [
            _format_time(babel_en, clock, h, m) for h in range(24) for m in range(60)]
    fast = Formats.of(language)
    assert fast.clock == locale_clock(babel_en) == "12"
    days = [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29)]
    days += [dt.date(2022, 1, 1) + dt.timedelta(days=n) for n in range(3 * 366)]
    assert [fast.date(day) for day in days] == [_format_date(babel_en, day) for day in days]
    # other languages, English ones included, still come from Babel's data
    assert not Formats.of("en_GB").english and not Formats.of("de").english


def test_the_locale_clock_is_read_from_its_short_time_pattern():
    assert [locale_clock(parse_locale(lang)[0]) for lang in ("en", "en_US", "de", "fr", "en_GB")] == [
        "12", "12", "24", "24", "24"]


def test_an_unknown_language_is_english_with_a_reason():
    locale, problem = parse_locale("xx")
    assert str(locale) == "en"
    assert problem.startswith("language 'xx' is not a locale Babel knows")
    assert parse_locale("de_CH")[1] is None and str(parse_locale("sr@latin")[0]) == "sr_Latn"
    assert Formats.of("xx").date(THURSDAY) == "Thursday, June 8, 2023"


# --- the catalogues --------------------------------------------------------------------------


def marked_messages() -> dict[str, set[str]]:
    """Every string marked in src/roads_ext (``_()`` and ``N_()``), as Babel extracts them:
    msgid -> the files it is in."""
    package = LOCALE_DIR.parent
    found: dict[str, set[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(str(package)):
        assert isinstance(message, str), f"{filename}: plural messages are not used"
        found.setdefault(message, set()).add(filename)
    return found


def read_catalog(path: Path, locale: str | None = None):
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def test_the_template_has_every_marked_string():
    marked = marked_messages()
    assert {"Add to calendar", "Passed", "%(times)s your time", "Keynote", "Slides"} <= set(marked)
    template = {m.id for m in read_catalog(LOCALE_DIR / f"{CATALOG}.pot") if m.id}
    missing, stale = set(marked) - template, template - set(marked)
    assert not missing, f"not in roads_ext.pot (re-extract it: the handbook's guide 'Translating the site'): {sorted(missing)}"
    assert not stale, f"in roads_ext.pot but no longer in the code: {sorted(stale)}"


@pytest.mark.parametrize("language", SHIPPED)
def test_the_catalogue_translates_every_marked_string(language):
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOG}.po"
    catalog = read_catalog(path, language)
    marked = set(marked_messages())
    translated = {m.id: m for m in catalog if m.id}
    assert marked - set(translated) == set(), f"{path.name} ({language}) lacks these: update it from the .pot"
    for message in translated.values():
        assert message.string, f"{language}: {message.id!r} is not translated"
        assert not message.fuzzy, f"{language}: {message.id!r} is fuzzy (it would not be used)"
        placeholders = set(re.findall(r"%\(\w+\)s", message.id))
        assert set(re.findall(r"%\(\w+\)s", message.string)) == placeholders, message.id
    assert set(translated) - marked == set(), f"{language}: translations of strings the code no longer has"
    assert list(catalog.obsolete) == []
    assert [problem for problem in catalog.check()] == []


def test_catalogues_are_compiled_once_into_the_cache(tmp_path):
    written = compile_catalogs("de_AT", tmp_path)  # gettext looks in de_AT, then de
    (mo,) = written
    assert mo == tmp_path / "de" / "LC_MESSAGES" / f"{CATALOG}.mo"
    stamp = mo.stat().st_mtime_ns
    compile_catalogs("de", tmp_path)
    assert mo.stat().st_mtime_ns == stamp  # unchanged: not written again
    import gettext

    translations = gettext.translation(CATALOG, str(tmp_path), languages=["de"])
    assert translations.gettext("Add to calendar") == "In den Kalender"
    assert compile_catalogs("en", tmp_path / "en") == [] and compile_catalogs(None, tmp_path / "x") == []


def test_nothing_compiled_is_shipped():
    assert list(LOCALE_DIR.rglob("*.mo")) == []


def test_the_catalogues_go_into_the_package():
    import fnmatch
    import tomllib

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    patterns = project["tool"]["setuptools"]["package-data"]["roads_ext"]
    package = LOCALE_DIR.parent
    shipped = [str(path.relative_to(package)) for path in LOCALE_DIR.rglob("*") if path.is_file()]
    assert len(shipped) == 1 + len(SHIPPED)
    assert [f for f in shipped if not any(fnmatch.fnmatch(f, p) for p in patterns)] == []


# --- sites in German and French -----------------------------------------------------------------


def build(make_app, tmp_path: Path, language: str, buildername: str = "html", **overrides):
    """The test site in ``language`` (each build starts from no translations: one process
    keeps Sphinx's catalogues until told otherwise)."""
    sphinx.locale.translators.clear()
    srcdir = tmp_path / f"src-{language}-{buildername}"
    shutil.copytree(ROOT, srcdir)
    app = make_app(buildername, srcdir=srcdir, confoverrides={"language": language, **overrides})
    app.build()
    return app


def page(app, name: str = "index") -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    """Each node's text, ASCII white space collapsed (no-break spaces kept: they are meant),
    less the lines the visitor's own time fills (under a time, and in the zone note) and
    the important dates' labels of the states a row is not in (hidden by roads.css)."""
    return [
        re.sub(r"[ \t\r\n]+", " ", " ".join(
            text.strip() for text in node.find_all(string=True)
            if text.strip() and not text.find_parent(class_=("roads-local-time", "roads-local-note"))
            and not hidden_state_label(text)))
        for node in soup.select(selector)
    ]


SEEN = {
    "de": {
        "caption": "Donnerstag, 8. Juni 2023",
        "head": ["Zeit (PDT)", "Sitzung"],
        "first": "08:30 – 08:40",
        "afternoon": "14:30 – 15:30",
        "note": "Alle Zeiten in America/Los_Angeles, UTC−07:00 .",
        "kind": "Keynote",
        "links": "Folien · Video · In den Kalender",
        "program_ics": "Das Programm in Ihren Kalender übernehmen (.ics) · Abonnieren (webcal)",
        "dates_head": ["Was", "Wann", "Status"],
        "dates": ["Montag, 1. Mai 2023 AoE (bis Tagesende)", "Donnerstag, 1. Juni 2023, 23:59 AoE",
                  "Donnerstag, 8. Juni 2023"],
        "states": ["Vorbei", "Als Nächstes", "Bevorstehend"],
        "dates_ics": "Diese Termine in Ihren Kalender übernehmen (.ics)",
        "aoe": "überall auf der Erde, UTC−12",
        "card": "Im Programm: Keynote: Why sparse networks train well, Donnerstag, 8. Juni 2023, 08:40 PDT",
        "talk": "Vortrag:",
        "html_lang": "de",
        "your_time": "%(times)s Ihre Ortszeit",
    },
    "fr": {
        "caption": "jeudi 8 juin 2023",
        "head": ["Heure (PDT)", "Session"],
        "first": "08:30 – 08:40",
        "afternoon": "14:30 – 15:30",
        "note": "Les horaires sont en America/Los_Angeles, UTC−07:00 .",
        "kind": "Conférence invitée",
        "links": "Diapositives · Vidéo · Ajouter à l’agenda",
        "program_ics": "Ajouter le programme à votre agenda (.ics) · S’abonner (webcal)",
        "dates_head": ["Quoi", "Quand", "Statut"],
        "dates": ["lundi 1 mai 2023 AoE (fin de journée)", "jeudi 1 juin 2023, 23:59 AoE",
                  "jeudi 8 juin 2023"],
        "states": ["Passée", "Prochaine", "À venir"],
        "dates_ics": "Ajouter ces dates à votre agenda (.ics)",
        "aoe": "n’importe où sur Terre, UTC−12",
        "card": ("Au programme\u00a0: Conférence invitée\u00a0: Why sparse networks train well, "
                 "jeudi 8 juin 2023, 08:40 PDT"),
        "talk": "Exposé\u00a0:",
        "html_lang": "fr",
        "your_time": "%(times)s à votre heure",
    },
    "en": {
        "caption": "Thursday, June 8, 2023",
        "head": ["Time (PDT)", "Session"],
        "first": "8:30\u202fAM – 8:40\u202fAM",
        "afternoon": "2:30\u202fPM – 3:30\u202fPM",
        "note": "Times are in America/Los_Angeles, UTC−07:00 .",
        "kind": "Keynote",
        "links": "Slides · Video · Add to calendar",
        "program_ics": "Add the program to your calendar (.ics) · Subscribe (webcal)",
        "dates_head": ["What", "When", "Status"],
        "dates": ["Monday, May 1, 2023 AoE (end of the day)", "Thursday, June 1, 2023, 11:59\u202fPM AoE",
                  "Thursday, June 8, 2023"],
        "states": ["Passed", "Next", "Upcoming"],
        "dates_ics": "Add these dates to your calendar (.ics)",
        "aoe": "Anywhere on Earth, UTC−12",
        "card": "In the program: Keynote: Why sparse networks train well, Thursday, June 8, 2023, 8:40\u202fAM PDT",
        "talk": "Talk:",
        "html_lang": "en",
        "your_time": "%(times)s your time",
    },
}


@pytest.mark.parametrize("language", ["de", "fr", "en"])
def test_a_site_in_the_language(make_app, tmp_path, monkeypatch, language):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    app = build(make_app, tmp_path, language)
    assert strip_colors(app.warning.getvalue()) == ""
    seen = SEEN[language]
    home = page(app)
    assert home.html["lang"] == seen["html_lang"]
    program = home.select_one(".roads-schedule")
    assert texts(program, "caption .caption-text") == [seen["caption"]]
    assert texts(program, "thead th") == seen["head"]
    rows = program.select("tbody tr")
    assert texts(rows[0], ".roads-when") == [seen["first"]]
    assert texts(rows[-1], ".roads-when") == [seen["afternoon"]]
    assert [t.get_text() for t in rows[0].select("time")] == seen["first"].split(" – ")
    assert rows[0].select_one("time")["datetime"] == "2023-06-08T08:30:00-07:00"  # ISO, whatever the language
    assert texts(program, ".roads-zone-note") == [seen["note"]]
    assert texts(rows[1], ".roads-kind") == [seen["kind"]]
    assert texts(rows[1], ".roads-slot-links") == [seen["links"]]
    assert texts(program, "p.roads-calendar") == [seen["program_ics"]]
    assert seen["caption"] in rows[0].select_one("time")["title"]
    dates = home.select_one(".roads-dates")
    assert texts(dates, "thead th") == seen["dates_head"]
    assert texts(dates, "tbody td.roads-when, tbody .roads-when") [:3] == seen["dates"]
    assert texts(dates, ".roads-status") == seen["states"]
    assert texts(dates, "p.roads-calendar") == [seen["dates_ics"]]
    assert dates.select_one("abbr")["title"] == seen["aoe"]
    speakers = page(app, "speakers")
    assert texts(speakers, ".roads-card-slots") == [seen["card"]]
    assert texts(speakers, ".roads-talk .roads-label") == [seen["talk"]]
    script = home.select_one('script[data-src*="roads-times.js"]')
    assert script["data-roads-your-time"] == seen["your_time"]
    assert script["data-roads-hour-cycle"] == ("h12" if language == "en" else "h23")


def test_roads_clock_12_in_german(make_app, tmp_path):
    app = build(make_app, tmp_path, "de", roads_clock="12")
    assert strip_colors(app.warning.getvalue()) == ""
    home = page(app)
    assert texts(home, ".roads-schedule tbody tr .roads-when")[-1] == "2:30\u202fPM – 3:30\u202fPM"
    assert texts(home, ".roads-schedule caption .caption-text") == ["Donnerstag, 8. Juni 2023"]
    assert home.select_one('script[data-src*="roads-times.js"]')["data-roads-hour-cycle"] == "h12"


def test_roads_clock_24_in_english(make_app, tmp_path):
    app = build(make_app, tmp_path, "en", roads_clock="24")
    home = page(app)
    assert texts(home, ".roads-schedule tbody tr .roads-when")[-1] == "14:30 – 15:30"
    assert texts(home, ".roads-schedule thead th") == ["Time (PDT)", "Session"]


def test_wrong_clock_and_unknown_language_are_reported(make_app, tmp_path):
    srcdir = tmp_path / "src-xx"
    shutil.copytree(ROOT, srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + 'language = "xx"\nroads_clock = "13"\n')
    sphinx.locale.translators.clear()
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    # (docutils says too that its own words stay English)
    assert [line for line in warnings if "[roads." in line] == [
        f"{conf}:6: WARNING: roads_clock = '13' in conf.py: not a clock: write roads_clock = \"24\" "
        "(13:30), \"12\" (1:30 PM) or None (the language's own); the language's own is used "
        "[roads.locale]",
        f"{conf}:5: WARNING: language 'xx' is not a locale Babel knows: dates and times are written in "
        "English; set language to a code such as 'de', 'fr' or 'pt_BR' [roads.locale]",
    ]
    # and the site is built, in English on the 12-hour clock
    assert texts(page(app), ".roads-schedule caption .caption-text") == ["Thursday, June 8, 2023"]


def test_calendars_and_structured_data_stay_language_neutral(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    built = {language: build(make_app, tmp_path, language) for language in ("en", "de", "fr")}

    def calendars(app) -> dict[str, bytes]:
        out = Path(app.outdir)
        return {str(p.relative_to(out)): p.read_bytes() for p in sorted((out / "_calendar").rglob("*.ics"))}

    def json_ld(app) -> list[str]:
        found = []
        for name in ("index", "speakers"):
            html = (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")
            found += re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return found

    english = calendars(built["en"])
    assert len(english) == 6 and b"SUMMARY:Keynote: Why sparse networks train well" in english[
        "_calendar/index/schedule.ics"]
    assert b"Important dates \xc2\xb7 Example Workshop" in english["_calendar/index/key-dates.ics"]
    assert len(json_ld(built["en"])) == 2  # the program's Event, the speaker's Person
    for language in ("de", "fr"):
        assert calendars(built[language]) == english, language
        assert json_ld(built[language]) == json_ld(built["en"]), language


def test_the_gettext_builder_still_works(make_app, tmp_path):
    app = build(make_app, tmp_path, "en", buildername="gettext")
    assert strip_colors(app.warning.getvalue()) == ""
    template = (Path(app.outdir) / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "Important dates"' in template and 'msgid "Thursday, June 8, 2023"' in template


def test_the_catalogue_is_compiled_into_the_doctree_folder(make_app, tmp_path):
    app = build(make_app, tmp_path, "fr")
    assert (Path(app.doctreedir) / COMPILED_DIR / "fr" / "LC_MESSAGES" / f"{CATALOG}.mo").is_file()
    assert not (Path(app.outdir) / COMPILED_DIR).exists()


# --- the visitor's-own-time script, in a real browser ---------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(("language", "clock", "first", "note"), [
    ("de", None, "17:30 – 17:40 Ihre Ortszeit", "Unter jeder Zeit steht dieselbe in Ihrer Zeitzone (Europe/Paris)."),
    ("fr", None, "17:30 – 17:40 à votre heure",
     "Sous chaque heure, la même dans votre fuseau horaire (Europe/Paris)."),
    ("de", "12", "5:30 PM – 5:40 PM Ihre Ortszeit", None),
    ("en", "24", "17:30 – 17:40 your time", "Below each time, the same in your time zone (Europe/Paris)."),
])
def test_the_script_writes_in_the_page_language(make_app, tmp_path, language, clock, first, note):
    from test_program import CHROMIUM, dump_dom

    if not CHROMIUM.exists():
        pytest.skip("needs /usr/bin/chromium")
    app = build(make_app, tmp_path, language, **({"roads_clock": clock} if clock else {}))
    # the browser itself speaks English: the page's lang decides
    away = dump_dom(Path(app.outdir) / "index.html", "Europe/Paris")
    local = [re.sub(r"[\u202f\u00a0 ]+", " ", s.get_text()) for s in away.select(".roads-schedule .roads-local-time")]
    assert local[0] == first
    if language == "de" and clock is None:
        # an important date's time, 11:59 PM AoE, is the next day in Paris: the weekday says so
        (deadline,) = [s.get_text() for s in away.select(".roads-dates .roads-local-time")]
        assert re.sub(r"[\u202f\u00a0 ]+", " ", deadline) == "Fr., 13:59 Ihre Ortszeit"
    if note:
        assert away.select_one(".roads-local-note").get_text().strip() == note


def test_input_stays_english_and_iso_in_a_german_site(build_page):
    sphinx.locale.translators.clear()
    built = build_page("""
        # Termine

        ```{important-dates}
        - Einreichung: 1. Mai 2023
        - Workshop: 2023-06-08
        - Camera-ready: June 1, 2023
        ```
        """, language="de")
    assert built.warning_lines() == [
        f"{built.app.srcdir}/index.md:5: WARNING: important-dates: 'Einreichung': '1. Mai 2023' is not a "
        "date: write it as 'June 8, 2023' or '2023-06-08'; this date is left out [roads.date]"]
    rows = BeautifulSoup(built.html, "html.parser").select(".roads-dates tbody tr")
    assert [texts(row, "th, td")[:2] for row in rows] == [
        ["Workshop", "Donnerstag, 8. Juni 2023"], ["Camera-ready", "Donnerstag, 1. Juni 2023"]]


PAPERS_CSV = ("title,authors,url,pdf,decision,track\n"
              "Sparse Things,Ann Author; Bo Builder; Cy Coder,https://example.org/a,https://example.org/a.pdf,oral,\n"
              "Small Things,Di Dev,https://example.org/b,,spotlight,Systems\n")


@pytest.mark.parametrize(("language", "badges", "authors", "pager"), [
    ("de", ["Vortrag", "Kurzvortrag"], "Ann Author, Bo Builder und Cy Coder", ("Seiten der Liste", "Nächste Seite")),
    ("fr", ["Présentation orale", "Présentation éclair"], "Ann Author, Bo Builder et Cy Coder",
     ("Pages de la liste", "Page suivante")),
])
def test_accepted_papers_in_the_language(build_page, language, badges, authors, pager):
    sphinx.locale.translators.clear()
    built = build_page("""
        # Papers

        ```{accepted-papers} papers.csv
        :per-page: 1
        ```
        """, files={"papers.csv": PAPERS_CSV}, language=language)
    assert built.warning_lines() == []
    page = BeautifulSoup(built.html, "html.parser")
    # a list in pages: its pager in the language
    nav = page.select_one("nav.roads-paper-pager")
    assert (nav["aria-label"], nav.select("a")[-1].get_text()) == pager
    # a decision's label is translated; a track is shown as written
    second = BeautifulSoup((Path(built.app.outdir) / "index-page-2.html").read_text(), "html.parser")
    assert texts(page, ".roads-badge") + texts(second, ".roads-badge") == [badges[0], badges[1], "Systems"]
    assert page.select_one(".roads-paper-authors").get_text() == authors


def test_the_date_states_for_the_browser_are_in_the_language(make_app, tmp_path):
    """On a page older than a date, the head's script changes the row's state, and the
    label shown follows: each state's label is in the cell, in the language."""
    app = build(make_app, tmp_path, "de")
    state = page(app).select_one(".roads-date-state")
    assert [state.select_one(f".roads-state-{name}").get_text() for name in ("passed", "next", "upcoming")] == [
        "Vorbei", "Als Nächstes", "Bevorstehend"]
