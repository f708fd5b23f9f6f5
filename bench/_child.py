"""One Sphinx build in its own process, reported as JSON on the last line of stdout.

Run by ``build_speed.py``: ``python _child.py '{"srcdir": ..., ...}'``. Its own
process so that every build starts cold (no module caches from a previous
build) and so that its peak memory is its own (``ru_maxrss``).

Reported: wall and CPU seconds of the build (creating the application, reading,
writing), the read and write phases apart, which documents were read and which
written, the number of warnings, the peak resident memory and the passes of Python's
cyclic garbage collector.

For ``--instructions`` (run under valgrind): ``"startup_only": true`` stops before
the build, and ``"exit_at_once": true`` leaves without the interpreter's shutdown,
so that one count minus the other is the build's own.
"""

from __future__ import annotations

import cProfile
import gc
import io
import json
import os
import resource
import sys
import time


def time_components() -> dict[str, float]:
    """Wall seconds spent in each transform, post-transform and directive class
    (a directive's time includes the directives nested in it)."""
    from docutils.parsers.rst import Directive
    from docutils.transforms import Transformer

    spent: dict[str, float] = {}

    def name(cls) -> str:
        return f"{cls.__module__}.{cls.__qualname__}"

    def apply_transforms(self) -> None:  # docutils' loop, timed
        self.document.reporter.attach_observer(self.document.note_transform_message)
        while self.transforms:
            if not self.sorted:
                self.transforms.sort(reverse=True)
                self.sorted = True
            priority, transform_class, pending, kwargs = self.transforms.pop()
            transform = transform_class(self.document, startnode=pending)
            start = time.perf_counter()
            transform.apply(**kwargs)
            key = name(transform_class)
            spent[key] = spent.get(key, 0.0) + time.perf_counter() - start
            self.applied.append((priority, transform_class, pending, kwargs))
        self.document.reporter.detach_observer(self.document.note_transform_message)

    Transformer.apply_transforms = apply_transforms
    original_init = Directive.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        run = self.run

        def timed_run():
            start = time.perf_counter()
            try:
                return run()
            finally:
                key = "directive " + name(type(self))
                spent[key] = spent.get(key, 0.0) + time.perf_counter() - start

        self.run = timed_run

    Directive.__init__ = init
    return spent


def time_handlers(app, spent: dict[str, float]) -> None:
    """Wall seconds spent in each extension's event handlers, by event."""
    for event, listeners in app.events.listeners.items():
        for index, listener in enumerate(listeners):
            handler = listener.handler
            key = f"event {event}: {getattr(handler, '__module__', '?')}.{getattr(handler, '__qualname__', handler)}"

            def timed(*args, _handler=handler, _key=key):
                start = time.perf_counter()
                try:
                    return _handler(*args)
                finally:
                    spent[_key] = spent.get(_key, 0.0) + time.perf_counter() - start

            listeners[index] = listener._replace(handler=timed)


def main() -> int:
    job = json.loads(sys.argv[1])
    from sphinx.application import Sphinx

    if job.get("startup_only"):  # what the instruction count subtracts: Python and this script
        sys.stdout.flush()
        os._exit(0)

    read: list[str] = []
    written: list[str] = []
    marks: dict[str, float] = {}

    def before_read(app, env, docnames):
        marks.setdefault("read_start", time.perf_counter())
        marks.setdefault("read_start_cpu", time.process_time())
        read.extend(docnames)

    def updated(app, env):
        marks.setdefault("read_end", time.perf_counter())
        marks.setdefault("read_end_cpu", time.process_time())

    def resolved(app, doctree, docname):
        written.append(docname)

    spent = time_components() if job.get("breakdown") else None
    warnings = io.StringIO()
    profiler = cProfile.Profile() if job.get("profile") else None
    collections0 = [generation["collections"] for generation in gc.get_stats()]
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    if profiler:
        profiler.enable()
    app = Sphinx(
        job["srcdir"], job["srcdir"], job["outdir"], job["doctreedir"], "html",
        status=None, warning=warnings, freshenv=job["fresh"], parallel=job["jobs"],
        keep_going=True,
    )
    if spent is not None:
        time_handlers(app, spent)
    app.connect("env-before-read-docs", before_read)
    app.connect("env-updated", updated)
    app.connect("doctree-resolved", resolved)
    app.build(force_all=job["fresh"])
    if profiler:
        profiler.disable()
        profiler.dump_stats(job["profile"])
    wall = time.perf_counter() - wall0
    own = resource.getrusage(resource.RUSAGE_SELF)
    forks = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = {
        "wall": wall,
        # CPU of this process and of the -j workers it forked: steadier than wall
        # time on a machine that others share
        "cpu": time.process_time() - cpu0 + forks.ru_utime + forks.ru_stime,
        "read_phase": marks.get("read_end", wall0) - marks.get("read_start", wall0),
        "read_phase_cpu": marks.get("read_end_cpu", cpu0) - marks.get("read_start_cpu", cpu0),
        "read": sorted(read),
        "written": sorted(written),
        "warnings": [line for line in warnings.getvalue().splitlines() if "WARNING" in line or "ERROR" in line],
        "maxrss_mb": own.ru_maxrss / 1024,
        "workers_maxrss_mb": forks.ru_maxrss / 1024,
        "status": app.statuscode,
        # Python's cyclic collector: passes over the young, middle and all objects
        "collections": [g["collections"] - before for g, before in zip(gc.get_stats(), collections0, strict=True)],
    }
    if spent is not None:
        report["breakdown"] = dict(sorted(spent.items(), key=lambda item: -item[1]))
    print(json.dumps(report), flush=True)
    if job.get("exit_at_once"):  # counted instructions: the interpreter's exit is not the build's
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
