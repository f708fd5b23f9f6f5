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

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from .config import setup_config
    from .core.build import setup_collector_pause
    from .core.docutils_patch import keep_the_last_of_repeated_options
    from .core.links import CheckEveryLink
    from .editions import setup_editions
    from .i18n import setup_i18n
    from .important_dates import setup_dates
    from .output.assets import setup_assets
    from .output.bibtex import setup_bibtex
    from .output.calendars import setup_calendar
    from .output.htmlfixes import setup_htmlfixes
    from .output.images import setup_images
    from .output.preview import setup_preview
    from .output.social import setup_social
    from .papers import setup_papers
    from .people import setup_people
    from .phases import setup_phases
    from .program import setup_program
    from .services.person_lists import setup_person_lists
    from .services.registry import setup_registry
    from .sponsors import setup_sponsors
    from .topics import setup_topics

    app.setup_extension("sphinx_design")
    keep_the_last_of_repeated_options()
    app.add_transform(CheckEveryLink)
    setup_config(app)
    setup_collector_pause(app)
    setup_i18n(app)
    setup_editions(app)
    setup_registry(app)
    setup_person_lists(app)
    setup_people(app)
    setup_images(app)
    setup_social(app)
    setup_topics(app)
    setup_sponsors(app)
    setup_calendar(app)
    setup_program(app)
    setup_dates(app)
    setup_papers(app)
    setup_bibtex(app)
    setup_phases(app)
    setup_htmlfixes(app)
    setup_preview(app)
    setup_assets(app)
    return {
        "version": __version__,
        "env_version": 15,  # raise it when the doctree or environment data changes shape
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
