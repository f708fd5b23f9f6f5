extensions = ["myst_parser", "roads_ext"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Example Workshop"
# two editions, newest (the current one) first; the root index is its landing page
roads_editions = ["2024", "2023"]
copyright = "2024, the Example Workshop organizers"
version = release = "2024"
