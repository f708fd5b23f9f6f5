"""Every built page is valid HTML for the Nu Html Checker (vnu-jar, run with Java)."""

from __future__ import annotations

import pytest

from .browserkit import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", PAGES)
def test_nu_html_checker_finds_no_error(vnu_report, page):
    errors = [
        f"line {m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()[:120]}]"
        for m in vnu_report.get(page, [])
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)


def test_nu_html_checker_reports_errors_it_finds(vnu_report, tmp_path):
    """The checker as run here does report an error: the zero above means something."""
    import json
    import subprocess

    from .browserkit import VNU_JAR

    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>nested</div><img src=a.png>")
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(bad)],
                            capture_output=True, text=True, timeout=120)
    messages = json.loads(result.stderr)["messages"]
    assert any("alt" in m["message"] for m in messages), messages
