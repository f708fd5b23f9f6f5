"""A site's editions: which edition a page belongs to (Sphinx-free).

``roads_editions`` in ``conf.py`` names the editions, newest (current) first, as a list
(``["2024", "2023"]``) or as a dict of labels (``{"2024": "Workshop 2024", ...}``). Each
edition is a top-level folder of the source directory; a page outside every edition
folder (the root ``index``, a shared contact page) belongs to the current edition. No
editions (``None``, empty) is a single-edition site: every page is in the one edition
``""``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: the one edition of a site without editions
SINGLE = ""


@dataclass(frozen=True)
class Editions:
    """The editions, newest first, with their labels."""

    names: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def enabled(self) -> bool:
        return bool(self.names)

    @property
    def current(self) -> str:
        return self.names[0] if self.names else SINGLE

    def label(self, edition: str) -> str:
        return self.labels.get(edition) or edition

    def edition_of(self, docname: str | None) -> str:
        """The edition of a page: its top-level folder when that is an edition, else
        the current edition (also for no page at all)."""
        names = self.names  # asked for every name on every page: no property on the way
        if not names:
            return SINGLE
        if not docname or "/" not in docname:
            return names[0]
        folder = docname.split("/", 1)[0]
        return folder if folder in names else names[0]


def read_editions(value: Any) -> tuple[Editions, list[str]]:
    """``roads_editions`` as :class:`Editions`, and what is wrong with it (each a sentence
    saying what to write instead); what cannot be used is left out."""
    if value is None or value == [] or value == {} or value == ():
        return Editions(), []
    problems: list[str] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, (list, tuple)):
        items = [(entry, None) for entry in value]
    else:
        return Editions(), [
            f"roads_editions must be a list of folder names, newest first (['2024', '2023']), or a "
            f"dict of folder names to labels, not {type(value).__name__} {value!r}; the site is built "
            "as a single edition"
        ]
    names: list[str] = []
    labels: dict[str, str] = {}
    for name, label in items:
        if isinstance(name, int) and not isinstance(name, bool):
            name = str(name)  # roads_editions = [2024, 2023]
        if (
            not isinstance(name, str)
            or not name.strip()
            or name != name.strip()
            or "/" in name
            or "\\" in name
            or name.startswith((".", "_"))
        ):
            problems.append(
                f"{name!r} is not the name of a top-level folder of the "
                "source directory (write it as the folder is named, such as '2024'); it is "
                "left out"
            )
            continue
        if name in names:
            problems.append(f"{name!r} is named twice; the second is left out")
            continue
        if label is not None and not isinstance(label, str):
            problems.append(f"the label of {name!r} must be text, not {label!r}; {name!r} is shown")
            label = None
        names.append(name)
        if label and label.strip():
            labels[name] = " ".join(label.split())
    return Editions(tuple(names), labels), problems
