"""People: speakers and organizers, as plain data. Knows nothing of Sphinx.

A person is declared where their details are written (a speaker card, a
committee line with an affiliation). Declarations of the same person (the same
:func:`person_key`) must agree; anywhere else the person is referred to by name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, fields, replace

from .pasted import MARKDOWN_LINK

#: the details of a person that two declarations must agree on
DETAIL_FIELDS = ("affiliation", "country", "homepage", "photo")


@dataclass(frozen=True)
class Person:
    name: str
    affiliation: str = ""
    country: str = ""
    homepage: str = ""
    photo: str = ""

    @functools.cached_property
    def key(self) -> str:
        # kept with the person, also in the pickled environment: a rebuild indexes
        # thousands of people declared on pages it did not re-read
        return person_key(self.name)

    @property
    def anchor(self) -> str:
        return f"person-{key_anchor(self.key)}"

    @property
    def initials(self) -> str:
        return initials(self.name)

    @property
    def where(self) -> str:
        """ "Affiliation, Country" as one line, as the seed writes it."""
        return ", ".join(part for part in (self.affiliation, self.country) if part)

    @property
    def title(self) -> str:
        """ "Name, Affiliation, Country": the hover text of a link to the person."""
        return ", ".join(part for part in (self.name, self.where) if part)

    def merged_with(self, other: Person) -> Person:
        """This person with empty details filled in from ``other``."""
        values = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        return Person(**values)


def conflicts(first: Person, second: Person) -> list[tuple[str, str, str]]:
    """The details that both give, differently: ``(field, first's, second's)``."""
    found = []
    for name in DETAIL_FIELDS:
        a, b = getattr(first, name), getattr(second, name)
        if a and b and a != b:
            found.append((name, a, b))
    return found


#: words before a name that are not part of it (compared case-insensitively, dot or not):
#: ``Prof. Dr. Ada Lovelace`` is ``Ada Lovelace``, found and declared alike
HONORIFICS = frozenset({"prof", "professor", "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"})


@functools.lru_cache(maxsize=16384)  # a name is looked up wherever it is written, often
def person_key(name: str) -> str:
    """A stable identifier for a name: case, spacing, punctuation and the accents
    of Latin letters folded; every letter of every script kept.

    The name is never folded to ASCII: 张伟 and 王伟, or ``Wei 张`` and ``Wei 王``,
    are two people, and so are two Cyrillic names that share a Latin surname.
    Invisible characters (zero-width spaces, joiners, bidi marks) are dropped;
    spaces of any kind (a no-break space too), punctuation and symbols separate words.
    Honorifics before the name are no part of it (never the whole name).

    >>> person_key("Zoë  O'Neil-Smith")
    'zoe-o-neil-smith'
    >>> person_key("Prof. Dr. Ada Lovelace")
    'ada-lovelace'
    >>> person_key("Анна Smith") == person_key("Мария Smith")
    False
    """
    words = folded_words(name)
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return "-".join(words)


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def folded_words(text: str) -> list[str]:
    """The words of ``text``, lower case: the accents of Latin letters folded (Zoë, zoe),
    every letter and digit of every script kept (й is not и), invisible characters
    dropped, anything else a word break. What a person's key and a paper's anchor are
    made of."""
    if text.isascii():  # nothing to normalize or fold but the case; a letter or digit is [a-z0-9]
        return _ASCII_WORD.findall(text.lower())
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept: list[str] = []
    for ch in unicodedata.normalize("NFD", folded):
        category = unicodedata.category(ch)
        if category.startswith("M"):
            # an accent on a Latin letter is folded; on any other letter it is part of it
            if kept and not kept[-1].isascii():
                kept.append(ch)
        elif category.startswith(("L", "N")):
            kept.append(ch)
        elif category != "Cf":  # spaces, punctuation, symbols: a word break
            kept.append(" ")
    return unicodedata.normalize("NFC", "".join(kept)).split()


@functools.lru_cache(maxsize=16384)
def key_anchor(key: str) -> str:
    """An HTML id for a person's key: ASCII as it is, any other letter as its code
    point (``wei-u5f20``), so that ids and links stay plain ASCII."""
    spelled = "".join(ch if ch.isascii() else f"-u{ord(ch):x}-" for ch in key)
    return re.sub(r"-{2,}", "-", spelled).strip("-")


#: characters that show nothing: zero-width spaces and joiners, the word joiner,
#: bidi marks and the soft hyphen (Unicode's "format" category)
def visible(text: str) -> str:
    """``text`` without the characters that show nothing, and trimmed."""
    if text.isascii():  # every character that shows nothing is outside ASCII
        return text.strip()
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a person's name, or None. Quoted with ``repr``, so
    that invisible characters show as escapes (``'\\u200b'``)."""
    if not visible(name):
        return (
            f"{name!r} is no name: it has only invisible characters or spaces"
            if name
            else "the name is empty"
        )
    if not any(ch.isalpha() for ch in name):
        return f"{name!r} is not a name: it has no letter"
    return None


def initials(name: str) -> str:
    """Up to two initials for an avatar: first and last word of the name, honorifics and
    invisible characters (a bidi mark pasted before it) left out."""
    words = [w for w in re.split(r"[\s\-]+", visible(name)) if w and w[0].isalnum()]
    while len(words) > 1 and words[0].casefold().rstrip(".") in HONORIFICS:
        words.pop(0)
    if not words:
        return "?"
    picked = [words[0], words[-1]] if len(words) > 1 else [words[0]]
    return "".join(w[0] for w in picked).upper()


# --- the committee line: "Name (Affiliation, Country) — Role" -----------------

#: what may follow a name after a comma and still be part of it (``Martin King, Jr.``)
_NAME_SUFFIX = re.compile(r"^(?:jr|sr|i{1,3}|iv|v|phd|ph\.d|md|esq)\.?$", re.IGNORECASE)
_ROLE_SEPARATOR = re.compile(r"\s+(?:—|–|--|-)\s+")


class PersonLineError(ValueError):
    """A people-list item that does not read ``Name (Affiliation[, Country])``."""


@dataclass(frozen=True)
class PersonLine:
    """One item of a people list, as the author wrote it."""

    name: str
    affiliation: str = ""
    country: str = ""
    role: str = ""
    has_details: bool = False
    #: a link written as Markdown that the parser did not turn into one
    #: (an unsupported scheme such as ``data:``); the caller checks it
    link: str = ""


def split_affiliation(inner: str) -> tuple[str, str]:
    """``"Univ. of X, Dept, USA"`` -> ``("Univ. of X, Dept", "USA")``."""
    inner = " ".join(inner.split())
    if "," in inner:
        affiliation, country = inner.rsplit(",", 1)
        return affiliation.strip(), country.strip()
    return inner, ""


def parse_person_line(name_part: str | None, rest: str) -> PersonLine:
    """Read one people-list item.

    ``name_part`` is the name when the author linked it (``[Name](url) (...)``),
    in which case ``rest`` is the text after the link; otherwise ``rest`` is the
    whole item. Accepted forms::

        Name
        Name (Affiliation)
        Name (Affiliation, Country)
        Name (Affiliation, Country) — Role
        Name, Affiliation, Country — Role
    """
    tabs = tab_problem(rest)
    if tabs:
        raise PersonLineError(tabs)
    rest = " ".join(rest.split())
    if name_part is None:
        unlinked = MARKDOWN_LINK.match(rest)  # left as text by Markdown (an unsupported scheme)
        if unlinked and not unlinked.group("image") and unlinked.group("text").strip():
            parsed = parse_person_line(unlinked.group("text"), rest[unlinked.end() :])
            return replace(parsed, link=unlinked.group("url"))
        match = re.match(r"^(?P<name>[^()]*?)\s*(?P<tail>\(.*)?$", rest)
        if not match:  # pragma: no cover - the pattern accepts any text
            raise PersonLineError(rest)
        name = match.group("name")
        tail = match.group("tail") or ""
        if not tail:
            name, role = _split_role(name)
            name, after_comma = _split_comma(name)
            _check_name(name, rest)
            if after_comma:  # "Name, Affiliation, Country": as many lists are written
                affiliation, country = split_affiliation(after_comma)
                return PersonLine(name, affiliation, country, role, has_details=True)
            return PersonLine(name=name, role=role)
    else:
        name = " ".join(name_part.split())
        tail = rest
    _check_name(name, rest)
    if not tail:
        return PersonLine(name=name)
    if tail.startswith(",") and "(" not in tail:  # "[Name](url), Affiliation — Role"
        details, role = _split_role(tail[1:])
        if not details:
            raise PersonLineError(f"nothing after the comma in {rest!r}")
        affiliation, country = split_affiliation(details)
        return PersonLine(name, affiliation, country, role, has_details=True)
    if not tail.startswith("("):
        role_only = _ROLE_SEPARATOR.match(" " + tail)
        if role_only:
            return PersonLine(name=name, role=tail[role_only.end() - 1 :].strip())
        raise PersonLineError(f"unexpected text after the name: {tail!r}")
    depth, close = 0, -1
    for index, ch in enumerate(tail):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            close = index
            break
    if close < 0:
        raise PersonLineError("the parenthesis after the name is not closed")
    inner, after = tail[1:close], tail[close + 1 :].strip()
    if not inner.strip():
        raise PersonLineError("the parentheses are empty: write (Affiliation, Country)")
    affiliation, country = split_affiliation(inner)
    role = ""
    if after:
        separator = _ROLE_SEPARATOR.match(" " + after)
        if not separator:
            raise PersonLineError(
                f"unexpected text after the affiliation: {after!r} "
                "(write a role after a dash: '— General chair')"
            )
        role = after[separator.end() - 1 :].strip()
    return PersonLine(name, affiliation, country, role, has_details=True)


def _split_role(text: str) -> tuple[str, str]:
    parts = _ROLE_SEPARATOR.split(text, maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else (text.strip(), "")


def _split_comma(text: str) -> tuple[str, str]:
    """``"Alan Turing, University of Manchester"`` -> the name and what follows its first
    comma, unless that is a suffix of the name (``Jr.``, ``III``, ``PhD``). A name of one
    word before the comma (``Turing, Alan``) may be a surname first: not guessed at."""
    parts = [part.strip() for part in text.split(",")]
    kept = 1
    while kept < len(parts) and _NAME_SUFFIX.match(parts[kept]):
        kept += 1
    name, after = ", ".join(parts[:kept]), ", ".join(part for part in parts[kept:] if part)
    if not after:
        return name, ""
    if len(parts[0].split()) < 2:
        raise PersonLineError(
            f"{text.strip()!r} could be 'Surname, Given name' or 'Name, Affiliation': write "
            "'Name (Affiliation, Country)'"
        )
    return name, after


def _check_name(name: str, whole: str) -> None:
    if not name:
        raise PersonLineError(f"no name before {whole!r}")
    problem = name_problem(name)
    if problem:
        raise PersonLineError(problem)
    if "~" in name:
        raise PersonLineError(
            f"{name!r} holds '~', which is not part of a name: write a role after a dash "
            "('Name — Role') and the details in parentheses ('Name (Affiliation, Country)')"
        )


#: a tab between words: columns pasted from a table
TAB_COLUMNS = re.compile(r"\S\t\s*\S")


def tab_problem(text: str) -> str | None:
    """Why an item whose words are separated by tabs is not read, or None."""
    if TAB_COLUMNS.search(text.strip()):
        return (
            f"{text.strip()!r} is separated by tabs, like columns pasted from a table: "
            "write 'Name (Affiliation, Country)'"
        )
    return None
