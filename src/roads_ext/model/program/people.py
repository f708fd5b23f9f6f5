"""Who a slot's text names, and in what role: people as names are written, groups,
roles before or after a name (``moderator: Jane Doe``, ``Jane Doe (moderator)``,
``Moderated by Jane Doe``, ``Jane Doe, Program Chair``), and how sure a reading is. Knows
nothing of Sphinx."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..pasted import Speaker, read_people
from .kinds import FILLERS, read_label

#: roles a program names that are no role of one person: "Panelists: A, B", "Speakers: ..."
NO_ROLE = frozenset(
    (
        "panelists",
        "panellists",
        "panelist",
        "speakers",
        "speaker",
        "presenters",
        "presenter",
        "authors",
        "author",
        "invited speakers",
        "with",
        "by",
        "featuring",
        "guests",
    )
)
#: roles written after a name: "Jane Doe, Program Chair"
_TITLED_ROLES = frozenset(
    (
        "program chair",
        "general chair",
        "workshop chair",
        "session chair",
        "co-chair",
        "organizer",
        "organiser",
        "moderator",
        "host",
        "chair",
    )
)
ROLE_WORDS = frozenset(
    (
        "moderator",
        "chair",
        "host",
        "discussant",
        "organizer",
        "organiser",
        "session chair",
        "co-chair",
        "facilitator",
        "emcee",
        "mc",
    )
)
ROLE_NAMES = {
    "moderators": "moderator",
    "moderated by": "moderator",
    "chairs": "chair",
    "session chair": "chair",
    "session chairs": "chair",
    "chaired by": "chair",
    "hosts": "host",
    "hosted by": "host",
    "q&a": "q&a",  # "Q&A: Jane Doe": who leads the questions
}


def mentions_qa(label: str) -> bool:
    """Whether a slot's label gives it questions and answers: ``Invited Talk + Q&A``."""
    return bool(re.search(r"\bq\s*(?:&|and|/)\s*a\b", label, re.IGNORECASE))


def plain_roles(people: list[Speaker]) -> tuple[Speaker, ...]:
    result: list[Speaker] = []
    for one in people:
        if result and one.name.lower() in ROLE_WORDS | _TITLED_ROLES and not one.affiliation:
            last = result.pop()  # "Jane Doe (Coimbra), Program Chair": her role, after her name
            one = Speaker(last.name, one.name.lower(), last.group, last.affiliation, last.honorific)
            result.append(one)
            continue
        if one.affiliation.lower() in ROLE_WORDS:
            # "Jane Doe (moderator)": her role, not an affiliation
            one = Speaker(
                one.name,
                ROLE_NAMES.get(one.affiliation.lower(), one.affiliation.lower()),
                one.group,
                "",
                one.honorific,
            )
        role = one.role.lower().strip()
        if role in NO_ROLE:
            one = Speaker(one.name, "", one.group, one.affiliation, one.honorific)
        elif role in ROLE_NAMES:
            one = Speaker(one.name, ROLE_NAMES[role], one.group, one.affiliation, one.honorific)
        elif role in FILLERS or read_label(role) is not None:
            one = Speaker(
                one.name, "", one.group, one.affiliation, one.honorific
            )  # "Off-the-record: Jane Doe"
        elif role:
            one = Speaker(one.name, role, one.group, one.affiliation, one.honorific)
        result.append(one)
    return tuple(result)


def score_people(text: str, lenient: bool, known: Collection[str]) -> tuple[float, tuple[Speaker, ...]]:
    label = read_label(text)
    if label is not None and not label.rest and not label.handover:
        group = read_people(text)
        if not (group and all(s.group for s in group)):
            return 0.0, ()  # "Discussions 1", "Coffee break": a slot's label names no one
    score, found = _people_as_read(text, lenient, known)
    return score, plain_roles(list(found)) if found else found


#: a group is named by its last word: "Workshop Organizers", "Paper authors", "All", "TBA"
_GROUP_HEAD = re.compile(
    r"(?:organi[sz]ers?|committee|chairs?|tb[acd]|all|everyone|authors?|speakers?|panel(?:l)?ists|participants|"
    r"attendees|team|members|students|presenters|winners|hosts?)\W*$",
    re.IGNORECASE,
)
#: words that join a title's parts and never a group's: "From Thesis to Team"
_TITLE_LINKS = re.compile(r"\b(?:from|to|for|in|on|with|by|at|into|towards?)\b", re.IGNORECASE)
#: the roles of a slot's people, and the words organizers write for each: a key of a line
#: under the slot (``moderator: Jane Doe``), or a verb before "by" (``Moderated by Jane Doe``)
PEOPLE_ROLES = {
    "speakers": ("speaker", "presenter", "presenters"),
    "panelists": ("panelists", "panellists", "panel"),
    "moderator": ("moderator", "moderators", "moderated by"),
    "chair": ("chair", "chairs", "session chair", "chaired by"),
    "host": ("host", "hosts", "hosted by", "introduced by"),
    "organizer": ("organized by", "organised by"),
    "q&a": ("q&a",),
    "discussant": ("discussant",),
}
#: word -> role, every word of :data:`PEOPLE_ROLES`
ROLE_OF_WORD = {word: role for role, words in PEOPLE_ROLES.items() for word in words}
_ROLE_BY = re.compile(
    "^(" + "|".join(word.removesuffix(" by") for word in ROLE_OF_WORD if word.endswith(" by")) + r")\s+by\s+",
    re.IGNORECASE,
)


def _people_as_read(text: str, lenient: bool, known: Collection[str]) -> tuple[float, tuple[Speaker, ...]]:
    by = _ROLE_BY.match(text)
    if by:
        # "Moderated by Jane Doe": her role, as "moderator: Jane Doe" says it
        text = f"{ROLE_OF_WORD[by.group(1).lower() + ' by']}: {text[by.end() :]}"
    strict = read_people(text)
    if strict:
        if all(s.group for s in strict):
            if not all(_GROUP_HEAD.search(s.name) for s in strict) or _TITLE_LINKS.search(text):
                return 0.0, ()  # "Participants' lightning talks", "From Thesis to Team": a title's words
            label = read_label(text)
            if label is not None and label.handover:
                return 0.0, ()  # "Welcome from the organizers": a slot's words, not a group
            return 2.8, tuple(strict)  # "Workshop Organizers", "Paper authors": surely no title
        score = 2.2 + 0.2 * min(len(strict), 3)
        if known and any(s.name.lower() in known or s.name.split()[-1].lower() in known for s in strict):
            score += 2.0
        return score, tuple(strict)
    if lenient:
        loose = read_people(text, lenient=True)
        if loose:
            return 1.4, tuple(loose)
    if known and text.lower() in known:
        return 3.0, (Speaker(text),)
    return 0.0, ()
