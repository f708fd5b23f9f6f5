"""``important-dates``: deadlines and milestones, each passed or upcoming.

Each line reads ``Label: date [time] [zone]``; a date alone is a whole day. Whether
a date has passed is decided when the page is written, against the build time
(``SOURCE_DATE_EPOCH`` when set, so builds are reproducible); the next one stands
out. Pages with dates are rewritten on every build, since time moves on.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from .core.blocks import block_anchor, directive_zone
from .core.build import build_now
from .core.directive import RoadsDirective
from .core.marks import OVER_ATTR
from .core.nodes import captioned_table, entry, row, time_node
from .core.options import text
from .core.pages import marked_nodes
from .diagnostics import RoadsWarning
from .i18n import _, formats
from .model.calendar import CalendarRecord
from .model.dates import Zone
from .model.formats import N_, STATUS_LABELS
from .model.important_dates import ImportantDate, date_states, parse_important_dates
from .services.calendars import add_record, calendar_paragraph, records

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: row attribute, at write time: "passed", "next" or "upcoming" (the class is for roads.css)
STATE_ATTR = "roads_date_state"
#: on an important-dates table (its caption is dropped under a section of the same name)
DATES_TABLE_ATTR = "roads_dates_table"
#: the default caption, as the calendar file's name has it (calendars stay language-neutral)
CAPTION = N_("Important dates")


class ImportantDatesDirective(RoadsDirective):
    """A table of ``Label: date [time] [zone]`` lines."""

    warning_subtype = RoadsWarning.DATE
    has_content = True
    optional_arguments = 1  # a caption
    argument_is_caption = True
    final_argument_whitespace = True
    known_options = {"timezone": text, "name": text}

    def run_checked(self) -> list[nodes.Node]:
        if not self.content:
            self.warn_empty("is empty: write one line per date, like 'Paper submission: May 1, 2023 (AoE)'")
            return []
        zone = directive_zone(self, required=False)
        result = parse_important_dates(list(self.content), zone)
        for problem in result.problems:
            self.warn(problem.message, problem.subtype, self.content_line(problem.offset))
        if not result.items:
            if not result.problems:
                self.warn_empty("has no dates")
            return []
        anchor = block_anchor(self, "key-dates")
        written = text(self.arguments[0]) if self.arguments else ""
        record = CalendarRecord(
            self.env.docname,
            anchor,
            f"{written or CAPTION} · {self.config.project}",
            zone or Zone("UTC"),
            dates=result.items,
        )
        caption = written or _(CAPTION)
        add_record(self.env, record)

        block = nodes.container(classes=["roads-dates"], ids=[anchor])
        self.state.document.ids[anchor] = block
        self.label(block, caption, anchor)
        self.set_source_info(block)
        table, body = captioned_table(
            self, "roads-dates-table", caption, [(_("What"), 35), (_("When"), 45), (_("Status"), 20)]
        )
        table[DATES_TABLE_ATTR] = True  # for DropRepeatedCaption: marked, not found by its class
        for item in result.items:
            body += self.item_row(item)
        block += table
        block += calendar_paragraph(self.env.docname, anchor, _("Add these dates to your calendar (.ics)"))
        return [block]

    def item_row(self, item: ImportantDate) -> nodes.row:
        shown = formats(self.config)
        when = nodes.paragraph(classes=["roads-when"])
        when += nodes.Text(shown.date(item.date))
        if item.time is not None:
            when += nodes.Text(", ")
            when += time_node(item.start(), item.zone or Zone("UTC"), shown)
        if item.zone is not None:
            if item.zone.is_aoe:
                when += nodes.Text(" ")
                explanation = _("Anywhere on Earth, UTC−12")
                when += nodes.abbreviation("AoE", "AoE", explanation=explanation)
                if item.all_day:
                    when += nodes.Text(" " + _("(end of the day)"))
            else:
                when += nodes.Text(f" {item.zone.abbreviation(item.start())}")
        cells = [entry(item.label), entry("", when)]
        if item.note:
            cells[1] += nodes.paragraph(item.note, item.note, classes=["roads-date-note"])
        status = nodes.entry(classes=["roads-status"])
        status += nodes.paragraph("", "")
        cells.append(status)
        result = row(*cells)
        result["classes"].append("roads-date")
        result[OVER_ATTR] = item.over_at().isoformat()
        result.source, result.line = self.get_source_info()[0], self.content_line(item.offset)
        return result


class DropRepeatedCaption(SphinxTransform):
    """A dates table right under a section of the same name needs no caption of its own."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if not table.get(DATES_TABLE_ATTR) or not isinstance(table[0], nodes.title):
                continue
            section = table.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            if section is None or not isinstance(section[0], nodes.title):
                continue
            if section[0].astext().strip().lower() == table[0].astext().strip().lower():
                table.remove(table[0])


class MarkDateStatus(SphinxPostTransform):
    """Passed, next or upcoming, as of this build (all builders: it is plain text)."""

    default_priority = 35

    def run(self, **kwargs: Any) -> None:
        now = build_now(self.env)
        tables: dict[nodes.Element, list[nodes.Element]] = {}  # each table's rows, in order
        for row_node in marked_nodes(self.document, OVER_ATTR):
            tables.setdefault(row_node.parent, []).append(row_node)
        for rows in tables.values():
            states = date_states([dt.datetime.fromisoformat(r[OVER_ATTR]) for r in rows], now)
            for item, state in zip(rows, states, strict=True):
                item["classes"] = [c for c in item["classes"] if not c.startswith("roads-date-")]
                item["classes"].append(f"roads-date-{state}")
                item[STATE_ATTR] = state
                cell = item.children[-1]
                if not isinstance(cell, nodes.Element):
                    continue
                label = _(STATUS_LABELS[state])
                cell.clear()
                cell += nodes.paragraph(
                    label, "", nodes.strong(label, label) if state == "next" else nodes.Text(label)
                )


def pages_with_dates(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Whether a date has passed changes with time alone: rewrite those pages every build."""
    return sorted(doc for doc, found in records(env).items() if any(r.dates for r in found))


def setup_dates(app: Sphinx) -> None:
    app.add_directive("important-dates", ImportantDatesDirective)
    app.add_transform(DropRepeatedCaption)
    app.add_post_transform(MarkDateStatus)
    app.connect("env-get-updated", pages_with_dates)
