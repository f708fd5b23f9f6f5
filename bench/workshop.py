"""A synthetic workshop of any size, written twice with the same visible content.

``Workshop.generate(size)`` makes the data (people, tracks, program slots) from a
fixed recipe: no randomness, so two runs write byte-identical sources. The data
is then written as a Sphinx project in two ways:

* ``roads``: what an organizer writes with roads_ext: ``speaker-card``
  directives, ``committee`` lists (a speaker listed by name alone, details filled
  in from the registry) and ``{person}`` references.
* ``hand``: the same visible content written by hand in plain MyST with
  sphinx-design's ``grid`` and ``grid-item-card`` and Markdown lists: every name
  linked to its homepage, affiliations repeated wherever a person is shown,
  ``(person-...)=`` labels for the anchors that other pages link to.

The program (the ``schedule`` directive) is one pluggable part, see
:class:`ProgramPart`; while the installed roads_ext has no ``schedule``
directive the slots are left out of both variants and the bench says so.

``Workshop.shown_on`` is the ground truth of which pages show which person,
computed here and not by roads_ext, so the bench can check the extension's
incremental rebuild against it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import Protocol

from papers import PAGE as PAPERS_PAGE
from papers import PaperData, author_names, conference_papers, edited, hand_files, roads_files
from roads_ext.model.people import person_key

VARIANTS = ("roads", "hand")


@dataclass(frozen=True)
class Size:
    people: int
    slots: int
    pages: int
    #: accepted papers (on a page of their own, ``papers.py``) and their distinct authors
    papers: int = 0
    authors: int = 0
    #: parallel rooms: then ``pages`` is rooms x days, one page per room and day
    rooms: int = 1
    days: int = 1


#: about 50, 500 and 5,000 people; 20, 200 and 2,000 slots; 1 to 50 pages.
#: ``conference``: 5,000 papers by 20,000 authors, 3 days of 4 parallel rooms (600 slots);
#: ``papers-500`` and ``papers-5000``: the small site with 500 or 5,000 papers, for the
#: growth with papers. ``tiny`` and ``tiny-conference`` are the test suite's sizes.
SIZES: dict[str, Size] = {
    "tiny": Size(people=16, slots=8, pages=3),
    "tiny-conference": Size(people=16, slots=24, pages=4, papers=40, authors=160, rooms=2, days=2),
    "small": Size(people=50, slots=20, pages=1),
    "medium": Size(people=500, slots=200, pages=10),
    "large": Size(people=5000, slots=2000, pages=50),
    "papers-500": Size(people=50, slots=20, pages=1, papers=500, authors=2000),
    "papers-5000": Size(people=50, slots=20, pages=1, papers=5000, authors=20000),
    "conference": Size(people=500, slots=600, pages=12, papers=5000, authors=20000, rooms=4, days=3),
}

FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Leslie", "Radia", "Tim", "Shafi", "Silvio", "Judea", "Yoshua", "Geoffrey", "Yann", "Fei-Fei", "Daphne", "Andrew", "Michael", "Margaret", "Katherine", "John", "Dorothy", "Ken", "Dennis", "Niklaus", "Tony", "Robin", "Juris", "Manuel", "Ivan", "Richard", "Butler", "Jim", "Whitfield", "Martin", "Adi", "Leonard", "Amir", "Kristen", "Ole", "Peter", "Vint", "Bob", "Alfred", "Jeffrey", "Avi", "Stephen", "Cynthia"]
LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Lamport", "Perlman", "Berners", "Goldwasser", "Micali", "Pearl", "Bengio", "Hinton", "LeCun", "Koller", "Ng", "Stonebraker", "Hamilton", "Johnson", "McCarthy", "Vaughan", "Thompson", "Ritchie", "Wirth", "Hoare", "Milner", "Hartmanis", "Blum", "Sutherland", "Karp", "Lampson", "Gray", "Diffie", "Hellman", "Hellmann", "Shamir", "Adleman", "Pnueli", "Nygaard", "Dahl", "Naur", "Cerf", "Kahn", "Aho", "Ullman", "Wigderson", "Cook", "Dwork", "Okafor", "Nakamura", "Fernandes", "Kowalski", "Lindqvist", "Moreau", "Novak", "Papadopoulos", "Rossi", "Schmidt", "Tanaka", "Virtanen", "Weber", "Yilmaz", "Zhang", "Abebe", "Bianchi", "Costa", "Dubois", "Eriksson", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kim", "Larsen", "Mendes", "Nielsen", "Olsen", "Petrov", "Quinn", "Romero", "Silva", "Torres", "Usman", "Varga", "Walsh", "Xu", "Young", "Zimmermann", "Achebe", "Bauer", "Castillo", "Dimitrov", "Engel", "Ferrari", "Gallo", "Horvat", "Ibrahim", "Jovanovic", "Keller", "Lopez", "Marino", "Nowak", "Ortiz", "Pereira", "Ramos", "Santos", "Tran", "Ueda", "Vasquez", "Wolf", "Yamamoto", "Zeller"]
AFFILIATIONS = (
    "Rice University", "ETH Zurich", "University of Tokyo", "MIT", "Stanford University",
    "University of Cambridge", "Inria", "Max Planck Institute for Informatics", "Tsinghua University",
    "University of Toronto", "EPFL", "KAIST", "University of Cape Town", "IIT Bombay",
    "University of Sao Paulo", "Carnegie Mellon University", "University of Edinburgh",
    "TU Munich", "University of Melbourne", "National University of Singapore",
)
COUNTRIES = (
    "USA", "Switzerland", "Japan", "USA", "USA", "UK", "France", "Germany", "China", "Canada",
    "Switzerland", "South Korea", "South Africa", "India", "Brazil", "USA", "UK", "Germany",
    "Australia", "Singapore",
)
TOPICS = (
    "Sparse training", "Hashing for search", "Randomized algorithms", "Compression",
    "Systems for large models", "Efficient inference", "Data structures for ML", "Sketching",
)


@dataclass(frozen=True)
class Person:
    name: str
    affiliation: str
    country: str
    homepage: str
    talk: str = ""

    @property
    def key(self) -> str:
        return person_key(self.name)

    @property
    def where(self) -> str:
        return f"{self.affiliation}, {self.country}"

    @property
    def tooltip(self) -> str:
        """What roads_ext puts in a ``{person}`` link's title."""
        return f"{self.name}, {self.where}"


@dataclass(frozen=True)
class Slot:
    start: str  # "08:30"
    end: str
    kind: str
    title: str
    speakers: tuple[str, ...] = ()  # person keys
    day: int = 1


@dataclass
class Track:
    """One content page: its speakers, its committee, its chairs and its slots."""

    docname: str
    topic: str
    speakers: list[str] = field(default_factory=list)  # keys, declared here
    committee: list[str] = field(default_factory=list)  # keys, declared here
    committee_by_name: list[str] = field(default_factory=list)  # keys declared elsewhere
    chairs: list[str] = field(default_factory=list)  # keys, {person} references
    slots: list[Slot] = field(default_factory=list)
    location: str = "Hall A, Synthetic Congress Centre"  # where its slots are (a room)


@dataclass
class Workshop:
    size: Size
    people: dict[str, Person]  # key -> person, in generation order
    tracks: list[Track]
    keynotes: list[str]  # keys referenced from the index page
    papers: list[PaperData] = field(default_factory=list)  # on the page ``papers``

    # -- generation ---------------------------------------------------------------

    @classmethod
    def generate(cls, size: Size) -> Workshop:
        people: dict[str, Person] = {}
        for index, name in zip(range(size.people), _names()):
            people[person_key(name)] = Person(
                name=name,
                affiliation=AFFILIATIONS[index % len(AFFILIATIONS)],
                country=COUNTRIES[index % len(COUNTRIES)],
                homepage=f"https://example.org/~{person_key(name)}",
            )
        keys = list(people)
        n_speakers = max(1, size.people // 5)
        for number, key in enumerate(keys[:n_speakers]):
            people[key] = replace(people[key], talk=f"{TOPICS[number % len(TOPICS)]}, part {number + 1}")
        speakers, committee = keys[:n_speakers], keys[n_speakers:]
        pages = max(1, size.pages)
        tracks = [
            Track(f"track-{number + 1:02d}", TOPICS[number % len(TOPICS)]) for number in range(pages)
        ]
        for number, key in enumerate(speakers):
            tracks[number * pages // len(speakers)].speakers.append(key)
        for number, key in enumerate(committee):
            tracks[number * pages // max(1, len(committee))].committee.append(key)
        for number, track in enumerate(tracks):
            # every tenth speaker also sits on the next track's committee, by name alone
            track_after = tracks[(number + 1) % pages]
            track_after.committee_by_name.extend(track.speakers[::10])
            # the chairs are two speakers of the track two further on
            track.chairs = tracks[(number + 2) % pages].speakers[-2:]
        papers = conference_papers(size.papers, size.authors, author_names(FIRST))
        workshop = cls(size, people, tracks, keynotes=speakers[:3], papers=papers)
        workshop._make_slots()
        return workshop

    def _make_slots(self) -> None:
        """``size.slots`` slots over the tracks: a day of talks, breaks and a panel each
        (with rooms: each track is one room on one day, its slots 12 minutes apart)."""
        per_track = [self.size.slots * (n + 1) // len(self.tracks) - self.size.slots * n // len(self.tracks)
                     for n in range(len(self.tracks))]
        rooms = self.size.rooms
        for number, (track, count) in enumerate(zip(self.tracks, per_track)):
            talkers = itertools.cycle(track.speakers or list(self.people)[:1])
            panel_from = self.tracks[(number + 1) % len(self.tracks)].speakers[:3] or track.speakers[:3]
            if rooms > 1:
                track.location = f"Room {number % rooms + 1}, Synthetic Congress Centre"
            for index in range(count):
                day, in_day = divmod(index, 12)
                start, length = 8 * 60 + 30 + in_day * 40, 30
                if rooms > 1:  # one day per track, all its slots that day
                    day, in_day, start, length = number // rooms, index % 12, 8 * 60 + index * 12, 10
                times = (f"{start // 60:02d}:{start % 60:02d}",
                         f"{(start + length) // 60:02d}:{(start + length) % 60:02d}")
                if in_day == 0:
                    slot = Slot(*times, "opening", "Welcome and opening remarks", day=day + 1)
                elif in_day == 3:
                    slot = Slot(*times, "break", "Coffee break", day=day + 1)
                elif in_day == 6:
                    slot = Slot(*times, "lunch", "Lunch", day=day + 1)
                elif in_day == 9:
                    slot = Slot(*times, "panel", f"Panel: the road ahead for {track.topic.lower()}",
                                tuple(panel_from), day=day + 1)
                else:
                    key = next(talkers)
                    kind = "keynote" if in_day == 1 else "invited talk"
                    slot = Slot(*times, kind, self.people[key].talk, (key,), day=day + 1)
                track.slots.append(slot)

    # -- what pages show ----------------------------------------------------------

    def shown_on(self, key: str, program: bool) -> set[str]:
        """The pages that show or link ``key`` (with the program written or not)."""
        pages = set()
        if key in self.keynotes:
            pages.add("index")
        for track in self.tracks:
            if key in track.speakers or key in track.committee or key in track.committee_by_name:
                pages.add(track.docname)
            if key in track.chairs:
                pages.add(track.docname)
            if program and any(key in slot.speakers for slot in track.slots):
                pages.add(track.docname)
        return pages

    def expected_people(self) -> dict[str, dict[str, tuple[Person, bool]]]:
        """docname -> {anchor: (person, shown as a speaker card)} for every card and
        committee entry."""
        expected: dict[str, dict[str, tuple[Person, bool]]] = {"index": {}}
        for track in self.tracks:
            seen: dict[str, int] = {}
            page = expected[track.docname] = {}
            members = track.speakers + track.committee + track.committee_by_name
            for number, key in enumerate(members):
                seen[key] = seen.get(key, 0) + 1
                anchor = f"person-{key}" if seen[key] == 1 else f"person-{key}-{seen[key]}"
                page[anchor] = (self.people[key], number < len(track.speakers))
        return expected

    def declared_on(self, key: str) -> str:
        for track in self.tracks:
            if key in track.speakers or key in track.committee:
                return track.docname
        raise KeyError(key)

    def most_shown_speaker(self, program: bool) -> str:
        """The speaker shown on the most pages: the one to edit for the incremental build."""
        speakers = [key for track in self.tracks for key in track.speakers]
        return max(speakers, key=lambda key: (len(self.shown_on(key, program)), -speakers.index(key)))

    def with_affiliation(self, key: str, affiliation: str) -> Workshop:
        """The same workshop after one person's affiliation changed."""
        people = dict(self.people)
        people[key] = replace(people[key], affiliation=affiliation)
        return Workshop(self.size, people, self.tracks, self.keynotes, self.papers)

    def with_paper_title(self, number: int, title: str) -> Workshop:
        """The same workshop after one paper's title changed."""
        return Workshop(self.size, self.people, self.tracks, self.keynotes,
                        edited(self.papers, number, title))

    # -- writing ------------------------------------------------------------------

    def files(self, variant: str, program: ProgramPart | None) -> dict[str, str]:
        """The project's files (path -> text) written as ``variant``."""
        writer = RoadsWriter(self, program) if variant == "roads" else HandWriter(self, program)
        files = {"conf.py": writer.conf(), "index.md": writer.index()}
        for track in self.tracks:
            files[f"{track.docname}.md"] = writer.track(track)
        if self.papers:
            files.update(roads_files(self.papers) if variant == "roads" else hand_files(self.papers))
        return files


def _names():
    """Distinct names: first x last, then with a middle initial past that."""
    for initial in [""] + [f" {chr(c)}." for c in range(ord("A"), ord("Z") + 1)]:
        for last in LAST:
            for first in FIRST:
                yield f"{first}{initial} {last}"


CONF = """\
# generated by bench/workshop.py ({variant})
project = "Synthetic workshop"
extensions = {extensions!r}
myst_enable_extensions = ["colon_fence", "attrs_inline"]
html_theme = "furo"
exclude_patterns = ["_build"]
suppress_warnings = []
"""


class Writer:
    variant = ""
    extensions: list[str] = []

    def __init__(self, workshop: Workshop, program: ProgramPart | None) -> None:
        self.workshop = workshop
        self.people = workshop.people
        self.program = program

    def conf(self) -> str:
        return CONF.format(variant=self.variant, extensions=self.extensions)

    def index(self) -> str:
        keynotes = ", ".join(self.ref(key, "index") for key in self.workshop.keynotes)
        toctree = "\n".join([track.docname for track in self.workshop.tracks]
                            + ([PAPERS_PAGE] if self.workshop.papers else []))
        size = self.workshop.size
        return (
            f"# Synthetic workshop: {size.people} people\n\n"
            f"A generated workshop site over {len(self.workshop.tracks)} track pages. "
            f"Keynotes: {keynotes}.\n\n"
            f"```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n"
        )

    def track(self, track: Track) -> str:
        self.anchors: dict[str, int] = {}
        chairs = " and ".join(self.ref(key, track.docname) for key in track.chairs)
        parts = [f"# Track: {track.topic} ({track.docname})\n"]
        if chairs:
            parts.append(f"Chaired by {chairs}.\n")
        if track.speakers:
            parts.append("## Speakers\n")
            parts.append(self.speakers(track))
        if track.committee or track.committee_by_name:
            parts.append("## Program committee\n")
            parts.append(self.committee(track))
        if self.program is not None and track.slots:
            parts.append("## Program\n")
            parts.append(self.program.write(self.variant, self.workshop, track))
        return "\n".join(parts)

    def anchor(self, key: str) -> str:
        """``person-<key>``, ``person-<key>-2`` the second time on a page (as roads_ext does)."""
        count = self.anchors[key] = self.anchors.get(key, 0) + 1
        return f"person-{key}" if count == 1 else f"person-{key}-{count}"

    def committee_line(self, key: str, role: str) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def committee_members(self, track: Track) -> list[tuple[str, str]]:
        members = [(key, "Program chair" if n == 0 else "") for n, key in enumerate(track.committee)]
        return members + [(key, "") for key in track.committee_by_name]

    def ref(self, key: str, docname: str) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def speakers(self, track: Track) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def committee(self, track: Track) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


def bio(person: Person) -> str:
    return f"{person.name} works on **{person.talk.split(',')[0].lower()}** at {person.affiliation}."


class RoadsWriter(Writer):
    variant = "roads"
    extensions = ["myst_parser", "sphinx_design", "roads_ext"]

    def ref(self, key: str, docname: str) -> str:
        return f"{{person}}`{self.people[key].name}`"

    def speakers(self, track: Track) -> str:
        cards = []
        for key in track.speakers:
            person = self.people[key]
            self.anchor(key)
            cards.append(
                f":::{{speaker-card}} {person.name}\n:affiliation: {person.affiliation}\n"
                f":country: {person.country}\n:homepage: {person.homepage}\n:talk: {person.talk}\n\n"
                f"{bio(person)}\n:::\n"
            )
        return "\n".join(cards)

    def committee(self, track: Track) -> str:
        lines = []
        for key, role in self.committee_members(track):
            person = self.people[key]
            self.anchor(key)
            if key in track.committee_by_name:
                line = f"* {person.name}"
            else:
                line = f"* [{person.name}]({person.homepage}) ({person.where})"
            lines.append(line + (f" — {role}" if role else ""))
        return ":::{committee}\n" + "\n".join(lines) + "\n:::\n"


class HandWriter(Writer):
    variant = "hand"
    extensions = ["myst_parser", "sphinx_design"]

    def ref(self, key: str, docname: str) -> str:
        person = self.people[key]
        return f'[{person.name}](#person-{key} "{person.tooltip}")'

    def speakers(self, track: Track) -> str:
        cards = []
        for key in track.speakers:
            person = self.people[key]
            anchor = self.anchor(key)
            in_program = self.program.card_line(self.workshop, key) if self.program else ""
            cards.append(
                f":::{{grid-item-card}} [{person.name}]({person.homepage})\n({anchor})=\n"
                f"{person.where}\n\nTalk: *{person.talk}*\n\n{bio(person)}\n"
                + (f"\n{in_program}\n" if in_program else "") + ":::\n"
            )
        return "::::{grid} 1 2 2 3\n:gutter: 3\n\n" + "\n".join(cards) + "::::\n"

    def committee(self, track: Track) -> str:
        lines = []
        for key, role in self.committee_members(track):
            person = self.people[key]
            anchor = self.anchor(key)
            # an inline id, not a label: Sphinx labels are site-wide and a speaker's
            # label is on their card
            lines.append(f"- [{person.name}]({person.homepage}){{#{anchor}}} ({person.where})"
                         + (f" — {role}" if role else ""))
        return "\n".join(lines) + "\n"


# --- the program: one pluggable part ---------------------------------------------------


class ProgramPart(Protocol):
    """Writes one track's slots in one variant."""

    name: str

    def write(self, variant: str, workshop: Workshop, track: Track) -> str: ...

    def card_line(self, workshop: Workshop, key: str) -> str:
        """What a hand-written speaker card says of the person's slots ("" for none)."""
