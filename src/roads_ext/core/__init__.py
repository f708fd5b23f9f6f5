"""What every directive family shares, and nothing family-specific.

``core`` imports only ``model`` and ``diagnostics`` of roads_ext (``tests/test_layers.py``):
report (warn), build (the build's clock, an HTML site or not), options (lenient option
reading and the converters), docutils_patch (an option given twice), source (source
lines), directive (``RoadsDirective``), links (the link check of every link), pages
(ids, URLs, JSON-LD, marked nodes), nodes (grids, cards, tables, times), storage (the
storage-domain base).
"""
