"""Sphinx configuration for the ROADS workshop site.

Build from the repository root: ``sphinx-build -c . docs _build/html``
(``python3 dev.py docs`` does this in a virtual environment).
"""

import os
from urllib.parse import urlparse

project = "ROADS to Mega-AI Models"
author = "ROADS workshop organizers"
copyright = "2023, the ROADS workshop organizers"
version = release = "2023"

extensions = [
    "myst_parser",
    "sphinx_design",
    "notfound.extension",
    "roads_ext",
]

# MyST: ":::" fences keep directive bodies readable as Markdown.
myst_enable_extensions = ["colon_fence", "attrs_block", "attrs_inline"]
myst_heading_anchors = 2

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]
language = "en"

# -- HTML ----------------------------------------------------------------------
html_theme = "furo"
html_title = "ROADS to Mega-AI Models · MLSys 2023 workshop"
html_short_title = "ROADS 2023"
html_static_path = ["docs/_static"]
html_css_files = ["site.css"]
html_favicon = "docs/_static/favicon.svg"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "sidebar_hide_name": False,
    "navigation_with_keys": True,
}

# Read the Docs sets the canonical URL of the version being built; locally the
# site has none, and no canonical link is written.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

# The 404 page is served for any missing path, so its links must be absolute
# paths: on Read the Docs the version's path, locally the site root.
notfound_urls_prefix = urlparse(html_baseurl).path or "/"
