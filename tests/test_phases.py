"""The workshop's phases: decided from the declared dates at build time (SOURCE_DATE_EPOCH),
kept for the browser to switch on HTML sites, and the ROADS site in each of its phases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from roads_ext.model.phases import Milestones, changes_after, milestone_of, parse_phases, phase_at
from sitebuild import build_site

BLOCKS = {
    "call-open": "The call is open.",
    "reviewing": "Reviews are under way.",
    "accepted": "Papers are accepted.",
    "program-out": "The program is out.",
    "today": "Happening today.",
    "held": "Held on Thursday, June 12, 2031.",
}

DATES_MYST = """\
```{important-dates}
:timezone: Europe/Paris
- Paper submission: May 1, 2031 (AoE)
- Notification of acceptance: May 20, 2031
- Camera-ready: June 1, 2031
- Workshop: Thursday, June 12, 2031
```
"""

PAGE_MYST = "# Example workshop\n\n" + "".join(
    f":::{{only-phase}} {phase}\n:class: roads-notice\n{text}\n:::\n\n" for phase, text in BLOCKS.items()
) + DATES_MYST

PAGE_RST = "Example workshop\n================\n\n" + "".join(
    f".. only-phase:: {phase}\n\n   {text}\n\n" for phase, text in BLOCKS.items()
) + """\
.. important-dates::
   :timezone: Europe/Paris

   - Paper submission: May 1, 2031 (AoE)
   - Notification of acceptance: May 20, 2031
   - Camera-ready: June 1, 2031
   - Workshop: Thursday, June 12, 2031
"""

PROGRAM = """\
---
orphan: true
---
# Program

```{schedule} Thursday, June 12, 2031
:timezone: Europe/Paris
:location: Hall B

- 9:00-10:00 Welcome
```
"""

EPOCHS = {
    "call-open": "1933977600",  # 2031-04-15
    "reviewing": "1936137600",  # 2031-05-10
    "accepted": "1938038400",  # 2031-06-01
    "today": "1939042800",  # 2031-06-12 15:00 UTC, 17:00 in Paris
    "held": "1939161600",  # 2031-06-14
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def shown_blocks(html: str) -> list[str]:
    page = soup(html)
    return [b.get_text(" ", strip=True) for b in page.select(".roads-phase") if "roads-phase-off" not in b["class"]]


def phase_data(html: str) -> dict:
    return json.loads(soup(html).find("script", id="roads-phase-data").string)


# --- built at each phase ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".rst"])
@pytest.mark.parametrize("phase", list(EPOCHS))
def test_the_build_shows_its_phase(build_page, monkeypatch, phase, suffix):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS[phase])
    built = build_page(PAGE_MYST if suffix == ".md" else PAGE_RST, suffix=suffix)
    assert built.warning_lines() == []
    assert shown_blocks(built.html) == [BLOCKS[phase]]
    # every phase's content is in the page, for the browser to switch
    page = soup(built.html)
    assert len(page.select(".roads-phase")) == 6
    assert page.select_one(".roads-phase-when-held").get_text(strip=True) == BLOCKS["held"]
    assert phase_data(built.html)["phase"] == phase


def test_a_program_makes_the_phase_program_out(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["accepted"])
    built = build_page(PAGE_MYST, files={"program.md": PROGRAM})
    assert built.warning_lines() == []
    assert shown_blocks(built.html) == [BLOCKS["program-out"]]


def test_the_page_embeds_the_changes_still_to_come(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["call-open"])
    built = build_page(PAGE_MYST)
    data = phase_data(built.html)
    assert data == {
        "built": "2031-04-15T00:00:00+00:00",
        "phase": "call-open",
        "changes": [
            ["2031-05-02T00:00:00-12:00", "reviewing"],  # May 1 is over everywhere (AoE)
            ["2031-05-21T00:00:00+02:00", "accepted"],  # the day, in the directive's zone
            ["2031-06-12T00:00:00+02:00", "today"],
            ["2031-06-13T00:00:00+02:00", "held"],
        ],
    }
    # each date's label carries when it is over, for the browser to update it; the row's
    # state (its class) shows one of the three labels, all in the cell, one over the other
    labels = soup(built.html).select("span.roads-date-state[data-roads-over]")
    rows = [label.find_parent("tr") for label in labels]
    states = [next(c for c in row["class"] if c.startswith("roads-date-")) for row in rows]
    assert [(s["data-roads-over"], state) for s, state in zip(labels, states, strict=True)] == [
        ("2031-05-02T00:00:00-12:00", "roads-date-next"), ("2031-05-21T00:00:00+02:00", "roads-date-upcoming"),
        ("2031-06-02T00:00:00+02:00", "roads-date-upcoming"), ("2031-06-13T00:00:00+02:00", "roads-date-upcoming"),
    ]
    for label in labels:
        assert [(span["class"], span.get_text()) for span in label.find_all("span")] == [
            (["roads-state-passed"], "Passed"), (["roads-state-next"], "Next"),
            (["roads-state-upcoming"], "Upcoming")]
        assert label.select_one(".roads-state-next strong") is not None  # the next one stands out


def test_after_the_day_nothing_is_left_to_change(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["held"])
    assert phase_data(build_page(PAGE_MYST).html)["changes"] == []


@pytest.mark.parametrize("builder", ["text", "latex", "epub", "dirhtml", "singlehtml"])
def test_other_builders_keep_the_builds_phase(build_page, monkeypatch, builder):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["reviewing"])
    built = build_page(PAGE_MYST, buildername=builder, conf='epub_copyright = "x"\nversion = "1"\n')
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    output = " ".join(p.read_text(errors="ignore") for p in out.rglob("*")
                      if p.suffix in (".txt", ".tex", ".xhtml", ".html") and p.stem != "genindex")
    assert BLOCKS["reviewing"] in output
    if builder in ("text", "latex", "epub"):
        # no JavaScript to switch: only the build's phase is written
        assert all(BLOCKS[p] not in output for p in BLOCKS if p != "reviewing"), builder
        assert "roads-phase-data" not in output
    else:
        assert BLOCKS["held"] in output and "roads-phase-data" in output


NAMELESS = PAGE_MYST.replace("Paper submission", "Papers in").replace("Notification of acceptance", "Results out")


def test_gettext_keeps_every_phase_to_translate(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["reviewing"])
    built = build_page(PAGE_MYST, buildername="gettext")
    assert built.warning_lines() == []
    catalog = (Path(built.app.outdir) / "index.pot").read_text()
    assert all(f'msgid "{text}"' in catalog for text in BLOCKS.values())


def test_a_later_build_shows_the_later_phase_with_no_source_changed(make_app, tmp_path, monkeypatch):
    """Time alone changes the phase: the pages with phase blocks are written on every build."""
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "roads_ext"]\nmyst_enable_extensions = ["colon_fence"]\n')
    # the dates on the root page, the phase on a page below it: only the phase rewrites it
    (srcdir / "index.md").write_text("# Dates\n\n```{toctree}\nhome\n```\n\n" + DATES_MYST)
    (srcdir / "home.md").write_text("# Home\n\n" + "".join(
        f":::{{only-phase}} {phase}\n{text}\n:::\n\n" for phase, text in BLOCKS.items()))
    shown = []
    for phase in ("call-open", "held"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS[phase])
        app = make_app("html", srcdir=srcdir, freshenv=False)
        app.build()
        shown.append(shown_blocks((Path(app.outdir) / "home.html").read_text()))
    assert shown == [[BLOCKS["call-open"]], [BLOCKS["held"]]]


def test_dates_named_in_conf_py(build_page, monkeypatch):
    """Labels whose words say nothing: roads_phase_dates names which date is which."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["reviewing"])
    built = build_page(NAMELESS, conf='roads_phase_dates = {"submission": "Papers in", "notification": "results OUT"}\n')
    assert built.warning_lines() == []
    assert shown_blocks(built.html) == [BLOCKS["reviewing"]]


def test_without_call_dates_before_the_day_is_announced(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["reviewing"])
    built = build_page(NAMELESS)
    assert built.warning_lines() == []
    assert shown_blocks(built.html) == [] and phase_data(built.html)["phase"] == "announced"


def test_bad_input_is_located_myst(build_page, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["held"])
    source = """\
    # Phases

    :::{only-phase} hled
    Shown never.
    :::

    :::{only-phase}
    No phase.
    :::

    :::{only-phase} held today
    :::

    :::{only-phase} held, reviewng
    :clas: x
    Still shown after the day.
    :::
    """
    built = build_page(source, conf='roads_phase_dates = {"submision": "X", "notification": "Results"}\n')
    src = tmp_path / "src"
    assert built.warning_lines() == [
        f"{src}/conf.py:4: WARNING: roads_phase_dates = {{'submision': 'X', 'notification': 'Results'}} in "
        "conf.py: unknown key 'submision' (did you mean 'submission'?); the keys are submission, notification, "
        "workshop; it is left out [roads.phase]",
        f"{src}/index.md:3: WARNING: only-phase: unknown phase 'hled' (did you mean 'held'?); the phases are "
        "announced, call-open, reviewing, accepted, program-out, today, held; the block is left out until it "
        "names a phase [roads.phase]",
        f"{src}/index.md:7: WARNING: only-phase: names no phase: write one or more after the directive, for "
        "example 'only-phase call-open' or 'only-phase today held'; the block is left out [roads.phase]",
        f"{src}/index.md:11: WARNING: only-phase: is empty: write what to show in held, today inside it [roads.empty]",
        f"{src}/index.md:15: WARNING: only-phase: unknown option 'clas' (did you mean 'class'?); its value 'x' is "
        "left out [roads.option]",
        f"{src}/index.md:14: WARNING: only-phase: unknown phase 'reviewng' (did you mean 'reviewing'?); the "
        "phases are announced, call-open, reviewing, accepted, program-out, today, held [roads.phase]",
        f"{src}/conf.py:4: WARNING: roads_phase_dates: no important date is labelled 'Results'; the notification "
        "is read from the labels' words [roads.phase]",
        # no date at all: the site is 'announced' for ever
        f"{src}/index.md:14: WARNING: only-phase 'held' is never shown: the site declares no important dates and "
        "no program, so it is 'announced' for ever; add them (the phases follow the submission deadline, the "
        "notification and the workshop's day) [roads.phase]",
    ]
    assert "Still shown after the day." in built.html and "Shown never." not in built.html


def test_bad_input_is_located_rst(build_page, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["held"])
    source = PAGE_RST + "\n.. only-phase:: hled\n\n   Shown never.\n"
    built = build_page(source, suffix=".rst", conf='roads_phase_dates = {"notification": "Decisions"}\n')
    src = tmp_path / "src"
    assert built.warning_lines() == [
        f"{src}/index.rst:36: WARNING: only-phase: unknown phase 'hled' (did you mean 'held'?); the phases are "
        "announced, call-open, reviewing, accepted, program-out, today, held; the block is left out until it "
        "names a phase [roads.phase]",
        f"{src}/conf.py:4: WARNING: roads_phase_dates: no important date is labelled 'Decisions'; the "
        "notification is read from the labels' words [roads.phase]",
    ]
    assert shown_blocks(built.html) == [BLOCKS["held"]]


# --- the model ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "milestone"), [
    ("Paper submission", "submission"), ("Submission deadline", "submission"), ("Papers due", "submission"),
    ("Abstract submission", "submission"), ("Notification of acceptance", "notification"),
    ("Author notification", "notification"), ("Decisions", "notification"), ("Workshop", "workshop"),
    ("Workshop day, in person at MLSys 2023", "workshop"), ("Camera-ready deadline", None),
    ("Early registration", None), ("Reviews due", None), ("Keynote", None),
])
def test_milestone_of_a_label(label, milestone):
    assert milestone_of(label) == milestone


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_phase_at_each_moment():
    m = Milestones(submission=utc(2031, 5, 2), notification=utc(2031, 5, 21),
                   day_start=utc(2031, 6, 12), day_end=utc(2031, 6, 13))
    moments = [utc(2031, 4, 1), utc(2031, 5, 2), utc(2031, 5, 21), utc(2031, 6, 12, 9), utc(2031, 6, 13)]
    assert [phase_at(t, m) for t in moments] == ["call-open", "reviewing", "accepted", "today", "held"]
    with_program = Milestones(**{**m.__dict__, "has_program": True})
    assert phase_at(utc(2031, 5, 25), with_program) == "program-out"
    assert phase_at(utc(2031, 4, 1), Milestones(day_start=utc(2031, 6, 12), day_end=utc(2031, 6, 13))) == "announced"
    assert phase_at(utc(2031, 4, 1), Milestones(has_program=True)) == "program-out"
    assert changes_after(utc(2031, 5, 10), m) == [(utc(2031, 5, 21), "accepted"), (utc(2031, 6, 12), "today"),
                                                  (utc(2031, 6, 13), "held")]


def test_parse_phases():
    assert parse_phases("today, held held") == (("today", "held"), [])
    phases, problems = parse_phases("call-opne")
    assert phases == () and "did you mean 'call-open'" in problems[0]


# --- the ROADS site in each phase ------------------------------------------------------------------

SITE_EPOCHS = {
    "announced": "1685577600",  # 2023-06-01
    "today": "1686236400",  # 2023-06-08 15:00 UTC, 11:00 in Miami
    "held": "1686355200",  # 2023-06-10
}


@pytest.fixture(scope="module")
def site_in_phases(tmp_path_factory):
    import os

    built = {}
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        for phase, epoch in [*SITE_EPOCHS.items(), ("now", None)]:
            if epoch is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)
            else:
                os.environ["SOURCE_DATE_EPOCH"] = epoch
            out = tmp_path_factory.mktemp(f"site-{phase}") / "html"
            result = build_site(out)
            assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
            built[phase] = out
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return built


def visible_text(html: str, selector: str = "article") -> str:
    page = soup(html)
    for hidden in page.select(".roads-phase-off"):
        hidden.decompose()
    return page.select_one(selector).get_text(" ", strip=True)


def test_roads_site_before_the_day(site_in_phases):
    """The site declares no submission deadline: before the day it is "announced" (and asks
    for papers) while it has no program, "program-out" (the call over) once it has one."""
    home = (site_in_phases["announced"] / "index.html").read_text()
    phase = phase_data(home)["phase"]
    has_program = bool(soup(home).select(".roads-schedule")) or any(
        soup(p.read_text()).select(".roads-schedule") for p in site_in_phases["announced"].glob("*.html"))
    assert phase == ("program-out" if has_program else "announced")
    shown = visible_text(home)
    assert ("Submit a paper on OpenReview" in shown) == (phase == "announced")
    assert "Held on" not in shown and "Today," not in shown
    cfp = visible_text((site_in_phases["announced"] / "call-for-papers.html").read_text())
    assert ("The call for papers is closed" in cfp) == (phase != "announced")


def test_roads_site_on_the_day(site_in_phases):
    shown = visible_text((site_in_phases["today"] / "index.html").read_text())
    assert "Today, Thursday, June 8, 2023 , at MLSys 2023 in Miami." in shown
    assert "Submit a paper" not in shown and "Accepted papers on OpenReview" in shown
    page = soup((site_in_phases["today"] / "index.html").read_text())
    program = [a["href"] for block in page.select(".roads-phase") if "roads-phase-off" not in block["class"]
               for a in block.find_all("a") if a.get_text(strip=True) == "See the program"]
    assert program == ["program.html"]


@pytest.mark.parametrize("phase", ["held", "now"])
def test_roads_site_after_the_day_shows_held(site_in_phases, phase):
    html = (site_in_phases[phase] / "index.html").read_text()
    shown = visible_text(html)
    assert "Held on Thursday, June 8, 2023 at MLSys 2023 in Miami." in shown
    assert "Submit a paper" not in shown
    page = soup(html)
    ways_in = [a for block in page.select(".roads-phase") if "roads-phase-off" not in block["class"]
               for a in block.find_all("a")]
    assert [(a.get_text(strip=True), a["href"]) for a in ways_in] == [
        ("MLSys 2023", "https://mlsys.org/Conferences/2023"),
        ("See the program", "program.html"),
        ("Meet the speakers", "speakers.html"),
        ("Accepted papers on OpenReview", "https://openreview.net/group?id=MLSys.org/2023/Workshop/ROADS"),
    ]
    assert phase_data(html)["phase"] == "held" and phase_data(html)["changes"] == []
    cfp = visible_text((site_in_phases[phase] / "call-for-papers.html").read_text())
    assert "The call for papers is closed. The accepted papers are on OpenReview" in cfp
    link = soup((site_in_phases[phase] / "call-for-papers.html").read_text()).select_one(".roads-notice a")
    assert link["href"] == "https://openreview.net/group?id=MLSys.org/2023/Workshop/ROADS"


def test_roads_site_embeds_the_change_to_held(site_in_phases):
    """A page built before the day tells the browser when the day starts and ends in Miami
    (the site sets no zone: a whole day is over when it is over everywhere)."""
    data = phase_data((site_in_phases["announced"] / "index.html").read_text())
    assert data["phase"] == "program-out"  # the site has its program (docs/program.md)
    assert [phase for _, phase in data["changes"]] == ["today", "held"]


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_a_phase_date_label_that_is_not_text_is_a_warning_and_left_out(build_page, monkeypatch, tmp_path, suffix):
    """{"notification": None} or {"workshop": 2031} once crashed the build (the labels were
    never checked): each is a roads.config warning at conf.py's line, and is left out."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCHS["reviewing"])
    conf = 'roads_phase_dates = {"submission": "Papers in", "notification": None, "workshop": 2031}\n'
    built = build_page(NAMELESS if suffix == ".md" else PAGE_RST.replace("Paper submission", "Papers in"),
                       suffix=suffix, conf=conf)
    src = tmp_path / "src"
    written = "{'submission': 'Papers in', 'notification': None, 'workshop': 2031}"
    assert built.warning_lines() == [
        f"{src}/conf.py:4: WARNING: roads_phase_dates = {written} in conf.py: the value of 'notification' "
        "must be an important date's label, as text (such as 'Results out'), not None; it is left out, and "
        "the notification is read from the labels' words [roads.config]",
        f"{src}/conf.py:4: WARNING: roads_phase_dates = {written} in conf.py: the value of 'workshop' must "
        "be an important date's label, as text (such as 'Workshop day'), not 2031; it is left out, and the "
        "workshop is read from the labels' words [roads.config]",
    ]
    assert built.app.config.roads_phase_dates == {"submission": "Papers in"}
    # the rest still counts: the submission by its name, the day by its label's words
    assert shown_blocks(built.html) == [BLOCKS["reviewing"]]
    assert phase_data(built.html)["changes"][-1] == ["2031-06-13T00:00:00+02:00", "held"]


def test_the_phases_a_site_is_ever_in_follow_its_milestones():
    from roads_ext.model.phases import Milestones, reachable

    at = dt.datetime(2031, 5, 1, tzinfo=dt.UTC)
    assert reachable(Milestones()) == ["announced"]
    assert reachable(Milestones(submission=at)) == ["call-open", "reviewing"]
    day = at + dt.timedelta(days=40)
    assert reachable(Milestones(submission=at, notification=at + dt.timedelta(days=20), day_start=day,
                                day_end=day + dt.timedelta(days=1), has_program=True)) == [
        "call-open", "reviewing", "program-out", "today", "held"]
