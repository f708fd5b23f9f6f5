"""What a pasted line of a program says: markup cleaned, a title told from people,
people with their affiliations. Knows nothing of Sphinx.

Published programs set a talk's title off (backticks, quotes, ``*italics*``), name people
as ``Prof. Jane Doe (Harvard)``, ``Jane Doe, University of X`` or by surname alone, and
decorate lines with HTML entities, ``<br>``, bold and emoji; :mod:`roads_ext.model.program`
reads the slots with these.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .words import INSTITUTION_WORDS as _INSTITUTION
from .words import PARTICLES as _PARTICLES
from .words import PROGRAM_VOCABULARY as _PROGRAM_VOCABULARY
from .words import TITLE_WORDS as _TITLE_WORDS


@dataclass(frozen=True)
class Speaker:
    name: str  # as written, an honorific (Prof., Dr.) left out
    role: str = ""
    group: bool = False  # "Workshop Organizers": shown as written, not looked up
    affiliation: str = ""  # as the program gives it: "Harvard" in "Jane Doe (Harvard)"
    honorific: str = ""  # "Prof." in "Prof. Jane Doe": shown, not part of the name

    @property
    def written(self) -> str:
        """The name as the program writes it: ``Prof. Jane Doe``."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name


#: words that make a name in parentheses a group shown as written, not a person
GROUP_WORDS = (
    "organizer",
    "organiser",
    "committee",
    "chairs",
    "tba",
    "tbd",
    "all ",
    "everyone",
    "authors",
    "speakers",
    "panelists",
    "participants",
    "attendees",
    "team",
)


def trailing_parenthesis(title: str) -> tuple[str, str] | None:
    """``("Title", "inside")`` for a title that ends with ``(inside)``."""
    if not title.endswith(")"):
        return None
    depth = 0
    for index in range(len(title) - 1, -1, -1):
        depth += title[index] == ")"
        depth -= title[index] == "("
        if depth == 0:
            return title[:index].strip(), title[index + 1 : -1].strip()
    return None


# --- cleaning what was pasted -----------------------------------------------------------

_TAG_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_TAG_ITALIC = re.compile(r"<\s*(em|i)\s*>(.*?)<\s*/\s*\1\s*>", re.IGNORECASE)
_TAG_DROPPED = re.compile(
    r"<\s*/?\s*(?:span|b|strong|small|font|div|p|u|mark|sup|sub)\b[^<>]*>", re.IGNORECASE
)
#: a Markdown link or image as written, ``[text](url "title")``, its URL allowed one level of
#: parentheses (``javascript:alert(1)``): the one pattern for links left as text in a title,
#: a people list, a sponsor's line or a bio
MARKDOWN_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>[^\[\]]*)\]\(\s*(?P<url><[^<>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+\"[^\"]*\")?\s*\)"
)
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


@lru_cache(maxsize=4096)
def clean_text(text: str) -> str:
    """What a visitor reads in a pasted line: entities decoded (``&nbsp;``), a link's text
    without its URL, bold and emoji markers dropped, ``<br>`` as a line break; other
    markup (``*italic*``, backticks, quotes) is kept, it tells a title from a name."""
    text = html.unescape(text) if "&" in text else text
    text = text.replace("\xa0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if "<" in text:
        text = _TAG_BREAK.sub("\n", text)
        text = _TAG_ITALIC.sub(r"*\2*", text)
        text = _TAG_DROPPED.sub("", text)
    if "](" in text:
        text = MARKDOWN_LINK.sub(r"\g<text>", text)
    if "**" in text or "__" in text:
        text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    parts = [" ".join(part.split()) for part in text.split("\n")]
    if not text.isascii():
        parts = [_without_markers(part) for part in parts]
    return "\n".join(parts).strip()


def markdown_links(text: str) -> list[tuple[str, str]]:
    """The Markdown links in a pasted line, ``[text](url)``: ``(text, url)`` each (images left out)."""
    if "](" not in text:
        return []
    return [
        (match.group("text"), match.group("url").strip("<>"))
        for match in MARKDOWN_LINK.finditer(text)
        if not match.group("image")
    ]


#: raw HTML in a pasted line: the tags ``clean_text`` reads (``<br>``, ``<em>``, ``<i>``) and the others
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][\w-]*)\b[^<>]*>")
_TAGS_READ = {"br", "em", "i"}


def html_tags(text: str) -> tuple[list[str], list[str]]:
    """The tags of a pasted line that ``clean_text`` leaves out (``<b>``, ``<span>``) and
    those it leaves as text (``<script>``), each as written; ``<br>``, ``<em>``, ``<i>`` are read."""
    if "<" not in text:
        return [], []
    dropped: list[str] = []
    shown: list[str] = []
    for match in _TAG.finditer(html.unescape(text) if "&" in text else text):
        if match.group(1).lower() in _TAGS_READ:
            continue
        (dropped if _TAG_DROPPED.fullmatch(match.group(0)) else shown).append(match.group(0))
    return dropped, shown


def _is_marker(ch: str) -> bool:
    """An emoji or pictograph used as a marker (☕, 🎤), or its joiners and skin tones."""
    return (
        ch in "\ufe0f\ufe0e\u200d"
        or 0x1F3FB <= ord(ch) <= 0x1F3FF
        or (ord(ch) > 0x2100 and unicodedata.category(ch) == "So")
    )


def _without_markers(part: str) -> str:
    """A line without the emoji that mark it at its start or end (``☕ Coffee Break``);
    one inside a title is part of it (``Why 🎉 matters``) and stays whole."""
    start, end = 0, len(part)
    while start < end and (_is_marker(part[start]) or part[start].isspace()):
        start += 1
    while end > start and (_is_marker(part[end - 1]) or part[end - 1].isspace()):
        end -= 1
    return part[start:end]


_MARKED = (("`", "`"), ('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("*", "*"), ("_", "_"))


def unmark(text: str) -> tuple[str, str]:
    """``("Title", mark)`` for a text wrapped whole in backticks, quotes or ``*italics*``."""
    text = text.strip()
    for left, right in _MARKED:
        if len(text) > 2 and text.startswith(left) and text.endswith(right):
            inner = text[len(left) : -len(right)].strip()
            if left in "'‘" or (left not in inner and right not in inner):
                return inner, left
    return text, ""


def leading_mark(text: str) -> tuple[str, str, str] | None:
    """``(inside, mark, after)`` for a text that begins with a marked title:
    ``"Title", Jane Doe`` or ``*Title* - Jane Doe``."""
    text = text.strip()
    for left, right in _MARKED:
        if left in "'‘" or not text.startswith(left):
            continue
        close = text.find(right, len(left))
        if close > len(left):
            return text[len(left) : close].strip(), left, text[close + len(right) :].strip()
    return None


# --- people as programs write them ------------------------------------------------------

HONORIFICS = re.compile(r"^(?:prof|professor|dr|mr|mrs|ms|mx|sir|dame)\.?\s+", re.IGNORECASE)


def _plain_name(name: str) -> str:
    """A name with its nickname left out: ``Yingyan (Celine) Lin`` -> ``Yingyan Lin``."""
    return " ".join(re.sub(r"\([^()]*\)", " ", name).split())


#: endings of English words that names hardly have: "Denoising", "Seismic", "Quantization"
_WORD_ENDINGS = re.compile(
    r"(?:tion|sion|ment|ness|ity|ism|ical|ous|ive|able|ible|ized|ised|ology|ware|ics)$"
)


def _english_word(word: str, first: bool) -> bool:
    """A word of a title rather than of a name: a long word with an ending names hardly
    have (``Quantization``, ``Interpretability``). Gerunds are left to the vocabulary
    (``model.words``): many given names end in -ing (Meiling, Xiaoming)."""
    folded = word.lower().strip(".,")
    return len(folded) >= 7 and bool(_WORD_ENDINGS.search(folded))


def name_like(text: str) -> bool:
    """Whether ``text`` reads as a person's name: two to five capitalised words (initials,
    particles and a nickname in parentheses allowed), none of them a title's or an
    institution's word."""
    words = _plain_name(text).split()
    if not 2 <= len(words) <= 5:
        return False
    if any(_english_word(word, index == 0) for index, word in enumerate(words)):
        return False
    for word in words:
        bare = word.strip(",.")
        folded = bare.lower()
        if len(bare) == 1 and bare.isupper():
            continue  # an initial
        if (
            folded in _TITLE_WORDS
            or folded in _INSTITUTION
            or folded in _PROGRAM_VOCABULARY
            or any(ch.isdigit() for ch in bare)
            or any(part in _PROGRAM_VOCABULARY for part in folded.split("-")[1:])
        ):
            return False
        if folded in _PARTICLES:
            continue
        if not bare or not _capital(bare[0]):
            return False
        letters = bare.replace(".", "").replace("-", "").replace("'", "")
        if len(letters) > 1 and letters.isupper():
            return False  # an acronym: MIT, UMD
    return True


def _surname_like(text: str) -> bool:
    word = text.strip()
    return (
        bool(re.fullmatch(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*", word))
        and _capital(word[0])
        and word.lower() not in _TITLE_WORDS
        and word.lower() not in _INSTITUTION
        and word.lower() not in _PROGRAM_VOCABULARY
        and not (len(word) > 1 and word.isupper())
    )


_GROUP_WORD = re.compile(
    "|".join(word.strip() for word in GROUP_WORDS if word.strip() not in ("all", "everyone"))
)


def _is_group(text: str) -> bool:
    """``Workshop Organizers``, ``Paper authors``, ``TBA``, ``All``: shown as written."""
    words = re.findall(r"[a-z]+", text.lower())
    if not words or len(words) > 4:
        return False
    if words[0] in ("all", "everyone"):
        return True
    return any(_GROUP_WORD.match(word) for word in words)


def split_outside_parentheses(text: str, pattern: str) -> list[str]:
    """Split ``text`` at ``pattern``, never inside parentheses."""
    masked = text
    if "(" in text:
        # what is inside parentheses is hidden from the pattern, at the same offsets
        chars, depth = list(text), 0
        for index, ch in enumerate(text):
            if ch == "(":
                depth += 1
            elif ch == ")" and depth:
                depth -= 1
            elif depth:
                chars[index] = "\x00"
        masked = "".join(chars)
    parts, start = [], 0
    for match in re.finditer(pattern, masked):
        if match.end() > match.start():
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts]


def _name_and_affiliation(part: str) -> tuple[str, str, str]:
    """``Prof. Jane Doe (Harvard)`` -> ``("Jane Doe", "Harvard", "Prof.")``; a nickname in
    the middle of a name (``Yingyan (Celine) Lin``) stays in it."""
    part = part.strip()
    title = HONORIFICS.match(part)
    honorific = title.group(0).strip() if title else ""
    part = part[title.end() :] if title else part
    affiliation = ""
    trailing = trailing_parenthesis(part)
    if trailing and trailing[0]:
        part, affiliation = trailing
    return " ".join(part.split()), " ".join(affiliation.split()), honorific


def read_people(text: str, lenient: bool = False) -> list[Speaker] | None:
    """Speakers in ``A (X), B (Y)``, ``A, University``, ``A and B; moderator: C``,
    ``Surname, Surname``; None when ``text`` does not read as people.

    ``lenient``: the text is known to name people (a parenthesis after a kind's label,
    a table's speaker column): single words and unusual names are taken as written.
    """
    found = _read_people(text, lenient)
    return list(found) if found is not None else None


@lru_cache(maxsize=4096)
def _read_people(text: str, lenient: bool) -> tuple[Speaker, ...] | None:
    """:func:`read_people`, once per text: a slot's text is asked about more than once."""
    text = text.strip().strip(",;")
    if not text:
        return None
    speakers: list[Speaker] = []
    for chunk in split_outside_parentheses(text, r"\s*;\s*"):
        role = ""
        match = re.match(r"^(?P<role>[A-Za-z][A-Za-z -]{0,30}?)\s*:\s*(?P<rest>.+)$", chunk)
        if match and not name_like(match.group("role")):
            role, chunk = match.group("role").strip(), match.group("rest")
        parts = [p for p in split_outside_parentheses(chunk, r"\s*,\s*|\s+(?:and|&|\+|·|\|)\s+") if p]
        parts = [re.sub(r"^(?:and|&|\+)\s+", "", p) for p in parts]
        found: list[Speaker] = []
        singles = all(len(_plain_name(_name_and_affiliation(p)[0]).split()) == 1 for p in parts)
        for part in parts:
            name, affiliation, honorific = _name_and_affiliation(part)
            if not name:
                return None
            if _is_group(name):
                found.append(Speaker(name, role, True, affiliation, honorific))
            elif (
                name_like(name)
                or (singles and lenient and _surname_like(name))
                or (lenient and not found and _lenient_name(name))
            ):
                found.append(Speaker(name, role, False, affiliation, honorific))
            elif (
                found
                and not affiliation
                and (_is_affiliation(name) or _surname_like(name) or found[-1].affiliation)
            ):
                last = found[-1]  # "Jane Doe, University of X, Berkeley": the affiliation
                joined = f"{last.affiliation}, {name}" if last.affiliation else name
                found[-1] = Speaker(last.name, last.role, last.group, joined, last.honorific)
            elif lenient and _lenient_name(name):
                found.append(Speaker(name, role, False, affiliation, honorific))
            else:
                return None
        speakers.extend(found)
    return tuple(speakers) or None


def _capital(ch: str) -> bool:
    """A capital letter, or a letter of a script without case (王伟)."""
    return ch.isupper() or (ch.isalpha() and not ch.islower())


def _lenient_name(text: str) -> bool:
    """A name taken as written where people are expected: capitalised, no title's words."""
    words = text.split()
    return (
        bool(words)
        and not any(ch.isdigit() for ch in text)
        and _capital(text[0])
        and not _is_affiliation(text)
        and len(words) <= 6
        and not any(w.lower() in _TITLE_WORDS or w.lower() in _PROGRAM_VOCABULARY for w in words)
    )


def _is_affiliation(text: str) -> bool:
    words = [w.strip(",.()").lower() for w in text.split()]
    if any(w in _INSTITUTION for w in words):
        return True
    letters = text.replace(".", "").replace("-", "").replace(" ", "")
    return len(text.split()) == 1 and len(letters) > 1 and letters.isupper()


def split_speakers(text: str) -> list[Speaker]:
    """``A, B and C; moderator: D`` -> speakers, with roles and groups told apart."""
    return read_people(text, lenient=True) or [Speaker(" ".join(text.split()))]


# --- rooms ---------------------------------------------------------------------------------

_ROOM = re.compile(
    r"(?<![\w-])(?:room|hall|ballroom|auditorium|foyer|lobby|building|floor|level|suite|"
    r"theatre|theater|atrium|terrace|salon|lounge|wing|rm\.?)\b",
    re.IGNORECASE,
)


def looks_like_room(text: str) -> bool:
    return bool(_ROOM.search(text))
