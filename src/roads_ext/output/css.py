"""Stylesheets as text, no Sphinx: parsed once into a tree of rules, cut to the classes
and elements a page uses, custom properties nothing reads pruned, minified, and their
``url(...)``s rebased when a stylesheet moves. :mod:`roads_ext.output.assets` decides
which stylesheets a page loads and writes them."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Set as AbstractSet
from typing import Any

_SELECTOR_CLASS = re.compile(r"\.((?:[A-Za-z0-9_-]|\\.)+)")

_ATTRIBUTE = re.compile(r"\[[^\]]*\]")

#: an element name at the start of a compound selector (after a combinator)
_SELECTOR_TAG = re.compile(r"(?:^|[\s>+~])([A-Za-z][A-Za-z0-9-]*)")

_INNERMOST_PARENS = re.compile(r"\([^()]*\)")

_VAR_REFERENCE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")

_STRING = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')")

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _required(selector: str) -> str:
    """``selector`` without what need not match for its rule to apply: attribute tests
    and the arguments of ``:not()``, ``:is()``, ``:where()`` and ``:has()`` (an unused
    class in ``:not(.x)`` makes the rule apply more, not less)."""
    if "[" in selector:
        selector = _ATTRIBUTE.sub("", selector)
    while "(" in selector:
        stripped = _INNERMOST_PARENS.sub("", selector)
        if stripped == selector:
            return stripped
        selector = stripped
    return selector


def _selector_words(selector: str) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and the elements a selector requires."""
    required = _required(selector) if "[" in selector or "(" in selector else selector
    classes = _SELECTOR_CLASS.findall(required)
    if "\\" in required:
        classes = [re.sub(r"\\(.)", r"\1", name) for name in classes]
    tags = _SELECTOR_TAG.findall(required.strip())
    return (
        frozenset(classes) if classes else _NO_WORDS,
        frozenset(tag.lower() for tag in tags) if tags else _NO_WORDS,
    )


_BRACES = re.compile(r"[{}]")

#: a rule with no block inside it, from where the last one ended
_FLAT_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")


def _rules(css: str) -> list[tuple[str, str]]:
    """Top-level ``(prelude, body)`` pairs of a stylesheet (bodies of @-blocks kept whole)."""
    out: list[tuple[str, str]] = []
    position = 0
    while True:
        flat = _FLAT_RULE.match(css, position)  # nearly every rule: matched in C
        if flat is not None:
            out.append((flat.group(1).strip(), flat.group(2)))
            position = flat.end()
            continue
        start = css.find("{", position)
        if start < 0:
            return out
        depth = 0  # a block holding rules (@media): its braces counted
        for brace in _BRACES.finditer(css, start):
            depth += 1 if brace.group() == "{" else -1
            if depth == 0:
                out.append((css[position:start].strip(), css[start + 1 : brace.start()]))
                position = brace.end()
                break
        else:
            return out  # a block left open (only well-formed stylesheets are combined)


#: a parsed stylesheet: ("block", prelude, children), ("at", text) or
#: ("rule", ((selector, its classes, its elements), ...), body)
_Tree = tuple[tuple[Any, ...], ...]


@functools.lru_cache(maxsize=16)
def _parsed(css: str) -> _Tree:
    """``css`` parsed once: each page's cut of the same stylesheet reuses it."""
    tree: list[tuple[Any, ...]] = []
    for prelude, body in _rules(_COMMENT.sub("", css)):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            tree.append(("block", prelude, _parsed(body)))
        elif prelude.startswith("@"):
            tree.append(("at", f"{prelude}{{{body}}}"))
        else:
            selectors = tuple((selector, *_selector_words(selector)) for selector in prelude.split(","))
            tree.append(("rule", selectors, body))
    return tuple(tree)


def _keep(tree: _Tree, used: AbstractSet[str] | None, tags: AbstractSet[str] | None) -> _Tree:
    """The nodes of ``tree`` whose selectors name only classes in ``used`` and elements
    in ``tags`` (None: any), each rule with the selectors that do: a tree again."""
    kept: list[tuple[Any, ...]] = []
    for node in tree:
        if node[0] == "block":
            inner = _keep(node[2], used, tags)
            if inner:
                kept.append(("block", node[1], inner))
        elif node[0] == "at":
            kept.append(node)
        else:
            selectors = tuple(
                selector
                for selector in node[1]
                if (used is None or selector[1] <= used) and (tags is None or selector[2] <= tags)
            )
            if len(selectors) == len(node[1]):
                kept.append(node)
            elif selectors:
                kept.append(("rule", selectors, node[2]))
    return tuple(kept)


def _prune(tree: _Tree, live: AbstractSet[str]) -> _Tree:
    """``tree`` without the declarations of custom properties not in ``live`` (and the
    rules and blocks left empty)."""
    pruned: list[tuple[Any, ...]] = []
    for node in tree:
        if node[0] == "block":
            inner = _prune(node[2], live)
            if inner:
                pruned.append(("block", node[1], inner))
        elif node[0] == "at":
            pruned.append(node)
        else:
            custom, _ = _body_parts(node[2])
            if all(name in live for name, _ in custom):
                pruned.append(node)
                continue
            declarations = [
                d for d in _declarations(node[2]) if (name := _custom_name(d)) is None or name in live
            ]
            if declarations:
                pruned.append(("rule", node[1], ";".join(declarations)))
    return tuple(pruned)


def _render(tree: _Tree) -> str:
    """The CSS of ``tree``."""
    out = []
    for node in tree:
        if node[0] == "block":
            out.append(f"{node[1]}{{{_render(node[2])}}}")
        elif node[0] == "at":
            out.append(node[1])
        else:
            out.append(f"{','.join(selector[0] for selector in node[1])}{{{node[2]}}}")
    return "".join(out)


def _live_properties(tree: _Tree, read_elsewhere: AbstractSet[str]) -> set[str]:
    """The custom properties something reads: a declaration of ``tree``, ``read_elsewhere``,
    or the value of a property read."""
    values: dict[str, list[str]] = {}
    live = set(read_elsewhere)

    def collect(nodes: _Tree) -> None:
        for node in nodes:
            if node[0] == "block":
                collect(node[2])
            elif node[0] == "at":
                live.update(_reads(node[1]))
            else:
                custom, reads = _body_parts(node[2])
                live.update(reads)
                for name, declaration in custom:
                    values.setdefault(name, []).append(declaration)

    collect(tree)
    pending = [name for name in values if name in live]
    while pending:  # a kept property's value may read others
        for declaration in values.get(pending.pop(), []):
            for found in _reads(declaration):
                if found not in live:
                    live.add(found)
                    pending.append(found)
    return live


class Styles:
    """A parsed stylesheet, cut for one page after another. Pages that differ only in
    words it does not name (most pages of a site) share one cut, made once."""

    def __init__(self, tree: _Tree) -> None:
        self.tree = tree
        self.classes, self.elements, self.declared = _vocabulary(tree)
        self._cuts: dict[tuple[frozenset[str], ...], str] = {}

    def cut(self, used: AbstractSet[str], tags: AbstractSet[str], read_elsewhere: AbstractSet[str]) -> str:
        """The rules for ``used`` classes and ``tags``, without the custom properties
        nothing reads (``read_elsewhere``: those named outside this stylesheet)."""
        key = (
            frozenset(self.classes.intersection(used)),
            frozenset(self.elements.intersection(tags)),
            frozenset(self.declared.intersection(read_elsewhere)),
        )
        if key not in self._cuts:
            kept = _keep(self.tree, key[0], key[1])
            self._cuts[key] = _render(_prune(kept, _live_properties(kept, key[2])))
        return self._cuts[key]


def _vocabulary(tree: _Tree) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The classes and elements the selectors of ``tree`` name, and the custom properties
    its rules declare: the only words of a page its cut depends on."""
    classes: set[str] = set()
    elements: set[str] = set()
    declared: set[str] = set()

    def collect(nodes: _Tree) -> None:
        for node in nodes:
            if node[0] == "block":
                collect(node[2])
            elif node[0] == "rule":
                for _, selector_classes, selector_elements in node[1]:
                    classes.update(selector_classes)
                    elements.update(selector_elements)
                declared.update(name for name, _ in _body_parts(node[2])[0])

    collect(tree)
    return frozenset(classes), frozenset(elements), frozenset(declared)


_DECLARATION_END = re.compile(r"""[;"'()]""")


@functools.lru_cache(maxsize=4096)
def _declarations(body: str) -> tuple[str, ...]:
    """A rule's declarations, split at the semicolons outside strings and brackets
    (a ``data:`` URL has its own)."""
    out, depth, start, quote, index = [], 0, 0, "", 0
    for match in _DECLARATION_END.finditer(body):
        index, char = match.start(), match.group()
        if quote:
            if char == quote and body[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(body[start:index])
            start = index + 1
    out.append(body[start:])
    return tuple(d for d in out if d.strip())


def _custom_name(declaration: str) -> str | None:
    name = declaration.split(":", 1)[0].strip()
    return name if name.startswith("--") and ":" in declaration else None


@functools.lru_cache(maxsize=4096)
def _body_parts(body: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """A rule body's custom properties, ``(name, declaration)``, and the properties its
    other declarations read."""
    if "--" not in body:  # most rules: neither declares nor reads one
        return (), _NO_WORDS
    custom, reads = [], set()
    for declaration in _declarations(body):
        name = _custom_name(declaration)
        if name is None:
            reads.update(_VAR_REFERENCE.findall(declaration))
        else:
            custom.append((name, declaration))
    return tuple(custom), frozenset(reads)


@functools.lru_cache(maxsize=4096)
def _reads(text: str) -> frozenset[str]:
    return frozenset(_VAR_REFERENCE.findall(text))


def minify(css: str) -> str:
    """``css`` without comments and the white space around braces, semicolons, colons and
    commas (strings kept as they are)."""
    parts = _STRING.split(_COMMENT.sub("", css))
    for index in range(0, len(parts), 2):  # outside strings
        text = re.sub(r"\s+", " ", parts[index])
        parts[index] = re.sub(r" ?([{};,>]) ?", r"\1", text).replace(": ", ":")
    return "".join(parts).replace(";}", "}").strip()


_URL = re.compile(r"""url\(\s*(["']?)([^"')]*)\1\s*\)""", re.IGNORECASE)


def rebase_urls(css: str, name: str) -> str:
    """The ``url()``s of ``_static/<name>`` made relative to ``_static/`` itself."""
    folder = posixpath.dirname(name)
    if not folder:
        return css

    def rebase(match: re.Match[str]) -> str:
        quote, target = match.groups()
        if _RELATIVE_URL.match(f"url({target})") is None:
            return match.group()
        return f"url({quote}{posixpath.normpath(posixpath.join(folder, target))}{quote})"

    return _URL.sub(rebase, css)


#: one empty set for every selector without classes or elements, every body without
#: custom properties (fewer objects for the collector to walk)
_NO_WORDS: frozenset[str] = frozenset()

#: a ``url()`` that is not a data: URL, an absolute one or a fragment
_RELATIVE_URL = re.compile(r"""url\(\s*(?!["']?(?:data:|[a-z][a-z0-9+.-]*:|/|#))""", re.IGNORECASE)
