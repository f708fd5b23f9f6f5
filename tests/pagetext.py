"""Reading a built page as a visitor sees it, where the HTML holds more than is shown."""

from __future__ import annotations

import re

from bs4 import Tag

_STATE_LABEL = re.compile(r"^roads-state-")


def hidden_state_label(text) -> bool:
    """Whether ``text`` is in an important date's label of a state its row is not in: on an
    HTML site the cell holds the three labels, and roads.css shows the row's state's."""
    label = text.find_parent("span", class_=_STATE_LABEL)
    if label is None:
        return False
    state = next(c for c in label["class"] if c.startswith("roads-state-")).removeprefix("roads-state-")
    return f"roads-date-{state}" not in label.find_parent("tr")["class"]


def shown_status(row: Tag) -> str:
    """The status a dates table's row shows: its label, without the hidden ones."""
    cell = row.select_one(".roads-status")
    return "".join(text for text in cell.find_all(string=True) if not hidden_state_label(text)).strip()
