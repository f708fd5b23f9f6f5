"""What several directive families share at build time, each behind a small public API:
the people registry (``registry``), the calendar records (``calendars``), the accepted
papers of every page (``papers``), the talks of each person (``talks``) and the image
slots with their renditions (``images``). A service imports ``core``, ``model``,
``config`` and ``i18n``, and another service's public names; never a family.
"""
