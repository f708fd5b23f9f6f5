"""roads_ext: a workshop's website from plain MyST pages.

``setup()`` registers one family of directives per module: people
(``speaker-card``, ``speakers``, ``committee``, the ``{person}`` role),
topics (``topic-grid``), sponsors (``sponsors``), the program (``schedule``)
and ``important-dates``, with their calendar files; ``accepted-papers``; the
workshop's phases (``only-phase``).
``images`` fills every image slot (photos, logos, initials) with small
WebP/JPEG/PNG renditions or a checked SVG file; ``social``
draws the social card and feeds page descriptions to OpenGraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

STATIC = Path(__file__).parent / "static"


def _add_static_files(app: Sphinx) -> None:
    """CSS for HTML builders only; the other builders render plain nodes."""
    if app.builder.format != "html":
        return
    from .i18n import script_attributes

    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("roads.css")
    # the clock and the script's sentences in the site's language, as data-roads-* attributes
    attributes: dict[str, Any] = script_attributes(app.config)
    app.add_js_file("roads-times.js", loading_method="defer", **attributes)


def setup(app: Sphinx) -> ExtensionMetadata:
    from .calendar import setup_calendar
    from .config import setup_config
    from .dates import setup_dates
    from .editions import setup_editions
    from .htmlfixes import setup_htmlfixes
    from .i18n import setup_i18n
    from .images import setup_images
    from .papers import setup_papers
    from .people import setup_people
    from .phases import setup_phases
    from .program import setup_program
    from .registry import setup_registry
    from .shared import keep_the_last_of_repeated_options
    from .social import setup_social
    from .sponsors import setup_sponsors
    from .topics import setup_topics

    app.setup_extension("sphinx_design")
    keep_the_last_of_repeated_options()
    setup_config(app)
    setup_i18n(app)
    setup_editions(app)
    setup_registry(app)
    setup_people(app)
    setup_images(app)
    setup_social(app)
    setup_topics(app)
    setup_sponsors(app)
    setup_calendar(app)
    setup_program(app)
    setup_dates(app)
    setup_papers(app)
    setup_phases(app)
    setup_htmlfixes(app)
    app.connect("builder-inited", _add_static_files)
    return {
        "version": __version__,
        "env_version": 5,  # raise it when the doctree or environment data changes shape
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
