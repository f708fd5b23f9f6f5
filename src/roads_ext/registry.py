"""The people registry: one record of every person across the site.

It is a Sphinx domain (``roads``), so Sphinx pickles it with the environment,
purges a document's entries before re-reading it (``clear_doc``) and merges the
entries of parallel readers (``merge_domaindata``). Declarations are kept per
document and looked up through an index rebuilt lazily, so a look-up is O(1)
whatever the size of the site.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .model.people import DETAIL_FIELDS, Person, conflicts, person_key
from .shared import did_you_mean, warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: the kinds of place a person is declared, the first preferred as link target
KIND_ORDER = ("speaker", "committee", "program")


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


class PersonRole(XRefRole):
    """``{person}`Name``` links to where that person is presented."""

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "roads", "person"
        self.classes = ["xref", "roads-person-ref"]
        return self.create_xref_node()

    def process_link(self, env, refnode, has_explicit_title, title, target):
        target = " ".join(target.split())
        PeopleDomain.of(env).note_mention(env.docname, person_key(target))
        return title, target


class PeopleDomain(Domain):
    name = "roads"
    label = "Workshop people"
    object_types = {"person": ObjType("person", "person")}
    roles = {"person": PersonRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> [Declaration], in source order
        "declarations": {},
        # docname -> {person key} it shows or links without declaring
        "mentions": {},
        # person key -> fingerprint of what pages show of them, as of the last build
        "fingerprints": {},
    }
    data_version = 1

    @classmethod
    def of(cls, env: BuildEnvironment) -> PeopleDomain:
        return env.domains["roads"]  # type: ignore[return-value]

    # -- recording, at read time ------------------------------------------------

    def declare(self, declaration: Declaration) -> None:
        self.data["declarations"].setdefault(declaration.docname, []).append(declaration)
        self._index = None

    def note_mention(self, docname: str, key: str) -> None:
        self.data["mentions"].setdefault(docname, set()).add(key)

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
        return self._index

    def lookup(self, name_or_key: str) -> Person | None:
        """The person with all declared details merged, or None."""
        key = person_key(name_or_key)
        index = self.index()
        if key not in self._merged:
            found = index.get(key)
            person = found[0].person if found else None
            for other in (found or [])[1:]:
                person = other.person if person is None else person.merged_with(other.person)
            self._merged[key] = person
        return self._merged[key]

    def primary(self, name_or_key: str) -> Declaration | None:
        found = self.index().get(person_key(name_or_key))
        return found[0] if found else None

    def suggestion(self, name: str) -> str:
        names = {found[0].person.name for found in self.index().values()}
        return did_you_mean(name, names)

    # -- cross-references -------------------------------------------------------

    def resolve_xref(  # type: ignore[override]  # the text alone for a stranger, see below
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        declaration = self.primary(target)
        if declaration is None:
            warn(
                f"person: nobody called {target!r} is declared on this site"
                f"{self.suggestion(target)}; declare them with a speaker-card or committee",
                "person",
                node,
            )
            return contnode  # the text alone: None would have Sphinx warn a second time
        person = self.lookup(target)
        title = person.title if person else target
        return make_refnode(builder, fromdocname, declaration.docname, declaration.anchor, contnode, title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        declaration = self.primary(target)
        if declaration is None:
            return []
        ref = self.resolve_xref(env, fromdocname, builder, "person", target, node, contnode)
        return [("roads:person", ref)]

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

    def pages_to_rewrite(self) -> set[str]:
        """Pages that show or link a person whose details changed since the last build."""
        old = self.data["fingerprints"]
        keys = set(old) | set(self.index())
        new = {key: self.fingerprint(key) for key in keys if key in self.index()}
        changed = {key for key in keys if old.get(key) != new.get(key)}
        self.data["fingerprints"] = new
        if not changed:
            return set()
        pages = {doc for doc, shown in self.data["mentions"].items() if shown & changed}
        # a declaring page shows the merged details too (a homepage given elsewhere)
        pages.update(d.docname for key in changed for d in self.index().get(key, []))
        return pages


def on_consistency_check(app: Sphinx, env: BuildEnvironment) -> None:
    PeopleDomain.of(env).check_conflicts()


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return sorted(PeopleDomain.of(env).pages_to_rewrite())


def setup_registry(app: Sphinx) -> None:
    app.add_domain(PeopleDomain)
    app.add_role("person", PersonRole())
    app.connect("env-check-consistency", on_consistency_check)
    app.connect("env-get-updated", on_env_get_updated)
