"""What a build writes besides the pages, at the end of the build or into each page's
HTML: the stylesheets and scripts a page loads (``assets``, its CSS cut by ``css``), the
calendar files and their links (``calendars``, their bytes by ``ics``), the social card
(``social``), fixes to the theme's HTML (``htmlfixes``) and the preview's banner
(``preview``). Output imports ``core``, ``model``, ``config``, ``i18n`` and the
services; never a directive family.
"""
