#!/usr/bin/env python3
"""Lighthouse on a long list of accepted papers: one generated list of ``--papers`` papers
(the conference bench's papers, ``bench/papers.py``), grouped by poster session, with its
search box and without a BibTeX box per paper, as the handbook's guide "Large paper lists"
writes it. The list keeps its default ``:per-page:`` (what an organizer gets): Lighthouse
runs on its first page.

    python3 bench/lighthouse/paper_list.py --papers 1000 --plain   # served uncompressed
    python3 bench/lighthouse/paper_list.py --papers 5000           # gzipped, as a real host serves

Needs what ``run.py`` needs (Node.js with npm, Chromium). Prints the four scores, the bytes
transferred, the largest contentful paint and the layout shift, keeps the JSON report in
``bench/results/lighthouse/papers-<N>.json``, and exits 1 when a score is under 100 or the
layout shifts. A benchmark to run by hand, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import run  # noqa: E402

PAGE = """\
---
myst:
  html_meta:
    description: "The {count} accepted papers of a generated conference, by poster session."
---

# Accepted papers

The {count} accepted papers of a generated conference, by poster session.

```{{accepted-papers}} papers.csv
:group-by: session
:search:
:bibtex: file
:sort: file
```
"""
CONF = """\
project = "Example Conference"
html_title = "Example Conference"
extensions = ["myst_parser", "sphinx_design", "roads_ext"]
html_theme = "furo"
language = "en"
html_baseurl = {base!r}
html_favicon = "favicon.svg"
"""
FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16"/></svg>'



def build(source: Path, out: Path, count: int, base: str) -> None:
    from papers import author_names, conference_papers, roads_files
    from workshop import FIRST

    source.mkdir(parents=True)
    papers = conference_papers(count, 4 * count, author_names(FIRST))
    (source / "conf.py").write_text(CONF.format(base=base))
    (source / "index.md").write_text(PAGE.format(count=count))
    (source / "favicon.svg").write_text(FAVICON)
    (source / "papers.csv").write_text(roads_files(papers)["papers.csv"])
    done = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(out)],
                          capture_output=True, text=True)
    if done.returncode != 0 or "WARNING" in done.stderr:
        sys.exit(f"paper_list.py: the page did not build cleanly:\n{done.stderr[-3000:]}")


def in_project_venv() -> None:
    """Run again inside the project's .venv (made by dev.py) when not there yet (as run.py does)."""
    sys.path.insert(0, str(run.ROOT))
    import dev

    if Path(sys.prefix).resolve() != dev.VENV.resolve():
        dev.ensure_environment()
        os.execv(str(dev.PYTHON), [str(dev.PYTHON), __file__, *sys.argv[1:]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=1000, help="papers on the page (default 1000)")
    parser.add_argument("--plain", action="store_true", help="serve uncompressed, not gzipped")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--keep", action="store_true", help="keep the built page")
    args = parser.parse_args()
    in_project_venv()
    if not Path(args.chrome).is_file():
        sys.exit(f"paper_list.py: Chromium not found at {args.chrome} (apt-get install chromium)")
    binary = run.ensure_lighthouse()
    work = Path(tempfile.mkdtemp(prefix="roads-lighthouse-papers-"))
    out = work / "html"
    out.mkdir()
    server, base = run.serve(out, plain=args.plain)
    try:
        print(f"paper_list.py: building a page of {args.papers} papers into {out}", flush=True)
        build(work / "src", out, args.papers, base)
        page = out / "index.html"
        pages = 1 + len(list(out.glob("index-page-*.html")))  # the list in pages (its default :per-page:)
        print(f"paper_list.py: the list is on {pages} page(s); the first is {page.stat().st_size / 1024:.0f} KB "
              f"of HTML; lighthouse {base}index.html", flush=True)
        run.RESULTS.mkdir(parents=True, exist_ok=True)
        data = run.run_lighthouse(binary, base + "index.html", run.RESULTS / f"papers-{args.papers}.json",
                                  args.chrome)
        row = run.summary(data)
    finally:
        server.shutdown()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    name = f"{args.papers} papers" + (" (plain)" if args.plain else " (gzip)")
    print()
    print(run.table({name: row}))
    print(f"LCP {row['lcp_ms']} ms; Lighthouse {data['lighthouseVersion']}, mobile preset")
    if row["failing"]:
        print("\nAudits not fully passed:\n  " + "\n  ".join(row["failing"]))
    low = [c for c in run.CATEGORIES if row[c] < run.BUDGET_SCORE]
    if low or row["cls"] != 0:
        print(f"\nUNDER 100 or shifting: {low} CLS {row['cls']}")
        return 1
    print("\nEvery score 100, no layout shift.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
