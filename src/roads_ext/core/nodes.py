"""Node builders the directive families share: sphinx-design's grid and card."""

from __future__ import annotations

import datetime as dt

from docutils import nodes

from ..model.dates import Zone
from ..model.formats import Formats
from .directive import RoadsDirective
from .marks import TIME_ATTR

# --- sphinx-design's grid, as a list --------------------------------------------


def grid_list(columns: int, *classes: str) -> nodes.bullet_list:
    """A ``<ul>`` laid out as sphinx-design's responsive grid: one column on a
    phone, two on a tablet, ``columns`` on a wide screen."""
    columns = max(1, min(columns, 6))
    narrow = min(2, columns)
    return nodes.bullet_list(
        classes=[
            "sd-row",
            "sd-row-cols-1",
            "sd-row-cols-xs-1",
            f"sd-row-cols-sm-{narrow}",
            f"sd-row-cols-md-{narrow}",
            f"sd-row-cols-lg-{columns}",
            "sd-g-3",
            "roads-grid",
            *classes,
        ],
        bullet="*",
    )


def grid_item(card: nodes.Element) -> nodes.list_item:
    return nodes.list_item("", card, classes=["sd-col", "sd-d-flex-row"])


# ``is_div`` marks a container as sphinx-design's own component: its HTML visitor
# then leaves out the "container" class, which furo gives no side padding.


def grid_wrapper(grid: nodes.bullet_list) -> nodes.container:
    return nodes.container(
        "",
        grid,
        is_div=True,
        classes=["sd-container-fluid", "sd-sphinx-override", "roads-grid-wrapper"],
    )


def card(*classes: str) -> tuple[nodes.container, nodes.container]:
    """An empty sphinx-design card and its body, to fill."""
    outer = nodes.container(
        is_div=True, classes=["sd-card", "sd-sphinx-override", "sd-shadow-sm", "sd-w-100", *classes]
    )
    body = nodes.container(is_div=True, classes=["sd-card-body"])
    outer += body
    return outer, body


def time_node(moment: dt.datetime, zone: Zone, shown: Formats) -> nodes.inline:
    """The time as text; for HTML it becomes ``<time datetime=...>`` (see :class:`HtmlTimes`)."""
    label = shown.time(moment.timetz())
    node = nodes.inline(label, label, classes=["roads-time"])
    node[TIME_ATTR] = [(moment.isoformat(), label)]
    node["roads_zone"] = zone.name
    return node


def captioned_table(
    directive: RoadsDirective, table_class: str, caption: str, columns: list[tuple[str, int]]
) -> tuple[nodes.table, nodes.tbody]:
    """A table with a caption and a header row, its first column the rows' headers;
    the rows go in the body returned with it."""
    table = nodes.table(classes=[table_class])
    directive.set_source_info(table)
    title = nodes.title(caption, caption)
    directive.set_source_info(title)  # for translators; and Sphinx patches a title without one
    table += title
    group = nodes.tgroup(cols=len(columns))
    table += group
    for index, (_label, width) in enumerate(columns):
        group += nodes.colspec(colwidth=width, stub=1) if index == 0 else nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += row(*(entry(label) for label, _ in columns))
    body = nodes.tbody()
    group += body
    return table, body


def entry(label: str, *children: nodes.Node) -> nodes.entry:
    cell = nodes.entry()
    if label:
        cell += nodes.paragraph(label, label)
    cell.extend(children)
    return cell


def row(*cells: nodes.entry) -> nodes.row:
    result = nodes.row()
    result.extend(cells)
    return result
