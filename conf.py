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
    "roads_ext",  # before sphinxext.opengraph: it imports that without its matplotlib notice
    "sphinxext.opengraph",
]

# MyST: ":::" fences keep directive bodies readable as Markdown.
myst_enable_extensions = ["colon_fence", "attrs_block", "attrs_inline"]
myst_heading_anchors = 2

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]
language = "en"

# The workshop's day: the year of the program's "Schedule (Thursday, June 8)".
roads_workshop_date = "2023-06-08"

# -- HTML ----------------------------------------------------------------------
html_theme = "furo"
html_title = "ROADS to Mega-AI Models · MLSys 2023 workshop"
html_short_title = "ROADS 2023"
html_static_path = ["docs/_static"]
# in the form Sphinx turns a plain name into: written as "site.css", every incremental
# build would say "The configuration has changed"
html_css_files = [("site.css", {"priority": 800})]
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

# -- Search engines and sharing -------------------------------------------------
# robots.txt is copied to the root; the sitemap needs the canonical URL, so it
# is made (and named in robots.txt) only where there is one.
html_extra_path = ["docs/_extra"]
epub_basename = "roads"  # the e-book Read the Docs offers: roads.epub
epub_exclude_files = ["robots.txt"]  # html_extra_path reaches the e-book too
if html_baseurl:
    extensions.append("sphinx_sitemap")
    sitemap_url_scheme = "{link}"
    sitemap_excludes = ["404.html", "genindex.html", "search.html"]
ogp_site_url = html_baseurl
ogp_site_name = "ROADS 2023"
ogp_social_cards = {"enable": False}
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary_large_image">']
# drawn at build time by roads_ext (text only) and used as ogp_image
roads_social_card = {
    "title": "ROADS to Mega-AI Models",
    "subtitle": "Research On Algorithms & Data Structures: a workshop at MLSys 2023",
    "footer": "Thursday, June 8, 2023",
}

# The 404 page is served for any missing path, so its links must be absolute
# paths: on Read the Docs the version's path, locally the site root.
notfound_urls_prefix = urlparse(html_baseurl).path or "/"


def _robots_sitemap(app, exception):
    """Name the sitemap in robots.txt where the site has a canonical URL."""
    if exception is None and app.builder.name == "html" and html_baseurl:
        robots = os.path.join(app.outdir, "robots.txt")
        with open(robots, encoding="utf-8") as stream:
            lines = [line for line in stream.read().splitlines() if not line.startswith("Sitemap:")]
        lines.append(f"Sitemap: {html_baseurl.rstrip('/')}/sitemap.xml")
        with open(robots, "w", encoding="utf-8") as stream:
            stream.write("\n".join(lines) + "\n")


def setup(app):
    app.connect("build-finished", _robots_sitemap)
