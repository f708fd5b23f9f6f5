"""roads_ext: a workshop's website from plain MyST pages.

``setup()`` registers one family of directives per module: people
(``speaker-card``, ``speakers``, ``committee``, the ``{person}`` role) and
topics (``topic-grid``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

STATIC = Path(__file__).parent / "static"


def _add_static_files(app: Sphinx) -> None:
    """CSS for HTML builders only; the other builders render plain nodes."""
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("roads.css")


def setup(app: Sphinx) -> ExtensionMetadata:
    from .people import setup_people
    from .registry import setup_registry
    from .topics import setup_topics

    app.setup_extension("sphinx_design")
    setup_registry(app)
    setup_people(app)
    setup_topics(app)
    app.connect("builder-inited", _add_static_files)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
