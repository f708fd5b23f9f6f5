extensions = ["myst_parser", "roads_ext"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Example Workshop"
