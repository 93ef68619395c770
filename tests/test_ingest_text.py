"""Blocks of the text exports: located, repaired, with headings and section paths."""

from __future__ import annotations

import pytest

from budgetlens.document import Heading, Paragraph
from budgetlens.ingest.text_export import read_text_export
from budgetlens.textnorm import to_halfwidth

from .conftest import SEEDS


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_character_maps_back_to_its_source_line(seed, name):
    """A claim's evidence is a source span: each digit of a block must map onto itself."""
    lines = SEEDS[name].read_text(encoding="utf-8").split("\n")
    checked = 0
    for block in seed(name).blocks:
        if not isinstance(block, Paragraph | Heading):
            continue
        for offset, char in enumerate(block.text):
            if not char.isdigit():
                continue
            line, col = block.source_map.locate(offset)
            assert block.location.line_start <= line <= block.location.line_end
            assert to_halfwidth(lines[line - 1][col]) == to_halfwidth(char), (block.id, offset)
            checked += 1
    assert checked > 500


def test_ocr_paragraphs_broken_mid_sentence_are_joined(seed):
    document = seed("001")
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    # "…各减少 3691.59 万元，⏎⏎下降 54.50%。" (lines 72-74) is one sentence again
    joined = next(t for t in texts if "财政拨款收、支总计各减少3691.59万元" in t)
    assert joined.endswith("下降54.50%。主要变动原因是预算项目调整。")
    # "…（款）公务⏎⏎员医疗补助(项)…" (lines 114-116) rejoined mid-word
    assert any("公务员医疗补助(项):支出决算为18.54万元" in t for t in texts)
    # …and the rejoined paragraph spans both source lines
    block = next(b for b in document.blocks if "公务员医疗补助" in b.text)
    assert (block.location.line_start, block.location.line_end) == (114, 116)


def test_word_paragraphs_are_never_joined(seed):
    """Word exports write one paragraph per line; a short line is a title, not a fragment."""
    first = seed("000").blocks[:2]
    assert [b.text for b in first] == ["渠县人民政府办公室", "2024年部门预算绩效评价报告"]


def test_heading_levels_follow_the_numbering(seed):
    headings = {b.text: b.level for b in seed("000").blocks if isinstance(b, Heading)}
    assert headings["2024年部门预算绩效评价报告"] == 0
    assert headings["一、部门（单位）基本情况"] == 2
    assert headings["（一）机构组成"] == 3
    assert headings["1.内部应用情况"] == 4
    assert headings["（2）机构职能"] == 5
    # a numbered line with a sentence in it is a paragraph
    assert not any(t.startswith("（一）设立背景及基本情况。根据") for t in headings)


def test_section_path_resets_at_each_report(seed):
    block = next(b for b in seed("000").blocks if "本项目资金预算申报739.76" in b.text)
    assert block.section[0] == "县政府综合保障经费绩效运行评价报告"
    assert block.section[-1] == "（一）通用指标绩效分析"


def test_word_residue_is_cleaned(seed):
    text = "\n".join(b.text for b in seed("000").blocks)
    assert "[bookmark:" not in text
    grid_text = "".join(c.text for t in seed("000").tables for c in t.cells)
    assert "£" not in grid_text and "☐因素法" in grid_text


def test_ocr_residue_is_cleaned(seed):
    document = seed("001")
    every = "".join(b.text for b in document.blocks) + "".join(
        c.text for t in document.tables for c in t.cells
    )
    for residue in ("<p>", "</p>", "<input", "$\\geq$", "$\\leq$", "&gt;", "**"):
        assert residue not in every
    assert "☑因素法" in every


def test_ocr_row_that_lost_its_leading_cells_is_realigned(seed):
    t1 = next(t for t in seed("001").tables if t.text == "部门整体支出绩效目标完成情况自评表")
    rows = {row[3]: row for row in t1.grid() if len(row) > 3}
    # line 351 "→时效指标→完成时间→≤→12→月→15→12" lost the empty 一级指标 cell
    assert rows["完成时间"][2:] == ["时效指标", "完成时间", "≤", "12", "月", "15", "12"]
    # line 356 "满意度指标→…" lost the empty first column too
    assert rows["群众满意度"][1:] == ["满意度指标", "服务对象满意度指标", "群众满意度", "≥",
                                 "90", "%", "5", "98"]  # fmt: skip


def test_ocr_row_broken_over_a_page_is_rejoined(seed):
    t4 = next(t for t in seed("001").tables if t.text == "2023年部门预算绩效评价指标自评分表")
    row = next(r for r in t4.grid() if "严控一般性支出" in r)
    assert "信息网络及软件购置更新" in "".join(row)  # line 377 continues line 375
    assert not any(r[3] == "" and "息网络及软件购置更新" in "".join(r) for r in t4.grid())


def test_orphaned_score_row_is_reattached():
    lines = [
        "\t一级指标", "\t三级指标", "\t分值", "\t得分", "",
        "\t产出指标", "\t完成率", "\t10", "",
        "\t9.5", "",
    ]  # fmt: skip
    (table,) = read_text_export("\n".join(lines), "text-word")
    assert table.n_rows == 2
    assert [c.text for c in table.cells if c.row == 1] == ["产出指标", "完成率", "10", "9.5"]


def test_blank_line_inside_a_cell_keeps_the_row_together(seed):
    t3 = next(t for t in seed("004").tables if t.text == "部门预算项目支出绩效自评表")
    assert any("度量单位" in row for row in t3.grid())  # "度量⏎⏎单位", lines 492-494
