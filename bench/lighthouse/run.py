#!/usr/bin/env python3
"""Lighthouse page-weight bench: the home page, a page of five speakers with
large generated photos, and the program page with the browser in another time zone
than the venue's (``TZ=Asia/Tokyo``: the visitor's own times are added to the page,
and must not move its layout), on a phone (Lighthouse's mobile preset).

    python3 bench/lighthouse/run.py              # needs node/npm and Chromium
    python3 bench/lighthouse/run.py --plain      # served uncompressed, as python -m http.server does
    python3 bench/lighthouse/run.py --keep       # also keep the built demo site
    python3 bench/lighthouse/run.py --handbook   # the handbook's pages instead of the site's
    python3 bench/lighthouse/run.py --rooms      # the three-room program demo (tests/roots/test-rooms)

It builds the site plus the demo page into a temporary folder, serves it on
127.0.0.1 with gzip like a real host (Read the Docs compresses text), runs npm's
``lighthouse`` (pinned to 12.2.3: later versions need Node 22) with
``CHROME_PATH=/usr/bin/chromium``, prints a table of scores and transfer sizes,
and keeps the JSON reports in ``bench/results/lighthouse/``. Budget: every
category 100, under 300 KB transferred with the five photos, and a cumulative layout
shift of 0 on every page; the exit code is 1 when a page is over budget. It is a benchmark, not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = ROOT / "bench" / "results" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET_SCORE = 100
BUDGET_BYTES = 300 * 1024
#: the five-photo page served uncompressed (--plain)
BUDGET_PLAIN_PHOTOS = 120 * 1024
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt")
#: the figures of the earlier VitePress site with its five photos, for comparison
VITEPRESS = {"performance": 72, "accessibility": 90, "best-practices": 96, "seo": 91, "bytes": 3_000_000}


def in_project_venv() -> None:
    """Run again inside the project's .venv (made by dev.py) when not there yet."""
    sys.path.insert(0, str(ROOT))
    import dev

    if Path(sys.prefix).resolve() != dev.VENV.resolve():
        dev.ensure_environment()
        os.execv(str(dev.PYTHON), [str(dev.PYTHON), __file__, *sys.argv[1:]])


def ensure_lighthouse() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    lock = HERE / "package-lock.json"
    stamp = HERE / "node_modules" / ".roads-installed"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    if not (binary.exists() and stamp.exists() and stamp.read_text() == wanted):
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("run.py: npm not found; install Node.js 18.16+ and npm (apt-get install npm)")
        print("run.py: npm ci in bench/lighthouse", flush=True)
        if subprocess.call([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE) != 0:
            sys.exit("run.py: npm ci failed")
        stamp.write_text(wanted)
    return binary


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzipped when the client accepts it, as a real host does."""

    def log_message(self, format: str, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        import io

        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class PlainHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as ``python -m http.server`` serves them: no compression."""

    def log_message(self, format: str, *args) -> None:
        pass


def serve(folder: Path, plain: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(PlainHandler if plain else GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_lighthouse(binary: Path, url: str, report: Path, chrome: str, zone: str = "") -> dict:
    """Lighthouse on ``url``; ``zone``: the time zone Chromium runs in (``TZ``), the visitor's."""
    env = dict(os.environ, CHROME_PATH=chrome)
    if zone:
        env["TZ"] = zone
    command = [
        str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile", "--screenEmulation.mobile",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.exists():
        sys.exit(f"run.py: lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text())


def summary(data: dict) -> dict:
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    audits = data["audits"]
    requests = audits["network-requests"]["details"]["items"]
    images = sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") == "Image")
    failing = [
        f"{c}: {a['id']} ({audits[a['id']]['title']})"
        for c in CATEGORIES for a in data["categories"][c]["auditRefs"]
        if a.get("weight", 0) > 0 and audits[a["id"]].get("score") not in (None, 1)
    ]
    return {
        **scores,
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
        "image_bytes": images,
        "requests": len(requests),
        "lcp_ms": int(audits["largest-contentful-paint"]["numericValue"]),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failing": failing,
    }


def table(rows: dict[str, dict]) -> str:
    head = (f"{'page':<28} {'perf':>4} {'a11y':>4} {'b.p.':>4} {'seo':>4} {'transfer':>10} {'images':>9} "
            f"{'req':>4} {'CLS':>5}")
    lines = [head, "-" * len(head)]
    for name, row in rows.items():
        lines.append(
            f"{name:<28} {row['performance']:>4} {row['accessibility']:>4} {row['best-practices']:>4} "
            f"{row['seo']:>4} {row['bytes'] / 1024:>8.1f}KB "
            + (f"{row['image_bytes'] / 1024:>7.1f}KB" if "image_bytes" in row else f"{'?':>9}")
            + f" {row.get('requests', '?'):>4}"
            + (f" {row['cls']:>5.3f}" if "cls" in row else f" {'?':>5}")
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the built demo site")
    parser.add_argument("--plain", action="store_true",
                        help="serve uncompressed (as python -m http.server does), not gzipped")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--handbook", action="store_true",
                        help="audit the handbook's front page, a guide and two reference pages instead")
    parser.add_argument("--rooms", action="store_true",
                        help="audit the program demo in three rooms (tests/roots/test-rooms) instead")
    parser.add_argument("--visitor-zone", default="Asia/Tokyo",
                        help="the time zone of the browser on the program page (default Asia/Tokyo)")
    args = parser.parse_args()
    in_project_venv()
    if not Path(args.chrome).is_file():
        sys.exit(f"run.py: Chromium not found at {args.chrome} (apt-get install chromium)")
    binary = ensure_lighthouse()
    sys.path.insert(0, str(ROOT / "tests"))
    from sitebuild import DEMO_PAGE, build_site, make_demo_source

    work = Path(tempfile.mkdtemp(prefix="roads-lighthouse-"))
    out = work / "html"
    out.mkdir()
    server, base = serve(out, plain=args.plain)
    try:
        if args.handbook or args.rooms:
            audit = audit_handbook if args.handbook else functools.partial(audit_rooms, zone=args.visitor_zone)
            rows = audit(binary, out, base, args.chrome)
            print()
            print(table(rows))
            return report_budget(rows, args.plain)
        source = make_demo_source(work / "src")
        photo_bytes = sum(p.stat().st_size for p in (source / "_demo_photos").iterdir())
        print(f"run.py: building the site and {DEMO_PAGE} (5 generated photos, "
              f"{photo_bytes / 1e6:.1f} MB of PNG) into {out}", flush=True)
        built = build_site(out, baseurl=base, source=source)
        if built.returncode != 0:
            sys.exit(f"run.py: the site did not build:\n{built.stderr}")
        RESULTS.mkdir(parents=True, exist_ok=True)
        rows = {}
        # every page of the site (the program page with the browser in another zone than the
        # venue's, so that the visitor's own times are filled in), and the photo demo
        pages = [(p.stem, f"{p.stem}.html", args.visitor_zone if p.stem == "program" else "")
                 for p in sorted((ROOT / "docs").glob("*.md"))]
        pages = [(f"{name}, TZ={zone}" if zone else name, page, zone) for name, page, zone in pages]
        pages.append(("5 photos (demo)", f"{DEMO_PAGE}.html", ""))
        for name, page, zone in pages:
            print(f"run.py: lighthouse {base}{page}" + (f" (TZ={zone})" if zone else ""), flush=True)
            data = run_lighthouse(binary, base + page, RESULTS / f"{Path(page).stem}.json", args.chrome, zone)
            rows[name] = summary(data)
    finally:
        server.shutdown()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table({**rows, "VitePress, 5 photos": VITEPRESS}))
    print(f"\nLighthouse {data['lighthouseVersion']}, {data['configSettings']['formFactor']} preset, "
          f"{data['environment']['hostUserAgent'].split('Chrome/')[-1].split()[0]} Chromium; reports in "
          f"{RESULTS.relative_to(ROOT)}")
    return report_budget(rows, args.plain)


HANDBOOK_PAGES = ["index.html", "guides/program.html", "reference/schedule.html", "reference/settings.html"]


def audit_handbook(binary: Path, out: Path, base: str, chrome: str) -> dict[str, dict]:
    """Build the handbook into ``out`` (served at ``base``) and audit a few of its pages."""
    python = ROOT / ".venv" / "bin" / "python"
    built = subprocess.run([str(python), "-m", "sphinx", "-q", "-b", "html", str(ROOT / "handbook"), str(out)],
                           capture_output=True, text=True, check=False)
    if built.returncode != 0:
        sys.exit(f"run.py: the handbook did not build:\n{built.stderr}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = {}
    for page in HANDBOOK_PAGES:
        print(f"run.py: lighthouse {base}{page}", flush=True)
        data = run_lighthouse(binary, base + page, RESULTS / f"handbook-{page.replace('/', '-')}.json", chrome)
        rows[page] = summary(data)
    return rows


ROOMS_PAGES = ["index.html", "rooms-rst.html"]


def audit_rooms(binary: Path, out: Path, base: str, chrome: str, zone: str) -> dict[str, dict]:
    """Build the three-room demo into ``out`` (served at ``base``) and audit its pages, with
    the browser in ``zone`` (the visitor's own times filled in)."""
    python = ROOT / ".venv" / "bin" / "python"
    source = ROOT / "tests" / "roots" / "test-rooms"
    built = subprocess.run([str(python), "-m", "sphinx", "-q", "-b", "html", str(source), str(out)],
                           capture_output=True, text=True, check=False)
    if built.returncode != 0:
        sys.exit(f"run.py: the rooms demo did not build:\n{built.stderr}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = {}
    for page in ROOMS_PAGES:
        print(f"run.py: lighthouse {base}{page} (TZ={zone})", flush=True)
        data = run_lighthouse(binary, base + page, RESULTS / f"rooms-{Path(page).stem}.json", chrome, zone)
        rows[f"rooms {page}, TZ={zone}"] = summary(data)
    return rows


def report_budget(rows: dict[str, dict], plain: bool) -> int:
    """Every page within budget (exit 0), or what is over it (exit 1)."""
    over = []
    for name, row in rows.items():
        over += [f"{name}: {c} {row[c]} < {BUDGET_SCORE}" for c in CATEGORIES if row[c] < BUDGET_SCORE]
        if row["bytes"] >= BUDGET_BYTES:
            over.append(f"{name}: {row['bytes']} bytes >= {BUDGET_BYTES}")
        if plain and name.startswith("5 photos") and row["bytes"] > BUDGET_PLAIN_PHOTOS:
            over.append(f"{name}: {row['bytes']} bytes > {BUDGET_PLAIN_PHOTOS} uncompressed")
        if row["cls"] != 0:
            over.append(f"{name}: CLS {row['cls']}")
    failing = [f"{name}: {item}" for name, row in rows.items() for item in row["failing"]]
    if failing:
        print("\nAudits not fully passed:\n  " + "\n  ".join(failing))
    if over:
        print("\nOVER BUDGET:\n  " + "\n  ".join(over))
        return 1
    print("\nWithin budget: every score 100, transfer under 300 KB, no layout shift.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
