"""The reviewer's HTML report, read as markup: escaping, highlights, self-containment."""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest

from budgetlens.pipeline import check_document
from budgetlens.report.highlights import Mark, runs
from budgetlens.report.html import to_html

from .conftest import SEEDS
from .report_samples import IMG, SCRIPT, hostile, overlapping


@pytest.fixture(scope="module")
def seed_000() -> tuple[object, str]:
    result = check_document(SEEDS["000"])
    return result, to_html(result)


def test_document_text_is_escaped_everywhere():
    page = to_html(hostile())
    assert "<img" not in page and "<script>alert" not in page and "<b onmouseover" not in page
    assert len(re.findall(r"<script\b", page)) == 1  # the report's own script only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//img") and not tree.xpath("//*[@onerror or @onmouseover]")
    # the text reads back as printed: paragraph, cell, title, message, evidence, warning
    assert SCRIPT in tree.get_element_by_id("p1").text_content()
    assert IMG + SCRIPT in tree.xpath("//td[@data-f='f1']")[0].text_content()
    assert SCRIPT in tree.findtext(".//title")
    assert IMG in tree.get_element_by_id("f1").text_content()
    assert SCRIPT in tree.xpath("//details[@class='warnings']")[0].text_content()


def test_overlapping_evidence_gives_flat_marks_that_keep_the_text():
    result = overlapping()
    text = result.document.blocks[0].text
    tree = lxml.html.fromstring(to_html(result))
    (paragraph,) = tree.xpath("//*[@id='p1']//p")
    assert paragraph.text_content() == text
    marks = paragraph.xpath(".//mark")
    assert not paragraph.xpath(".//mark//mark")  # overlaps are cut, never nested
    by_text = {m.text_content(): m for m in marks}
    # "81" inside "3081.49" belongs to f1 (operand) and f3 (stated, nested in it)
    assert by_text["81"].get("data-f") == "f1 f3"
    assert set(by_text["81"].get("class").split()) >= {"ev", "stated", "operand", "sev-error"}
    assert by_text["30"].get("data-f") == by_text[".49"].get("data-f") == "f1"
    # "2871.49" is f1's operand and f2's stated value; " 万元" is f2's alone
    assert by_text["2871.49"].get("data-f") == "f1 f2"
    assert by_text[" 万元"].get("data-f") == "f2"
    assert by_text[" 万元"].get("class").split() == ["ev", "stated", "sev-warning"]
    # a cell two findings use is highlighted once, in place, naming both
    (cell,) = tree.xpath("//table//td[@data-f]")
    assert cell.text_content() == "2871.49" and cell.get("data-f") == "f2 f3"
    assert cell.getparent().index(cell) == 1 and "operand" in cell.get("class").split()
    # the rounding note sits in a collapsed group of its table
    (group,) = tree.xpath("//details[contains(@class, 'rounding')]")
    assert group.get("open") is None and "t1 支出决算表" in group.findtext("summary")
    assert group.xpath(".//*[@id='f3']")


def test_runs_cut_at_every_boundary_and_clamp_offsets():
    a = Mark("f1", "stated", "error", 2, 6)
    b = Mark("f2", "operand", "info", 4, 99)
    cut = runs("0123456789", [a, b])
    assert [r.text for r in cut] == ["01", "23", "45", "6789"]
    assert [r.marks.findings for r in cut] == ["", "f1", "f1 f2", "f2"]
    assert cut[2].marks.roles == "operand stated" and cut[2].marks.severity == "error"
    assert "".join(r.text for r in runs("abc", [Mark("f1", "stated", "info", -3, 1)])) == "abc"


def test_seed_page_has_every_finding_and_its_evidence(seed_000):
    result, page = seed_000
    tree = lxml.html.fromstring(page)
    counts = {c.get("class").split()[1]: c.findtext("b") for c in tree.xpath("//div[@class]")
              if c.get("class").startswith("count sev-")}  # fmt: skip
    assert counts == {"sev-error": "7", "sev-warning": "7", "sev-info": "1"}
    ledger = tree.xpath("//table[@class='ledger']//tr[th='restatements']/td/text()")
    assert ledger[:5] == ["19", "12", "7", "0", "0"]
    doc = tree.get_element_by_id("doc")
    for n, finding in enumerate(result.findings, 1):
        item = tree.get_element_by_id(f"f{n}")
        assert finding.message in item.text_content() and "unlocated" not in item.get("class")
        hits = doc.xpath(f".//*[contains(concat(' ', @data-f, ' '), ' f{n} ')]")
        assert hits, finding.rule_id
        stated = next(e for e in finding.evidence if e.role == "stated")
        if stated.location.table_id:  # a cell is highlighted in its table
            assert any(h.tag == "td" and h.text_content() == stated.text for h in hits)
        else:
            assert stated.text in "".join(h.text_content() for h in hits if h.tag == "mark")
    # severity groups, then rules; rounding notes apart, collapsed
    groups = [g.findtext("h2").split()[0] for g in tree.xpath("//section[@class]")
              if "sev-group" in g.get("class")]  # fmt: skip
    assert groups == ["Errors", "Warnings", "Notes"]


def test_page_is_self_contained_and_its_script_is_the_only_one_allowed(seed_000):
    _, page = seed_000
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//*[@src]") and not tree.xpath("//link[@rel='stylesheet']")
    assert all(h.startswith(("#", "data:")) for h in tree.xpath("//@href"))
    assert "http://" not in page and "https://" not in page and "url(" not in page
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy
    (script,) = tree.xpath("//script/text()")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy  # else the browser would refuse to run it


def test_evidence_in_a_conclusion_cell_is_marked_inside_that_cell():
    result = check_document(SEEDS["001"])
    finding = next(f for f in result.findings if f.evidence[0].location.block_id == "t26")
    loc = finding.evidence[0].location
    assert (loc.table_id, loc.row, loc.col) == ("t26", 21, 1)
    tree = lxml.html.fromstring(to_html(result))
    key = f"f{result.findings.index(finding) + 1}"
    (mark,) = tree.xpath(
        f"//*[@id='t26']//td//mark[contains(concat(' ', @data-f, ' '), ' {key} ')]"
    )
    assert mark.text_content() == finding.evidence[0].text == "97"


def test_a_report_without_findings_says_so():
    result = overlapping()
    result.findings.clear()
    tree = lxml.html.fromstring(to_html(result))
    assert not tree.xpath("//*[@data-f]") and not tree.xpath("//article")
    assert "No findings" in tree.get_element_by_id("findings").text_content()
    # the ledger keeps what ran: one share judged (its finding cleared) and one that passed
    assert tree.xpath("//table[@class='ledger']//tr[th='shares']/td/text()")[:2] == ["2", "1"]
