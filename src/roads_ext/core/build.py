"""The site and the build: an HTML site or not, the build's "now", the digest of
roads_ext's own code, the collector paused while the environment loads and while files
are written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
import os
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..diagnostics import RoadsWarning
from ..model.dates import now_for_build
from .report import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


@contextlib.contextmanager
def cyclic_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while roads_ext writes its files at the
    end of a build (as it was before).

    Its full passes walk every object alive, and at the end of a build that is every
    module, the environment and its records: on the bench's small site one such pass,
    set off by the stylesheet trees this work makes, took longer than the work itself.
    What is made here holds no reference cycles (reference counting frees it), and what
    the collector would have found waits for its next pass."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: the applications whose loading of the pickled environment paused the collector
_LOADING: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def pause_collector_while_loading(app: Sphinx, config: object) -> None:
    """Pause Python's cyclic collector from ``config-inited`` to ``builder-inited``, the
    time Sphinx loads the pickled environment of the last build.

    Unpickling makes the environment's objects one after another, and the collector,
    set off every 700 of them, walks all those made so far, again and again: on the
    bench's large site, loading the environment took 0.06 s with it paused and 0.12 to
    0.5 s without, most of a rebuild after one edit. Nothing is freed while it loads."""
    if gc.isenabled():
        gc.disable()
        _LOADING.add(app)


def resume_collector(app: Sphinx, *_args: object) -> None:
    """Resume the collector :func:`pause_collector_while_loading` paused (at
    ``builder-inited``, or at ``build-finished`` should loading have failed)."""
    if app in _LOADING:
        _LOADING.discard(app)
        gc.enable()


def setup_collector_pause(app: Sphinx) -> None:
    app.connect("config-inited", pause_collector_while_loading, priority=0)
    app.connect("builder-inited", resume_collector, priority=0)
    app.connect("build-finished", resume_collector, priority=0)


def is_html_site(builder: Builder) -> bool:
    """A web site, with room for files of its own (calendars, photos, a social card);
    an epub or help file has no use for them."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


#: the package's folders that hold no code of its own
_NOT_CODE = frozenset({"templates", "static", "locale", "__pycache__"})


@functools.cache
def code_digest() -> str:
    """A digest of roads_ext's own code: a changed extension (an editable install
    being worked on) remakes every file made from an author's input, as a changed
    input does."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(__version__.encode())
    for folder, subfolders, files in os.walk(package):
        # not the starter site's files, the static files or the catalogues
        subfolders[:] = sorted(name for name in subfolders if name not in _NOT_CODE)
        for name in sorted(files):
            if name.endswith(".py"):
                digest.update(Path(folder, name).read_bytes())
    return digest.hexdigest()


#: environment -> this build's "now" (kept beside the environment, not pickled with it)
_CLOCK: weakref.WeakKeyDictionary[BuildEnvironment, dt.datetime] = weakref.WeakKeyDictionary()


def start_build_clock(app: Sphinx) -> None:
    """Fix this build's "now" (``builder-inited``): ``SOURCE_DATE_EPOCH`` when set."""
    now, problem = now_for_build(dict(os.environ))
    _CLOCK[app.env] = now
    if problem:
        warn(problem, RoadsWarning.DATE, None)


def build_now(env: BuildEnvironment) -> dt.datetime:
    """This build's "now", the same for every page and file of the build."""
    now = _CLOCK.get(env)
    if now is None:
        now = _CLOCK[env] = now_for_build(dict(os.environ))[0]
    return now
