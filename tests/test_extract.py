"""The offline extractor: kinds, grounded values, formats agreeing, and the schema files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetlens.extract import extract_document
from budgetlens.layout.header import find_header
from budgetlens.layout.roles import Role
from budgetlens.tables.classify import classify
from budgetlens.tables.export import schema_texts
from budgetlens.textnorm import normalize, parse_comparator, to_halfwidth

from .conftest import CORPUS, SAMPLES, SEEDS, read

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold" / "seeds"


def gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def extraction(path: Path) -> dict:
    return extract_document(read(path)).model_dump(mode="json")


GOLD_SEEDS = sorted(p.stem for p in GOLD.glob("[0-9][0-9][0-9].json"))


@pytest.mark.parametrize("name", GOLD_SEEDS)
def test_every_table_type_in_the_seeds_is_classified_right(name):
    tables = {t.location.line_start: t for t in read(SEEDS[name]).tables}
    expected = {t["line_start"]: t["kind"] for t in gold(name)["tables"]}
    assert {line: classify(tables[line]).kind for line in expected} == expected


def test_statements_of_a_final_accounts_pdf_are_classified():
    document = read(CORPUS / "external" / "shanghai-putuo-finance-2024-final-accounts.pdf")
    kinds = {t.text: classify(t).kind for t in document.tables}
    assert kinds["收入支出决算总表"] == "statement"
    assert kinds["财政拨款收入支出决算总表"] == "statement"
    assert sum(kind == "statement" for kind in kinds.values()) == 9


def test_unknown_tables_are_kept_as_grids():
    """001's 目录 is a table of no kind: kept whole, with what the nearest kind lacked."""
    tables = extraction(SEEDS["001"])["tables"]
    unknown = [t for t in tables if t["kind"] == "unknown"]
    assert len(unknown) == 1 and unknown[0]["grid"][0][0].startswith("第一部分")
    assert unknown[0]["typing"]["evidence"][0]["text"] == "目录"
    assert len(tables) == len(read(SEEDS["001"]).tables)


def _values_with_cells(table: dict):
    for row in table.get("indicators", []) + table.get("items", []):
        for field, ref in row["cells"].items():
            yield field, row.get(field), ref


SOURCES = [*(SEEDS[n] for n in sorted(SEEDS)), *(SAMPLES[n] for n in sorted(SAMPLES))]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_the_extractor_never_invents_a_value(path):
    """Every printed string it reports occurs in the source cell its reference names."""
    document = read(path)
    grids = {t.id: t for t in document.tables}
    checked = 0
    for table in extraction(path)["tables"]:
        for field, value, ref in _values_with_cells(table):
            if value is None:
                continue
            cell = grids[ref["table_id"]].cell_at(ref["row"], ref["col"])
            assert cell is not None
            if field == "comparator":  # normalised (≧, $\\geq$ → >=): it must read back so
                assert parse_comparator(cell.text) == value
                continue
            printed = to_halfwidth(normalize(str(value)))
            assert printed in to_halfwidth(cell.text), (table["id"], field, value, cell.text)
            checked += 1
    assert checked > 100


_WHERE = ("location", "cells", "total_cell", "total_weight_cell", "indicator_points_cell")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_docx_samples_give_the_text_exports_extraction(name):
    def comparable(data: object) -> object:
        """Everything but where things are: line numbers differ between the two formats."""
        if isinstance(data, dict):
            return {k: comparable(v) for k, v in data.items() if k not in _WHERE}
        if isinstance(data, list):
            return [comparable(x) for x in data]
        return data

    text_tables = extraction(SEEDS[name])["tables"]
    docx_tables = extraction(SAMPLES[name])["tables"]
    assert len(text_tables) == len(docx_tables)
    for a, b in zip(text_tables, docx_tables, strict=True):
        if name == "002" and a["location"]["line_start"] == 3710:
            # The .docx rebuild put this table's header and first data row side by side in
            # one 14-cell row (see test_ingest_tables); with no header row it yields no items.
            assert len(a["items"]) == 20 and b["items"] == []
            continue
        assert comparable(a) == comparable(b)


def test_schema_files_match_the_models():
    """`budgetlens schemas` regenerates schemas/; a model change without it fails here."""
    folder = ROOT / "schemas"
    expected = schema_texts()
    assert sorted(p.name for p in folder.glob("*.schema.json")) == sorted(expected)
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, name


def test_grounded_value_keeps_printed_text_decimals_and_cell():
    t3 = next(t for t in extraction(SEEDS["001"])["tables"] if t["kind"] == "T3")
    row = t3["indicators"][0]
    assert row["target"] == "100" and row["target_value"]["value"] == "100"
    assert row["target_value"]["unit"] == "%" and row["target_value"]["percent"] is False
    assert row["cells"]["target"]["line"] == row["location"]["line"] == 418
    budget = t3["budget"][0]
    assert budget["label"] == "总额"
    # keyed by the column's role; the printed header is kept beside it
    assert budget["values"]["adjusted"] == "193.51"
    assert budget["columns"]["adjusted"] == "调整后预算数"
    assert budget["parsed"]["adjusted"] == {
        "value": "193.51", "decimals": 2, "percent": False, "unit": None, "repaired": False
    }  # fmt: skip


def test_a_scored_row_whose_label_ocr_lost_still_counts():
    """001 l.1962: the 6-point row under 分配管理 lost its 三级指标 label; its total is 97."""
    sheet = next(t for t in extraction(SEEDS["001"])["tables"] if t["id"] == "t50")
    unlabelled = [i for i in sheet["items"] if i["level3"] is None]
    assert [(i["allotted"], i["score"], i["location"]["line"]) for i in unlabelled] == [
        ("6", "6", 1962)
    ]
    assert any("label unreadable" in n for n in sheet["notes"])
    assert sum(int(i["score"]) for i in sheet["items"]) == int(sheet["total_score"]) == 97


def test_a_t7_row_word_split_after_its_label_is_rejoined():
    """002 l.554: "2、自评质量" and a blank line, then the row's cells one column to the left."""
    t7 = next(t for t in extraction(SEEDS["002"])["tables"] if t["kind"] == "T7")
    item = next(i for i in t7["items"] if i["level3"].startswith("20."))
    assert (item["allotted"], item["score"], item["location"]["line"]) == ("2", "2", 554)
    groups = {g["level2"] or g["level1"]: (g["allotted"], g["score"]) for g in t7["groups"]}
    assert groups["二、过程管理"] == ("75", "72") and groups["（四）事后绩效评价管理"] == (
        "21",
        "20",
    )


def test_a_level_label_whose_first_character_ocr_lost_is_placed_by_position():
    """The scan of 004 reads 一级指标 as 级指标 (a lone 一 is a single stroke): its T5 headers were
    not recognised, and four score sheets were lost."""
    row = ["", "分层指标", "适用范围", "{}", "二级指标", "", "方法归类", "计算公式", "自评得分"]
    wanted = {Role.LEVEL1, Role.LEVEL2, Role.SCORE}
    intact = find_header([[t.format("一级指标") for t in row]], 0, wanted)
    damaged = find_header([[t.format("级指标") for t in row]], 0, wanted)
    assert intact is not None and damaged is not None
    assert damaged.columns == intact.columns == {
        Role.LEVEL1: 1, Role.LEVEL2: 3, Role.LEVEL3: 4, Role.SCORE: 8
    }  # fmt: skip
    assert find_header([["级指标", "自评得分", "备注"]], 0, {Role.LEVEL1, Role.SCORE}) is not None


def test_a_header_row_a_page_break_cut_in_two_is_read_as_one():
    grid = [
        ["分值权重", "分层分类指标", "指标解释", "评分方法", "自评得分", "", "", ""],
        ["", "分", "适用", "", "二", "", "方", "计算公式"],
        ["", "层指标", "范围", "级指标", "级指标", "", "法归类", ""],
        ["4%", "通用指标", "所有专项项目", "项目决策", "程序严密", "项目设立…", "分级评分法", "4"],
    ]
    header = find_header(grid, 0, {Role.LEVEL1, Role.LEVEL2, Role.LEVEL3, Role.SCORE})
    assert header is not None and (header.first_row, header.last_row) == (0, 2)
    assert {k: header.columns[k] for k in (Role.LEVEL1, Role.LEVEL2, Role.LEVEL3)} == {
        Role.LEVEL1: 1, Role.LEVEL2: 3, Role.LEVEL3: 4
    }  # fmt: skip
    assert find_header(grid[1:], 0, {Role.LEVEL1}) is not None  # without the row above, too
