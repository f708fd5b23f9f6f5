"""The kinds of slot, and the words programs label them with.

A label is read word by word, not matched against a list of phrases: its words are kind
words (``keynote``, ``coffee``, ``panel``), fillers that often stand beside them
(``talk``, ``session``, ``and``, ``+``, a number) or qualifiers (``virtual``,
``off-the-record``), and it ends where the text goes on with something else: a
separator (``:``, ``-``, ``|``), a parenthesis, ``with``/``by`` and people, or the end. So
``Coffe break``, ``*Networking session*``, ``Invited Talk + Q&A``, ``Keynote speaker 1:``
and ``Posters (session 1)`` are all read by the same rule, and ``Closing the Gap`` is no
label (``Gap`` is no program word and no separator came before it).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import NamedTuple

from ..formats import N_
from ..problems import did_you_mean

#: kind -> (label shown, words an author may write for it in a ``kind:`` detail)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "opening": (N_("Opening"), ("opening", "opening remarks", "welcome", "introduction", "intro")),
    "keynote": (N_("Keynote"), ("keynote", "keynote talk", "plenary", "plenary talk")),
    "invited": (N_("Invited talk"), ("invited talk", "invited", "talk")),
    "contributed": (
        N_("Contributed talk"),
        ("contributed talk", "contributed", "oral", "spotlight", "lightning talks", "paper presentations"),
    ),
    "panel": (
        N_("Panel"),
        ("panel", "panel discussion", "discussion", "round table", "fireside chat", "q&a"),
    ),
    "poster": (N_("Poster session"), ("poster session", "posters", "poster")),
    "break": (N_("Break"), ("break", "coffee break", "coffee", "tea break", "breakfast", "registration")),
    "lunch": (N_("Lunch"), ("lunch", "lunch break")),
    "social": (N_("Social"), ("social", "reception", "dinner", "networking", "happy hour", "party")),
    "closing": (N_("Closing"), ("closing", "closing remarks", "concluding remarks", "awards", "wrap-up")),
    "session": (N_("Session"), ("session",)),
}
#: kinds whose slots are talks (a schema.org sub-event each, speakers as performers)
TALK_KINDS = ("keynote", "invited", "contributed", "panel", "poster", "session")

#: words that name a kind wherever they stand in a label; the first one names the label's kind
KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(("keynote", "keynotes", "plenary", "plenaries"), "keynote"),
    **dict.fromkeys(("invited",), "invited"),
    **dict.fromkeys(
        ("contributed", "oral", "orals", "spotlight", "spotlights", "lightning", "paper", "papers"),
        "contributed",
    ),
    **dict.fromkeys(
        (
            "panel",
            "panels",
            "discussion",
            "discussions",
            "roundtable",
            "debate",
            "q&a",
            "fireside",
            "ama",
            "town-hall",
        ),
        "panel",
    ),
    **dict.fromkeys(("poster", "posters"), "poster"),
    **dict.fromkeys(
        (
            "break",
            "breaks",
            "coffee",
            "tea",
            "registration",
            "breakfast",
            "refreshments",
            "check-in",
            "pause",
        ),
        "break",
    ),
    **dict.fromkeys(("lunch", "luncheon"), "lunch"),
    **dict.fromkeys(
        (
            "social",
            "socials",
            "socialize",
            "socialise",
            "reception",
            "dinner",
            "networking",
            "party",
            "drinks",
            "banquet",
            "happy-hour",
            "mixer",
            "get-together",
        ),
        "social",
    ),
    **dict.fromkeys(
        (
            "closing",
            "awards",
            "award",
            "wrap-up",
            "concluding",
            "conclusion",
            "conclusions",
            "farewell",
            "adjourn",
        ),
        "closing",
    ),
    **dict.fromkeys(
        ("opening", "welcome", "introduction", "intro", "introductory", "kickoff", "kick-off"), "opening"
    ),
}
#: words that name a kind only when no kind word does: ``Talk: Title``, ``Session 2``
WEAK_KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(("talk", "presentation", "lecture", "speaker", "speakers"), "session"),
    # a plural names several talks of the program's own: "Community presentations", "Talks"
    **dict.fromkeys(("talks", "presentations", "lectures"), "contributed"),
    **dict.fromkeys(("session", "sessions"), "session"),
    **dict.fromkeys(("tutorial", "tutorials", "demo", "demos", "off-the-record"), "session"),
}
#: the words of a label that names a part of the program, not a kind of slot: "Session 1: ..."
SESSION_WORDS = frozenset(("session", "sessions", "part", "track", "block"))
#: words that stand beside kind words in a label and name nothing by themselves
FILLERS = frozenset(
    [
        "and",
        "&",
        "+",
        "/",
        "the",
        "of",
        "a",
        "an",
        "with",
        "time",
        "hour",
        "hours",
        "round",
        "remarks",
        "speech",
        "address",
        "chat",
        "table",
        "best",
        "accepted",
        "selected",
        "short",
        "long",
        "morning",
        "afternoon",
        "evening",
        "day",
        "group",
        "photo",
        "official",
        "workshop",
        "virtual",
        "remote",
        "online",
        "live",
        "in-person",
        "hybrid",
        "recorded",
        "pre-recorded",
        "off-the-record",
        "desk",
        "to",
        "announcement",
        "announcements",
        "community",
        "industry",
        "student",
        "students",
        "project",
        "partner",
        "sponsor",
        "sponsored",
        "notes",
        "note",
        "back",
        "post",
        "pre",
        "mid",
        "after",
        "informal",
        "optional",
        "event",
        "events",
        "overview",
        "breakout",
        "break-out",
        "hands-on",
        "challenge",
        "competition",
        "part",
        "block",
        "track",
        "lightning-round",
        "open",
        "general",
        "final",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "5th",
        "mini",
        "quick",
    ]
)
#: two words read as one before the label is read
PHRASES = {
    "happy hour": "happy-hour",
    "round table": "roundtable",
    "fireside chat": "fireside",
    "q & a": "q&a",
    "q and a": "q&a",
    "q/a": "q&a",
    "wrap up": "wrap-up",
    "check in": "check-in",
    "kick off": "kick-off",
    "get together": "get-together",
    "town hall": "town-hall",
    "off the record": "off-the-record",
    "in person": "in-person",
    "pre recorded": "pre-recorded",
}
#: what ends a label and hands the rest of the text on: ``Discussion with Jane Doe``
HANDOVER_WORDS = frozenset(("with", "by", "ft", "feat", "featuring", "from"))
_NUMBER = re.compile(r"^(?:#\s*\d+[a-z]?|\d+[a-z]?|[ivx]{1,4}|[a-h])$", re.IGNORECASE)
_TOKEN = re.compile(r"#\s*\d+|q\s*&\s*a|\w[\w&'’.-]*|[&+/]", re.IGNORECASE)
#: what may follow a label: a separator, then the rest of the text
_SEPARATOR = re.compile(r"^\s*(?:[:|–—]|-+(?=\s|$)|[.](?=\s|$))\s*")
_VOCABULARY = tuple(KIND_WORDS)
#: an event's own name before the kind's words: "SIGMOD Reception", "NeurIPS Social"
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}|[A-Z][a-z]+[A-Z][A-Za-z]*")


class Label(NamedTuple):
    """A kind's label at the start of a slot's text: ``Keynote #1`` in ``Keynote #1: Jane Doe``."""

    label: str  # as written, with its number
    kind: str  # the kind it names
    rest: str  # what follows the separator, or the handover word's text
    handover: str = ""  # "with" in "Discussion with Jane Doe": the rest names people


@lru_cache(maxsize=8192)
def _word_kind(word: str) -> tuple[str | None, bool]:
    """``(kind, weak)`` for one word of a label; a typo of a kind word of five letters or
    more (``Coffe``, ``Keynot``) counts, when its first letter is right."""
    folded = word.lower().strip(".’'")
    if folded in KIND_WORDS:
        return KIND_WORDS[folded], False
    if folded in WEAK_KIND_WORDS:
        return WEAK_KIND_WORDS[folded], True
    if "-" in folded and folded not in FILLERS:
        # "Coffee-break", "Q&A-session": the words of a hyphenated label, each read
        if all(part in FILLERS for part in folded.split("-") if part):
            return None, False
        parts = [_word_kind(part) for part in folded.split("-") if part]
        if parts and all(
            kind or part in FILLERS for (kind, _), part in zip(parts, folded.split("-"), strict=False)
        ):
            strong = [kind for kind, weak in parts if kind and not weak]
            weak = [kind for kind, weak in parts if kind and weak]
            if strong or weak:
                return (strong or weak)[0], not strong
    if len(folded) >= 5 and folded.isalpha() and _near_a_kind_word(folded):
        close = difflib.get_close_matches(folded, _VOCABULARY, n=1, cutoff=0.8)
        if close and close[0][0] == folded[0] and abs(len(close[0]) - len(folded)) <= 1:
            return KIND_WORDS[close[0]], False
    return None, False


def _near_a_kind_word(folded: str) -> bool:
    """Whether a kind word that could be taken for ``folded`` (the same first letter, a
    length one apart at most) is close to it. Most words of a program are near none, and
    this is asked of the few words only, where the whole vocabulary would be compared."""
    near = [word for word in _VOCABULARY if word[0] == folded[0] and abs(len(word) - len(folded)) <= 1]
    return bool(difflib.get_close_matches(folded, near, n=1, cutoff=0.8))


def _fold_phrases(text: str) -> str:
    """``text`` in lower case, each two-word phrase written as its one word, padded to the
    same length (the offsets into ``text`` stay right)."""
    folded = text.lower()
    for phrase, word in PHRASES.items():
        if phrase in folded:
            folded = re.sub(rf"\b{re.escape(phrase)}\b", word.ljust(len(phrase)), folded)
    return folded


@lru_cache(maxsize=8192)
def read_label(text: str) -> Label | None:
    """The label at the start of ``text``, or None. See the module's docstring."""
    folded = _fold_phrases(text)
    kind: str | None = None
    weak: str | None = None
    conjunct_closed = False  # past "and", "+", "&": the first conjunct names the kind
    end = 0
    for token in _TOKEN.finditer(folded):
        between = folded[end : token.start()]
        if end and between.strip():
            break  # a separator or a parenthesis: the label ended before it
        word = token.group().rstrip(".")
        if word.lower() in HANDOVER_WORDS:
            if kind or weak:
                rest = text[token.end() :].strip()
                return Label(" ".join(text[:end].split()), kind or weak or "", rest, word.lower())
            return None
        glued = re.fullmatch(r"([^\W\d_][\w&'’-]*?)(\d+)", word)
        if glued:
            word = glued.group(1)  # "Keynote speaker1", "Talk2": a word and its number
        found, is_weak = _word_kind(word)
        if word.lower() in ("and", "&", "+", "/", "or") and (kind or weak):
            conjunct_closed = True
        if found and not is_weak and not conjunct_closed:
            # the head of a compound is its last word: "Poster lightning round" is lightning talks;
            # a break names the kind only when nothing else does ("Lunch break")
            if kind is None or found != "break" or kind == "break":
                kind = found
        elif found and not is_weak and kind is None:
            kind = found
        elif found:
            weak = weak or found
        elif _NUMBER.match(word) or re.fullmatch(r"\d+|~?\d+\s*min", word):
            pass  # "Keynote #1", "Oral Talk 1", "4 Contributed Talks"
        elif (
            word.lower() not in FILLERS
            and not all(p in FILLERS for p in word.lower().split("-") if p)
            and not (end == 0 and _ACRONYM.fullmatch(text[token.start() : token.end()]))
        ):
            return None  # a word that is no program word: "Closing the Gap"
        end = token.end()
        if token.group().endswith("."):
            end -= 1
    if not (kind or weak):
        return None
    label = text[:end].rstrip(" ,&+/-")
    if re.search(r"(?:^|\s)(?:and|with|the|of|&|\+)$", label, re.IGNORECASE):
        return None
    after = text[len(label) :]
    if not after.strip():
        return Label(" ".join(label.split()), kind or weak or "", "")
    separator = _SEPARATOR.match(after)
    if separator:
        return Label(" ".join(label.split()), kind or weak or "", after[separator.end() :].strip())
    if after.lstrip().startswith("("):
        return Label(" ".join(label.split()), kind or weak or "", after.strip())
    return None


#: heads of a label that names several talks: "Contributed talks", "Orals", "Spotlights", "Posters"
_BLOCK_HEADS = re.compile(
    r"(?:talks|orals|spotlights|papers|presentations|sessions?|posters|lightning)\b", re.IGNORECASE
)


def is_block_label(label: str) -> bool:
    """Whether a slot's label names a block of talks (a plural, or a session), whose talks
    may follow it on rows of their own, rather than one talk."""
    return bool(label) and bool(_BLOCK_HEADS.search(label.split(":")[0]))


def kind_label(kind: str) -> str:
    return KINDS.get(kind, (kind.title(), ()))[0]


def read_kind(word: str) -> tuple[str | None, str | None]:
    """``(kind, None)`` for a kind written in a ``kind:`` detail or a table's kind column
    (``Keynote``, ``Coffee break``), else ``(None, why)``."""
    folded = " ".join(word.lower().split())
    if folded in KINDS:
        return folded, None
    label = read_label(word.strip())
    # a kind written in our own syntax is read as written: no typo is taken for a kind here
    exact = all(
        token.group().lower() in KIND_WORDS
        or token.group().lower() in WEAK_KIND_WORDS
        or token.group().lower() in FILLERS
        or _NUMBER.match(token.group())
        for token in _TOKEN.finditer(_fold_phrases(word))
    )
    if label and not label.rest and exact:
        return label.kind, None
    aliases = [alias for _, (_, words) in KINDS.items() for alias in words]
    hint = did_you_mean(folded, [*KINDS, *aliases])
    return None, f"unknown slot kind {word!r}{hint}; the kinds are {', '.join(KINDS)}"


#: words after a kind's word that make it a verb: "Closing the Gap", "Opening up Models"
_VERB_USE = frozenset(
    ["the", "a", "an", "our", "your", "their", "its", "up", "down", "out", "this", "that", "these", "those"]
)


def kind_of_words(title: str, strict: bool = False) -> str | None:
    """The kind a title without speakers names: all of it a label (``Lunch Break``,
    ``Welcome and Opening Remarks``, ``Coffe break``), or a short title that begins with
    one (``Closing Remarks, Travel Award Winners``, ``Poster Session, Research Track``),
    or None: ``Closing the Gap`` is a talk (its kind's word is a verb there)."""
    title = title.strip()
    label = read_label(title)
    if strict:
        if label is not None and not label.rest:
            return label.kind
        head = read_label(title.split(",")[0]) if "," in title else None
        return head.kind if head is not None and not head.rest and not head.handover else None
    if label is None:
        words = _fold_phrases(title).split()
        if 2 <= len(words) <= 6 and words[1].lower().strip(",") not in _VERB_USE:
            # a label followed by other words, cut at the first comma or word that is none
            for cut in range(len(words) - 1, 0, -1):
                start = " ".join(words[:cut]).rstrip(",:;")
                found = read_label(start)
                if found is not None and not found.rest and not found.handover and cut >= 1:
                    first_kind = _word_kind(words[0].strip(",").lower())[0]
                    if first_kind is not None or len(words) <= 4:
                        return found.kind
        return None
    if label.rest and not label.rest.startswith("(") and not label.handover:
        words = _fold_phrases(title).split()
        if len(words) <= 6 and len(words) > 1 and words[1].lower().strip(",") not in _VERB_USE:
            return label.kind  # "Poster Session, Research Track"
        return None
    return label.kind


def session_kind(heading: str) -> str | None:
    """The kind a session heading gives its talks: ``Session 1: Invited Talks`` ->
    invited, ``Morning Keynotes`` -> keynote; breaks and meals give none."""
    for token in _TOKEN.finditer(_fold_phrases(heading)):
        found, weak = _word_kind(token.group())
        if found and not weak:
            return found if found in TALK_KINDS else None
    return None


#: a last line that closes the day: ``17:50 Finish``, ``End``
END_WORDS = (
    "end",
    "finish",
    "the end",
    "end of workshop",
    "end of the workshop",
    "end of day",
    "end of the day",
    "workshop ends",
    "adjourn",
    "adjournment",
    "close",
    "workshop closes",
)
#: headings that name the program itself, not a session in it
PROGRAM_WORDS = (
    "schedule",
    "program",
    "programme",
    "agenda",
    "tentative schedule",
    "final schedule",
    "workshop schedule",
    "workshop program",
    "workshop programme",
    "tentative program",
    "final program",
    "timetable",
)
