"""Every problem in an author's input, reported as a located ``roads.<subtype>`` warning:
the build goes on, and ``-W`` makes it a failure.
"""

from __future__ import annotations

from typing import Any

from sphinx.util.logging import getLogger

from ..diagnostics import RoadsWarning

logger = getLogger("roads_ext")

WARNING_TYPE = "roads"


def warn(message: str, subtype: RoadsWarning, location: Any) -> None:
    """Report a problem in an author's input as a ``roads.<subtype>`` warning.

    ``subtype`` is a :class:`~roads_ext.diagnostics.RoadsWarning` member, never a
    string (``tests/test_layers.py`` reads every call). ``location`` is a node, a docname or a
    ``(docname, line)`` pair.
    """
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)
