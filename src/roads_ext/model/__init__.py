"""The workshop as plain data (people, program, dates): no Sphinx in here."""
