"""BibTeX for accepted papers: one ``@inproceedings`` entry each, and their keys.

Knows nothing of Sphinx. An entry names the paper's title, authors (``A and B``), the
workshop as its ``booktitle``, its year and its link; a non-archival workshop says so in
its ``note``. Every value is escaped for (La)TeX: ``&``, ``%``, ``$``, ``#``, ``_``,
``{``, ``}``, ``~``, ``^`` and ``\\`` are written as TeX reads them, so that a title such as
``100% of {Sparse} & More`` is printed as written; a ``url`` is kept verbatim, as biblatex
and ``\\url`` read it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: what TeX reads specially -> how to write it so that it is printed as it is
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
#: words a key skips at the start of a title
_SMALL_WORDS = {"a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "at", "towards"}
NOTE_NON_ARCHIVAL = "Non-archival"


def escape(text: str) -> str:
    """``text`` as a BibTeX value prints it: TeX's special characters escaped, on one line."""
    return _SPECIAL.sub(lambda match: _ESCAPES[match.group()], " ".join(text.split()))


def url_value(url: str) -> str:
    """A link as BibTeX's ``url`` field keeps it: verbatim (biblatex and ``\\url`` read it
    as written), with only the braces and backslash that would end the value
    percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", folded)


@dataclass(frozen=True)
class Citation:
    """What an entry says of one paper."""

    title: str
    authors: tuple[str, ...]
    url: str = ""
    year: int | None = None


def base_key(citation: Citation) -> str:
    """``lovelace2031sketching``: the first author's last name, the year, the title's
    first word that says something (ASCII, lower case)."""
    surname = _ascii_word(citation.authors[0].split()[-1]) if citation.authors else ""
    words = [_ascii_word(w) for w in citation.title.split()]
    words = [w for w in words if w]
    first = next((w for w in words if w not in _SMALL_WORDS), words[0] if words else "paper")
    return f"{surname or 'anonymous'}{citation.year or ''}{first}"


def citation_keys(citations: Iterable[Citation]) -> list[str]:
    """A key for each citation, in order: ``base_key``, with ``b``, ``c``, ... after the
    first when two papers share one (the order of the file decides, so keys are stable)."""
    keys: list[str] = []
    taken: set[str] = set()
    for citation in citations:
        base = key = base_key(citation)
        suffix = ord("b")
        while key in taken:
            key = f"{base}{chr(suffix) if suffix <= ord('z') else suffix}"
            suffix += 1
        taken.add(key)
        keys.append(key)
    return keys


def bibtex_entry(key: str, citation: Citation, booktitle: str, archival: bool = True) -> str:
    """One ``@inproceedings`` entry, fields one a line, values in braces."""
    fields = [("title", escape(citation.title))]
    if citation.authors:
        fields.append(("author", " and ".join(escape(name) for name in citation.authors)))
    if booktitle.strip():
        fields.append(("booktitle", escape(booktitle)))
    if citation.year:
        fields.append(("year", str(citation.year)))
    if citation.url:
        fields.append(("url", url_value(citation.url)))
    if not archival:
        fields.append(("note", NOTE_NON_ARCHIVAL))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@inproceedings{{{key},\n{body}\n}}\n"
