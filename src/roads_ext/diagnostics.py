"""Every kind of warning roads_ext gives, in one place.

Each problem in an author's input is a Sphinx warning of type ``roads`` and one of
these subtypes, shown as ``[roads.<subtype>]`` and silenced with
``suppress_warnings = ["roads.<subtype>"]``. A new kind of warning is one more
member here, with its one-line meaning; the handbook's warnings page is generated from
this enum (``tests/test_handbook.py`` checks it, and ``tests/test_layers.py`` that every
subtype the code gives is a member). Sphinx-free: the model may use it too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import cast


class RoadsWarning(StrEnum):
    """A warning subtype: ``RoadsWarning.TIME`` is ``"time"``, shown as ``roads.time``."""

    meaning: str

    def __new__(cls, value: str, meaning: str) -> RoadsWarning:
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    @classmethod
    def of(cls, value: str) -> RoadsWarning:
        """The member whose value is ``value`` (a member is its own)."""
        return cast(RoadsWarning, cls._value2member_map_[value])

    # -- people, cards and lists
    SPEAKER = (
        "speaker",
        "a speaker-card or speakers block used wrongly (a card with no name), "
        "or a program's speaker declared nowhere",
    )
    COMMITTEE = "committee", "a committee block used wrongly"
    TOPIC = "topic", "a topic-grid block used wrongly"
    ITEM = (
        "item",
        "a list item that is not 'Name (Affiliation, Country)', or an empty topic; it is left out",
    )
    CONTENT = (
        "content",
        "something other than a list or cards inside a list directive; shown below it",
    )
    PERSON = (
        "person",
        "{person} for somebody nobody declared, or a name alone that is declared nowhere",
    )
    DUPLICATE = (
        "duplicate",
        "the same person declared twice with different details, or listed twice in one block",
    )
    PHOTO = (
        "photo",
        "a photo that does not exist, lies outside the project, is a URL or is not an image",
    )
    ICON = "icon", "an unknown octicon name before a topic"
    SPONSOR = (
        "sponsor",
        "a sponsor's logo, tier or detail that cannot be used; an item with no name",
    )
    # -- programs and dates
    SCHEDULE = "schedule", "a program slot with a time but no title; it is left out"
    TIME = (
        "time",
        "a time that is not one, a slot that ends before it starts, a line with neither a time nor a date",
    )
    OVERLAP = "overlap", "a slot that starts before the one above ends, or out of order"
    ROOM = "room", "a slot in a room that the schedule's :rooms: does not list"
    DATE = (
        "date",
        "a date that is not one, a slot with no day, text after the date in the argument, "
        "a SOURCE_DATE_EPOCH that is not a time",
    )
    TIMEZONE = "timezone", "an unknown time zone, or a time with no zone"
    KIND = "kind", "an unknown kind of slot"
    DETAIL = (
        "detail",
        "an unknown slot detail, one with no value, a repeated id, a link detail with no URL",
    )
    LIVE = (
        "live",
        "a program's :live: line that is not 'Room: stream|call|chat URL', whose URL is not http(s), "
        "or for a room no slot is in",
    )
    EVENT = "event", "an in-person program with no :location:"
    # -- accepted papers and phases
    FILE = (
        "file",
        "an accepted-papers file that is missing, outside the project, a URL, or not valid JSON or CSV",
    )
    PAPER = "paper", "a paper with no title or an unknown decision; it is left out"
    PAGES = (
        "pages",
        "a long paper list whose extra pages would replace a document of the site; it is shown on one page",
    )
    AWARD = (
        "award",
        "an award word (a paper's award, a slot's '- award:') that is not known; the badge is left out",
    )
    BOARD = (
        "board",
        "a poster board that is not a short number or word, or one board given twice in one poster session",
    )
    PHASE = (
        "phase",
        "an unknown phase in only-phase, or none; a roads_phase_dates key or label that is unknown",
    )
    # -- editions
    EDITION = (
        "edition",
        "a roads_editions entry that is not a folder's name or is named twice; an edition with "
        "no pages, or an older one with no index page",
    )
    # -- any directive
    OPTION = "option", "an unknown option, a bad value, or an option given twice"
    LINK = (
        "link",
        "a link that is not http(s) or mailto, or a homepage that is not an absolute http(s) link",
    )
    HTML = "html", "raw HTML in a directive's body; shown as text, never run"
    EMPTY = "empty", "an empty directive"
    LABEL = "label", "a :name: that another label already has, or with nothing to link"
    IMPORT = (
        "import",
        "a conference tool's export (frab, pretalx, Indico, Mini-Conf, CMT, HotCRP) of an unknown "
        "shape, an entry of it that cannot be used, or an e-mail address in it (never published)",
    )
    # -- conf.py
    SOCIAL = "social", "a roads_social_card key that is unknown or not text; it is left out"
    CONFIG = (
        "config",
        "a roads_* value in conf.py of the wrong type (its default is used), a roads_phase_dates "
        "label that is not text (left out), or text after roads_workshop_date's date (the date is used)",
    )
    LOCALE = (
        "locale",
        "a language Babel does not know (English dates and times), or a roads_clock that is "
        "not '12', '24' or None (the language's clock)",
    )


def quoted(content: str, limit: int = 60) -> str:
    """``content`` as a warning that leaves it out quotes it, so that an organizer can find
    it again: on one line, shortened to ``limit`` characters (ending in "…"), in quotes."""
    line = " ".join(content.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return repr(line)
