"""Who, what and where in a slot's text: every piece gets a role, and the reading of a
slot is the most plausible assignment of roles over all its pieces.

The pieces of :mod:`.text` may be joined into fields (``Cuttlefish: Low-Rank Training``
is one title, cut at its colon); each field is scored for each role from what it looks
like, and a dynamic program picks the fields and roles with the highest total:

- **label**: the slot's first field, when all of it is a kind's label (:func:`.kinds.read_label`);
- **people**: names as people write them (two to five capitalised words, initials,
  particles, honorifics, a nickname; a person declared on the site counts more), with
  their affiliations in parentheses or after a comma; groups (``Workshop Organizers``);
- **affiliation**: a parenthesis or an institution's words right after people;
- **room**: ``Ballroom A``, ``Room 201``;
- **title**: anything else, more surely when it is set off (quotes, backticks, italics),
  long, or written like a title (small words inside it);
- **noise**: what empty cells hold (``-``, ``TBD``).

Each field costs a little, so a text is cut only where the parts read better apart
(``Jane Doe: Why Sparse Models Train`` is a speaker and a title;
``Cuttlefish: Low-Rank Training`` one title). Nothing is dropped but noise: a field that
is neither people nor room is title text, and several are joined with `` · ``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ..pasted import Speaker, _is_affiliation, looks_like_room
from .kinds import SESSION_WORDS, kind_of_words, read_label, session_kind
from .people import NO_ROLE, ROLE_NAMES, ROLE_WORDS, score_people
from .text import EMPTY_MARKERS, TextLine

#: links after a slot's title that are its materials, not part of it
MATERIALS = frozenset(
    (
        "slides",
        "slide",
        "video",
        "recording",
        "poster",
        "paper",
        "pdf",
        "code",
        "talk",
        "abstract",
        "preprint",
        "arxiv",
        "openreview",
        "youtube",
        "website",
        "project page",
    )
)
#: a material's word, alone: "Slides", "[pdf]", "Link 2", "Blog post"
_MATERIAL = re.compile(
    r"(?:slides?|video|recording|poster|paper|pdf|code|talk|abstract|preprint|arxiv|openreview|youtube|website|"
    r"project page|links?|blog(?: post)?|demo)(?:\s*\d+)?",
    re.IGNORECASE,
)
#: a material's word that is never a slot's title: what is left of a link not copied
_LINK_ONLY = re.compile(
    r"(?:pdf|slides|video|recording|code|links?|blog(?: post)?|preprint|arxiv|youtube|website)"
    r"(?:\s*\d+)?",
    re.IGNORECASE,
)
#: what each field costs: a text is cut only where its parts read better apart
FIELD_COST = 1.0
#: a second title in one slot is less likely than a title in two parts
SECOND_TITLE = 1.5
#: small words that stand inside titles, hardly ever inside names
_TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "in",
        "on",
        "to",
        "with",
        "via",
        "from",
        "at",
        "by",
        "is",
        "are",
        "as",
        "or",
        "vs",
        "vs.",
        "without",
        "into",
        "towards",
        "toward",
        "beyond",
        "through",
        "under",
        "over",
        "about",
        "can",
        "do",
        "does",
        "we",
        "our",
        "your",
        "you",
        "it",
        "its",
        "this",
        "that",
        "what",
        "why",
        "how",
        "when",
    ]
)


@dataclass
class Reading:
    """What one slot's text says, once every part of it is read."""

    title: str = ""
    label: str = ""  # "Keynote #1": the kind's label as written
    kind: str | None = None
    speakers: list[Speaker] = field(default_factory=list)
    location: str = ""
    marked: bool = False  # the title was set off (quotes, backticks, italics): a talk's title
    links: list[tuple[str, str]] = field(default_factory=list)  # links in the text: (text, URL)
    materials: list[tuple[str, str]] = field(default_factory=list)  # "[Slides](...)": (label, URL)
    notes: list[str] = field(default_factory=list)  # what a column of notes says ("Live", "Recorded")
    unread_tags: list[str] = field(default_factory=list)


@dataclass
class _Field:
    line: int
    first: int
    last: int
    role: str
    score: float
    text: str
    people: tuple[Speaker, ...] = ()
    kind: str | None = None
    mark: str = ""


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def title_score(text: str, mark: str, column: str | None) -> float:
    score = 1.0
    if mark in ("quote", "code"):
        score += 2.5
    elif mark == "italic":
        score += 1.2
    elif mark == "bold":
        score += 0.4
    words = _words(text)
    if len(words) >= 3:
        score += 0.6
    if any(word.lower() in _TITLE_SMALL_WORDS for word in words[1:-1]) or text.rstrip().endswith("?"):
        score += 0.5
    if column == "title":
        score += 1.0
    return score


def _title_text(titles: list[_Field], lines: list[TextLine], label: str) -> str:
    """Title fields as one title: a parenthesis kept with what it follows (``Lunch (on
    your own)``), other parts joined with `` · `` (nothing is dropped)."""
    shown: list[str] = []
    for one in titles:
        paren = lines[one.line].pieces[one.first].paren and one.first == one.last
        text = f"({one.text})" if paren else one.text
        if shown and text.startswith("("):
            shown[-1] = f"{shown[-1]} {text}"
        elif not shown and text.startswith("(") and label and one.line == 0:
            shown.append(f"{label} {text}")
        else:
            shown.append(text)
    return " · ".join(shown)


def _whole_spans(line: TextLine, first: int, last: int) -> bool:
    """A field takes a span set off whole (``*Ngozi Eze, Peter Olsen*``) all or nothing,
    unless it lies inside it."""
    inside = {piece.span for piece in line.pieces[first : last + 1]}
    if len(inside) == 1:
        return True
    for span in inside - {-1}:
        members = [index for index, piece in enumerate(line.pieces) if piece.span == span]
        if members[0] < first or members[-1] > last:
            return False
    return True


class SlotTextReader:
    """Reads one slot's lines (:class:`TextLine` s) into a :class:`Reading`."""

    def __init__(self, known_people: Collection[str] = ()) -> None:
        self.known = {name.lower() for name in known_people}

    def read(self, lines: list[TextLine], session: str = "") -> Reading:
        reading = Reading()
        lines = [line for line in lines if line.pieces]
        for line in lines:
            reading.links.extend(link for link in line.links if link not in reading.links)
            reading.unread_tags.extend(line.unread_tags)
        fields = self._best_fields(lines)
        titles: list[_Field] = []
        role_before = ""  # "Moderator:" before the people it names
        for one in fields:
            if one.role == "label":
                reading.label, reading.kind = one.text, one.kind
                reading.speakers.extend(one.people)  # "Discussion with Jane Doe"
            elif one.role == "kind":
                reading.kind = one.kind
                reading.label = (
                    reading.label or one.text
                )  # a kind column's words: the title when none is given
            elif one.role == "role":
                role_before = ROLE_NAMES.get(one.text.lower(), one.text.lower())
                role_before = role_before if role_before in ROLE_WORDS else ""
                continue
            elif one.role == "people":
                people = one.people
                if role_before:
                    people = tuple(
                        Speaker(p.name, p.role or role_before, p.group, p.affiliation, p.honorific)
                        for p in people
                    )
                reading.speakers.extend(people)
                role_before = ""
            elif one.role == "affiliation" and reading.speakers and one.text.lower() in ROLE_WORDS:
                last = reading.speakers[-1]  # "Jane Doe (moderator)"
                role = ROLE_NAMES.get(one.text.lower(), one.text.lower())
                reading.speakers[-1] = Speaker(last.name, role, last.group, last.affiliation, last.honorific)
            elif one.role == "affiliation" and reading.speakers:
                last = reading.speakers[-1]
                joined = f"{last.affiliation}, {one.text}" if last.affiliation else one.text
                reading.speakers[-1] = Speaker(last.name, last.role, last.group, joined, last.honorific)
            elif one.role == "room":
                reading.location = one.text
            elif one.role == "note":
                reading.notes.append(one.text)
            elif one.role == "material":
                url = next(url for text, url in lines[one.line].links if text.strip() == one.text)
                reading.materials.append((one.text, url))
            elif one.role == "title" or one.role == "affiliation":
                titles.append(one)
        self._title_and_kind(reading, fields, titles, lines)
        return reading

    def _title_and_kind(
        self, reading: Reading, fields: list[_Field], titles: list[_Field], lines: list[TextLine]
    ) -> None:
        """The slot's title from its title fields (or its label, or a ``TBA`` where the title
        goes), and its kind where no label gave one."""
        label_field = next((one for one in fields if one.role == "label"), None)
        if (
            label_field is not None
            and len(titles) == 1
            and titles[0].line == label_field.line
            and titles[0].first == label_field.last + 1
            and not titles[0].mark
            and not label_field.mark
            and lines[titles[0].line].pieces[titles[0].first].before in ("-", "–", "—")
            and (after := read_label(titles[0].text)) is not None
            and not after.rest
            and not after.handover
        ):
            # "Oral Talk 2 - Best Paper": what follows the label is more of it, not a title
            whole = lines[label_field.line].joined(label_field.first, titles[0].last)
            reading.label = whole
            titles = []
        if titles:
            reading.title = _title_text(titles, lines, reading.label)
            reading.marked = titles[0].mark in ("quote", "code")
        if not reading.title and not reading.label:
            # "TBA" where the title goes: the slot is called that, until it is announced
            placeholder = next((one.text for one in fields if one.role == "noise" and one.text.isalpha()), "")
            reading.title = placeholder
        if not reading.title:
            reading.title = reading.label
        if reading.kind is None and not reading.marked:
            named = any(not s.group for s in reading.speakers)
            # "Welcome from the organizers"; with speakers, only a title that is all label or cut by a comma
            reading.kind = kind_of_words(reading.title, strict=named)
        if reading.kind is None and re.match(r"(?i)(?:session|part|track)\b", reading.title):
            reading.kind = session_kind(reading.title)  # "Session 1: Lightning talks"

    # -- the most plausible fields ------------------------------------------------------

    def _best_fields(self, lines: list[TextLine]) -> list[_Field]:
        """The fields and roles with the highest total score, over every line at once
        (a field never spans two lines). It is long because the dynamic program's
        transitions (a second title, a label after people, a comma before a name) are its
        rules, and they read best beside each other."""
        # positions: (line, piece) in order; a state is (position, last role, titles so far)
        positions = [
            (number, index) for number, line in enumerate(lines) for index in range(len(line.pieces))
        ]
        count = len(positions)
        best: dict[tuple[int, str, int], tuple[float, list[_Field]]] = {(0, "start", 0): (0.0, [])}
        for start in range(count):
            states = [(key, value) for key, value in best.items() if key[0] == start]
            if not states:
                continue
            number, first = positions[start]
            line = lines[number]
            before = line.pieces[first - 1] if first else None
            comma_after_plain_text = (
                before is not None
                and line.pieces[first].before == ","
                and before.mark not in ("quote", "code", "italic")
            )
            by_before = line.pieces[first].before.lower() in ("by", "with", "ft.", "feat.")
            for last in range(first, len(line.pieces)):
                if not _whole_spans(line, first, last):
                    continue
                candidates = self._roles(lines, number, first, last)
                end = start + (last - first) + 1
                for (_, previous, titles), (score, chosen) in states:
                    for candidate in candidates:
                        role = candidate.role
                        value = candidate.score - FIELD_COST
                        if (
                            role == "people"
                            and previous in ("people", "affiliation")
                            and first > 0
                            and not line.pieces[first].before
                            and not candidate.mark
                        ):
                            value -= 1.5  # "Jane Doe (MIT) Learning Things": people are listed with commas
                        if (
                            role == "title"
                            and previous in ("people", "affiliation")
                            and first > 0
                            and not line.pieces[first].before
                        ):
                            value += 1.0  # "Jane Doe (MIT) Learning Things": the title after its speaker
                        if role == "people" and previous == "role":
                            value += 1.0  # "Panelists: A, B"
                        if role == "affiliation" and previous != "people":
                            continue
                        if role == "label" and previous not in ("start", "people", "noise", "room", "kind"):
                            continue  # one label, before the title
                        if role == "title" and titles:
                            value -= SECOND_TITLE
                        if role == "title" and previous == "title" and first > 0:
                            value -= 2.0  # two titles side by side on one line are one title, cut wrongly
                        if (
                            role == "people"
                            and previous == "title"
                            and comma_after_plain_text
                            and not candidate.mark
                        ):
                            value -= 1.5  # "Small Models, Big Libraries": a title's words after a comma
                        if (
                            role == "title"
                            and previous == "people"
                            and line.pieces[first].before == ","
                            and not candidate.mark
                        ):
                            value -= 1.0  # "Optimal Transport, Information Theory": one title, not a name
                        if role == "people" and by_before:
                            value += 1.0  # "Opening Remarks by Jane Doe"
                        after = titles + (role == "title")
                        key = (end, role, min(after, 2))
                        total = score + value
                        if key not in best or best[key][0] < total:
                            best[key] = (total, [*chosen, candidate])
        finals = [value for key, value in best.items() if key[0] == count]
        if not finals:
            return []
        return max(finals, key=lambda value: value[0])[1]

    def _label_roles(
        self, line: TextLine, number: int, first: int, last: int, text: str, mark: str
    ) -> list[_Field]:
        """The field as the slot's label, where it may be one: the first field of its first
        line (or of a cell of its own), ending where a label ends."""
        make = lambda role, score, **more: _Field(number, first, last, role, score, text, mark=mark, **more)  # noqa: E731
        pieces = line.pieces[first : last + 1]
        following = line.pieces[last + 1] if last + 1 < len(line.pieces) else None
        found: list[_Field] = []
        set_off = len(pieces) == 1 and pieces[0].paren  # "(Invited Talk 1) Title": a label in parentheses
        # a label ends at a separator, a parenthesis or the end: "Talk **bold** title" has none
        ends = set_off or (
            following is None
            or following.paren
            or following.before not in ("", ",")
            or (
                # "**Opening** Welcome", "Debate + Q&A **Will tutors help?**": a change of emphasis
                following.mark != pieces[-1].mark
                and (bool(pieces[-1].mark) or last + 1 == len(line.pieces) - 1)
            )
        )
        if ends:
            label = read_label(text)
            weak_session = (  # "Session 1: Title" is a title; "Oral Session 1: Title" a label and a title
                label is not None
                and following is not None
                and label.kind == "session"
                and any(word.lower() in SESSION_WORDS for word in label.label.split())
            )
            if label is not None and not label.rest and not weak_session:
                found.append(make("label", 3.0 + 0.6 * (last - first), kind=label.kind))
            elif label is not None and label.handover and label.handover != "from":
                score, people = score_people(label.rest, True, self.known)
                if people:
                    found.append(
                        _Field(
                            number,
                            first,
                            last,
                            "label",
                            3.0 + score - FIELD_COST,
                            label.label,
                            people=people,
                            kind=label.kind,
                        )
                    )
            elif label is not None and label.rest.startswith("(") and last == first:
                pass
        return found

    def _roles(self, lines: list[TextLine], number: int, first: int, last: int) -> list[_Field]:
        """Each role the field of pieces ``first`` to ``last`` of line ``number`` may have, scored."""
        line = lines[number]
        text = line.joined(first, last)
        pieces = line.pieces[first : last + 1]
        # a field set off whole: one piece, or pieces of one span (**Keynote: Title**)
        same_span = all(p.span == pieces[0].span and p.span >= 0 for p in pieces)
        mark = pieces[0].mark if len(pieces) == 1 or same_span else ""
        others_name_speakers = any(other.column == "speakers" for other in lines if other is not line)
        paren = len(pieces) == 1 and pieces[0].paren
        whole_line = first == 0 and last == len(line.pieces) - 1
        make = lambda role, score, **more: _Field(number, first, last, role, score, text, mark=mark, **more)  # noqa: E731
        if text.strip().lower() in EMPTY_MARKERS:
            return [make("noise", 1.0 + FIELD_COST)]
        material = _MATERIAL.fullmatch(text.strip().strip("[]"))
        if material and any(t.strip() == text.strip() for t, _ in line.links):
            return [make("material", 2.0 + FIELD_COST)]  # "[Poster](https://...)" after the title
        if material and _LINK_ONLY.fullmatch(text.strip().strip("[]")):
            return [make("noise", 1.0 + FIELD_COST)]  # "[pdf]", "Link": a link whose address was not copied
        column = line.column
        if column == "speakers" and (label := read_label(text)) is not None and not label.rest:
            return [make("label", 3.0, kind=label.kind)]  # "Coffee Break" in the speakers' column
        if column == "speakers":
            score, people = score_people(text, True, self.known)
            if not people:
                people = (Speaker(" ".join(text.split()), group=True),)
            return [make("people", 3.0, people=people)]
        if column == "affiliation":
            return [make("affiliation", 3.0)]
        if column == "location":
            return [make("room", 3.0)]
        if column == "kind":
            label = read_label(text)
            kind = label.kind if label and not label.rest else session_kind(text)
            if kind:
                return [make("kind", 3.0, kind=kind)]
            return [make("note", 3.0)]  # "Live", "Recorded": what a format column says, kept as a note
        found: list[_Field] = []
        following = line.pieces[last + 1] if last + 1 < len(line.pieces) else None
        if first == 0 and (number == 0 or not line.below) and (not paren or last + 1 < len(line.pieces)):
            # "(Invited Talk 1) Title": a label may be set off in a parenthesis before the title
            found.extend(self._label_roles(line, number, first, last, text, mark))
        lenient = paren or mark in ("italic", "bold") or (number > 0 and whole_line) or column == "speakers"
        # a room is one piece: "Ballroom A: Learned indexes" is a room and a title
        room = looks_like_room(text) and len(_words(text)) <= 6 and ":" not in text
        score, people = score_people(text, lenient, self.known) if not room else (0.0, ())
        if people and others_name_speakers:
            score -= 1.5  # the slot's speakers are in a column of their own
        if people and column == "title" and not paren and not mark:
            score -= 1.0  # "Leaderboards Are Not Enough: Reporting Cost": a title column's subtitle
        if people:
            found.append(make("people", score + (0.4 if paren else 0.0), people=people))
        if room:
            place = re.sub(r"^(?:in|at)\s+(?:the\s+)?", "", text, flags=re.IGNORECASE)  # "(in Dining Room A)"
            found.append(_Field(number, first, last, "room", 2.5 + (0.3 if paren else 0.0), place, mark=mark))
        institution = _is_affiliation(text)
        if (institution and pieces[0].before in ("", ",", ";")) or (paren and not re.search(r"\d", text)):
            # "Jane Doe (Analytical Engines)": a parenthesis after people is their affiliation
            found.append(make("affiliation", 3.2 if paren else 2.6))
        title = title_score(text, mark, column)
        if people and mark not in ("quote", "code"):
            title -= 1.0
        if paren:
            title -= 0.8
        if institution:
            title -= 1.0  # "Universidad de Montemar": an institution's name
        if text.lower() in NO_ROLE | ROLE_WORDS and following is not None and following.before == ":":
            return [make("role", 2.0 + FIELD_COST)]  # "Panelists: A, B", "Moderator: C"
        found.append(make("title", title))
        return found
