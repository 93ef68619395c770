"""Extraction metrics on synthetic gold/extracted pairs: matching, counting, reporting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetlens.evaluation.extraction import (
    Counts,
    Report,
    Tally,
    compare_document,
    compare_reports,
    evaluate,
    format_report,
)


def indicator(line: int | None, level3: str, **fields: object) -> dict:
    row = {"level1": "产出指标", "level2": "数量指标", "level3": level3, "comparator": "="}
    row |= {"target": "100", "unit": "%", "weight": "20", "actual": "100", "score": None}
    row |= fields
    return row if line is None else row | {"line": line}


def extracted_row(line: int | None, level3: str, **fields: object) -> dict:
    """The extractor's form of ``indicator``: the line under ``location``."""
    row = indicator(None, level3, **fields)
    return row | {"location": {"line": line, "col": 0}, "confidence": 0.9}


def gold_table(line: int, kind: str, **fields: object) -> dict:
    table = {"line_start": line, "kind": kind, "title": f"{kind}表", "project": None}
    return table | {"total_score": None, "indicators": [], "items": []} | fields


def extracted_table(line: int | None, kind: str, **fields: object) -> dict:
    location = {"page": None, "line_start": line, "line_end": None}
    return {"id": f"t{line}", "kind": kind, "title": f"{kind}表", "location": location} | fields


def tally(counts: Counts, kind: str, name: str) -> tuple[int, int, int]:
    t = counts.tallies.get((kind, name), Tally())
    return t.tp, t.fp, t.fn


GOLD = {
    "seed": "900",
    "source": "../../corpus/seeds/900_x.txt",  # relative to the gold file
    "tables": [
        gold_table(
            10,
            "T1",
            indicators=[indicator(12, "完成任务"), indicator(13, "合格率", comparator=">=")],
        ),
        gold_table(
            30,
            "T5",
            project="某项目",
            total_score="90",
            items=[
                {
                    "line": 32,
                    "level1": "投入（20分）",
                    "level2": "预算执行",
                    "level3": "执行率",
                    "allotted": "10",
                    "score": "9",
                }
            ],
        ),
    ],
}

EXTRACTED = {
    "source": "../../corpus/seeds/900_x.txt",  # relative to the gold file
    "tables": [
        extracted_table(
            10,
            "T1",
            project="多余",
            total_score=None,
            indicators=[
                extracted_row(12, "完成任务", target="90"),  # one wrong field
                # row 13 missing; row 14 extra, with 4 non-empty fields
                {"level1": "产出指标", "level3": "额外", "comparator": "=", "target": "1"}
                | {"location": {"line": 14}},
            ],
        ),
        extracted_table(
            50,
            "T4",
            total_score="4",
            items=[
                {"level1": "a", "level3": "b", "allotted": "5", "score": "4"}
                | {"location": {"line": 51}}
            ],
        ),
        extracted_table(70, "T1"),  # no rows and no gold: a 目录-like table, ignored
    ],
}


def test_counts_on_a_hand_made_pair():
    counts = compare_document(GOLD, EXTRACTED)
    # Matched T1: kind right, project spurious, row 12 right but for its target.
    assert tally(counts, "T1", "kind") == (1, 0, 0)
    assert tally(counts, "T1", "project") == (0, 1, 0)
    assert tally(counts, "T1", "total_score") == (0, 0, 0)  # both empty: not counted
    assert tally(counts, "T1", "unit") == (1, 0, 1)  # row 12 right, row 13 missing
    assert tally(counts, "T1", "level1") == (1, 1, 1)  # ... and the extra row 14
    assert tally(counts, "T1", "target") == (0, 2, 2)  # wrong value: one FP and one FN
    assert tally(counts, "T1", "score") == (0, 0, 0)
    # Unmatched gold T5: its 3 table fields and 5 item fields; unmatched extracted T4: 2 + 4.
    assert counts.by_kind()["T5"] == Tally(0, 0, 8)
    assert counts.by_kind()["T4"] == Tally(0, 6, 0)
    assert counts.by_kind()["T1"] == Tally(8, 6, 9)
    assert counts.total() == Tally(8, 12, 17)


def test_mismatches_locate_every_error_in_document_order():
    counts = compare_document(GOLD, EXTRACTED)
    found = [(m.table_line, m.row_line, m.field, m.error) for m in counts.mismatches]
    assert found == [
        (10, None, "project", "spurious"),
        (10, 12, "target", "wrong"),
        (10, 13, "row", "missing"),
        (10, 14, "row", "spurious"),
        (30, None, "table", "missing"),
        (50, None, "table", "spurious"),
    ]
    wrong = counts.mismatches[1]
    assert (wrong.seed, wrong.kind, wrong.label) == ("900", "T1", "完成任务")
    assert (wrong.gold, wrong.extracted) == ("100", "90")
    assert counts.mismatches[2].gold == "合格率"


def test_docx_output_matches_by_order_within_kind():
    gold = {
        "seed": "901",
        "tables": [
            gold_table(10, "T1", indicators=[indicator(12, k) for k in ["甲", "乙", "丙"]]),
            gold_table(40, "T9", indicators=[indicator(41, "指标1:")]),
        ],
    }
    extracted = {
        "tables": [
            extracted_table(None, "T1", indicators=[extracted_row(None, k) for k in ["甲", "丙"]]),
            extracted_table(None, "T3"),  # no rows: left out before aligning
            extracted_table(None, "T11", indicators=[extracted_row(None, "指标1:")]),
        ]
    }
    counts = compare_document(gold, extracted)
    # 乙 missing, 甲 and 丙 matched by their labels despite the gap.
    assert tally(counts, "T1", "level3") == (2, 0, 1)
    assert tally(counts, "T1", "target") == (2, 0, 1)
    # A misread kind in the same position is still paired, and counted under the gold kind.
    assert tally(counts, "T9", "kind") == (0, 1, 1)
    assert tally(counts, "T9", "actual") == (1, 0, 0)
    assert "T11" not in counts.by_kind()


def test_rows_without_lines_pair_a_misread_label_by_position():
    gold = {"tables": [gold_table(10, "T1", indicators=[indicator(11, "甲"), indicator(12, "乙")])]}
    rows = [extracted_row(None, "甲"), extracted_row(None, "乙乙", target="7")]
    counts = compare_document(gold, {"tables": [extracted_table(10, "T1", indicators=rows)]})
    assert tally(counts, "T1", "level3") == (1, 1, 1)
    assert tally(counts, "T1", "target") == (1, 1, 1)
    assert tally(counts, "T1", "unit") == (2, 0, 0)


@pytest.mark.parametrize(
    ("gold", "extracted", "expected"),
    [
        ("95%", "９５％", (1, 0, 0)),  # full-width digits and percent
        ("投入（20分）", "投入(20分)", (1, 0, 0)),  # full-width brackets
        ("产出指标", " 产出 指标\n", (1, 0, 0)),  # layout whitespace around Chinese
        ("20", 20, (1, 0, 0)),  # a number where a string was expected
        (None, "", (0, 0, 0)),  # both empty
        ("", None, (0, 0, 0)),
        ("万元", None, (0, 0, 1)),
        (None, "万元", (0, 1, 0)),
        ("10", "1 0", (0, 1, 1)),  # OCR-split digits are a different value
    ],
)
def test_values_compare_after_normalisation(gold, extracted, expected):
    gold_doc = {"tables": [gold_table(1, "T1", indicators=[indicator(2, "甲", unit=gold)])]}
    rows = [extracted_row(2, "甲", unit=extracted)]
    counts = compare_document(gold_doc, {"tables": [extracted_table(1, "T1", indicators=rows)]})
    assert tally(counts, "T1", "unit") == expected


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        (Tally(), 1.0, 1.0, 1.0),  # nothing to count
        (Tally(tp=4), 1.0, 1.0, 1.0),
        (Tally(fp=3), 0.0, 1.0, 0.0),
        (Tally(fn=3), 1.0, 0.0, 0.0),
        (Tally(tp=1, fp=1, fn=3), 0.5, 0.25, 1 / 3),
    ],
)
def test_f1_edge_cases(counts, precision, recall, f1):
    assert counts.precision == pytest.approx(precision)
    assert counts.recall == pytest.approx(recall)
    assert counts.f1 == pytest.approx(f1)


def test_evaluate_reads_gold_and_overrides_sources(tmp_path: Path):
    gold_dir = tmp_path / "eval" / "gold" / "seeds"
    gold_dir.mkdir(parents=True)
    (gold_dir / "900.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (gold_dir / "FORMAT.md").write_text("# format", encoding="utf-8")
    (gold_dir / "NOTES-900.json").write_text("not gold", encoding="utf-8")
    for source in (tmp_path / "eval/corpus/seeds/900_x.txt", tmp_path / "900.docx"):
        source.parent.mkdir(parents=True, exist_ok=True)
        source.touch()  # read by the stand-in extractor below, but it must be there
    called: list[Path] = []

    def extract(path: Path) -> dict:
        called.append(path)
        return EXTRACTED

    report = evaluate(gold_dir, extract)
    assert called == [tmp_path.resolve() / "eval/corpus/seeds/900_x.txt"]
    evaluate(gold_dir, extract, sources={"900": tmp_path / "900.docx"})
    assert called[-1] == tmp_path / "900.docx"

    data = json.loads(json.dumps(report.to_json()))  # JSON-serialisable as it stands
    assert data["overall"] == {
        "precision": 0.4,
        "recall": 0.32,
        "f1": 0.3556,
        "tp": 8,
        "fp": 12,
        "fn": 17,
    }
    assert set(data["per_seed"]) == {"900"}
    assert set(data["per_kind"]) == {"T1", "T4", "T5"}
    assert data["per_field"]["target"]["fp"] == 2
    assert data["mismatch_count"] == 6
    assert data["mismatches"][1] == {
        "seed": "900",
        "kind": "T1",
        "table_line": 10,
        "row_line": 12,
        "label": "完成任务",
        "field": "target",
        "error": "wrong",
        "gold": "100",
        "extracted": "90",
    }


def test_format_report_lists_every_section():
    report = Report({"900": compare_document(GOLD, EXTRACTED)})
    text = format_report(report)
    for heading in ["overall", "per seed", "per kind", "per field"]:
        assert heading in text.splitlines()
    assert "  all               0.400  0.320  0.356      8     12     17" in text
    assert any(line.split()[0] == "T5" and line.endswith("8") for line in text.splitlines())


def report_json(overall_f1: float, t3_recall: float) -> dict:
    return {
        "overall": {"precision": 0.9, "recall": 0.9, "f1": overall_f1, "tp": 9},
        "per_seed": {},
        "per_kind": {"T3": {"precision": 0.8, "recall": t3_recall, "f1": 0.8}},
        "per_field": {},
    }


def test_compare_reports_passes_small_changes():
    text, ok = compare_reports(report_json(0.87, 0.85), report_json(0.9, 0.8), max_drop=0.05)
    assert ok
    assert "overall.f1: 0.900 → 0.870 (-0.030)" in text.splitlines()
    assert "per_kind.T3.recall: 0.800 → 0.850 (+0.050)" in text.splitlines()


def test_compare_reports_passes_a_drop_of_exactly_the_threshold():
    _, ok = compare_reports(report_json(0.85, 0.8), report_json(0.9, 0.8), max_drop=0.05)
    assert ok


def test_compare_reports_fails_a_drop_beyond_the_threshold():
    text, ok = compare_reports(report_json(0.9, 0.7), report_json(0.9, 0.8), max_drop=0.05)
    assert not ok
    assert "per_kind.T3.recall: 0.800 → 0.700 (-0.100)  DROP" in text.splitlines()


def test_compare_reports_names_metrics_in_one_report_only():
    current = report_json(0.9, 0.8) | {"per_seed": {"001": {"f1": 0.5}}}
    text, ok = compare_reports(current, report_json(0.9, 0.8), max_drop=0.05)
    assert ok
    assert "in one report only: per_seed.001.f1" in text


def test_gold_in_subfolders_is_reported_per_group_and_format(tmp_path: Path):
    """A variant's gold lies in a subfolder; a .docx twin beside its source is scored too."""
    root = tmp_path / "gold"
    (root / "untitled").mkdir(parents=True)
    gold = GOLD | {"source": "report.txt"}
    (root / "untitled" / "900.json").write_text(json.dumps(gold), encoding="utf-8")
    (root / "untitled" / "report.txt").write_text("x", encoding="utf-8")
    (root / "untitled" / "report.docx").write_text("x", encoding="utf-8")
    (root / "untitled" / "notes.json").write_text('{"not": "gold"}', encoding="utf-8")
    read: list[str] = []

    def extract(path: Path) -> dict:
        read.append(path.name)
        return EXTRACTED

    report = evaluate(root, extract, formats=[".docx"])
    assert read == ["report.txt", "report.docx"]
    assert set(report.per_seed) == {"untitled/900", "untitled/900:docx"}
    assert set(report.per_source) == {"txt", "docx"}
    assert report.per_group == {}  # one group: nothing to break down


def test_statement_amounts_are_compared_position_by_position():
    line = {"label": "合计", "code": None}
    gold = {"tables": [{"kind": "statement", "form": "income", "rows": [
        line | {"amounts": ["10.00", None, "3.00"]}]}]}  # fmt: skip
    extracted = {"tables": [{"kind": "statement", "form": "income", "rows": [
        line | {"values": {"合计": "10.00", "财政拨款": "7.00", "其他": "3.00"}}]}]}  # fmt: skip
    counts = compare_document(gold, extracted)
    assert tally(counts, "statement", "amount") == (2, 1, 0)
    assert tally(counts, "statement", "label") == (1, 0, 0)
    assert tally(counts, "statement", "form") == (1, 0, 0)
