"""The marks (``roads_*`` node attributes) that one family's directive puts on a node
and another module finds at write time (:func:`roads_ext.core.pages.marked_nodes`).

A mark used by its own module alone stays there; these cross from one room to another,
so they are declared once, here. CSS classes are for styling only.
"""

from __future__ import annotations

#: on a card or a committee entry: the key of the person it presents
PERSON_ATTR = "roads_person"

#: on a card or a committee entry: "card" or "committee"
ENTRY_ATTR = "roads_entry"


#: node attribute on a time or a time range: [(ISO 8601 value with the offset, label), ...]
TIME_ATTR = "roads_datetime"

#: node attribute on a slot's papers, resolved at write time (roads_ext.papers):
#: [(forum id or anchor, source file, line, poster board or ""), ...]
SLOT_PAPERS_ATTR = "roads_slot_papers"


#: row attribute: when the date is over (ISO 8601), to tell passed from upcoming
OVER_ATTR = "roads_over_at"
#: the class of a program that has live links (stream, call, chat): roads-live.js works on it
LIVE_PROGRAM_CLASS = "roads-schedule-live"
