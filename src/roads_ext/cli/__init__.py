"""The commands: ``roads-quickstart`` / ``python -m roads_ext new`` (``quickstart``) and
``python3 dev.py papers`` (``openreview_export``). A command may import anything."""
