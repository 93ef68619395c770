"""The reviewer's report in a real headless Chromium: it loads cleanly, clicks navigate, the
filters filter, and hostile text stays text. Screenshots go to test-artifacts/ (gitignored).

Driven by playwright over Debian's ``chromium`` (.ci/run installs it); playwright's own browser
download is never used. Without that browser the tests are skipped, saying so.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from budgetlens.pipeline import check_document
from budgetlens.report.html import to_html

from .conftest import SEEDS
from .report_samples import IMG, SCRIPT, hostile

CHROMIUM = shutil.which("chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium; .ci/run does)"
)

IN_VIEW = """el => {
    const box = el.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth)
        return false;
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    return el.contains(document.elementFromPoint(x, y));
}"""


@pytest.fixture(scope="module")
def browser() -> Browser:
    with sync_playwright() as playwright:
        # launch() gives every run a fresh, throwaway profile
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def _open(browser: Browser, html: str, path: Path) -> tuple[Page, list[str]]:
    """Load the page from file:// and collect console errors, page errors and dialogs."""
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, problems


def test_clicking_a_finding_brings_its_evidence_into_view(browser, tmp_path):
    result = check_document(SEEDS["000"])
    page, problems = _open(browser, to_html(result), tmp_path / "000.html")
    # the finding whose stated value lies furthest down the document: a click must scroll
    key = page.evaluate("""() => {
        let far = null, top = -1;
        for (const item of document.querySelectorAll('#panel .finding')) {
            const el = document.querySelector(`#doc .stated[data-f~="${item.id}"]`);
            if (el && el.getBoundingClientRect().top > top) {
                top = el.getBoundingClientRect().top; far = item.id;
            }
        }
        return far;
    }""")
    stated = page.locator(f'#doc .stated[data-f~="{key}"]').first
    assert not stated.evaluate(IN_VIEW)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "report-000-top.png")

    page.click(f"#{key}")
    page.wait_for_function(
        f"() => ({IN_VIEW})(document.querySelector('#doc .stated[data-f~=\"{key}\"]'))"
    )
    assert "flash" in (stated.get_attribute("class") or "")
    assert "active" in (page.get_attribute(f"#{key}", "class") or "")
    page.screenshot(path=ARTIFACTS / "report-000-finding.png")
    assert (ARTIFACTS / "report-000-finding.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # and back: a flag in the margin brings its finding into the panel's view
    first = page.locator("#f1")
    page.locator("#panel").evaluate("el => el.scrollTo(0, el.scrollHeight)")
    page.locator('#doc .flag[data-goto="f1"]').first.scroll_into_view_if_needed()
    page.locator('#doc .flag[data-goto="f1"]').first.click()
    page.wait_for_function(f"() => ({IN_VIEW})(document.getElementById('f1'))")
    assert "active" in (first.get_attribute("class") or "")
    assert problems == []


def test_filters_hide_findings_by_severity_rule_and_text(browser, tmp_path):
    result = check_document(SEEDS["000"])
    page, problems = _open(browser, to_html(result), tmp_path / "000.html")
    visible = (
        "() => [...document.querySelectorAll('#panel .finding')].filter(e => !e.hidden).length"
    )
    assert page.evaluate(visible) == len(result.findings)
    page.uncheck('input[name="severity"][value="error"]')
    assert page.evaluate(visible) == sum(f.severity != "error" for f in result.findings)
    assert page.locator("#panel .sev-group.sev-error").is_hidden()
    page.check('input[name="severity"][value="error"]')
    page.select_option("#rule-filter", "COUNT.indicators")
    assert page.evaluate(visible) == sum(f.rule_id == "COUNT.indicators" for f in result.findings)
    page.select_option("#rule-filter", "")
    page.fill("#text-filter", "无预算结转结余")
    assert page.evaluate(visible) == 1
    page.fill("#text-filter", "no such text")
    assert page.evaluate(visible) == 0 and page.locator("#no-match").is_visible()
    assert problems == []


def test_hostile_text_renders_as_text_and_runs_nothing(browser, tmp_path):
    page, problems = _open(browser, to_html(hostile()), tmp_path / "hostile.html")
    assert SCRIPT in page.inner_text("#p1") and IMG in page.inner_text("#p1")
    assert IMG + SCRIPT in page.inner_text('#t1 td[data-f="f1"]')
    assert page.locator("#doc img, #doc script, #panel img").count() == 0
    assert page.locator("script").count() == 1
    page.hover("#t1 td >> nth=2")  # the cell that tried to smuggle an onmouseover handler
    page.click("#f1")
    page.wait_for_function(f"() => ({IN_VIEW})(document.querySelector('#p1 mark.stated'))")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "report-hostile.png")
    assert problems == []  # no alert() dialog, no script error, no blocked resource


ACTIVE = "() => document.activeElement.id"


def test_previous_and_next_finding_by_keyboard_and_buttons(browser, tmp_path):
    result = check_document(SEEDS["000"])
    page, problems = _open(browser, to_html(result), tmp_path / "000.html")
    order = page.evaluate("() => [...document.querySelectorAll('#panel .finding')].map(e => e.id)")
    page.keyboard.press("j")
    assert page.evaluate(ACTIVE) == order[0]
    page.keyboard.press("n")
    assert page.evaluate(ACTIVE) == order[1]
    assert "active" in (page.get_attribute(f"#{order[1]}", "class") or "")
    page.keyboard.press("k")
    assert page.evaluate(ACTIVE) == order[0]
    page.click("#next")
    page.click("#next")
    assert page.evaluate(ACTIVE) == order[2]
    page.click("#prev")
    assert page.evaluate(ACTIVE) == order[1]
    # a rounding note in a collapsed group is reached, its group opened, its evidence shown
    last = order[-1]
    assert page.locator(f"#{last}").is_hidden()
    for _ in order:
        page.keyboard.press("j")
    assert page.evaluate(ACTIVE) == last and page.locator(f"#{last}").is_visible()
    page.wait_for_function(
        f"() => ({IN_VIEW})(document.querySelector('#doc [data-f~=\"{last}\"]'))"
    )
    # typing in a filter is not a shortcut; findings the filters hide are skipped
    page.focus("#text-filter")
    page.keyboard.type("jk")
    assert page.evaluate(ACTIVE) == "text-filter" and page.input_value("#text-filter") == "jk"
    page.fill("#text-filter", "")
    page.select_option("#rule-filter", "COUNT.indicators")
    counts = [f"f{i}" for i, f in enumerate(result.findings, 1) if f.rule_id == "COUNT.indicators"]
    visited = []
    for _ in counts:
        page.click("#next")
        visited.append(page.evaluate(ACTIVE))
    assert visited == [key for key in order if key in counts] and len(visited) == 4
    assert problems == []


def test_a_dismissal_survives_a_reload_and_is_exported_as_a_waiver(browser, tmp_path):
    result = check_document(SEEDS["004"])
    page, problems = _open(browser, to_html(result), tmp_path / "004.html")
    # 004 prints the same 节资率 contradiction twice (l.223, l.250): one fingerprint
    savings = [i for i, f in enumerate(result.findings, 1) if f.rule_id == "RATE.savings"]
    a, b = (f"#f{i}" for i in savings)
    other = next(f"#f{i}" for i, f in enumerate(result.findings, 1) if i not in savings)
    page.click(f'{a} button[data-review="dismissed"]')
    page.fill(f"{other} .comment", "表中单位另有说明")
    page.click(f'{other} button[data-review="dismissed"]')
    page.click(f'{other} button[data-review="confirmed"]')  # changed their mind: confirmed
    page.click(f'{other} button[data-review="confirmed"]')  # …and undone
    page.click(f'{other} button[data-review="dismissed"]')
    page.reload(wait_until="load")
    for card in (a, b, other):
        assert page.get_attribute(card, "data-verdict") == "dismissed"
        assert page.get_attribute(f'{card} button[data-review="dismissed"]', "aria-pressed") == (
            "true"
        )
    assert page.input_value(f"{other} .comment") == "表中单位另有说明"
    assert page.inner_text("#n-dismissed") == "3"
    with page.expect_download() as download:
        page.click("#export")
    assert download.value.suggested_filename == f"{SEEDS['004'].stem}.waivers.json"
    waivers = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    rate = result.findings[savings[0] - 1]
    noted = result.findings[int(other[2:]) - 1]
    assert waivers["version"] == 1 and list(waivers) == ["version", "waivers"]
    expected = [
        {"fingerprint": f.fingerprint, "rule_id": f.rule_id, "reason": reason, "source": source}
        for f, reason in [(rate, "dismissed by reviewer"), (noted, "表中单位另有说明")]
        for source in [SEEDS["004"].name]
    ]
    assert sorted(waivers["waivers"], key=str) == sorted(expected, key=str)  # one per fingerprint
    assert all(re.fullmatch(r"[0-9a-f]{16}", w["fingerprint"]) for w in waivers["waivers"])
    assert problems == []


def test_hover_text_and_english_labels_in_the_browser(browser, tmp_path):
    result = check_document(SEEDS["000"])
    page, problems = _open(browser, to_html(result, "en"), tmp_path / "000-en.html")
    untitled = page.evaluate(
        "() => [...document.querySelectorAll('#doc [data-f]')].filter(e => !e.title).length"
    )
    assert untitled == 0
    assert page.get_attribute("#doc .blk mark.stated >> nth=0", "title").startswith("#")
    assert page.inner_text("#next").startswith("Next")
    assert page.inner_text("#export") == "Export waivers"
    assert page.locator("#panel .sev-group h2").first.text_content().startswith("Errors")
    assert problems == []


def test_print_hides_the_controls_and_puts_the_findings_first(browser, tmp_path):
    result = check_document(SEEDS["000"])
    page, problems = _open(browser, to_html(result), tmp_path / "000.html")
    page.click('#f1 button[data-review="dismissed"]')
    page.emulate_media(media="print")
    for control in ("#next", "#export", "#rule-filter", ".filters", "#f2 .review button"):
        assert page.locator(control).first.is_hidden(), control
    assert page.locator("#f2 .comment").is_hidden()  # empty: nothing to print
    # a verdict given prints as its word; findings and highlights stay
    assert page.locator('#f1 button[data-review="dismissed"]').is_visible()
    assert (
        page.locator("#f2").is_visible()
        and page.locator("#doc .blk mark.stated").first.is_visible()
    )
    panel, doc = (page.locator(s).bounding_box() for s in ("#panel", "#doc"))
    assert panel["y"] < doc["y"]
    # black and white: a stated value is told by its underline, not by a colour fill
    style = page.locator("#doc .blk mark.stated").first.evaluate(
        "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).textDecorationLine]"
    )
    assert style == ["rgba(0, 0, 0, 0)", "underline"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=ARTIFACTS / "report-000-print.pdf")
    assert problems == []
