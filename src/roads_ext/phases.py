"""``only-phase``: content for some of the workshop's phases only.

The phase (call open, reviewing, papers accepted, program out, today, held: see
:mod:`roads_ext.model.phases`) follows from what the site declares: the important
dates' submission deadline and notification, found by their labels (or named in
``roads_phase_dates``), and the program's day. It is decided when a page is written,
against the build's "now" (``SOURCE_DATE_EPOCH`` when set).

Read the Docs rebuilds only on a push, so a page may be older than the next change of
phase. HTML sites keep every phase's content, the other phases' hidden, and embed the
moments the phase changes; a few lines of script in the page's head name the visitor's
phase on ``<html>`` before the page is drawn when their clock is past such a moment
(``roads.css`` then shows that phase's blocks: nothing moves once drawn), and a few
more, once the page is read and before it is drawn, update the important dates'
Passed/Next labels the same way. Without JavaScript the build's phase shows. Other builders (text, LaTeX,
e-book) keep the build's phase alone.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import weakref
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .config import conf_py_location
from .core.build import build_now, is_html_site
from .core.directive import RoadsDirective
from .core.marks import OVER_ATTR
from .core.options import text
from .core.pages import marked_nodes, transform_builder
from .core.report import warn
from .core.settings import read_settings
from .core.storage import StorageDomain
from .diagnostics import RoadsWarning
from .i18n import _
from .model.dates import AOE_ZONE
from .model.formats import STATUS_LABELS
from .model.phases import (
    MILESTONES,
    Milestones,
    changes_after,
    milestone_of,
    parse_phases,
    phase_at,
    reachable,
)
from .model.problems import did_you_mean
from .services.calendars import all_records

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: node attribute on an ``only-phase`` block: the phases it is shown in
PHASE_ATTR = "roads_phases"
#: document attribute: the page needs the phase data for the browser
DATA_ATTR = "roads_phase_data"
OFF_CLASS = "roads-phase-off"


class OnlyPhaseDirective(RoadsDirective):
    """``only-phase call-open``: the body is shown only in the phases named."""

    warning_subtype = RoadsWarning.PHASE
    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    known_options = {"class": text}

    def run_checked(self) -> list[nodes.Node]:
        phases, problems = parse_phases(self.arguments[0] if self.arguments else "")
        left_out = "" if phases else "; the block is left out until it names a phase"
        for problem in problems:
            self.warn(problem + left_out)
        if not phases:
            if not problems:
                self.warn(
                    "names no phase: write one or more after the directive, for example "
                    "'only-phase call-open' or 'only-phase today held'; the block is left out"
                )
            return []
        body = self.parse_body()
        if not body:
            self.warn(f"is empty: write what to show in {', '.join(phases)} inside it", RoadsWarning.EMPTY)
            return []
        classes = ["roads-phase", *text(self.checked_options.get("class", "")).split()]
        block = nodes.container("", *body, is_div=True, classes=classes)
        block[PHASE_ATTR] = list(phases)
        self.set_source_info(block)
        phase_pages(self.env).setdefault(self.env.docname, []).append((self.lineno, list(phases)))
        return [block]


# --- on the environment -------------------------------------------------------------------


class PhasesDomain(StorageDomain):
    """The pages that hold an ``only-phase`` block, per page (no roles, no directives:
    a domain is where Sphinx keeps per-page data it purges and merges)."""

    name = "roads-phases"
    label = "Workshop phases"
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}}  # docname -> [(line, phases)] of its blocks
    per_page = ("pages",)
    data_version = 2


def phase_pages(env: BuildEnvironment) -> dict[str, list[tuple[int, list[str]]]]:
    """docname -> the line and the phases of each ``only-phase`` block on the page."""
    return PhasesDomain.of(env).data["pages"]


#: environment -> the site's milestones, found once per build when every page is read
_MILESTONES: weakref.WeakKeyDictionary[BuildEnvironment, Milestones] = weakref.WeakKeyDictionary()


def day_bounds(date: dt.date, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """When a day starts and ends in ``zone``, in UTC; at the calendar's edges (a program
    on December 31, 9999 in a zone behind UTC) the first or last moment Python holds."""

    def midnight(day: dt.date, edge: dt.datetime) -> dt.datetime:
        try:
            return dt.datetime.combine(day, dt.time(0), zone).astimezone(dt.UTC)
        except OverflowError:
            return edge

    first, last = dt.datetime.min.replace(tzinfo=dt.UTC), dt.datetime.max.replace(tzinfo=dt.UTC)
    end = midnight(date + dt.timedelta(days=1), last) if date < dt.date.max else last
    return midnight(date, first), end


def site_milestones(env: BuildEnvironment, report: bool = False, where: Any = None) -> Milestones:
    """The milestones every page's phase follows, from all important dates and programs;
    with ``report``, a ``roads_phase_dates`` label no date has is a warning at ``where``
    (the line of conf.py)."""
    config = env.config
    # its keys and labels checked by config.check_settings: what is left is known keys to text
    named = {
        key: label
        for key, label in (config.roads_phase_dates or {}).items()
        if key in MILESTONES and isinstance(label, str)
    }
    wanted = {key: " ".join(label.lower().split()) for key, label in named.items()}
    found: dict[str, list[tuple[dt.datetime, dt.datetime]]] = {key: [] for key in MILESTONES}
    labels: list[str] = []
    default_zone = read_settings(config).zone
    days: list[tuple[dt.datetime, dt.datetime]] = []
    has_program = False
    for record in all_records(env):
        if record.program is not None and record.program.days:
            has_program = True
            zone = record.zone.tzinfo
            for day in record.program.days:
                days.append(day_bounds(day.date, zone))
        for item in record.dates or []:
            labels.append(item.label)
            folded = " ".join(item.label.lower().split())
            kind = next((key for key, label in wanted.items() if label == folded), None)
            if kind is None:
                kind = milestone_of(item.label)
                if kind in wanted:  # named explicitly: the label's words do not count
                    kind = None
            if kind is None:
                continue
            if kind == "workshop" and item.all_day and item.zone is None:
                zone = default_zone.tzinfo if default_zone else AOE_ZONE
                start = dt.datetime.combine(item.date, dt.time(0), zone)
                found[kind].append((start, start + dt.timedelta(days=1)))
            else:
                found[kind].append((item.start(), item.over_at()))
    if report:
        for key in wanted:
            if not found[key]:
                warn(
                    f"roads_phase_dates: no important date is labelled {named[key]!r}"
                    f"{did_you_mean(named[key], labels)}; the {key} is read from the labels' words",
                    RoadsWarning.PHASE,
                    where,
                )
    if not days:
        days = found["workshop"]
    return Milestones(
        submission=max((over for _, over in found["submission"]), default=None),
        notification=max((over for _, over in found["notification"]), default=None),
        day_start=min((start for start, _ in days), default=None),
        day_end=max((end for _, end in days), default=None),
        has_program=has_program,
    )


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The phase changes with time alone: pages with phase blocks are written every build."""
    where = conf_py_location(app, "roads_phase_dates")
    found = _MILESTONES[env] = site_milestones(env, report=True, where=where)
    # a site that declares no date at all is in one phase for ever: a block for another is
    # never shown (a block written ahead for a phase later dates will bring is not said)
    ever = None if found.boundaries() else reachable(found)[0]
    for docname, blocks in sorted(phase_pages(env).items()):
        for line, phases in blocks:
            if ever is not None and ever not in phases:
                warn(
                    f"only-phase {' '.join(phases)!r} is never shown: the site declares no important "
                    f"dates and no program, so it is '{ever}' for ever; add them (the phases follow "
                    "the submission deadline, the notification and the workshop's day)",
                    RoadsWarning.PHASE,
                    (docname, line),
                )
    return sorted(phase_pages(env))


def milestones(env: BuildEnvironment) -> Milestones:
    found = _MILESTONES.get(env)
    if found is None:
        found = _MILESTONES[env] = site_milestones(env)
    return found


def switches_in_browser(builder: Any) -> bool:
    """An HTML site (not an e-book) keeps every phase, for the browser to switch."""
    return is_html_site(builder)


# --- at write time ---------------------------------------------------------------------------


class ShowPhase(SphinxPostTransform):
    """Keep the build's phase; on HTML sites hide the others, for the browser to switch."""

    default_priority = 36

    def run(self, **kwargs: Any) -> None:
        blocks = marked_nodes(self.document, PHASE_ATTR)
        if not blocks:
            return
        phase = phase_at(build_now(self.env), milestones(self.env))
        builder = transform_builder(self)
        in_browser = switches_in_browser(builder)
        translating = builder.name == "gettext"  # every phase's text is to be translated
        for block in blocks:
            shown = translating or phase in block[PHASE_ATTR]
            if in_browser:
                block["classes"].extend(f"roads-phase-when-{name}" for name in block[PHASE_ATTR])
                if not shown:
                    block["classes"].append(OFF_CLASS)
                del block[PHASE_ATTR]
            elif shown:
                block.replace_self(block.children)
            else:
                block.parent.remove(block)
        if in_browser:
            self.document[DATA_ATTR] = True


class DateStatusForBrowser(SphinxPostTransform):
    """Each date's label carries when the date is over, for the browser to update it on a
    page older than that moment (HTML sites only). The three labels are all in the cell,
    one over the other, and the row's class shows one (roads.css): the cell is as wide as
    the widest whichever is shown, so updating it moves nothing."""

    default_priority = 37  # after MarkDateStatus
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        rows = marked_nodes(self.document, OVER_ATTR)
        if not rows or not switches_in_browser(transform_builder(self)):
            return
        labels = []
        for state, label in STATUS_LABELS.items():
            text = html.escape(str(_(label)))
            shown = f"<strong>{text}</strong>" if state == "next" else text
            labels.append(f'<span class="roads-state-{state}">{shown}</span>')
        for row in rows:
            paragraph = row.children[-1].children[0]
            if not isinstance(paragraph, nodes.Element):
                continue
            paragraph.children = []
            paragraph += nodes.raw(
                "",
                f'<span class="roads-date-state" data-roads-over="'
                f'{html.escape(row[OVER_ATTR])}">{"".join(labels)}</span>',
                format="html",
            )
        self.document[DATA_ATTR] = True


#: Run in the head, before the page is drawn: on a page older than a change of phase, name
#: the visitor's phase on <html> (roads.css then shows that phase's blocks). Done later, by
#: a script loaded after it, the page would be drawn once and then move (layout shift).
SWITCH_BEFORE_PAINT = (
    "(function(){try{var d=JSON.parse(document.getElementById('roads-phase-data').textContent),"
    "n=Date.now(),p=d.phase;if(n>Date.parse(d.built))d.changes.forEach(function(c){"
    "if(Date.parse(c[0])<=n)p=c[1]});if(p!==d.phase)"
    "document.documentElement.setAttribute('data-roads-phase',p)}catch(e){}})();"
)


#: Also in the head, run once the page is read (before it is drawn, as a deferred script
#: would be): on a page older than an important date, the dates' states of the visitor's
#: clock, as row classes (the label shown follows, roads.css). Only ever forward: a clock
#: behind the build changes nothing.
FOLLOW_DATES = (
    "(function(){function f(){var h=document.getElementById('roads-phase-data'),d;"
    "if(!h)return;try{d=JSON.parse(h.textContent)}catch(e){return}var n=Date.now();"
    "if(!(n>Date.parse(d.built)))return;"
    "Array.prototype.forEach.call(document.querySelectorAll('table.roads-dates-table'),function(t){"
    "var l=t.querySelectorAll('.roads-date-state[data-roads-over]'),"
    "o=Array.prototype.map.call(l,function(x){return Date.parse(x.getAttribute('data-roads-over'))}),"
    "m=Math.min.apply(null,o.filter(function(x){return n<x}));"
    "Array.prototype.forEach.call(l,function(x,i){"
    "var s=n>=o[i]?'passed':o[i]===m?'next':'upcoming',r=x.closest('tr');"
    "if(!r||r.classList.contains('roads-date-'+s))return;"
    "r.classList.remove('roads-date-passed','roads-date-next','roads-date-upcoming');"
    "r.classList.add('roads-date-'+s)})})}"
    "if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',f);else f()})();"
)


def phase_data(env: BuildEnvironment) -> dict[str, Any]:
    """What the browser needs: the build's moment and phase, and the changes still to come."""
    now = build_now(env)
    found = milestones(env)
    return {
        "built": now.isoformat(),
        "phase": phase_at(now, found),
        "changes": [[moment.isoformat(), phase] for moment, phase in changes_after(now, found)],
    }


def add_phase_data(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None or not doctree.get(DATA_ATTR):
        return
    payload = json.dumps(phase_data(app.env), separators=(",", ":"), sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    context["metatags"] = context.get("metatags", "") + (
        f'\n<script type="application/json" id="roads-phase-data">{payload}</script>'
        f"\n<script>{SWITCH_BEFORE_PAINT}{FOLLOW_DATES}</script>"
    )


def setup_phases(app: Sphinx) -> None:
    app.add_directive("only-phase", OnlyPhaseDirective)
    app.add_post_transform(ShowPhase)
    app.add_post_transform(DateStatusForBrowser)
    app.add_domain(PhasesDomain)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("html-page-context", add_phase_data)
