"""Accepted papers, read from an export committed with the site.

Knows nothing of Sphinx. Two formats:

- the JSON OpenReview's API v2 returns for a venue's notes: ``{"notes": [...]}`` (what
  the REST API and ``python3 dev.py papers`` write) or a bare list of notes. Each note has
  an ``id``, a ``forum`` and ``content`` whose fields hold ``{"value": ...}``
  (``title``, ``authors``, ``authorids``, ``venue``, ``venueid``, ``pdf``, and where the
  venue's form has them ``award``, ``slides``, ``video``, ``poster``, ``code``, ``session``,
  ``board``; API v1's bare values are read too). The decision is read from ``content.venue.value``
  (``"ExampleConf 2026 Workshop EXW Oral"``); a ``venueid`` ending in ``/Submission``,
  ``/Withdrawn_Submission`` or ``/Rejected_Submission`` is not an accepted paper.
- a CSV with the columns ``title, authors, url, decision, track`` (and optionally ``pdf``,
  ``award``, ``id``, the materials ``slides, video, poster, code, link``, a poster's
  ``session, board`` and ``keywords``, separated by ``|``, ``;`` or commas), for venues
  that are not on OpenReview. Authors are separated by commas, semicolons or "and".

An award is read through :mod:`.awards` (one vocabulary for papers and slots), materials
and boards through :mod:`.materials`; two posters on one board of one session are a problem.

Every reader returns what it could read plus :class:`Problem` entries (a line of the
export file, a warning subtype, a message that says what to write instead); nothing here
raises to the author.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin

from ..diagnostics import RoadsWarning
from .formats import N_
from .json_text import json_nesting, shown_json
from .materials import MATERIALS, Material, check_boards, publication_year, read_extras
from .names import split_authors
from .people import folded_words, key_anchor
from .problems import Problem, did_you_mean

OPENREVIEW = "https://openreview.net"

#: decisions a paper can have, in the order lists show them; "accepted" has no track word
ACCEPTED = ("oral", "spotlight", "poster", "accepted")
NOT_ACCEPTED = ("submitted", "withdrawn", "rejected")
DECISIONS = ACCEPTED + NOT_ACCEPTED
#: how a decision is shown on its badge
DECISION_LABELS = {"oral": N_("Oral"), "spotlight": N_("Spotlight"), "poster": N_("Poster"), "accepted": ""}
#: spellings in a CSV's decision column or in a venue string -> decision
_DECISION_WORDS = {
    "oral": "oral",
    "orals": "oral",
    "talk": "oral",
    "contributed talk": "oral",
    "spotlight": "spotlight",
    "spotlights": "spotlight",
    "poster": "poster",
    "posters": "poster",
    "accept": "accepted",
    "accepted": "accepted",
    "": "accepted",
    "submitted": "submitted",
    "submission": "submitted",
    "withdrawn": "withdrawn",
    "withdraw": "withdrawn",
    "reject": "rejected",
    "rejected": "rejected",
    "desk rejected": "rejected",
}
#: words after "accept" that say it is not decided
_UNDECIDED = frozenset(
    {"maybe", "pending", "tentative", "tentatively", "conditional", "conditionally", "undecided", "if"}
)
SORTS = ("decision", "title", "file")
_FORUM_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class Paper:
    """One paper as the list shows it."""

    key: str  # the OpenReview forum id, or the CSV's id column, or "" (then the anchor)
    title: str
    authors: tuple[str, ...]
    url: str = ""  # the forum (or the paper's page); https only
    pdf: str = ""
    decision: str = "accepted"
    track: str = ""
    award: str = ""
    keywords: tuple[str, ...] = ()  # as a conference tool's export gives them (Mini-Conf, CMT)
    abstract: str = ""  # as a conference tool's export gives it
    author_ids: tuple[str, ...] = ()  # OpenReview profile ids (~Ada_Lovelace1) or ""
    line: int = 0
    position: int = 0  # its place in the file
    materials: tuple[Material, ...] = ()  # slides, video, poster, code, labelled links
    session: str = ""  # its poster session, as the file names it
    board: str = ""  # its poster board (``12``, ``A7``)
    year: int | None = None  # the year OpenReview published it (for its citation)
    cite_key: str = ""  # its BibTeX key, unique in its file (:func:`.bibtex.citation_keys`)

    @property
    def anchor(self) -> str:
        """``paper-<forum id>``, or ``paper-<title words>``: stable across exports, so a
        program slot can name the paper by forum id or by anchor."""
        return "paper-" + slug(self.key or self.title)

    @property
    def badges(self) -> tuple[str, ...]:
        """Its badges' keys: the award (an :data:`~.awards.AWARDS` key), then the decision
        (oral, spotlight, poster) unless the award says it; none for a plain acceptance."""
        shown: tuple[str, ...] = (self.award,) if self.award else ()
        if DECISION_LABELS.get(self.decision) and self.decision != self.award:
            shown += (self.decision,)
        return shown

    def profile_url(self, index: int) -> str:
        """The OpenReview profile of the ``index``-th author, when the export gives one."""
        author_id = self.author_ids[index] if index < len(self.author_ids) else ""
        if author_id.startswith("~") and _FORUM_ID.match(author_id[1:]):
            return f"{OPENREVIEW}/profile?id={quote(author_id)}"
        return ""


@dataclass
class PapersResult:
    papers: list[Paper] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


#: the longest a paper's anchor (after ``paper-``) may be
SLUG_LENGTH = 60


def slug(text: str) -> str:
    """An anchor's words for ``text``: stable (the same title, the same words), ASCII,
    at most :data:`SLUG_LENGTH` characters.

    An ASCII title is its lower-case words (``bloom-filters-for-retrieval-at-scale``).
    Any other title is its words (:func:`title_words`: accents of Latin letters
    folded) spelled as a person's anchor is (:func:`~.people.key_anchor`), any letter
    but an ASCII one as its code point (``深度学习`` -> ``u6df1-u5ea6-u5b66-u4e60``,
    ``Zoë's`` -> ``zoe-s``); one too long for that is cut between
    two letters and ends with six characters of a digest of the whole title, so that
    two long titles that begin alike still get anchors of their own.
    """
    if text.isascii():
        words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        return words[:SLUG_LENGTH].rstrip("-") or "untitled"
    spelled = key_anchor(title_words(text))
    if len(spelled) > SLUG_LENGTH:
        digest = hashlib.sha256(spelled.encode()).hexdigest()[:6]
        room = SLUG_LENGTH - len(digest) - 1
        cut = spelled[:room]
        if spelled[room] != "-" and "-" in cut:  # not in the middle of a letter's code point
            cut = cut.rsplit("-", 1)[0]
        spelled = f"{cut.rstrip('-')}-{digest}"
    return spelled or "untitled"


def title_words(title: str) -> str:
    """A title's words, lower case, joined by ``-`` (:func:`~.people.folded_words`: the
    words a person's key is made of, without what only names need, such as honorifics)."""
    return "-".join(folded_words(title))


def read_decision(word: str) -> str | None:
    """A decision from a CSV cell (``Oral``, ``Accept (Poster)``, ``spotlight``), or None."""
    folded = " ".join(re.sub(r"[()\[\]]", " ", word.lower()).split())
    if folded in _DECISION_WORDS:
        return _DECISION_WORDS[folded]
    words = re.split(r"[\s,:/-]+", folded)
    if words[0] in ("accept", "accepted"):  # "Accept (Poster)", "accepted - oral"
        tracks = [_DECISION_WORDS[w] for w in words[1:] if w in _DECISION_WORDS]
        if tracks:
            return tracks[-1]
        # "Accepted (short paper)": an acceptance of a kind that is no track of ours;
        # "Accept maybe" is no decision yet
        return None if _UNDECIDED & set(words[1:]) or folded.endswith("?") else "accepted"
    return None


def venue_decision(venue: str, venue_id: str) -> str:
    """The decision OpenReview records in ``content.venue`` and ``content.venueid``.

    ``ExampleConf 2026 Workshop EXW Oral`` is an oral; ``Submitted to ...`` a submission still
    under review (or rejected without a public decision); ``... Withdrawn Submission``,
    ``... Rejected Submission`` and ``Desk Rejected`` say so; any other venue is an
    acceptance, with the track word its last one.
    """
    folded = venue.lower()
    tail = venue_id.rsplit("/", 1)[-1].lower()
    if "withdrawn" in folded or tail.startswith("withdrawn"):
        return "withdrawn"
    if "rejected" in folded or "rejected" in tail:
        return "rejected"
    if folded.startswith("submitted to") or tail == "submission":
        return "submitted"
    for word in reversed(re.findall(r"[a-z]+", folded)):
        if word in ("oral", "orals", "spotlight", "spotlights", "poster", "posters"):
            return _DECISION_WORDS[word]
    return "accepted"


def check_link(url: str, what: str, base: str = "") -> tuple[str, str | None]:
    """``(absolute https URL, None)`` or ``("", why)``; a path is taken relative to ``base``."""
    url = url.strip()
    if not url:
        return "", None
    if base and url.startswith("/") and not url.startswith("//"):
        url = urljoin(base, url)
    if not re.match(r"^https://[^/\s]+", url, re.IGNORECASE) or any(c.isspace() for c in url):
        return "", f"{what} {url!r} is not an https:// link; it is left out"
    return url, None


# --- OpenReview JSON -------------------------------------------------------------


def _value(content: dict, name: str):
    """``content[name]["value"]`` (API v2), or ``content[name]`` itself (API v1)."""
    found = content.get(name)
    if isinstance(found, dict):
        return found.get("value")
    return found


def _line_of(text: str, needle: str, default: int) -> int:
    at = text.find(needle) if needle else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else default


def parse_openreview(text: str) -> PapersResult:
    """Papers from the JSON of OpenReview's notes (``{"notes": [...]}`` or a list)."""
    result = PapersResult()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        result.problems.append(
            Problem(
                error.lineno,
                RoadsWarning.FILE,
                (
                    f"is not valid JSON ({error.msg}, line {error.lineno} column {error.colno}); write the "
                    "file again with 'python3 dev.py papers VENUE_ID' or fix it by hand"
                ),
            )
        )
        return result
    except RecursionError:
        deepest, line = json_nesting(text)
        result.problems.append(
            Problem(
                line,
                RoadsWarning.FILE,
                (
                    f"is nested too deeply to be read ({deepest} levels of brackets, the deepest from this "
                    "line); an OpenReview export holds its notes a few levels deep: write the file again "
                    "with 'python3 dev.py papers VENUE_ID' or fix it by hand"
                ),
            )
        )
        return result
    notes = data.get("notes") if isinstance(data, dict) else data
    if not isinstance(notes, list):
        result.problems.append(
            Problem(
                1,
                RoadsWarning.FILE,
                (
                    'is not an OpenReview export: expected {"notes": [...]} or a list of notes, '
                    "as 'python3 dev.py papers VENUE_ID' writes"
                ),
            )
        )
        return result
    for position, note in enumerate(notes):
        paper = _openreview_paper(note, position, text, result.problems)
        if paper is not None:
            result.papers.append(paper)
    check_boards(result.papers, result.problems)
    return result


def _openreview_paper(note: Any, position: int, text: str, problems: list[Problem]) -> Paper | None:
    """The paper of the ``position``-th note of the export ``text``, or None when it is
    left out; what is wrong with it is added to ``problems``. It is long because each of
    the note's fields is read and checked in turn, each check beside the field it reads
    and worded with the note's place and title."""
    note_id = note.get("id") if isinstance(note, dict) else None
    line = _line_of(text, json.dumps(note_id) if isinstance(note_id, str) else "", 1)
    if not isinstance(note, dict) or not isinstance(note.get("content"), dict):
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (
                    f"note {position + 1} has no 'content' object: it is not an OpenReview note; it is left out"
                ),
            )
        )
        return None
    content = note["content"]
    forum = note.get("forum") or note_id or ""
    where = f"note {position + 1}" + (f" ({forum})" if forum else "")
    if not isinstance(forum, str) or (forum and not _FORUM_ID.match(forum)):
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (
                    f"{where}: the forum id {forum!r} is not an OpenReview id; the paper is shown "
                    "without its forum link"
                ),
            )
        )
        forum = ""
    title = _value(content, "title")
    title = " ".join(title.split()) if isinstance(title, str) else ""
    if not title:
        problems.append(
            Problem(line, RoadsWarning.PAPER, (f"{where} has no title (content.title.value); it is left out"))
        )
        return None
    authors, author_ids, left_out = _authors(_value(content, "authors"), _value(content, "authorids"))
    if left_out:
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (
                    f"{where} ({title!r}): the author{'s' if len(left_out) > 1 else ''} "
                    f"{', '.join(left_out)} (content.authors.value) "
                    + ("are not names; they are" if len(left_out) > 1 else "is not a name; it is")
                    + " left out"
                ),
            )
        )
    elif not authors:
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (f"{where} ({title!r}) has no authors (content.authors.value); it is shown without"),
            )
        )
    venue = _value(content, "venue")
    venue_id = _value(content, "venueid")
    decision = venue_decision(
        venue if isinstance(venue, str) else "", venue_id if isinstance(venue_id, str) else ""
    )
    pdf, problem = check_link(str(_value(content, "pdf") or ""), "the PDF", OPENREVIEW)
    if problem:
        problems.append(Problem(line, RoadsWarning.LINK, f"{where}: {problem}"))
    award = _value(content, "award")
    track = _value(content, "track")
    for name, value in (("track", track), ("award", award)):
        if value is not None and not isinstance(value, str):
            problems.append(
                Problem(
                    line,
                    RoadsWarning.PAPER,
                    (
                        f"{where} ({title!r}): the {name} {shown_json(value)} (content.{name}.value) is not "
                        "text; it is left out"
                    ),
                )
            )
    written = {name: _value(content, name) for name in (*MATERIALS, "session", "board", "keywords")}
    if isinstance(written["keywords"], list):  # "keywords": {"value": ["sketching", ...]}
        written["keywords"] = "|".join(word for word in written["keywords"] if isinstance(word, str))
    written["award"] = award
    if isinstance(written["board"], int) and not isinstance(written["board"], bool):
        written["board"] = str(written["board"])  # "board": {"value": 12}
    extras = read_extras(
        {name: value for name, value in written.items() if isinstance(value, str)},
        f"{where} ({title!r})",
        line,
        problems,
        OPENREVIEW,
    )
    published = note.get("pdate") or note.get("cdate")
    return Paper(
        key=forum,
        title=title,
        authors=authors,
        url=f"{OPENREVIEW}/forum?id={forum}" if forum else "",
        pdf=pdf,
        decision=decision,
        track=" ".join(track.split()) if isinstance(track, str) else "",
        author_ids=author_ids,
        line=line,
        position=position,
        year=publication_year(published),
        **extras,
    )


def _authors(names: object, ids: object) -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    """The authors' names and their profile ids (side by side), and each entry of
    ``content.authors.value`` that is not a name, as written (``5``, ``null``, ``""``).
    ``names`` that is not a list at all is left out whole."""
    if names is None:
        return (), (), []
    if not isinstance(names, list):
        return (), (), [shown_json(names)]
    id_list = ids if isinstance(ids, list) else []
    kept: list[str] = []
    kept_ids: list[str] = []
    left_out: list[str] = []
    for index, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            left_out.append(shown_json(name))
            continue
        kept.append(" ".join(name.split()))
        author_id = id_list[index] if index < len(id_list) else ""
        kept_ids.append(author_id if isinstance(author_id, str) else "")
    return tuple(kept), tuple(kept_ids), left_out


# --- CSV -------------------------------------------------------------------------------

CSV_COLUMNS = ("title", "authors", "url", "decision", "track")
CSV_OPTIONAL = ("pdf", "award", "id", *MATERIALS, "link", "session", "board", "keywords")


def parse_csv(text: str) -> PapersResult:
    """Papers from a CSV with a header row ``title, authors, url, decision, track``."""
    result = PapersResult()
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        result.problems.append(Problem(1, RoadsWarning.FILE, f"is not valid CSV ({error})"))
        return result
    if not header:
        result.problems.append(
            Problem(
                1,
                RoadsWarning.FILE,
                ("is empty: its first line names the columns, 'title,authors,url,decision,track'"),
            )
        )
        return result
    found = _csv_columns(header, result.problems)
    if found is None:
        return result
    places, columns = found
    position = 0
    #: a paper's id -> the title and line of the first paper that has it
    ids: dict[str, tuple[str, int]] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.problems.append(
                Problem(
                    reader.line_num,
                    RoadsWarning.FILE,
                    (f"is not valid CSV at this line ({error}); the rest of the file is left out"),
                )
            )
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        paper = _csv_paper(row, line, position, columns, places, ids, result.problems)
        if paper is None:
            continue
        result.papers.append(paper)
        position += 1
    check_boards(result.papers, result.problems)
    return result


def _csv_columns(header: list[str], problems: list[Problem]) -> tuple[dict[str, int], int] | None:
    """Each known column's place in a row (the first column of that name) and the number
    of columns the header names; or None when it names no title. What is wrong with the
    header is added to ``problems``."""
    names = [" ".join(name.lower().split()) for name in header]
    known = CSV_COLUMNS + CSV_OPTIONAL
    #: column name -> its place in a row: the first column of that name
    places: dict[str, int] = {}
    for place, name in enumerate(names):
        if name in places and name in known:
            problems.append(
                Problem(
                    1,
                    RoadsWarning.FILE,
                    (
                        f"the column {name!r} is named twice (columns {places[name] + 1} and {place + 1}): "
                        f"column {places[name] + 1} is used and column {place + 1} is ignored; give each "
                        "column once"
                    ),
                )
            )
        places.setdefault(name, place)
        if name and name not in known:
            problems.append(
                Problem(
                    1,
                    RoadsWarning.FILE,
                    (
                        f"unknown column {name!r}{did_you_mean(name, known)}; the columns are "
                        f"{', '.join(CSV_COLUMNS)} (and optionally {', '.join(CSV_OPTIONAL)}); it is ignored"
                    ),
                )
            )
    if "title" not in names:
        problems.append(
            Problem(
                1,
                RoadsWarning.FILE,
                (
                    "has no 'title' column: its first line names the columns, 'title,authors,url,decision,track'"
                ),
            )
        )
        return None
    return places, len(names)


def _csv_paper(
    row: list[str],
    line: int,
    position: int,
    columns: int,
    places: dict[str, int],
    ids: dict[str, tuple[str, int]],
    problems: list[Problem],
) -> Paper | None:
    """The paper of one CSV row (at ``line``), or None when it is left out; ``ids``: the
    title and line of the first paper with each id, this one's added. What is wrong with
    the row is added to ``problems``. It is long because each cell is read and checked in
    turn, each check beside the cell it reads and worded with the paper's title."""
    if len(row) > columns:
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (
                    f"has {len(row)} cells where the header names {columns} columns: put a title or "
                    "an author list with commas in double quotes; the extra cells are ignored"
                ),
            )
        )
    cells = {name: " ".join(row[i].split()) for name, i in places.items() if i < len(row)}
    title = cells.get("title", "")
    if not title:
        problems.append(Problem(line, RoadsWarning.PAPER, "a paper with no title; it is left out"))
        return None
    raw_decision = cells.get("decision", "")
    decision = read_decision(raw_decision)
    if decision is None:
        words = [w for w in _DECISION_WORDS if w]
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (
                    f"{title!r}: unknown decision {raw_decision!r}{did_you_mean(raw_decision.lower(), words)}; "
                    "write oral, spotlight, poster or accepted (or rejected, withdrawn); the paper is left out"
                ),
            )
        )
        return None
    url, problem = check_link(cells.get("url", ""), "the link")
    if problem:
        problems.append(Problem(line, RoadsWarning.LINK, f"{title!r}: {problem}"))
    pdf, problem = check_link(cells.get("pdf", ""), "the PDF")
    if problem:
        problems.append(Problem(line, RoadsWarning.LINK, f"{title!r}: {problem}"))
    key = cells.get("id", "")
    if key and not _FORUM_ID.match(key):
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (
                    f"{title!r}: the id {key!r} may hold only letters, digits, '-' and '_'; the title "
                    "makes the anchor"
                ),
            )
        )
        key = ""
    if key and key in ids:
        first_title, first_line = ids[key]
        problems.append(
            Problem(
                line,
                RoadsWarning.PAPER,
                (
                    f"{title!r}: the id {key!r} is already the id of {first_title!r} (line {first_line}), "
                    f"so a program's '- paper: {key}' would not say which one it means; the first keeps "
                    "it and this paper's title makes its anchor: give each paper its own id"
                ),
            )
        )
        key = ""
    elif key:
        ids[key] = (title, line)
    return Paper(
        key=key,
        title=title,
        authors=split_authors(cells.get("authors", "")),
        url=url,
        pdf=pdf,
        decision=decision,
        track=cells.get("track", ""),
        line=line,
        position=position,
        **read_extras(cells, repr(title), line, problems),
    )


# --- choosing and sorting -----------------------------------------------------------------


def choose(
    papers: list[Paper], decisions: tuple[str, ...] = ACCEPTED, tracks: tuple[str, ...] = ()
) -> list[Paper]:
    """The papers with one of ``decisions`` (default: every accepted one) and, when
    ``tracks`` are given, one of those tracks (compared without case)."""
    wanted_tracks = {t.lower() for t in tracks}
    return [
        p
        for p in papers
        if p.decision in decisions and (not wanted_tracks or p.track.lower() in wanted_tracks)
    ]


def sort_papers(papers: list[Paper], order: str = "decision") -> list[Paper]:
    """``decision``: orals, spotlights, posters, then the others, each by title;
    ``title``: by title; ``file``: as in the export."""
    if order == "file":
        return sorted(papers, key=lambda p: p.position)
    by_title = sorted(papers, key=lambda p: (p.title.casefold(), p.position))
    if order == "title":
        return by_title
    return sorted(by_title, key=lambda p: DECISIONS.index(p.decision))
