"""The reviewer's HTML report, read as markup: escaping, highlights, self-containment, values
by their source, one language per page, hover text, rule explanations, the model's use."""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest

from budgetlens.checks.catalog import describe
from budgetlens.checks.findings import EvidenceLocation
from budgetlens.pipeline import check_document
from budgetlens.report.highlights import Mark, runs
from budgetlens.report.html import to_html
from budgetlens.report.labels import LABELS
from budgetlens.report.sources import source_of

from .conftest import SEEDS, seed_findings
from .report_samples import IMG, SCRIPT, hostile, overlapping, read_with_a_failing_model


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
    assert counts == {"sev-error": "7", "sev-warning": "8", "sev-info": "1"}
    ledger = tree.xpath("//table[@class='ledger']//tr[@data-family='restatements']/td/text()")
    assert ledger[:5] == ["19", "12", "7", "0", "0"]
    doc = tree.get_element_by_id("doc")
    for n, finding in enumerate(result.findings, 1):
        item = tree.get_element_by_id(f"f{n}")
        assert finding.message in item.text_content() and "unlocated" not in item.get("class")
        hits = doc.xpath(f".//*[contains(concat(' ', @data-f, ' '), ' f{n} ')]")
        assert hits, finding.rule_id
        first = finding.evidence[0]  # the stated value, else the first operand
        if first.location.table_id:  # a cell is highlighted in its table
            assert any(h.tag == "td" and h.text_content() == first.text for h in hits)
        else:
            assert first.text in "".join(h.text_content() for h in hits if h.tag == "mark")
    # severity groups, then rules; rounding notes apart, collapsed
    groups = [g.findtext("h2").split()[0] for g in tree.xpath("//section[@class]")
              if "sev-group" in g.get("class")]  # fmt: skip
    assert groups == ["错误", "警告", "提示"]


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
    assert LABELS["zh"]["no_findings"] in tree.get_element_by_id("findings").text_content()
    # the ledger keeps what ran: one share judged (its finding cleared) and one that passed
    shares = tree.xpath("//table[@class='ledger']//tr[@data-family='shares']/td/text()")
    assert shares[:2] == ["2", "1"]


def _card(tree, result, rule: str, line: int):
    n = next(i for i, f in enumerate(result.findings, 1) if f.rule_id == rule and f.line == line)
    card = tree.get_element_by_id(f"f{n}")
    rows = [
        [span.text_content() for span in li.xpath("./span")]
        for li in card.xpath(".//ul[@class='evidence']/li")
    ]
    return card, rows


def test_each_value_on_a_card_names_its_source_and_its_own_interval(seed_000):
    """The issue's "stated 90.02% [99.5, 100.5] computed 90.02": the prose's figure with its
    own interval, the table's 100 with its, and 100 computed."""
    result, page = seed_000
    tree = lxml.html.fromstring(page)
    card, rows = _card(tree, result, "RESTATE.indicator_actual", 183)
    assert rows == [
        ["所述值", "90.02%", "[90.015, 90.025]", "正文 第183行"],
        ["运算数", "100", "[99.5, 100.5]", "表 t2 行20 列9 第303行"],
    ]
    computed = card.xpath(".//dl[@class='values']/div[dt='核算值']/dd")[0].text_content()
    assert computed == "100 [99.5, 100.5]"
    # weights that total 80: no weight is "stated", each is an operand in its own cell
    _, rows = _card(tree, result, "FOOT.indicator_weights", 282)
    assert [r[0] for r in rows] == ["运算数"] * 7
    assert rows[0] == ["运算数", "10", "[9.5, 10.5]", "表 t2 行18 列8 第282行"]


def test_a_change_rate_shows_the_interval_of_its_printed_digits():
    """001 l.144 "减少…10.52%": the check reads −10.52, the card shows what is printed."""
    result = check_document(SEEDS["001"])
    tree = lxml.html.fromstring(to_html(result))
    _, rows = _card(tree, result, "CHANGE.rate_of_prior", 144)
    assert rows[0] == ["所述值", "10.52%", "[10.515, 10.525]", "正文 第144行"]


@pytest.mark.parametrize(
    ("location", "zh", "en"),
    [
        (EvidenceLocation(line=57, block_id="p9"), "正文 第57行", "prose L57"),
        (EvidenceLocation(page=3, block_id="p9"), "正文 第3页", "prose p. 3"),
        (EvidenceLocation(block_id="p12", start=0, end=2), "段 p12", "paragraph p12"),  # .docx
        (EvidenceLocation(table_id="t2", row=0, col=1), "表 t2 行1 列2", "table t2 r1 c2"),
        (
            EvidenceLocation(page=4, table_id="t2", row=18, col=7),
            "表 t2 行19 列8 第4页",
            "table t2 r19 c8 p. 4",
        ),
    ],
)
def test_sources_read_as_a_reviewer_looks_them_up(location, zh, en):
    assert source_of(location, LABELS["zh"]) == zh
    assert source_of(location, LABELS["en"]) == en


def test_every_highlight_and_flag_has_hover_text_naming_its_findings(seed_000):
    result, page = seed_000
    tree = lxml.html.fromstring(page)
    marked = tree.xpath("//*[@id='doc']//*[@data-f]")
    assert marked
    for element in marked:
        title = element.get("title")
        for key in element.get("data-f").split():
            n = int(key[1:])
            assert f"#{n} {result.findings[n - 1].rule_id}" in title
    # the first finding with a cell of t2 among its evidence names itself on that cell
    n = next(n for n, f in enumerate(result.findings, 1)
             if any(e.location.table_id == "t2" for e in f.evidence))  # fmt: skip
    (cell,) = tree.xpath(f"//*[@id='t2']//td[contains(concat(' ', @data-f, ' '), ' f{n} ')]")[:1]
    assert cell.get("title").startswith(f"#{n} ")
    for flag in tree.xpath("//a[@data-goto]"):
        n = int(flag.get("data-goto")[1:])
        assert flag.get("title") == f"#{n} {result.findings[n - 1].rule_id}：" + (
            result.findings[n - 1].message
        )


def test_labels_are_in_one_language_per_page(seed_000):
    result, page_zh = seed_000
    assert LABELS["zh"].keys() == LABELS["en"].keys()
    zh, en = lxml.html.fromstring(page_zh), lxml.html.fromstring(to_html(result, "en"))
    chrome = "//button | //h2 | //table[@class='ledger']//th | //div[@class='legend']"
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert zh.get("lang") == "zh-CN" and en.get("lang") == "en"
    assert all(cjk.search(e.text_content()) for e in zh.xpath(chrome))
    assert not [e.text_content() for e in en.xpath(chrome) if cjk.search(e.text_content())]
    assert [h.text_content().split()[0] for h in en.xpath("//section/h2")] == [
        "Errors",
        "Warnings",
        "Notes",
    ]
    # the messages stay as the checks wrote them
    assert result.findings[0].message in en.get_element_by_id("f1").text_content()


def test_every_rule_is_explained_inline_in_both_languages(seed_000):
    rules = {f.rule_id for seed in SEEDS for f in seed_findings(seed)}
    for rule in rules:
        assert describe(rule, "zh") and describe(rule, "en"), rule
    assert describe("NOSUCH.rule", "zh") == ""
    tree = lxml.html.fromstring(seed_000[1])
    (group,) = tree.xpath("//section[@class='group'][h3/code='COUNT.indicators']")
    assert group.findtext("p[@class='explain']") == describe("COUNT.indicators", "zh")
    assert tree.xpath("//code[@class='rule']/@title")[0]


def test_the_page_says_how_the_document_was_read(seed_000):
    offline = lxml.html.fromstring(seed_000[1]).xpath("//p[contains(@class, 'model')]")[0]
    assert "规则（离线）" in offline.text_content() and "failed" not in offline.get("class")
    tree = lxml.html.fromstring(to_html(read_with_a_failing_model(), "en"))
    (line,) = tree.xpath("//p[contains(@class, 'model')]")
    text = line.text_content()
    assert "hybrid · qwen2.5-7b" in text and "2 tables and 3 paragraphs sent" in text
    assert "failed" in line.get("class").split()
    assert "no answer for 1 tables and 1 paragraphs" in line.findtext("span[@class='failure']")
    assert tree.xpath("//ul[@class='model-errors']/li/text()") == ["connection refused"]


def test_findings_carry_what_a_waiver_needs(seed_000):
    result, page = seed_000
    tree = lxml.html.fromstring(page)
    body = tree.find("body")
    assert body.get("data-sha") == result.document.sha256
    assert body.get("data-source") == SEEDS["000"].name
    for n, finding in enumerate(result.findings, 1):
        card = tree.get_element_by_id(f"f{n}")
        assert card.get("data-fp") == finding.fingerprint
        assert card.get("data-rule") == finding.rule_id
