"""The badges of awards and decisions, one builder for a paper's entry and a program slot.

A badge is a generic ``inline`` (every builder renders it) with the classes
``roads-badge roads-badge-<key>``; an award that is not a decision's word also has
``roads-badge-award``, which the site's CSS draws as a highlight in light and dark mode.
A paper decided an oral and a slot with ``- award: oral`` get the same badge.
"""

from __future__ import annotations

from docutils import nodes

from ..i18n import _
from ..model.awards import AWARDS
from ..model.papers import DECISION_LABELS

#: keys whose badge is a decision's (oral, spotlight, poster), whichever way it was given
DECISION_BADGES = tuple(key for key, label in DECISION_LABELS.items() if label)


def badge(key: str) -> nodes.inline | None:
    """The badge of an award or a decision key (``best-paper``, ``oral``), or None for a
    key that has none (a plain acceptance)."""
    label = AWARDS.get(key) or DECISION_LABELS.get(key, "")
    if not label:
        return None
    shown = _(label)
    classes = ["roads-badge", f"roads-badge-{key}"]
    if key not in DECISION_BADGES:
        classes.append("roads-badge-award")
    return nodes.inline(shown, shown, classes=classes)


def award_json_ld(key: str) -> str:
    """What schema.org's ``award`` says of an award key: its label in English, as search
    engines read it."""
    return AWARDS.get(key, "")
