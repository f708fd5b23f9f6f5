"""Every page at a phone's and a desktop's width, light and dark, in headless Chromium."""

from __future__ import annotations

import json

import pytest

from .browserkit import AXE_JS, MODES, PAGES, WCAG_TAGS, WIDTHS, need

pytestmark = pytest.mark.browser

ALL_IMAGES_LOADED = """
async () => {
  const images = Array.from(document.images);
  for (const img of images) {
    img.scrollIntoView();
    await new Promise(r => requestAnimationFrame(r));
  }
  window.scrollTo(0, 0);
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return images
    .filter(img => !(img.complete && img.naturalWidth > 0))
    .map(img => img.currentSrc || img.src);
}
"""

GRID_BOXES = """
() => Array.from(document.querySelectorAll('ul.roads-speakers > li')).map(li => {
  const r = li.getBoundingClientRect();
  return {left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width)};
})
"""

FAVICONS = """
async () => {
  const links = Array.from(document.querySelectorAll('link[rel~="icon"]')).map(l => l.href);
  const results = [];
  for (const href of links) {
    const response = await fetch(href);
    results.push([href, response.status, response.headers.get('content-type')]);
  }
  return results;
}
"""


def every_view() -> list:
    views = []
    for page in PAGES:
        for width in WIDTHS:
            for mode in MODES:
                views.append(pytest.param(page, width, mode, id=f"{page}-{width}-{mode}"))
    return views


@pytest.mark.parametrize(("page", "width", "mode"), every_view())
def test_page_renders_cleanly(visit, page, width, mode):
    seen = visit(page, width, mode)
    p = seen.page
    theme, scheme = MODES[mode]
    assert p.evaluate("document.body.dataset.theme") == theme
    dark = p.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (scheme == "dark")
    background = p.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background != "rgb(255, 255, 255)") == (scheme == "dark"), background
    # nothing wider than the screen
    overflow = p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px at {WIDTHS[width]}px"
    assert p.evaluate(ALL_IMAGES_LOADED) == []
    favicons = p.evaluate(FAVICONS)
    assert favicons, "no favicon link"
    assert all(status == 200 for _, status, _ in favicons), favicons
    p.wait_for_load_state("networkidle")
    assert seen.console_errors == []
    assert seen.failed_requests == []


SPEAKER_PAGES = [name for name in PAGES if name in ("speakers", "photos-demo")]


@pytest.mark.parametrize("page", SPEAKER_PAGES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_speaker_cards_grid_on_desktop_one_column_on_phone(visit, page, width):
    p = visit(page, width, "light").page
    boxes = p.evaluate(GRID_BOXES)
    assert len(boxes) >= 5
    content_width = p.evaluate("document.querySelector('article').getBoundingClientRect().width")
    if width == "desktop":
        first_row = [box for box in boxes if box["top"] == boxes[0]["top"]]
        assert len(first_row) == 3, boxes
        assert len({box["left"] for box in first_row}) == 3
    else:
        assert len({box["left"] for box in boxes}) == 1, boxes
        tops = [box["top"] for box in boxes]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)
        assert all(box["width"] >= content_width * 0.9 for box in boxes), (boxes, content_width)


@pytest.mark.parametrize("page", ["speakers", "call-for-papers"])
def test_card_text_keeps_clear_of_the_card_edges(visit, page):
    """furo takes the side padding off a docutils "container"; cards must keep theirs."""
    p = visit(page, "desktop", "light").page
    gaps = p.evaluate("""() => [...document.querySelectorAll('.roads-speaker-card, .roads-topic-card')]
        .map(card => {
            const outer = card.getBoundingClientRect();
            const text = card.querySelector('.roads-person-name, p').getBoundingClientRect();
            return Math.min(text.left - outer.left, outer.right - text.right);
        })""")
    assert gaps and min(gaps) >= 12, gaps


def test_photos_are_right_sized_pictures(visit):
    """The demo page's photos: WebP chosen at 1x (their 96 px AVIF is not smaller, so the
    AVIF source is for dense screens only), 96 CSS px, lazy below the fold."""
    p = visit("photos-demo", "phone", "light").page
    images = p.evaluate(ALL_IMAGES_LOADED)
    assert images == []
    details = p.evaluate("""() => Array.from(document.querySelectorAll('picture img')).map(img => ({
        src: img.currentSrc, w: img.getBoundingClientRect().width, loading: img.loading, alt: img.alt,
        natural: img.naturalWidth}))""")
    assert len(details) == 5
    assert all(d["src"].endswith("-96.webp") for d in details), details
    assert all(d["w"] == 96 and d["natural"] == 96 for d in details)
    assert [d["loading"] for d in details] == ["auto"] * 3 + ["lazy"] * 2
    assert all(d["alt"].startswith("Photo of ") for d in details)


def test_photos_use_2x_files_on_a_retina_screen(visit):
    page = visit("photos-demo", "phone", "light", scale=2).page
    assert page.evaluate(ALL_IMAGES_LOADED) == []
    sources = page.evaluate("Array.from(document.querySelectorAll('picture img')).map(i => i.currentSrc)")
    # the AVIF source comes first, and its 192 px files are smaller than the WebP's
    assert len(sources) == 5 and all(s.endswith("-192.avif") for s in sources), sources


@pytest.mark.parametrize(("page", "width", "mode"), every_view())
def test_accessibility_axe_wcag22_aa(visit, page, width, mode):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    p = visit(page, width, mode).page
    p.add_script_tag(path=str(AXE_JS))
    result = p.evaluate(
        "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    assert result["testEngine"]["version"]
    violations = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [(n["target"], n.get("failureSummary", "")[:200]) for n in v["nodes"][:5]],
        }
        for v in result["violations"]
    ]
    assert violations == [], json.dumps(violations, indent=1)
    # axe did look at the page: the rules it passed are many
    assert len(result["passes"]) > 10


def test_axe_as_run_here_reports_a_planted_violation(visit):
    """The zero above means something: the same run flags low contrast and a missing alt."""
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    p = visit("speakers", "desktop", "dark").page
    p.evaluate("""document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p style="color:#444">low contrast on dark</p><img src="_static/favicon.svg">')""")
    p.add_script_tag(path=str(AXE_JS))
    result = p.evaluate("async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    assert {v["id"] for v in result["violations"]} == {"color-contrast", "image-alt"}


AVATAR_CONTRAST = """
() => {
  const avatar = document.querySelector('.roads-avatar');
  const parse = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = rgb => {
    const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let worst = [99, null];
  for (let hue = 0; hue < 360; hue++) {
    avatar.style.setProperty('--roads-avatar-hue', hue);
    const style = getComputedStyle(avatar);
    const [a, b] = [lum(parse(style.color)), lum(parse(style.backgroundColor))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst[0]) worst = [ratio, hue];
  }
  return worst;
}
"""


@pytest.mark.parametrize("mode", list(MODES))
def test_initials_avatars_meet_contrast_for_every_hue(visit, mode):
    """Every colour an avatar can get (one per name hash) keeps its letters at 4.5:1 or more."""
    p = visit("speakers", "desktop", mode).page
    assert p.locator(".roads-avatar").count() >= 5
    ratio, hue = p.evaluate(AVATAR_CONTRAST)
    assert ratio >= 4.5, f"hue {hue}: contrast {ratio:.2f}:1"


SPONSOR_BOXES = """
() => Array.from(document.querySelectorAll('.roads-sponsor-card')).map(card => {
  card.scrollIntoView({block: 'center', behavior: 'instant'});  // elementFromPoint sees only the viewport
  const plate = card.querySelector('.roads-sponsor-logo');
  const logo = plate.querySelector('img, .roads-avatar');
  const p = plate.getBoundingClientRect(), l = logo.getBoundingClientRect(), c = card.getBoundingClientRect();
  const link = card.querySelector('a.sd-stretched-link');
  const middle = document.elementFromPoint(l.left + l.width / 2, l.top + l.height / 2);
  return {
    name: card.querySelector('.roads-sponsor-name').textContent,
    plate: getComputedStyle(plate).backgroundColor,
    logo: [Math.round(l.width), Math.round(l.height)],
    inside: l.left >= p.left - 0.5 && l.right <= p.right + 0.5 && l.top >= p.top - 0.5 && l.bottom <= p.bottom + 0.5
      && p.left >= c.left && p.right <= c.right,
    clickable: link !== null && middle !== null && middle.closest('a') === link,
    src: logo.currentSrc || '',
  };
})
"""


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_sponsor_logos_sit_on_a_light_plate_inside_their_cards(visit, width, mode):
    """Every logo, whatever its shape, fits its box inside the card, on a white plate in
    light and dark mode alike; a click on the logo follows the sponsor's link."""
    p = visit("sponsors-demo", width, mode).page
    assert p.evaluate(ALL_IMAGES_LOADED) == []
    boxes = {box["name"]: box for box in p.evaluate(SPONSOR_BOXES)}
    assert len(boxes) == 5
    for name, box in boxes.items():
        assert box["inside"], box
        assert box["clickable"], box
        if name != "Logoless Example Society":
            assert box["plate"] == "rgb(255, 255, 255)", box
            assert box["logo"][0] <= 160 and box["logo"][1] <= 64, box
    assert boxes["Wide Example Corporation"]["logo"] == [160, 32]
    assert boxes["Tall Example Institute"]["logo"] == [21, 64]
    assert boxes["Vector Example Lab"]["src"].endswith(".svg")
    assert boxes["Wide Example Corporation"]["src"].endswith(".webp")
    assert p.locator(".roads-sponsor-card svg").count() == 0  # never inlined
