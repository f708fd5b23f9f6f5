extensions = ["myst_parser", "roads_ext"]
exclude_patterns = ["_build"]
project = "Example Workshop"
html_theme = "furo"
html_title = "Example Workshop"
html_baseurl = "https://example.org/"
roads_timezone = "Europe/Lisbon"
html_favicon = "_static/favicon.svg"
