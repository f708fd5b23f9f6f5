"""The live preview's warning banner (``dev.py docs --serve`` sets ``ROADS_PREVIEW=1``).

In preview mode every warning the build shows (after ``suppress_warnings``, with its
file and line, exactly as printed) is also collected, and when the build ends each HTML
page gets a banner at its top listing them; a build without warnings leaves no banner.
The real build (no ``ROADS_PREVIEW``) is untouched: nothing is collected or written.
"""

from __future__ import annotations

import logging
import os
import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ENV_VAR = "ROADS_PREVIEW"
BANNER_ID = "roads-preview-warnings"
_START, _END = "<!-- roads-preview -->", "<!-- /roads-preview -->"
_OLD_BANNER = re.compile(re.escape(_START) + r".*?" + re.escape(_END), re.DOTALL)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def preview_mode() -> bool:
    return os.environ.get(ENV_VAR, "") not in ("", "0")


class _Collector(logging.Filter):
    """Appended last to Sphinx's warning handler: sees only the warnings that are shown,
    already given their ``file:line`` location and ``[type.subtype]`` by Sphinx's filters."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[tuple[str, str]] = []

    def filter(self, record: logging.LogRecord) -> bool:
        location = getattr(record, "location", None) or ""
        # the message alone: Sphinx's record class would put the location and "WARNING:" before it
        self.warnings.append((str(location), logging.LogRecord.getMessage(record)))
        return True


def _warning_handler() -> logging.Handler | None:
    from sphinx.util.logging import NAMESPACE, WarningStreamHandler

    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler):
            return handler
    return None


def _shown_location(location: str, root: str) -> str:
    """``docs/page.md:12`` for a file inside the project, else as Sphinx gave it."""
    path, colon, line = location.rpartition(":") if re.search(r":\d+$", location) else (location, "", "")
    try:
        relative = Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except (ValueError, OSError):
        return location
    return relative + colon + line


def banner(warnings: list[tuple[str, str]], root: str) -> str:
    """The banner's HTML (everything escaped); empty when there is nothing to show."""
    if not warnings:
        return ""
    items = "".join(
        f'<li><code style="font-weight:bold">{escape(_shown_location(location, root) or "(no file)")}</code>'
        f" {escape(message)}</li>"
        for location, message in warnings
    )
    count = f"{len(warnings)} warning" + ("s" if len(warnings) != 1 else "")
    return (
        f'{_START}<div id="{BANNER_ID}" role="alert" style="position:sticky;top:0;z-index:100;'
        "max-height:40vh;overflow:auto;padding:0.75rem 1rem;background:#fff4e5;color:#3b2300;"
        'border-bottom:3px solid #b35900;font-size:0.9rem;line-height:1.4">'
        f"<strong>Preview: {count}.</strong> The real build (<code>dev.py docs</code>, Read the Docs) "
        f'fails on {"them" if len(warnings) != 1 else "it"}:<ul style="margin:0.25rem 0 0 1.25rem;padding:0">'
        f"{items}</ul></div>{_END}"
    )


def put_banner(outdir: Path, html: str) -> int:
    """Replace the banner of every HTML page in ``outdir`` by ``html``; pages changed."""
    changed = 0
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = _OLD_BANNER.sub("", text)
        if html:
            new = _BODY.sub(lambda match: match.group(0) + html, new, count=1)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def _builder_inited(app: Sphinx) -> None:
    handler = _warning_handler()
    if handler is None:
        return
    collector = _Collector()
    handler.addFilter(collector)
    app._roads_preview = collector  # type: ignore[attr-defined]


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    collector = getattr(app, "_roads_preview", None)
    if collector is None or app.builder.format != "html":
        return
    put_banner(Path(app.outdir), banner(collector.warnings, str(app.confdir)))


def setup_preview(app: Sphinx) -> None:
    if not preview_mode():
        return
    app.connect("builder-inited", _builder_inited)
    app.connect("build-finished", _build_finished, priority=900)
