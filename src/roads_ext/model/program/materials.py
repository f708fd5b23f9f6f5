"""A slot's materials as organizers write them in its lines, and its live links.

Materials (slides, a recording, code, a poster, the paper) are taken out of a slot's text
before the text is read, so that they are never taken for its title or its speakers:

- a Markdown or HTML link whose text is a material's word: ``[slides](https://...)``,
  ``[[Video](https://...)]``, ``<a href="https://...">Code</a>``, alone or in a trailing list
  (``[Slides] [Video] [Code]``, ``Slides | Video | Code``);
- a labelled address: ``Video: https://...``, ``Slides: <https://...>``,
  ``Poster: [pdf](https://...)``;
- a cell of a material's column (``Slides``, ``Video``, ``Materials``): its address, or its
  links.

Labels are normalized (:func:`material_label`): ``slides``, ``deck`` -> ``Slides``;
``video``, ``recording``, ``youtube`` -> ``Video``; ``pdf``, ``paper`` -> ``Paper``; any other
label is kept as written. Live links (``stream``, ``call``, ``chat``) are links of another
kind (:data:`LIVE`), given by details or by the directive's ``:live:`` option
(:func:`read_live_lines`). Knows nothing of Sphinx.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...diagnostics import RoadsWarning
from ..problems import Problem
from .data import Link

#: a material link's kind, and a live link's (``Link.kind``)
MATERIAL = "material"
LIVE = "live"

#: the words a material is written with, and the label each is shown with
_LABELS = {
    "slides": "Slides",
    "slide": "Slides",
    "deck": "Slides",
    "video": "Video",
    "recording": "Video",
    "youtube": "Video",
    "talk video": "Video",
    "poster": "Poster",
    "code": "Code",
    "github": "Code",
    "pdf": "Paper",
    "paper": "Paper",
    "camera-ready": "Paper",
    "preprint": "Preprint",
    "arxiv": "arXiv",
    "openreview": "OpenReview",
}
#: a live link's words, and its label
LIVE_LABELS = {
    "stream": "Stream",
    "livestream": "Stream",
    "call": "Call",
    "zoom": "Call",
    "meet": "Call",
    "teams": "Call",
    "chat": "Chat",
}
_WORD = r"(?:slides?|deck|video|recording|youtube|talk video|poster|code|github|pdf|paper|camera-ready|preprint|arxiv|openreview)"
_URL = r"[^\s()<>\[\]]+"
#: ``[slides](URL)``, ``[[Video](URL)]``, ``[**Code**](URL)``
_MARKDOWN = re.compile(
    rf"\[?\[\s*[*_`]*\s*(?P<label>{_WORD})(?:\s*\d+)?\s*[*_`]*\s*\]\(\s*<?(?P<url>{_URL})>?\s*\)\]?",
    re.IGNORECASE,
)
#: ``<a href="URL">Slides</a>``, with straight or typographic quotes
_HTML = re.compile(
    rf"""<a\s[^<>]*?href\s*=\s*["“”'‘’]?(?P<url>[^"“”'‘’\s>]+)["“”'‘’]?[^<>]*>\s*(?P<label>{_WORD})\s*</a\s*>""",
    re.IGNORECASE,
)
#: ``Video: https://...``, ``Slides: <URL>``, ``Poster: [pdf](URL)``
_LABELLED = re.compile(
    rf"(?<![\w/])(?P<label>{_WORD})\s*:\s*(?:\[[^\]]*\]\(\s*<?(?P<linked>{_URL})>?\s*\)|<(?P<angled>[^<>\s]+)>"
    rf"|(?P<bare>[A-Za-z][A-Za-z0-9+.-]*://{_URL}|www\.{_URL}))",
    re.IGNORECASE,
)
#: a link of any other label, in a list of materials
_OTHER_LINK = re.compile(rf"\[(?P<text>[^\[\]()]{{1,40}})\]\(\s*<?(?P<url>{_URL})>?\s*\)")
#: what a material taken out leaves behind: separators between links, empty brackets
_LEFT_OVER = re.compile(r"(?:\(\s*[|·,;/]*\s*\)|\[\s*\]|\s[|·/]\s*(?=$|[|·/]))")
_TRAILING = re.compile(r"[\s|·,;/–—-]+$")
#: a table column that holds materials, and the label of its links
MATERIAL_COLUMNS = {
    "slides": "Slides",
    "video": "Video",
    "videos": "Video",
    "recording": "Video",
    "recordings": "Video",
    "code": "Code",
    "poster": "Poster",
    "pdf": "Paper",
    "materials": "",
    "links": "",
    "resources": "",
}
_ANY_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\(\s*<?(?P<url>[^()\s<>]+)>?\s*\)|<(?P<angled>[^<>\s]+)>|(?P<bare>\S+)"
)


@dataclass(frozen=True)
class Material:
    label: str
    url: str


def material_label(written: str) -> str:
    """The label a material is shown with: a known word's (``slides`` -> ``Slides``), or
    the label as written."""
    words = " ".join(written.strip(" *_`[]").split())
    return _LABELS.get(words.lower(), words)


@functools.lru_cache(maxsize=4096)
def split_materials(text: str) -> tuple[str, tuple[Material, ...]]:
    """``text`` without its materials, and the materials, in the order written."""
    if not re.search(r"https?:|://|\]\(|href|www\.", text, re.IGNORECASE):
        return text, ()
    found: list[tuple[int, Material]] = []

    def take(match: re.Match) -> str:
        url = match.group("url") if "url" in match.groupdict() else None
        if url is None:
            url = match.group("linked") or match.group("angled") or match.group("bare")
        found.append((match.start(), Material(material_label(match.group("label")), url.strip())))
        return " "

    rest = _HTML.sub(take, text)
    rest = _MARKDOWN.sub(take, rest)
    rest = _LABELLED.sub(take, rest)
    if not found:
        return text, ()
    others = list(_OTHER_LINK.finditer(rest))
    if others and not _OTHER_LINK.sub("", rest).strip(" |·,;/–—-[]()"):
        # a list of links after the materials ("· [Blog post](...)"): links of the slot too
        found += [
            (m.start() + len(text), Material(material_label(m.group("text")), m.group("url"))) for m in others
        ]
        rest = _OTHER_LINK.sub(" ", rest)
    for _ in range(3):
        rest = _LEFT_OVER.sub(" ", rest)
    rest = _TRAILING.sub("", " ".join(rest.split()) if "\n" not in rest else rest.strip())
    return rest, tuple(material for _, material in found)


def cell_materials(cell: str, column: str) -> list[Material]:
    """The links of a material column's cell (``Slides``: ``https://...`` or ``[pdf](...)``),
    labelled by the column, or by their own text in a ``Materials`` column."""
    column_label = MATERIAL_COLUMNS.get(column, column.title())
    found = []
    for match in _ANY_LINK.finditer(cell.strip()):
        url = match.group("url") or match.group("angled") or match.group("bare")
        text = (match.group("text") or "").strip()
        if match.group("bare") and not re.search(r"[:/.]", url):
            continue  # a word between links ("and", "|")
        label = column_label or (material_label(text) if text else "Link")
        found.append(Material(label, url.strip()))
    return found


#: a ``:live:`` line: ``Hall A: stream https://...``, or ``chat https://...`` for every room
_LIVE_LINE = re.compile(
    r"^(?:(?P<room>.*?\S)\s*:\s+)?(?P<kind>[A-Za-z]+)\s*:?\s+<?(?P<url>\S+?)>?$",
)


@dataclass(frozen=True)
class LiveLink:
    room: str  # "" for every slot of the program
    label: str
    url: str
    line: int  # the option's line it is written on, from 0


def read_live_lines(text: str) -> tuple[list[LiveLink], list[Problem]]:
    """The ``:live:`` option: one live link per line (or per ``;``), ``Room: kind URL``;
    a line without a room gives the link to every slot that has none of its own room."""
    links: list[LiveLink] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines()):
        for written in line.split(";"):
            written = written.strip()
            if not written:
                continue
            match = _LIVE_LINE.match(written)
            kind = match.group("kind").lower() if match else ""
            if match is None or kind not in LIVE_LABELS:
                problems.append(
                    Problem(
                        number,
                        RoadsWarning.LIVE,
                        (
                            f"live link {written!r} is not 'Room: kind URL' with a kind of stream, call or "
                            "chat: write it like 'Hall A: stream https://example.org/live' (or "
                            "'chat https://...' for every room); it is left out"
                        ),
                    )
                )
                continue
            links.append(LiveLink(match.group("room") or "", LIVE_LABELS[kind], match.group("url"), number))
    return links, problems


def take_materials(
    offset: int,
    parts: list[tuple[str, str | None, bool]],
    below: list[tuple[str, bool, int]],
) -> list[Link]:
    """Take a slot's materials out of its parts (its line, its cells; at ``offset``) and
    the lines below it (each at its own line), in place: a line that held only materials
    is left out. The materials, as links."""
    links: list[Link] = []
    for index, (text, column, after) in enumerate(parts):
        rest, found = split_materials(text)
        links.extend(Link(m.label, m.url, offset, MATERIAL) for m in found)
        parts[index] = (rest, column, after)
    parts[:] = [part for part in parts if part[0].strip()]
    kept = []
    for text, bullet, where in below:
        rest, found = split_materials(text)
        links.extend(Link(m.label, m.url, where, MATERIAL) for m in found)
        if rest.strip(" -*•|·"):
            kept.append((rest, bullet, where))
    below[:] = kept
    return links


def cell_links(cell: str, column: str, offset: int) -> list[Link]:
    """A material column's cell as the slot's links."""
    return [Link(m.label, m.url, offset, MATERIAL) for m in cell_materials(cell, column)]
