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
own resolver hands to :meth:`PeopleDomain.resolve_xref` at write time. What is
not resolved reaches the ``warn-missing-reference`` event, where
:func:`on_warn_missing_reference` decides: a *strict* reference to nobody is a
``roads.person`` warning with a did-you-mean; a *quiet* one stays plain text,
silently, unless it is a near miss of a declared name or could be several people.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode, split_explicit_title

from .model.names import Found, NameFinder
from .model.people import DETAIL_FIELDS, Person, conflicts, person_key
from .shared import did_you_mean, warn

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
        "", nodes.Text(shown), refdomain="roads", reftype="person", reftarget=name,
        refexplicit=text is not None, refwarn=True,
    )
    ref[QUIET_ATTR] = not strict
    ref[FORM_ATTR] = form
    ref[BY_ATTR] = by
    if location is not None:
        ref.source, ref.line = location
    PeopleDomain.of(env).note_mention(env.docname, name)
    return ref


def presented_name(person: Person) -> nodes.Node:
    """The name, linked to the homepage when there is one (checked when declared)."""
    if person.homepage:
        return nodes.reference(person.name, person.name, refuri=person.homepage,
                               classes=["roads-person-link"])
    return nodes.Text(person.name)


class PersonRole(SphinxRole):
    """``{person}`Name``` (or ``{person}`text <Name>```) links to where that person
    is presented: a strict reference."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        explicit, title, target = split_explicit_title(self.text)
        ref = person_reference(self.env, target, strict=True, text=title if explicit else None,
                               location=self.get_source_info())
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
        # person key -> fingerprint of what pages show of them, as of the last build
        "fingerprints": {},
        # name as written -> what it referred to, as of the last build
        "resolutions": {},
    }
    data_version = 2

    @classmethod
    def of(cls, env: BuildEnvironment) -> PeopleDomain:
        return env.domains["roads"]  # type: ignore[return-value]

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

    _index: dict[str, list[Declaration]] | None = None
    #: person key -> the details merged, made once per index (every page asks again)
    _merged: dict[str, Person | None]
    #: name as written -> what it refers to, found once per index
    _found: dict[str, Found]
    _finder: NameFinder | None

    def index(self) -> dict[str, list[Declaration]]:
        """person key -> declarations, best link target first."""
        if self._index is None:
            index: dict[str, list[Declaration]] = {}
            for docname in sorted(self.data["declarations"]):
                for declaration in self.data["declarations"][docname]:
                    index.setdefault(declaration.person.key, []).append(declaration)
            for found in index.values():
                found.sort(key=Declaration.sort_key)
            self._index = index
            self._merged = {}
            self._found = {}
            self._finder = None
        return self._index

    def finder(self) -> NameFinder:
        index = self.index()
        if self._finder is None:
            self._finder = NameFinder((key, found[0].person.name) for key, found in index.items())
        return self._finder

    def _key(self, name_or_key: str) -> str | None:
        return name_or_key if name_or_key in self.index() else self.find(name_or_key).key

    def lookup(self, name_or_key: str) -> Person | None:
        """The person a key or a name as written refers to (see :meth:`find`), all
        declared details merged, or None."""
        index = self.index()
        key = self._key(name_or_key)
        if key is None:
            return None
        if key not in self._merged:
            found = index.get(key)
            person = found[0].person if found else None
            for other in (found or [])[1:]:
                person = other.person if person is None else person.merged_with(other.person)
            self._merged[key] = person
        return self._merged[key]

    def primary(self, name_or_key: str) -> Declaration | None:
        """Where the person a key or a name refers to is presented: the link target."""
        key = self._key(name_or_key)
        found = self.index().get(key) if key else None
        return found[0] if found else None

    def find(self, name: str) -> Found:
        """Whom a name as written refers to: the full name, or a surname, initials or
        honorific form only one declared person has (see :class:`NameFinder`)."""
        index = self.index()
        if name not in self._found:
            exact = name if name in index else person_key(name)  # a key is a name too
            self._found[name] = Found(exact) if exact in index else self.finder().find(name)
        return self._found[name]

    def suggestion(self, name: str) -> str:
        """`` (did you mean 'x'?)``: a near miss, else the closest declared name."""
        near = self.finder().near_misses(name)
        if near:
            return did_you_mean(name, near)
        return did_you_mean(name, (found[0].person.name for found in self.index().values()))

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
        key = self.find(target).key
        if key is None:
            return None  # Sphinx's missing-reference handling; see on_warn_missing_reference
        person, declaration = self.lookup(key), self.primary(key)
        if person is None or declaration is None:  # not so: find() gives declared keys only
            return None
        if node.get(FORM_ATTR) == "name":
            return presented_name(person)  # type: ignore[return-value]
        return make_refnode(builder, fromdocname, declaration.docname, declaration.anchor, contnode,
                            person.title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        key = self.find(target).key
        if key is None:
            return []
        person, declaration = self.lookup(key), self.primary(key)
        if person is None or declaration is None:
            return []
        ref = make_refnode(builder, fromdocname, declaration.docname, declaration.anchor, contnode,
                           person.title)
        return [("roads:person", ref)]

    def warn_unresolved(self, node: addnodes.pending_xref) -> None:
        """The warning, if any, for a reference :meth:`resolve_xref` left unresolved."""
        name, by = node["reftarget"], node.get(BY_ATTR, "person")
        ambiguous = self.find(name).ambiguous
        if ambiguous:
            names = [person.name for key in ambiguous if (person := self.lookup(key))]
            warn(f"{by}: {name!r} could be any of {', '.join(map(repr, names))}; write the full "
                 "name to link it to one of them", "person", node)
            return
        if node.get(QUIET_ATTR):
            near = self.finder().near_misses(name)
            if near:  # a stranger is a guest, shown as written; a near miss is a typo
                warn(f"{by}: {name!r} is declared nowhere on this site{did_you_mean(name, near)}; "
                     "it is shown as written: write the name as it is declared to link it "
                     "(a guest declared nowhere is shown as written, without a warning)",
                     "person", node)
            return
        if node.get(FORM_ATTR) == "name":
            warn(f"{by}: {name!r} is written without '(Affiliation, Country)' and is declared "
                 f"nowhere else on the site{self.suggestion(name)}; give their details here "
                 "or in a speaker-card", "person", node)
            return
        warn(f"person: nobody called {name!r} is declared on this site{self.suggestion(name)}; "
             "declare them with a speaker-card or committee", "person", node)

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for key, found in sorted(self.index().items()):
            first = found[0]
            yield key, first.person.name, "person", first.docname, first.anchor, 1

    # -- consistency and dependants --------------------------------------------

    def check_conflicts(self) -> None:
        """Warn where two declarations of one person give different details."""
        for found in self.index().values():
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
                        "duplicate",
                        (later.docname, later.line),
                    )
                for field in DETAIL_FIELDS:
                    if not getattr(merged, field) and getattr(later.person, field):
                        given_at[field] = later
                merged = merged.merged_with(later.person)

    def fingerprint(self, key: str) -> str:
        found = self.index().get(key, [])
        text = repr([(d.person, d.kind, d.docname, d.anchor) for d in found])
        return hashlib.sha1(text.encode()).hexdigest()

    def pages_showing(self, keys: set[str]) -> set[str]:
        """The pages that declare, show or link any of these people."""
        if not keys:
            return set()
        pages = {d.docname for key in keys for d in self.index().get(key, [])}
        pages.update(doc for doc, names in self.data["mentions"].items()
                     if any(self.find(name).key in keys for name in names))
        return pages

    def pages_to_rewrite(self) -> set[str]:
        """Pages that show or link a person whose details changed since the last build,
        and pages where a name now refers to somebody else (or to nobody, or to several)."""
        old = self.data["fingerprints"]
        index = self.index()
        new = {key: self.fingerprint(key) for key in index}
        changed = {key for key in set(old) | set(new) if old.get(key) != new.get(key)}
        self.data["fingerprints"] = new
        # a declaring page shows the merged details too (a homepage given elsewhere)
        pages = {d.docname for key in changed for d in index.get(key, [])}
        names = set().union(*self.data["mentions"].values())
        old_resolutions = self.data["resolutions"]
        resolutions = {}
        for name in names:
            found = self.find(name)
            resolutions[name] = (found.key, new.get(found.key or ""), found.ambiguous)
        self.data["resolutions"] = resolutions
        moved = {name for name in names if old_resolutions.get(name) != resolutions[name]}
        if moved:
            pages.update(doc for doc, shown in self.data["mentions"].items() if not shown.isdisjoint(moved))
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
