"""Tables of no kind sent to the model with the classification question, then, once typed,
with their kind's question. The cassettes' responses are written by hand
(cassettes/test_llm_classify/README.md); no figure of model quality comes from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.extract import extract_document
from budgetlens.ingest import read_document
from budgetlens.llm.backend import ModelBackend
from budgetlens.llm.config import LLMConfig
from budgetlens.pipeline import check_document
from budgetlens.report import to_json
from budgetlens.tables import schemas as s

SETTINGS = {
    "model": "test-model",
    "base_url": "http://127.0.0.1:8765/v1",
    "mode": "md_json",
    "reasks": 1,
    "retries": 0,
    "concurrency": 1,  # one request at a time: hand-written answers are replayed in order
}
# An indicator table whose columns a county named in its own words: no title, and no header
# label the rules know (类别 for 一级指标, 计划数 for 指标值, 实际数 for 实际完成值…).
ROWS = [
    ["类别", "分类", "内容", "计划数", "实际数", "占比"],
    ["产出", "数量", "培训人次", "≥500", "620", "20"],
    ["产出", "质量", "合格率", "≥95%", "98%", "20"],
    ["效益", "社会", "群众满意度", "≥90%", "93%", "10"],
]
REPORT = "某局2024年度项目绩效报告\n\n一、项目绩效情况\n\n" + "\n".join(
    "".join(f"\t{cell}\n" for cell in row) for row in ROWS
)


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    # Hand-written exchanges are matched by order, not by the exact request body.
    return {"filter_headers": ["authorization"], "match_on": ["method", "path"]}


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _backend(tmp_path: Path, name: str = "llm") -> ModelBackend:
    return ModelBackend(LLMConfig(**SETTINGS, cache_dir=tmp_path / "cache"), name)


def test_the_rules_leave_the_report_s_table_untyped(report):
    (table,) = extract_document(read_document(report)).tables
    assert isinstance(table, s.GenericTable) and table.typing.by == "none"
    assert table.notes == ["closest kind T2 lacks header roles: actual, level3, target"]


@pytest.mark.vcr
def test_an_untyped_table_is_typed_then_filled(tmp_path, report):
    rules = check_document(report)
    [unread] = to_json(rules)["coverage"]["tables_not_read"]
    result = check_document(report, _backend(tmp_path))
    (table,) = result.extraction.tables
    assert table.kind == "T2" and isinstance(table, s.T2ProjectTargets)
    # typed by the model, its evidence the cells it cited
    assert table.typing.by == "model"
    assert [(e.source, e.text, e.row, e.col) for e in table.typing.evidence] == [
        ("model", "计划数", 0, 3),
        ("model", "实际数", 0, 4),
        ("model", "≥500", 1, 3),
    ]
    # then filled by its kind's question, every value with its cell
    use = table.llm
    assert (use.prompt, use.status, use.reason) == ("T2@1", "answered", "typed T2 by classify@1")
    classification = use.classification
    assert (classification.prompt, classification.status) == ("classify@1", "answered")
    assert classification.reason == unread["reason"]  # why the coverage listed it
    assert [i.level3 for i in table.indicators] == ["培训人次", "合格率", "群众满意度"]
    first = table.indicators[0]
    assert (first.comparator, first.target, first.actual, first.weight) == (
        ">=",
        "500",
        "620",
        "20",
    )
    assert first.actual_value.value == 620 and first.target_value.value == 500
    assert first.weight_value.value == 20
    assert (first.cells["actual"].row, first.cells["actual"].col) == (1, 4)
    assert table.indicators[1].target_value.percent
    # the checks now read it: the coverage no longer lists it
    assert to_json(result)["coverage"]["tables_not_read"] == []
    totals = result.extraction.llm
    assert (totals.tables_sent, totals.tables_classified, totals.tables_typed) == (1, 1, 1)
    assert totals.tables_kept_rules == 0 and totals.calls == 2
    assert (totals.prompt_tokens, totals.completion_tokens) == (1400, 360)  # both questions
    assert totals.prompts == {"T2": "1", "classify": "1"}
    # From the cache, a second run asks nothing and reads the same table.
    again = check_document(report, _backend(tmp_path))
    assert again.extraction.llm.calls == 0 and again.extraction.llm.tables_typed == 1
    assert again.extraction.tables[0].model_dump(exclude={"llm"}) == table.model_dump(
        exclude={"llm"}
    )


@pytest.mark.vcr
def test_a_kind_whose_evidence_is_ungrounded_is_re_asked_then_rejected(tmp_path, report):
    document = read_document(report)
    extraction = extract_document(document, _backend(tmp_path))
    (table,) = extraction.tables
    assert isinstance(table, s.GenericTable) and table.typing.by == "none"
    use = table.llm
    assert (use.prompt, use.status, use.calls, use.reasks) == ("classify@1", "invalid", 2, 1)
    assert use.error == "the model named T2 but no cell it cited holds what it quotes"
    assert [(u.field, u.text, u.cell) for u in use.ungrounded] == [
        ("evidence[0]", "指标值", "r0c3"),
        ("evidence[1]", "实际完成指标值", "r0c4"),
    ]
    assert "计划数" in use.ungrounded[0].reason  # what the cell does read
    assert use.classification is None  # no fill question was asked
    totals = extraction.llm
    assert (totals.tables_classified, totals.tables_typed, totals.tables_kept_rules) == (1, 0, 1)
    assert totals.ungrounded == 2


@pytest.mark.vcr
def test_none_of_the_kinds_leaves_the_table_a_grid(tmp_path, report):
    """Hybrid asks too: the rules could not read the table at all."""
    document = read_document(report)
    rules = extract_document(document)
    extraction = extract_document(document, _backend(tmp_path, "hybrid"))
    (table,) = extraction.tables
    assert table.model_dump(exclude={"llm"}) == rules.tables[0].model_dump(exclude={"llm"})
    use = table.llm
    assert (use.prompt, use.status, use.calls) == ("classify@1", "answered", 1)
    assert use.error == "the model named none of the kinds" and use.reason.startswith("no kind")
    assert (extraction.llm.tables_classified, extraction.llm.tables_typed) == (1, 0)


@pytest.mark.vcr
def test_a_fill_that_fails_leaves_the_table_a_grid(tmp_path, report):
    document = read_document(report)
    extraction = extract_document(document, _backend(tmp_path))
    (table,) = extraction.tables
    assert isinstance(table, s.GenericTable) and table.typing.by == "none"
    use = table.llm  # the fill's question, after the classification's
    assert (use.prompt, use.status, use.calls, use.reasks) == ("T2@1", "invalid", 2, 1)
    assert "indicators" in use.error
    assert (use.classification.prompt, use.classification.status) == ("classify@1", "answered")
    totals = extraction.llm
    assert totals.calls == 3 and totals.tables_kept_rules == 1 and totals.tables_typed == 0
