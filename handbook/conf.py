"""Sphinx configuration of the roads_ext handbook: roads_ext documented as a site built with itself.

Build from the repository root: ``python3 dev.py handbook`` (``-W -n --keep-going`` into
``_build/handbook``), or ``python3 dev.py handbook --serve`` to preview it while writing.
Its own small extension (the live examples, the generated references) is in ``_ext/``.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "roads_ext handbook"
author = "The ROADS workshop organizers"
copyright = "2023-2026, the ROADS workshop organizers"
version = release = "0.1"

extensions = [
    "myst_parser",
    "sphinx_design",
    "roads_ext",
    "roads_handbook",  # the live examples and the generated references
]

myst_enable_extensions = ["colon_fence", "attrs_block", "attrs_inline"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# the snippets are shown by {roads-example}, never pages of their own
exclude_patterns = ["_build", "snippets", "README.md"]
language = "en"

# the examples' programs and dates are in 2023 and 2024; a day without a year is in 2023
roads_workshop_date = "2023-06-08"
roads_timezone = "America/New_York"

# -- HTML ----------------------------------------------------------------------
html_theme = "furo"
html_title = "roads_ext handbook"
html_short_title = "roads_ext"
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "sidebar_hide_name": False,
    "navigation_with_keys": True,
}
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
epub_basename = "roads-handbook"
