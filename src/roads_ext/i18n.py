"""roads_ext in the site's language.

* Every string roads_ext shows goes through Sphinx's translation machinery:
  ``_ = get_translation("roads_ext")``, called when a page is read or written
  (never at import: one process may build several languages, as the tests do).
  Strings defined apart from where they are shown are marked with ``N_``.
* The catalogues are ``locale/<lang>/LC_MESSAGES/roads_ext.po`` in the package,
  with ``locale/roads_ext.pot`` as the template. Nothing compiled is committed:
  on ``setup()`` the site language's ``.po`` is compiled to a ``.mo`` with Babel,
  into Sphinx's doctree folder (its cache), and handed to
  ``app.add_message_catalog``.
* Dates and times are formatted by :class:`roads_ext.model.formats.Formats` for
  ``language``, on the locale's clock unless ``roads_clock`` is ``"12"`` or ``"24"``.
"""

from __future__ import annotations

import io
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from .config import conf_py_location
from .core.marks import LIVE_PROGRAM_CLASS
from .core.report import warn
from .diagnostics import RoadsWarning
from .model.formats import Formats, parse_locale, read_clock

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CATALOG = "roads_ext"
#: the shipped catalogues: <lang>/LC_MESSAGES/roads_ext.po, and roads_ext.pot
LOCALE_DIR = Path(__file__).parent / "locale"
#: under the doctree folder: the compiled catalogues
COMPILED_DIR = "roads_ext-locale"

_ = get_translation(CATALOG)


def catalog_languages(language: str | None) -> set[str]:
    """The catalogue folders gettext would look in for ``language`` (``pt_BR``: pt_BR, pt)."""
    written = (language or "").strip()
    if not written:
        return set()
    return {written, written.replace("-", "_"), written.split("@")[0], re.split(r"[-_@]", written)[0]}


def compile_catalogs(language: str | None, target: Path) -> list[Path]:
    """Compile the shipped ``.po`` files for ``language`` to ``.mo`` files under ``target``
    (``<target>/<lang>/LC_MESSAGES/roads_ext.mo``); a file already up to date is left
    alone. Fuzzy translations are left out, as ``msgfmt`` does."""
    wanted = catalog_languages(language)
    written = []
    for po in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{CATALOG}.po")):
        lang = po.parent.parent.name
        if lang not in wanted:
            continue
        # here, not at the top: an English site compiles nothing and need not import them
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as stream:
            catalog = read_po(stream, locale=lang, domain=CATALOG)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        data = buffer.getvalue()
        mo = target / lang / "LC_MESSAGES" / f"{CATALOG}.mo"
        if not mo.exists() or mo.read_bytes() != data:
            mo.parent.mkdir(parents=True, exist_ok=True)
            partial = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
            partial.write_bytes(data)
            os.replace(partial, mo)  # another build reading it sees the old file or the new
        written.append(mo)
    return written


def clock_setting(config: Config) -> str | None:
    """``roads_clock`` as ``"12"``, ``"24"`` or None (the locale's clock)."""
    return read_clock(getattr(config, "roads_clock", None))


@lru_cache(maxsize=16)
def _formats(language: str | None, clock: str | None) -> Formats:
    return Formats.of(language, clock)


def formats(config: Config) -> Formats:
    """How this site writes dates and times."""
    return _formats(config.language, clock_setting(config))


def check_language(app: Sphinx, config: Config) -> None:
    """A ``language`` Babel does not know is a warning (``roads_clock`` is checked with
    the other settings, in :mod:`roads_ext.config`)."""
    _locale, problem = parse_locale(config.language)
    if problem:
        warn(problem, RoadsWarning.LOCALE, conf_py_location(app, "language"))


def script_attributes(config: Config) -> dict[str, str]:
    """What the visitor's-own-time script needs from the build: the clock, and its two
    sentences in the site's language (``document.documentElement.lang`` gives the locale)."""
    return {
        "data-roads-hour-cycle": formats(config).hour_cycle,
        # TRANSLATORS: under a time or range, the same in the visitor's time zone
        "data-roads-your-time": _("%(times)s your time"),
        "data-roads-zone-note": _("Below each time, the same in your time zone (%(zone)s)."),
    }


def live_script_attributes() -> dict[str, str]:
    """roads-live.js's words in the site's language, as data-roads-* attributes of its tag."""
    return {
        # TRANSLATORS: a badge on the slot under way, on the workshop's day
        "data-roads-program": LIVE_PROGRAM_CLASS,
        "data-roads-now": _("Now"),
        # TRANSLATORS: a badge on the slot after the one under way
        "data-roads-next": _("Up next"),
        "data-roads-opens": _("Live links open on %(day)s."),
        "data-roads-closed": _("The live links are closed."),
    }


def setup_i18n(app: Sphinx) -> None:
    compiled = Path(app.doctreedir) / COMPILED_DIR
    compile_catalogs(app.config.language, compiled)
    app.add_message_catalog(CATALOG, str(compiled))
    app.connect("config-inited", check_language)
