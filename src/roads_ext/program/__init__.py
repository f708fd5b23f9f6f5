"""``schedule``: a workshop program from the lines an organizer pastes.

``schedule`` (the directive, read time) hands its lines to :mod:`roads_ext.model.program`
and renders the result as one table per day (generic docutils nodes: every builder
renders it). Speakers are person references
(:func:`roads_ext.services.registry.person_reference`), linked to their cards at write
time, and each card gets a link back to the slot; a guest declared nowhere is shown as
written. ``writing`` (write time): for HTML, times become ``<time datetime=...>``
elements, and the workshop is described as a schema.org ``Event``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .schedule import ScheduleDirective
from .writing import (
    HtmlTimes,
    LinkCardsToSlots,
    ProgramDomain,
    add_event_json_ld,
    check_organizers,
    pages_to_rewrite,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: the program's event handlers, connected in this order
HANDLERS = (
    ("env-get-updated", pages_to_rewrite),
    ("env-check-consistency", check_organizers),
    ("html-page-context", add_event_json_ld),
)


def setup_program(app: Sphinx) -> None:
    app.add_domain(ProgramDomain)
    app.add_directive("schedule", ScheduleDirective)
    for transform in (LinkCardsToSlots, HtmlTimes):
        app.add_post_transform(transform)
    for event, handler in HANDLERS:
        app.connect(event, handler)
