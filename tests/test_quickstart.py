"""roads-quickstart / ``python -m roads_ext new``: a starter site that builds clean."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

import roads_ext
from roads_ext.cli.quickstart import (
    TEMPLATES,
    QuickstartError,
    build_wheel,
    check_date,
    check_timezone,
    initials,
    write_site,
)

ROOT = Path(__file__).resolve().parent.parent
#: quotes, markup, a MyST role's brace, a YAML comment, a Markdown heading mark, a backslash
TRICKY = 'The "Quoted" <b>Workshop</b> on {Braces} & 50% #1 \\ `x`'
PAGES = ["index", "speakers", "committee", "call-for-papers", "program", "dates", "contact"]
WHEEL_NAME = f"roads_ext-{roads_ext.__version__}-py3-none-any.whl"
#: the roads_ext wheel the sites of this module carry, built once (build_wheel, as the
#: quickstart does without --wheel; tests/test_starter_fresh.py runs that path itself)
CARRIED: dict[str, Path] = {}


@pytest.fixture(scope="module", autouse=True)
def carried_wheel(tmp_path_factory) -> Path:
    CARRIED["wheel"] = build_wheel(tmp_path_factory.mktemp("wheel"))
    return CARRIED["wheel"]


def new(target: Path, *options: str, env: dict | None = None) -> subprocess.CompletedProcess:
    carried = [] if "--from-index" in options else ["--wheel", str(CARRIED["wheel"])]
    return subprocess.run([sys.executable, "-m", "roads_ext", "new", str(target), *options, *carried],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env)


def build(site: Path, builder: str = "html") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", builder,
         "-d", str(site / "_build" / "doctrees"), "-c", str(site), str(site / "docs"),
         str(site / "_build" / builder)],
        capture_output=True, text=True, cwd=site)


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("starter") / "my-workshop"
    result = new(site, "--name", TRICKY, "--date", "2026-06-08", "--timezone", "Europe/Paris",
                 "--conference", "ExampleConf 2026", "--conference-url", "https://example.org/conf")
    assert result.returncode == 0, result.stderr
    assert "python3 dev.py docs --serve" in result.stdout
    built = build(site)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    return site


def test_starter_has_every_file(starter):
    files = {p.relative_to(starter).as_posix() for p in starter.rglob("*")
             if p.is_file() and "_build" not in p.parts}
    assert files == {
        "conf.py", "dev.py", "README.md", ".gitignore", ".readthedocs.yaml", "requirements/docs.lock",
        "favicon.png", f"wheels/{WHEEL_NAME}", *(f"docs/{page}.md" for page in PAGES),
    }
    # the lock is the project's own, the one Read the Docs and dev.py install, and then
    # roads_ext: the wheel the site carries, with its hash
    lock = (starter / "requirements/docs.lock").read_text()
    project_lock = (ROOT / "requirements/docs.lock").read_text()
    assert (TEMPLATES / "requirements/docs.lock").read_text() == project_lock
    assert lock.startswith(project_lock)
    wheel = starter / "wheels" / WHEEL_NAME
    assert wheel.read_bytes() == CARRIED["wheel"].read_bytes()
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert lock.removeprefix(project_lock).splitlines()[-2:] == [
        f"./wheels/{WHEEL_NAME} \\", f"    --hash=sha256:{digest}"]
    # Read the Docs and dev.py install the lock alone, every file hashed; nothing from an
    # index names roads_ext
    rtd = yaml.safe_load((starter / ".readthedocs.yaml").read_text())
    assert rtd["build"]["jobs"]["install"] == ["python -m pip install --require-hashes -r requirements/docs.lock"]
    assert "wheels" not in (starter / ".gitignore").read_text()  # the wheel is committed with the site
    for path in starter.rglob("*"):
        if path.is_file() and "_build" not in path.parts and path.suffix not in (".whl", ".png"):
            text = path.read_text()
            assert "roads_ext==" not in text and "roads-ext==" not in text, path
            assert str(ROOT) not in text, path  # nothing points into this checkout
    ast.parse((starter / "dev.py").read_text())
    # the pages carry commented examples
    assert all("\n% " in (starter / f"docs/{page}.md").read_text() for page in PAGES if page != "contact")


def test_conf_py_is_valid_python_with_the_exact_name(starter):
    namespace: dict = {}
    exec(compile((starter / "conf.py").read_text(), "conf.py", "exec"), namespace)
    assert namespace["project"] == TRICKY
    assert namespace["roads_timezone"] == "Europe/Paris"
    assert namespace["roads_social_card"]["footer"] == "Monday, June 8, 2026"


def test_the_name_shows_as_written_and_is_escaped(starter):
    index = BeautifulSoup((starter / "_build/html/index.html").read_text(), "html.parser")
    # docutils makes the straight quotes typographic; the rest is exactly as typed
    assert index.h1.get_text().rstrip("¶") == TRICKY.replace('"Quoted"', "“Quoted”")
    assert index.h1.find("b") is None  # markup in the name is text, not HTML
    # the theme shows html_title as HTML: it was written escaped
    assert index.select_one(".sidebar-brand-text").get_text() == f"{TRICKY} · ExampleConf 2026"
    assert index.title.get_text() == f"{TRICKY} · ExampleConf 2026"
    assert "Monday, June 8, 2026" in index.get_text() and "ExampleConf 2026" in index.get_text()
    program = (starter / "_build/html/program.html").read_text()
    events = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', program, re.S)]
    event = next(e for e in events if e.get("@type") == "Event")
    assert event["name"] == TRICKY
    assert event["superEvent"] == {"@type": "Event", "name": "ExampleConf 2026", "url": "https://example.org/conf"}
    assert "Europe/Paris" in program or "CEST" in program


def test_every_page_is_linked_and_shows_its_examples(starter):
    html = starter / "_build/html"
    nav = BeautifulSoup((html / "index.html").read_text(), "html.parser")
    linked = {a["href"] for a in nav.select(".sidebar-tree a")}
    assert {f"{page}.html" for page in PAGES if page != "index"} <= linked
    speakers = (html / "speakers.html").read_text()
    assert "Ada Example" in speakers and "Bo Sample" in speakers
    assert "Finn Planner" in (html / "committee.html").read_text()
    program = BeautifulSoup((html / "program.html").read_text(), "html.parser")
    assert program.find("a", string="Ada Example") is not None  # the speaker links to the card
    assert (html / "_calendar").is_dir()


def test_the_favicon_is_the_workshops_initials_and_every_page_links_it(starter):
    from PIL import Image

    with Image.open(starter / "favicon.png") as icon:
        assert (icon.format, icon.size) == ("PNG", (96, 96))
        pixels = icon.convert("RGB")
        # the social card's colours: its background at the corner, its title's in the letters
        assert pixels.getpixel((0, 0)) == (14, 42, 71)
        assert (255, 255, 255) in {colour for _, colour in pixels.getcolors(96 * 96)}
    html = starter / "_build/html"
    assert (html / "_static/favicon.png").read_bytes() == (starter / "favicon.png").read_bytes()
    for page in PAGES:
        soup = BeautifulSoup((html / f"{page}.html").read_text(), "html.parser")
        assert soup.select_one('link[rel~="icon"]')["href"] == "_static/favicon.png", page


@pytest.mark.parametrize(("name", "letters"), [
    ("Workshop on Example Systems", "WE"),
    ("Research On Algorithms & Data Structures (ROADS) to Mega-AI Models", "RA"),
    ("The Élan Workshop", "EW"),
    ("the", "T"),
    ("机器学习研讨会", "W"),
    (TRICKY, "QB"),
])
def test_the_favicons_letters(name, letters):
    assert initials(name) == letters


def test_starter_builds_in_the_other_formats(starter):
    for builder in ("epub", "latex"):
        result = build(starter, builder)
        assert result.returncode == 0 and "WARNING" not in result.stderr, (builder, result.stderr)


@pytest.mark.parametrize(("options", "message"), [
    (["--date", "2026-02-30"], "the date '2026-02-30' is not a date; write it as YYYY-MM-DD"),
    (["--date", "June 8"], "write it as YYYY-MM-DD, e.g. 2026-06-08"),
    (["--timezone", "Europe/Pari"], "'Europe/Pari' is not an IANA time zone name (did you mean 'Europe/Paris'?)"),
    (["--timezone", "CEST"], "is not an IANA time zone name"),
    (["--name", "  "], "the workshop's name is empty"),
    (["--name", "Two\nlines"], "must be one line of text"),
    (["--conference", "C", "--conference-url", "javascript:alert(1)"], "must be an http(s):// address"),
    # days the site's own pages cannot hold: a year before 1000 (the submission deadline is
    # 60 days before the day) cannot be written as a date; December 31, 9999 ends after
    # the last moment a calendar holds
    (["--date", "0001-01-01"], "the date '0001-01-01' is out of range (its submission deadline, 60 days "
     "before, would need a year before 1000); give a day from 1000-03-02 to 9999-12-30"),
    (["--date", "0001-03-15"], "the date '0001-03-15' is out of range"),
    (["--date", "1000-03-01"], "the date '1000-03-01' is out of range"),
    (["--date", "9999-12-31"], "the date '9999-12-31' is out of range (a whole day must end before the "
     "last moment a calendar holds); give a day from 1000-03-02 to 9999-12-30"),
    # files of the zone database that are no venue's zone, and no hint proposing one
    (["--timezone", "localtime"], "the time zone 'localtime' is not an IANA time zone name; give"),
    (["--timezone", "/etc/localtime"], "the time zone '/etc/localtime' is not an IANA time zone name; give"),
    (["--timezone", "Factory"], "the time zone 'Factory' is not an IANA time zone name; give"),
    (["--timezone", "posix/Europe/Paris"], "is not an IANA time zone name (did you mean 'Europe/Paris'?)"),
    # a conference's address alone names nothing; a name ending in <...> reads as name and address
    (["--conference-url", "https://example.org"], "the conference URL 'https://example.org' is given "
     'without the conference\'s name; give it too, e.g. --conference "Example Conference 2026"'),
    (["--conference", "IEEE <Conf>"], "the conference's name 'IEEE <Conf>' ends in '<...>', which the "
     "program reads as the conference's address; give the address with --conference-url, or write the "
     "name without the angle brackets"),
])
def test_bad_input_is_a_clear_message_not_a_traceback(tmp_path, options, message):
    defaults = {"--name": "Example Workshop", "--date": "2026-06-08", "--timezone": "Europe/Paris"}
    args = dict(defaults)
    args.update(dict(zip(options[::2], options[1::2], strict=True)))
    result = new(tmp_path / "site", *[part for pair in args.items() for part in pair])
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if "error:" in line]) == 1
    assert not (tmp_path / "site").exists()  # nothing half-written


@pytest.mark.parametrize(("date", "timezone"), [
    ("1000-03-02", "Pacific/Kiritimati"), ("1000-03-02", "Etc/GMT+12"),
    ("9999-12-30", "Etc/GMT+12"), ("9999-12-30", "Pacific/Kiritimati"),
])
def test_the_first_and_last_days_accepted_make_a_site_that_builds(tmp_path, date, timezone):
    site = tmp_path / "site"
    result = new(site, "--name", "Example Workshop", "--date", date, "--timezone", timezone)
    assert result.returncode == 0, result.stderr
    built = build(site)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr


def super_event(site: Path) -> dict | None:
    program = (site / "_build/html/program.html").read_text()
    events = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', program, re.S)]
    return next(e for e in events if e.get("@type") == "Event").get("superEvent")


@pytest.mark.parametrize(("options", "expected"), [
    (["--conference", "IEEE Conf 2026"], {"@type": "Event", "name": "IEEE Conf 2026"}),
    (["--conference", "IEEE <Conf>", "--conference-url", "https://example.org"],
     {"@type": "Event", "name": "IEEE <Conf>", "url": "https://example.org"}),
])
def test_the_conference_is_part_of_the_program_with_or_without_its_address(tmp_path, options, expected):
    site = tmp_path / "site"
    result = new(site, "--name", "Example Workshop", "--date", "2026-06-08", "--timezone", "UTC", *options)
    assert result.returncode == 0, result.stderr
    built = build(site)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    assert super_event(site) == expected
    index = BeautifulSoup((site / "_build/html/index.html").read_text(), "html.parser")
    assert f"at {expected['name']}" in index.get_text()


def test_from_index_names_the_release_with_the_hash_of_the_indexs_wheel(tmp_path):
    """--from-index: the lock names roads_ext on the package index pip uses (here a folder of
    wheels standing in for it), hashed as pip downloads it; no wheel is carried."""
    index = tmp_path / "index"
    index.mkdir()
    (index / WHEEL_NAME).write_bytes(CARRIED["wheel"].read_bytes())
    env = dict(os.environ, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(index))
    site = tmp_path / "site"
    result = new(site, "--name", "W", "--date", "2026-06-08", "--timezone", "UTC", "--from-index", env=env)
    assert result.returncode == 0, result.stderr
    digest = hashlib.sha256(CARRIED["wheel"].read_bytes()).hexdigest()
    lock = (site / "requirements/docs.lock").read_text()
    assert lock.splitlines()[-2:] == [f"roads-ext=={roads_ext.__version__} \\", f"    --hash=sha256:{digest}"]
    assert not (site / "wheels").exists() and (site / "favicon.png").is_file()


def test_from_index_without_the_release_on_the_index_says_so_and_writes_nothing(tmp_path):
    empty = tmp_path / "index"
    empty.mkdir()
    env = dict(os.environ, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(empty))
    site = tmp_path / "site"
    result = new(site, "--name", "W", "--date", "2026-06-08", "--timezone", "UTC", "--from-index", env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"roads_ext {roads_ext.__version__} was not found on your package index" in result.stderr
    assert "leave out --from-index" in result.stderr
    assert not site.exists()


def test_a_wheel_of_another_version_or_no_wheel_is_refused(tmp_path):
    other = tmp_path / "roads_ext-0.0.1-py3-none-any.whl"
    other.write_bytes(CARRIED["wheel"].read_bytes())
    for wheel, message in [(other, "is not a wheel of roads_ext"), (tmp_path / "none.whl", "is not a wheel file")]:
        result = subprocess.run(
            [sys.executable, "-m", "roads_ext", "new", str(tmp_path / "site"), "--name", "W", "--date",
             "2026-06-08", "--timezone", "UTC", "--wheel", str(wheel)],
            capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / "site").exists()


def test_missing_options_without_a_terminal_say_which(tmp_path):
    result = new(tmp_path / "site", "--name", "Example Workshop")
    assert result.returncode == 2 and "give --date, --timezone" in result.stderr


def test_an_existing_folder_is_never_overwritten(tmp_path):
    (tmp_path / "conf.py").write_text("# mine\n")
    result = new(tmp_path, "--name", "W", "--date", "2026-06-08", "--timezone", "UTC")
    assert result.returncode == 2 and "already exists and is not an empty folder" in result.stderr
    assert (tmp_path / "conf.py").read_text() == "# mine\n"


def test_the_checks_directly():
    assert check_date("2026-06-08").isoformat() == "2026-06-08"
    assert check_timezone("America/New_York") == "America/New_York"
    with pytest.raises(QuickstartError):
        write_site(Path("/nonexistent/never"), "", check_date("2026-06-08"), "UTC")


def test_nothing_workshop_specific_is_hard_coded_in_the_extension():
    for path in (ROOT / "src" / "roads_ext").rglob("*"):
        if path.is_file() and path.suffix in (".py", ".css", ".js", ".md"):
            text = path.read_text()
            for word in ("ROADS", "MLSys", "Mega-AI", "Rice University", "rice.edu", "Shrivastava"):
                assert not re.search(rf"\b{re.escape(word)}\b", text), (path, word)


def test_in_a_terminal_it_asks_and_asks_again_after_a_bad_answer(tmp_path, monkeypatch, capsys):
    from roads_ext.cli import quickstart

    answers = iter(["Example Workshop", "8 June", "2026-06-08", "Europe/Pari", "Europe/Paris", "ExampleConf"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert quickstart.main([str(tmp_path / "site"), "--wheel", str(CARRIED["wheel"])]) == 0
    out = capsys.readouterr().out
    assert "the date '8 June' is not a date; write it as YYYY-MM-DD" in out
    assert "did you mean 'Europe/Paris'?" in out
    namespace: dict = {}
    exec((tmp_path / "site" / "conf.py").read_text(), namespace)
    assert (namespace["project"], namespace["roads_timezone"]) == ("Example Workshop", "Europe/Paris")
    assert "ExampleConf" in (tmp_path / "site" / "docs" / "index.md").read_text()


def test_in_a_terminal_a_day_out_of_range_and_a_conference_url_without_a_name_are_asked_again(
        tmp_path, monkeypatch, capsys):
    from roads_ext.cli import quickstart

    answers = iter(["Example Workshop", "0001-01-01", "9999-12-31", "2026-06-08", "localtime", "Europe/Paris",
                    "", "IEEE <Conf>"])
    prompts: list[str] = []

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", answer)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    assert quickstart.main([str(tmp_path / "site"), "--conference-url", "https://example.org",
                            "--wheel", str(CARRIED["wheel"])]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("  the ")] == [
        "  the date '0001-01-01' is out of range (its submission deadline, 60 days before, would need a "
        "year before 1000); give a day from 1000-03-02 to 9999-12-30",
        "  the date '9999-12-31' is out of range (a whole day must end before the last moment a calendar "
        "holds); give a day from 1000-03-02 to 9999-12-30",
        "  the time zone 'localtime' is not an IANA time zone name; give the venue's, e.g. Europe/Paris or "
        "America/New_York",
        "  the conference URL 'https://example.org' is given without the conference's name; give it too, "
        'e.g. --conference "Example Conference 2026"',
    ]
    assert prompts[-1] == "Conference it is part of (its name): "
    program = (tmp_path / "site" / "docs" / "program.md").read_text()
    assert ':part-of: "IEEE <Conf> <https://example.org>"' in program


def test_the_readme_starts_a_site_with_what_the_fresh_site_test_runs():
    """The README's commands to start a site are the ones tests/test_starter_fresh.py runs
    (there in a clean environment), and nothing tells anyone to install roads_ext from an
    index, where it is not."""
    import shlex

    from test_starter_fresh import OPTIONS

    readme = (ROOT / "README.md").read_text()
    start = readme.index("## Start your own workshop site")
    section = readme[start:readme.index("\n## ", start)]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0].replace("\\\n", " ")
    commands = [shlex.split(line, comments=True) for line in block.splitlines()]
    assert commands == [
        ["python3", "dev.py", "new", "../my-workshop", *OPTIONS],
        ["cd", "../my-workshop"],
        ["python3", "dev.py", "docs", "--serve"],
    ]
    assert "--from-index" in section
    for text in (readme, (TEMPLATES / "README.md").read_text()):
        assert not re.search(r"pip install [^\n`]*roads[_-]ext", text)
