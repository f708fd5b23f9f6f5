extensions = ["myst_parser", "roads_ext"]
myst_enable_extensions = ["colon_fence"]
project = "Example Workshop"
html_baseurl = "https://workshop.example.org/"
