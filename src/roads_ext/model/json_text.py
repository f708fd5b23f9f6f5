"""What a warning about a JSON file quotes of it: a value as written, and how deep it nests.

Knows nothing of Sphinx (used by the accepted papers' OpenReview reader).
"""

from __future__ import annotations

import json


def shown_json(value: object) -> str:
    """A JSON value as an author wrote it (``5``, ``null``, ``["Main"]``), kept short."""
    try:
        written = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        written = type(value).__name__
    return written if len(written) <= 60 else written[:59] + "…"


def json_nesting(text: str) -> tuple[int, int]:
    """How deeply ``text``'s JSON arrays and objects nest, and the line where they
    first nest that deeply (brackets inside strings are not counted)."""
    depth = deepest = 0
    line = at_line = 1
    in_string = escaped = False
    for ch in text:
        if ch == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest, at_line = depth, line
        elif ch in "]}":
            depth -= 1
    return deepest, at_line
