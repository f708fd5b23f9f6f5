"""A paper's materials (slides, video, poster, code, any labelled link) and its poster board.

Knows nothing of Sphinx. A CSV gives them as columns (``slides``, ``video``, ``poster``,
``code``, ``link``, ``session``, ``board``), an OpenReview export as content fields
(``slides``, ``video``, ``poster``, ``code``: a file OpenReview keeps is a path, read
relative to https://openreview.net). Adding the recordings after the event is one
column, ``video``.

A material is a link, http(s) only: anything else is a problem that quotes it. A video
of a known host (YouTube, Vimeo, SlidesLive, ...) is shown as a link that names the
host, never as an embedded player. A ``poster`` cell that is a short word of letters
and digits (``12``, ``A7``) is the paper's board, not a link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from ..diagnostics import RoadsWarning, quoted
from .awards import read_award, unknown_award
from .formats import N_
from .problems import Problem

#: the materials a paper may have, in the order they are shown -> their labels
MATERIALS = {
    "slides": N_("Slides"),
    "video": N_("Video"),
    "poster": N_("Poster"),
    "code": N_("Code"),
}
#: a video's host (the end of its address's host name) -> its name, shown beside "Video"
VIDEO_HOSTS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "slideslive.com": "SlidesLive",
    "bilibili.com": "Bilibili",
    "underline.io": "Underline",
    "videolectures.net": "VideoLectures",
}
#: a board: a short word of letters, digits and ``-`` (``12``, ``A7``, ``B-12``)
BOARD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,9}$")


@dataclass(frozen=True)
class Material:
    """One labelled link of a paper: ``kind`` is a key of :data:`MATERIALS` or ``link``
    (then ``label`` is the organizer's)."""

    kind: str
    url: str
    label: str = ""

    @property
    def host(self) -> str:
        """The name of a video's known host (``YouTube``), or ``""``."""
        if self.kind != "video":
            return ""
        name = (urlsplit(self.url).hostname or "").lower()
        for domain, shown in VIDEO_HOSTS.items():
            if name == domain or name.endswith("." + domain):
                return shown
        return ""


def material_link(written: str, base: str = "") -> tuple[str, str | None]:
    """``(the http(s) URL, None)`` or ``("", why)``: ``why`` quotes what was written. A
    path (``/attachment/...``) is read relative to ``base`` when there is one."""
    url = written.strip().strip("<>")
    if base and url.startswith("/") and not url.startswith("//"):
        url = urljoin(base, url)
    if re.match(r"^https?://[^/\s]+", url, re.IGNORECASE) and not any(c.isspace() for c in url):
        return url, None
    return "", f"{quoted(written)} is not an http(s) link: write https://...; it is left out"


def read_board(written: str) -> tuple[str, str | None]:
    """``Board 12``, ``#12``, ``A7`` -> ``(board, None)``; ``("", why)`` for anything else."""
    board = re.sub(
        r"^(?:board|poster)?\s*(?:no\.?|number)?\s*#?\s*", "", written.strip(), flags=re.IGNORECASE
    )
    if BOARD.match(board):
        return board, None
    return "", f"board {quoted(written)} is not a board number: write it like '12' or 'A7'; it is left out"


def is_board(written: str) -> bool:
    """Whether a ``poster`` cell is a board (a short word), not a link."""
    return bool(BOARD.match(written.strip().lstrip("#")))


def read_labelled_link(written: str) -> tuple[str, str]:
    """``Recording https://...`` -> ``("Recording", "https://...")``; a link alone has
    no label (it is shown as "Link")."""
    label, _, url = written.strip().rpartition(" ")
    return " ".join(label.split()), url


class Placed(Protocol):
    """A paper, as far as its board is concerned."""

    @property
    def title(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def session(self) -> str: ...
    @property
    def board(self) -> str: ...


def publication_year(milliseconds: object) -> int | None:
    """The year of an OpenReview time (milliseconds since 1970, UTC), or None."""
    if not isinstance(milliseconds, int) or isinstance(milliseconds, bool):
        return None
    seconds = milliseconds // 1000
    return 1970 + int(seconds // 31_556_952) if 0 < seconds < 253_402_300_800 else None


def read_extras(
    cells: dict[str, str], where: str, line: int, problems: list[Problem], base: str = ""
) -> dict[str, Any]:
    """A paper's award, materials, session, board and keywords from its cells or fields (by name:
    ``award``, ``slides``, ``video``, ``poster``, ``code``, ``link``, ``session``,
    ``board``); what cannot be used is added to ``problems`` with ``where`` before it."""
    extras: dict[str, Any] = {}
    award = read_award(cells.get("award", ""))
    if award is None:
        problems.append(Problem(line, RoadsWarning.AWARD, f"{where}: {unknown_award(cells['award'])}"))
    extras["award"] = award or ""
    materials: list[Material] = []
    board = cells.get("board", "").strip()
    for kind in (*MATERIALS, "link"):
        value = cells.get(kind, "").strip()
        if kind == "poster" and value and is_board(value):
            board = board or value  # a poster cell of a board: where the poster hangs
            continue
        label, value = read_labelled_link(value) if kind == "link" else ("", value)
        if not value:
            continue
        url, why = material_link(value, base)
        if why:
            problems.append(Problem(line, RoadsWarning.LINK, f"{where}: the {kind} link {why}"))
        else:
            materials.append(Material(kind, url, label))
    extras["materials"] = tuple(materials)
    if board:
        board, why = read_board(board)
        if why:
            problems.append(Problem(line, RoadsWarning.BOARD, f"{where}: the {why}"))
    extras["board"] = board
    extras["session"] = " ".join(cells.get("session", "").split())
    extras["keywords"] = split_keywords(cells.get("keywords", ""))
    return extras


def split_keywords(text: str) -> tuple[str, ...]:
    """``sketching | hashing``, ``a; b`` or ``a, b``: each keyword once, as first written."""
    found: dict[str, str] = {}
    for word in re.split(r"[|;,]", text):
        word = " ".join(word.split())
        if word:
            found.setdefault(word.casefold(), word)
    return tuple(found.values())


def check_boards(papers: Sequence[Placed], problems: list[Problem]) -> None:
    """Two posters on one board of one session: a problem at the second one's line (both
    are shown, each with its board)."""
    first: dict[tuple[str, str], Placed] = {}
    for paper in papers:
        if not paper.board:
            continue
        place = (paper.session.casefold(), paper.board.casefold())
        if place not in first:
            first[place] = paper
            continue
        other = first[place]
        session = f" of session {paper.session!r}" if paper.session else ""
        problems.append(
            Problem(
                paper.line,
                RoadsWarning.BOARD,
                (
                    f"{paper.title!r}: board {paper.board!r}{session} is already the board of "
                    f"{other.title!r} (line {other.line}): give each poster a board of its own"
                ),
            )
        )
