"""Who a name written in running text refers to. Knows nothing of Sphinx.

A program names its speakers as the organizers typed them: ``Michael
Mitzenmacher``, ``Mitzenmacher``, ``M. Mitzenmacher``, ``Prof. Michael
Mitzenmacher``, ``Michael (Mike) Mitzenmacher``. :class:`NameFinder` finds the one declared person such a name
means, says when it could mean several, and finds declared names that a name is
a typo of. Identity is the model's :func:`~roads_ext.model.people.person_key`,
word by word; nothing here folds a name to ASCII or compares letters otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .people import HONORIFICS, person_key

# "Mirela (Mimi) Testova": a nickname in parentheses between the given and the family name
_NICKNAME = re.compile(r"(?<=\S)\s+\([^()]*\)(?=\s+\S)")

# "J.", "J", "J.P.", "J.-P.": a word of initials only
_INITIALS = re.compile(r"^(?:[^\W\d_]\.?-?)+$")


def name_words(name: str) -> list[str]:
    """The words of a name, the honorifics before it and a nickname in parentheses
    between its given and family names (``Mirela (Mimi) Testova``) left out (never all
    of it)."""
    words = _NICKNAME.sub("", name).split()
    start = 0
    while start < len(words) - 1 and words[start].casefold().rstrip(".") in HONORIFICS:
        start += 1
    return words[start:]


def _initials(word: str) -> list[str] | None:
    """``"J.-P."`` -> ``["J", "P"]``; None for a word that is not initials only.
    A single letter is an initial; a longer word without dots is a name (``Li``)."""
    if not _INITIALS.match(word) or (len(word) > 1 and "." not in word):
        return None
    return [ch for ch in word if ch.isalpha()]


def _given_matches(written: list[str], declared: list[str]) -> bool:
    """Whether the written given names (words or initials) are the declared ones, in
    order, the first the first: ``M.`` or ``Michael`` for ``Michael``; ``J. Q.``
    or ``John`` for ``John Quincy``."""
    wanted: list[tuple[str, bool]] = []  # (key, is an initial)
    for word in written:
        letters = _initials(word)
        if letters:
            wanted.extend((person_key(letter), True) for letter in letters)
        else:
            wanted.append((person_key(word), False))
    parts = [part for word in declared for part in word.split("-") if part]
    if not wanted or not parts:
        return not wanted
    position = 0
    for index, (key, initial) in enumerate(wanted):
        while position < len(parts):
            part = parts[position]
            position += 1
            if (person_key(part[0]) if initial else person_key(part)) == key:
                break
            if index == 0:
                return False  # the first given name is the first declared one
        else:
            return False
    return True


def short_form_of(written: str, declared: str) -> bool:
    """Whether ``written`` is a shorter way to write ``declared``: its surname
    (the last words, ``Mitzenmacher``, ``van Beethoven``) alone, or after initials
    or some of the given names (``M. Mitzenmacher``), honorifics left out."""
    words, declared_words = name_words(written), name_words(declared)
    shared = 0
    while shared < min(len(words), len(declared_words)) and person_key(words[-1 - shared]) == person_key(
        declared_words[-1 - shared]
    ):
        shared += 1
    if not shared:
        return False
    return _given_matches(words[: len(words) - shared], declared_words[: len(declared_words) - shared])


@dataclass(frozen=True)
class Found:
    """What a written name refers to: one declared person (``key``), or several it
    could be (``ambiguous``, their keys), or nobody (both empty)."""

    key: str | None = None
    ambiguous: tuple[str, ...] = ()


class NameFinder:
    """The declared names of a site, to find who a written name means."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """``names``: ``(key, declared name)`` pairs, one per person."""
        self.names: dict[str, str] = dict(names)
        #: the key of a declared name's last word -> the keys of the people so named
        self._by_surname: dict[str, list[str]] = {}
        for key, name in self.names.items():
            words = name_words(name)
            if words:
                self._by_surname.setdefault(person_key(words[-1]), []).append(key)
        self._nearby: dict[str, set[str]] | None = None
        self._nearby_surnames: dict[str, set[str]] | None = None

    def find(self, written: str) -> Found:
        """The full name (any case, spacing, honorifics), else a short form that only
        one declared person has."""
        key = person_key(written)
        if key in self.names:
            return Found(key)
        words = name_words(written)
        if not words:
            return Found()
        stripped = person_key(" ".join(words))
        if stripped in self.names:
            return Found(stripped)
        candidates = [
            other
            for other in self._by_surname.get(person_key(words[-1]), ())
            if short_form_of(written, self.names[other])
        ]
        if len(candidates) == 1:
            return Found(candidates[0])
        return Found(None, tuple(sorted(candidates, key=self.names.__getitem__)))

    def near_misses(self, written: str) -> list[str]:
        """Declared names ``written`` is likely a typo of: a letter off (two in a long
        name), in the whole name or in the surname of a short form. A name of fewer than
        six letters has no near misses: ``王伟`` is not a typo of ``张伟``."""
        words = name_words(written)
        if not words:
            return []
        found: set[str] = set()
        whole = person_key(" ".join(words))
        if self._nearby is None:
            self._nearby = _deletion_index(self.names)
        for other in _candidates(self._nearby, whole):
            if _close(whole, other):
                found.add(other)
        surname = person_key(words[-1])
        if self._nearby_surnames is None:
            self._nearby_surnames = _deletion_index(self._by_surname)
        for other_surname in _candidates(self._nearby_surnames, surname):
            if other_surname == surname or not _close(surname, other_surname, shortest=5):
                continue
            for other in self._by_surname[other_surname]:
                fixed = " ".join([*words[:-1], name_words(self.names[other])[-1]])
                if short_form_of(fixed, self.names[other]):
                    found.add(other)
        found.discard(self.find(written).key or "")
        return sorted((self.names[key] for key in found), key=str.casefold)


def _deletion_index(keys: Iterable[str]) -> dict[str, set[str]]:
    """Each key and each key with one character left out -> the keys it comes from:
    two keys one edit apart share an entry (as in SymSpell)."""
    index: dict[str, set[str]] = {}
    for key in keys:
        for variant in _variants(key):
            index.setdefault(variant, set()).add(key)
    return index


def _variants(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


def _candidates(index: dict[str, set[str]], key: str) -> set[str]:
    found: set[str] = set()
    for variant in _variants(key):
        found |= index.get(variant, set())
    return found


def _close(a: str, b: str, shortest: int = 6) -> bool:
    """One edit apart (two for names of twelve letters or more), neither too short."""
    letters = min(sum(ch.isalnum() for ch in a), sum(ch.isalnum() for ch in b))
    if a == b or letters < shortest:
        return False
    return edit_distance(a, b) <= (2 if letters >= 12 else 1)


def edit_distance(a: str, b: str) -> int:
    """Insertions, deletions, substitutions and swaps of two neighbours (optimal string
    alignment distance)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


# --- a list of authors, as exports write it -------------------------------------------


#: a separator of names outside parentheses: ``Ada (Univ A, UK), Bob``
_OUTSIDE_PARENTHESES = r"(?![^()]*\))"
#: ``Jane Roe (Univ A)*``: an author as exports write one, the affiliation and a contact mark after
_AFFILIATION_AFTER = re.compile(r"^(.*?)\s*(?:\([^()]*\))?\s*\*?\s*$")


def split_authors(text: str) -> tuple[str, ...]:
    """``Ada Lovelace, Alan Turing and Grace Hopper`` (or with ``;``) -> the names, each
    without the affiliation a tool writes after it in parentheses."""
    separator = r"\s*;\s*" if ";" in text else r"\s*,\s*|\s+and\s+|\s*&\s*"
    parts = re.split(f"(?:{separator}){_OUTSIDE_PARENTHESES}", text.strip())
    return tuple(
        name
        for part in parts
        if (name := " ".join(_AFFILIATION_AFTER.match(part.strip()).group(1).split()))  # type: ignore[union-attr]
    )
