"""The people registry: one record of every person across the site, and the one
way a page refers to a person.

It is a Sphinx domain (``roads``), so Sphinx pickles it with the environment,
purges a document's entries before re-reading it (``clear_doc``) and merges the
entries of parallel readers (``merge_domaindata``). Declarations are kept per
document and looked up through an index rebuilt lazily, so a look-up is O(1)
whatever the size of the site.

Every place where a name may point to a person (the ``{person}`` role, a name
written alone in ``speakers`` or ``committee``, a program's speakers) puts a
:func:`person_reference` in the page: a Sphinx ``pending_xref`` that Sphinx's
own resolver (or, first, :mod:`roads_ext.services.person_lists`) hands to
:meth:`PeopleDomain.resolve_xref` at write time. What is
not resolved reaches the ``warn-missing-reference`` event, where
:func:`on_warn_missing_reference` decides: a *strict* reference to nobody is a
``roads.person`` warning with a did-you-mean; a *quiet* one stays plain text,
silently, unless it is a near miss of a declared name or could be several people.

On a site with editions (``roads_editions``), each edition is a registry of its own:
declarations, look-ups, suggestions, conflicts and fingerprints are all per edition,
and a page's edition is its top-level folder (a page outside every edition folder is
in the current edition; see :mod:`roads_ext.model.editions`). The same person may so
give another affiliation in 2024 than in 2023, and a name on a 2024 page links to the
2024 card. Every look-up takes the page it is made from (``docname``); ``None`` is the
current edition.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode, split_explicit_title

from ..core.pages import page_link
from ..core.report import warn
from ..core.settings import read_settings
from ..diagnostics import RoadsWarning
from ..model.editions import Editions
from ..model.names import Found, NameFinder
from ..model.people import DETAIL_FIELDS, Person, conflicts, person_key
from ..model.problems import did_you_mean

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: the kinds of place a person is declared, the first preferred as link target
KIND_ORDER = ("speaker", "committee", "program")

#: a person reference's attributes (besides Sphinx's ``refdomain``, ``reftype``,
#: ``reftarget``): quiet or strict, what it shows, who made it (for its warnings)
QUIET_ATTR = "roads_quiet"
FORM_ATTR = "roads_form"
BY_ATTR = "roads_by"

Form = Literal["link", "name"]


@dataclass(frozen=True)
class Declaration:
    """Where a person's details are written."""

    person: Person
    kind: str  # one of KIND_ORDER
    docname: str
    line: int
    anchor: str

    @property
    def where(self) -> str:
        return f"{self.docname}:{self.line}"

    def sort_key(self) -> tuple:
        rank = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return (rank, self.docname, self.line)


# --- a reference to a person: what every directive and role makes ---------------------------


def person_reference(
    env: BuildEnvironment,
    name: str,
    *,
    strict: bool,
    text: str | None = None,
    form: Form = "link",
    by: str = "person",
    location: tuple[str | None, int | None] | None = None,
) -> addnodes.pending_xref:
    """A reference to the person called ``name``, resolved at write time.

    - ``strict``: naming nobody declared is a ``roads.person`` warning (``{person}``,
      a name alone in a list). Otherwise it is *quiet*: a stranger (a guest speaker)
      stays plain text, and only a near miss of a declared name, or a short form that
      several people share, is a warning.
    - ``form="link"`` shows ``text`` (default: the name as written) linked to where
      the site presents the person, with their details as the link's title.
      ``form="name"`` is for a list that presents the person itself: their declared
      name, linked to their homepage.
    - ``by`` names the directive or role in the warnings.

    It is recorded as a mention of the name on the current page, so that the page
    is rewritten when what the name refers to changes.
    """
    name = " ".join(name.split())
    shown = text if text is not None else name
    ref = addnodes.pending_xref(
        "",
        nodes.Text(shown),
        refdomain="roads",
        reftype="person",
        reftarget=name,
        refexplicit=text is not None,
        refwarn=True,
    )
    ref[QUIET_ATTR] = not strict
    ref[FORM_ATTR] = form
    ref[BY_ATTR] = by
    # the page it is written on: its edition, also where several pages are one document
    # (singlehtml, latex), whose references all resolve from the root document
    ref["refdoc"] = env.docname
    if location is not None:
        ref.source, ref.line = location
    PeopleDomain.of(env).note_mention(env.docname, name)
    return ref


def page_of(node: nodes.Node, default: str) -> str:
    """The page ``node`` was written on: ``default``, or in a document made of several
    pages (singlehtml, latex) the page whose ``start_of_file`` holds it. (Sphinx moves a
    page's children into its ``start_of_file`` without making it their parent, and marks
    each of its sections with the page's ``docname``.)"""
    parent: nodes.Node | None = node
    while parent is not None:
        if isinstance(parent, addnodes.start_of_file) or (
            isinstance(parent, nodes.section) and "docname" in parent
        ):
            return parent["docname"]
        parent = parent.parent
    return default


def presented_name(person: Person) -> nodes.Node:
    """The name, linked to the homepage when there is one (checked when declared)."""
    if person.homepage:
        return nodes.reference(
            person.name, person.name, refuri=person.homepage, classes=["roads-person-link"]
        )
    return nodes.Text(person.name)


class PersonRole(SphinxRole):
    """``{person}`Name``` (or ``{person}`text <Name>```) links to where that person
    is presented: a strict reference."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        explicit, title, target = split_explicit_title(self.text)
        ref = person_reference(
            self.env, target, strict=True, text=title if explicit else None, location=self.get_source_info()
        )
        return [ref], []


# --- the domain --------------------------------------------------------------------------------


class PeopleDomain(Domain):
    name = "roads"
    label = "Workshop people"
    object_types = {"person": ObjType("person", "person")}
    roles = {"person": PersonRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> [Declaration], in source order
        "declarations": {},
        # docname -> {name as written} it refers to (or shows) without declaring
        "mentions": {},
        # (edition, person key) -> what pages show of them (fingerprint()), as of the last build
        "fingerprints": {},
        # (edition, name as written) -> what it referred to, as of the last build
        "resolutions": {},
    }
    data_version = 4  # 3: fingerprints and resolutions per edition; 4: fingerprints as objects

    @classmethod
    def of(cls, env: BuildEnvironment) -> PeopleDomain:
        return env.domains["roads"]  # type: ignore[return-value]

    _editions: Editions | None = None

    @property
    def editions(self) -> Editions:
        """The site's editions (``roads_editions``), read once per build."""
        if self._editions is None:
            self._editions = read_settings(self.env.config).editions
        return self._editions

    def edition_of(self, docname: str | None) -> str:
        editions = self._editions if self._editions is not None else self.editions
        return editions.edition_of(docname)

    # -- recording, at read time ------------------------------------------------

    def declare(self, declaration: Declaration) -> None:
        self.data["declarations"].setdefault(declaration.docname, []).append(declaration)
        self._index = None

    def note_mention(self, docname: str, name: str) -> None:
        self.data["mentions"].setdefault(docname, set()).add(name)

    # -- parallel and incremental builds ---------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.data["declarations"].pop(docname, None)
        self.data["mentions"].pop(docname, None)
        self._index = None

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata["declarations"]:
                self.data["declarations"][docname] = otherdata["declarations"][docname]
            if docname in otherdata["mentions"]:
                self.data["mentions"][docname] = otherdata["mentions"][docname]
        self._index = None

    # -- look-ups ---------------------------------------------------------------

    #: edition -> person key -> declarations, best link target first
    _index: dict[str, dict[str, list[Declaration]]] | None = None
    #: (edition, person key) -> the details merged, made once per index (every page asks again)
    _merged: dict[tuple[str, str], Person | None]
    #: (edition, name as written) -> what it refers to, found once per index
    _found: dict[tuple[str, str], Found]
    _finders: dict[str, NameFinder]

    def editions_index(self) -> dict[str, dict[str, list[Declaration]]]:
        """edition -> person key -> declarations, best link target first."""
        if self._index is None:
            index: dict[str, dict[str, list[Declaration]]] = {}
            for docname in sorted(self.data["declarations"]):
                edition = index.setdefault(self.edition_of(docname), {})
                for declaration in self.data["declarations"][docname]:
                    edition.setdefault(declaration.person.key, []).append(declaration)
            for edition in index.values():
                for found in edition.values():
                    found.sort(key=Declaration.sort_key)
            self._index = index
            self._merged = {}
            self._found = {}
            self._finders = {}
        return self._index

    def index(self, docname: str | None = None) -> dict[str, list[Declaration]]:
        """person key -> declarations, best link target first, in the edition of ``docname``."""
        return self.editions_index().get(self.edition_of(docname), {})

    def finder(self, docname: str | None = None) -> NameFinder:
        return self._finder(self.edition_of(docname))

    def _finder(self, edition: str) -> NameFinder:
        index = self.editions_index().get(edition, {})
        if edition not in self._finders:
            self._finders[edition] = NameFinder((key, found[0].person.name) for key, found in index.items())
        return self._finders[edition]

    def _key(self, name_or_key: str, docname: str | None) -> str | None:
        return name_or_key if name_or_key in self.index(docname) else self.find(name_or_key, docname).key

    def lookup(self, name_or_key: str, docname: str | None = None) -> Person | None:
        """The person a key or a name as written refers to (see :meth:`find`), all
        details declared in the edition of ``docname`` merged, or None."""
        index = self.index(docname)
        key = self._key(name_or_key, docname)
        if key is None:
            return None
        cached = (self.edition_of(docname), key)
        if cached not in self._merged:
            found = index.get(key)
            person = found[0].person if found else None
            for other in (found or [])[1:]:
                person = other.person if person is None else person.merged_with(other.person)
            self._merged[cached] = person
        return self._merged[cached]

    def primary(self, name_or_key: str, docname: str | None = None) -> Declaration | None:
        """Where the person a key or a name refers to is presented in the edition of
        ``docname``: the link target."""
        key = self._key(name_or_key, docname)
        found = self.index(docname).get(key) if key else None
        return found[0] if found else None

    def find(self, name: str, docname: str | None = None) -> Found:
        """Whom a name as written refers to in the edition of ``docname``: the full name,
        or a surname, initials or honorific form only one declared person has (see
        :class:`NameFinder`)."""
        return self._find(name, self.edition_of(docname))

    def _find(self, name: str, edition: str) -> Found:
        index = self.editions_index().get(edition, {})
        if (edition, name) not in self._found:
            exact = name if name in index else person_key(name)  # a key is a name too
            self._found[edition, name] = Found(exact) if exact in index else self._finder(edition).find(name)
        return self._found[edition, name]

    def declared_in(self, name: str, docname: str | None) -> list[str]:
        """The other editions (newest first) where ``name`` is somebody: for a name that
        is nobody in the edition of ``docname``."""
        here = self.edition_of(docname)
        return [
            edition
            for edition in self.editions.names
            if edition != here and self._find(name, edition).key is not None
        ]

    def suggestion(self, name: str, docname: str | None = None) -> str:
        """`` (did you mean 'x'?)``: a near miss, else the closest name declared in the
        edition of ``docname``."""
        near = self.finder(docname).near_misses(name)
        if near:
            return did_you_mean(name, near)
        return did_you_mean(name, (found[0].person.name for found in self.index(docname).values()))

    # -- cross-references -------------------------------------------------------

    def resolve_xref(  # type: ignore[override]  # a bare name, for the "name" form
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        page = node.get("refdoc") or fromdocname  # the edition of the page it is written on
        key = self.find(target, page).key
        if key is None:
            return None  # Sphinx's missing-reference handling; see on_warn_missing_reference
        person, declaration = self.lookup(key, page), self.primary(key, page)
        if person is None or declaration is None:  # not so: find() gives declared keys only
            return None
        if node.get(FORM_ATTR) == "name":
            return presented_name(person)  # type: ignore[return-value]
        return make_refnode(
            builder, fromdocname, declaration.docname, declaration.anchor, contnode, person.title
        )

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        page = node.get("refdoc") or fromdocname
        key = self.find(target, page).key
        if key is None:
            return []
        person, declaration = self.lookup(key, page), self.primary(key, page)
        if person is None or declaration is None:
            return []
        ref = make_refnode(
            builder, fromdocname, declaration.docname, declaration.anchor, contnode, person.title
        )
        return [("roads:person", ref)]

    def _where(self, page: str | None) -> str:
        """``on this site``, or ``in edition 2024``."""
        return f"in edition {self.edition_of(page)}" if self.editions.enabled else "on this site"

    def _elsewhere(self, name: str, page: str | None) -> str:
        """For a name that is nobody in this page's edition: where it is somebody."""
        others = self.declared_in(name, page) if self.editions.enabled else []
        if not others:
            return ""
        editions = ", ".join(others)
        return (
            f" ({name!r} is declared in edition {editions}, and each edition has its own people: "
            f"write this on a page of edition {others[0]}, or declare them in edition "
            f"{self.edition_of(page)} too)"
        )

    def is_stranger(self, name: str, page: str | None) -> bool:
        """Nobody declared, nor a near miss of a declared name, nor a short form several
        people share: a quiet reference to ``name`` stays plain text, without a warning."""
        found = self.find(name, page)
        return found.key is None and not found.ambiguous and not self.finder(page).near_misses(name)

    def warn_unresolved(self, node: addnodes.pending_xref) -> None:
        """The warning, if any, for a reference :meth:`resolve_xref` left unresolved."""
        name, by = node["reftarget"], node.get(BY_ATTR, "person")
        page = node.get("refdoc")
        ambiguous = self.find(name, page).ambiguous
        if ambiguous:
            names = [person.name for key in ambiguous if (person := self.lookup(key, page))]
            warn(
                f"{by}: {name!r} could be any of {', '.join(map(repr, names))}; write the full "
                "name to link it to one of them",
                RoadsWarning.PERSON,
                node,
            )
            return
        where = self._where(page)
        if node.get(QUIET_ATTR):
            near = self.finder(page).near_misses(name)
            if near:  # a stranger is a guest, shown as written; a near miss is a typo
                warn(
                    f"{by}: {name!r} is declared nowhere {where}{did_you_mean(name, near)}; "
                    "it is shown as written: write the name as it is declared to link it "
                    "(a guest declared nowhere is shown as written, without a warning)",
                    RoadsWarning.PERSON,
                    node,
                )
            return
        elsewhere = self._elsewhere(name, page)
        suggestion = "" if elsewhere else self.suggestion(name, page)
        if node.get(FORM_ATTR) == "name":
            warn(
                f"{by}: {name!r} is written without '(Affiliation, Country)' and is declared "
                f"nowhere else {where}{suggestion}{elsewhere}; give their details here "
                "or in a speaker-card",
                RoadsWarning.PERSON,
                node,
            )
            return
        warn(
            f"person: nobody called {name!r} is declared {where}{suggestion}{elsewhere}; "
            "declare them with a speaker-card or committee",
            RoadsWarning.PERSON,
            node,
        )

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for edition, index in sorted(self.editions_index().items()):
            for key, found in sorted(index.items()):
                first = found[0]
                name = f"{edition}/{key}" if self.editions.enabled else key  # one per edition
                yield name, first.person.name, "person", first.docname, first.anchor, 1

    # -- consistency and dependants --------------------------------------------

    def check_conflicts(self) -> None:
        """Warn where two declarations of one person in one edition give different details
        (another edition may give others: people move)."""
        for index in self.editions_index().values():
            for found in index.values():
                self._check_person(found)

    @staticmethod
    def _check_person(found: list[Declaration]) -> None:
        # each declaration is checked against all the details before it, not only
        # the first's: two later homepages can differ where the first gives none
        merged = found[0].person
        given_at = dict.fromkeys(DETAIL_FIELDS, found[0])  # where each merged detail is from
        for later in found[1:]:
            for field, a, b in conflicts(merged, later.person):
                warn(
                    f"person {later.person.name!r} is declared twice with a different "
                    f"{field}: {a!r} at {given_at[field].where} and {b!r} at {later.where}; "
                    "give the details once and write the name alone elsewhere",
                    RoadsWarning.DUPLICATE,
                    (later.docname, later.line),
                )
            for field in DETAIL_FIELDS:
                if not getattr(merged, field) and getattr(later.person, field):
                    given_at[field] = later
            merged = merged.merged_with(later.person)

    def fingerprint(self, edition: str, key: str) -> tuple:
        """What pages show of a person: their declarations' details and places. The
        objects themselves, not a digest: those of pages not re-read are the very objects
        of the last build (the environment pickles them once), and compare at once."""
        found = self.editions_index().get(edition, {}).get(key, [])
        return tuple((d.person, d.kind, d.docname, d.anchor) for d in found)

    def pages_showing(self, people: set[tuple[str, str]]) -> set[str]:
        """The pages that declare, show or link any of these people, each an
        ``(edition, person key)`` pair."""
        if not people:
            return set()
        editions_index = self.editions_index()
        pages = {d.docname for edition, key in people for d in editions_index.get(edition, {}).get(key, [])}
        for doc, names in self.data["mentions"].items():
            edition = self.edition_of(doc)
            if any((edition, self._find(name, edition).key) in people for name in names):
                pages.add(doc)
        return pages

    def pages_to_rewrite(self) -> set[str]:
        """Pages that show or link a person whose details changed since the last build,
        and pages where a name now refers to somebody else (or to nobody, or to several);
        each edition apart, so that a change in 2024 rewrites no page of 2023."""
        old = self.data["fingerprints"]
        editions_index = self.editions_index()
        new = {
            (edition, key): self.fingerprint(edition, key)
            for edition, index in editions_index.items()
            for key in index
        }
        changed = {person for person in set(old) | set(new) if old.get(person) != new.get(person)}
        self.data["fingerprints"] = new
        # a declaring page shows the merged details too (a homepage given elsewhere)
        pages = {d.docname for edition, key in changed for d in editions_index.get(edition, {}).get(key, [])}
        old_resolutions = self.data["resolutions"]
        resolutions = {}
        for doc, names in self.data["mentions"].items():
            edition = self.edition_of(doc)
            for name in names:
                if (edition, name) not in resolutions:
                    found = self._find(name, edition)
                    resolutions[edition, name] = (
                        found.key,
                        new.get((edition, found.key or "")),
                        found.ambiguous,
                    )
        self.data["resolutions"] = resolutions
        moved = {written for written in resolutions if old_resolutions.get(written) != resolutions[written]}
        if moved:
            pages.update(
                doc
                for doc, shown in self.data["mentions"].items()
                if any((self.edition_of(doc), name) in moved for name in shown)
            )
        return pages


def on_warn_missing_reference(app: Sphinx, domain: Domain | None, node: addnodes.pending_xref) -> bool | None:
    """Sphinx found no target for a reference: for a person reference, say so our way
    (or not at all, for a guest)."""
    if not isinstance(domain, PeopleDomain) or node.get("reftype") != "person":
        return None
    domain.warn_unresolved(node)
    return True


def on_consistency_check(app: Sphinx, env: BuildEnvironment) -> None:
    PeopleDomain.of(env).check_conflicts()


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return sorted(PeopleDomain.of(env).pages_to_rewrite() & set(env.found_docs))


def setup_registry(app: Sphinx) -> None:
    app.add_domain(PeopleDomain)
    app.add_role("person", PersonRole())
    app.connect("env-check-consistency", on_consistency_check)
    app.connect("env-get-updated", on_env_get_updated)
    app.connect("warn-missing-reference", on_warn_missing_reference)


def person_json_ld(person: Person, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "@id": url, "name": person.name}
    if person.homepage:
        data["url"] = person.homepage
    if person.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": person.affiliation}
        if person.country:
            data["affiliation"]["address"] = {"@type": "PostalAddress", "addressCountry": person.country}
    return data


def declared_person_json_ld(app: Sphinx, name_or_key: str, docname: str | None) -> dict[str, Any] | None:
    """A person declared in the edition of ``docname`` as schema.org data, its ``@id``
    where the site presents them."""
    domain = PeopleDomain.of(app.env)
    key = domain.find(name_or_key, docname).key
    person, declaration = (domain.lookup(key, docname), domain.primary(key, docname)) if key else (None, None)
    if person is None or declaration is None:
        return None
    return person_json_ld(person, page_link(app, declaration.docname, declaration.anchor))
