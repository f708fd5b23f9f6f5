"""Node builders the directive families share: sphinx-design's grid and card."""

from __future__ import annotations

from docutils import nodes

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
