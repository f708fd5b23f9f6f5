"""``dev.py pretalx`` and ``dev.py indico`` (``python -m roads_ext pretalx|indico``):
the export asked for, checked and written without e-mail addresses, against a fake
server on this machine (no network)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dev
import pytest

from conftest import ROOT, TESTS
from roads_ext.cli import tool_export
from roads_ext.model.imports import schedule_import

DATA = TESTS / "data" / "imports"


class FakeTool(BaseHTTPRequestHandler):
    """Answers each path with the body the test gave, records what was asked."""

    routes: dict[str, tuple[int, bytes]] = {}
    asked: list[tuple[str, str]] = []

    def do_GET(self) -> None:
        self.asked.append((self.path, self.headers.get("Authorization", "")))
        status, body = self.routes.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    FakeTool.routes, FakeTool.asked = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeTool)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_addresses_of_the_exports():
    assert tool_export.pretalx_url("lakeconf-2026") == "https://pretalx.com/lakeconf-2026/schedule/export/schedule.json"
    assert tool_export.pretalx_url("https://talks.example.org/lakeconf-2026/talk/QX7LAK/") == (
        "https://talks.example.org/lakeconf-2026/schedule/export/schedule.json")
    assert tool_export.pretalx_url("ftp://talks.example.org/x/") == ""
    assert tool_export.indico_url("https://indico.example.org/event/4242/timetable/") == (
        "https://indico.example.org/export/event/4242.json?detail=contributions")
    assert tool_export.indico_url("https://indico.example.org/export/event/4242.json?pretty=yes") == (
        "https://indico.example.org/export/event/4242.json?pretty=yes&detail=contributions")
    assert tool_export.indico_url("https://indico.example.org/category/3/") == ""


def test_pretalx_writes_the_schedule(server, tmp_path, capsys):
    body = (DATA / "pretalx-schedule.json").read_bytes()
    FakeTool.routes = {"/lakeconf-2026/schedule/export/schedule.json": (200, body)}
    out = tmp_path / "docs" / "schedule.json"
    code = tool_export.main(["pretalx", f"{server}/lakeconf-2026/", "--out", str(out)], environ={})
    assert code == 0
    assert FakeTool.asked == [("/lakeconf-2026/schedule/export/schedule.json", "")]
    assert json.loads(out.read_text()) == json.loads(body)
    assert capsys.readouterr().out == (
        f"pretalx: 4 sessions written to {out}; show them with '```{{schedule}}' and ':file: schedule.json'\n")
    result = schedule_import(out.read_text(), ".json", None, None)
    assert len(result.program.slots()) == 4 and result.problems == []


def test_indico_writes_the_export_without_emails_and_sends_the_token(server, tmp_path, capsys):
    body = (DATA / "indico-event.json").read_bytes()
    assert b"@hochfirn.example.org" in body
    FakeTool.routes = {"/export/event/4242.json?detail=contributions": (200, body)}
    out = tmp_path / "indico.json"
    code = tool_export.main(["indico", f"{server}/event/4242/", "--out", str(out)],
                            environ={"INDICO_TOKEN": "indp_secret123"})
    assert code == 0
    assert FakeTool.asked == [("/export/event/4242.json?detail=contributions", "Bearer indp_secret123")]
    written = out.read_text()
    assert "@" not in written and "emailHash" not in written
    speakers = json.loads(written)["results"][0]["contributions"][0]["speakers"]
    assert speakers[0]["first_name"] == "Lotte" and "email" not in speakers[0]
    printed = capsys.readouterr()
    assert "secret123" not in printed.out + printed.err
    assert printed.out.startswith("indico: 2 sessions written to")


def test_what_the_commands_refuse(server, tmp_path, capsys):
    FakeTool.routes = {
        "/wrong/schedule/export/schedule.json": (200, b'{"results": [{"contributions": []}]}'),
        "/broken/schedule/export/schedule.json": (200, b"<html>"),
    }
    out = tmp_path / "schedule.json"
    for event, said in (
        ("wrong", "answered JSON that is not a frab schedule"),
        ("broken", "did not answer with JSON"),
        ("missing", "answered 404 Not Found (is the schedule public? set the token)"),
    ):
        assert tool_export.main(["pretalx", f"{server}/{event}/", "--out", str(out)], environ={}) == 1
        assert said in capsys.readouterr().err
    assert not out.exists()
    assert tool_export.main(["indico", "not an address", "--out", str(out)], environ={}) == 2
    assert "is no event's address" in capsys.readouterr().err


def test_the_commands_are_wired_in_dev_py_and_python_m_roads_ext(server, tmp_path):
    assert dev.COMMANDS["pretalx"] is dev.pretalx and dev.COMMANDS["indico"] is dev.indico
    FakeTool.routes = {"/lakeconf-2026/schedule/export/schedule.json":
                       (200, (DATA / "pretalx-schedule.json").read_bytes())}
    out = tmp_path / "schedule.json"
    done = subprocess.run([sys.executable, "-m", "roads_ext", "pretalx", f"{server}/lakeconf-2026", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert out.exists()
    assert "pretalx EVENT" in Path(dev.__file__).read_text()
