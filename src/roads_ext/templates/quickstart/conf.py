"""Sphinx configuration of the workshop site.

Made by roads-quickstart. Build with ``python3 dev.py docs``; the pages are in ``docs/``.
"""

import os

project = {{ project_py }}
author = {{ author_py }}
copyright = {{ copyright_py }}
version = release = {{ year_py }}

extensions = [
    "myst_parser",
    "sphinx_design",
    "roads_ext",
]

# MyST: ":::" fences keep directive bodies readable as Markdown.
myst_enable_extensions = ["colon_fence", "attrs_block", "attrs_inline"]
myst_heading_anchors = 2
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]
language = "en"

# The venue's time zone (an IANA name): programs and dates without one use it.
roads_timezone = {{ timezone_py }}

# -- HTML ----------------------------------------------------------------------
html_theme = "furo"
html_title = {{ html_title_py }}  # HTML: write &amp; for &, &lt; for <
html_copy_source = False
html_show_sourcelink = False
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
# The browser tab's icon: the workshop's initials, drawn by roads-quickstart; replace the
# file with your own (a square .png or .svg) if you like.
html_favicon = "favicon.png"
epub_basename = "site"

# The picture shown when a page is shared (drawn at build time). Colours are CSS
# colours; a font is a .ttf/.otf file in this folder (Pillow's own font without one).
roads_social_card = {
    "title": {{ project_py }},
    "subtitle": {{ subtitle_py }},
    "footer": {{ footer_py }},
    # "background": "#0e2a47",
    # "accent": "#ffc400",
    # "color": "#ffffff",
    # "muted": "#c8d6e5",
    # "font": "fonts/MyFont-Regular.ttf",
    # "title_font": "fonts/MyFont-Bold.ttf",
}
