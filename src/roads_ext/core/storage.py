"""The one base of roads_ext's storage domains: data kept on the build environment,
purged when its page is re-read and merged from a parallel reader.

A Sphinx domain is where Sphinx keeps data it purges (``clear_doc``) and merges
(``merge_domaindata``); an attribute added to the environment would be neither
(``tests/test_env_state.py``). A storage domain has no roles and no directives: it
declares ``initial_data`` and which of its keys hold one entry per page
(``per_page``); what is found build-wide, after every page is read, is in no such key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Self

from sphinx.domains import Domain

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class StorageDomain(Domain):
    """Data per page (docname -> value, under each key of ``per_page``), purged and merged."""

    #: the keys of ``data`` that map a docname to that page's data
    per_page: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def of(cls, env: BuildEnvironment) -> Self:
        return env.domains[cls.name]  # type: ignore[return-value]

    def clear_doc(self, docname: str) -> None:
        for key in self.per_page:
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in self.per_page:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str, node: Any, contnode: Any
    ) -> list:
        return []
