"""Writes this folder's cassettes: responses written by hand, about the indicator table of
tests/test_llm_classify.py's REPORT, whose header (类别, 分类, 内容, 计划数, 实际数, 占比) the
rules cannot type. In its grid r0 is the header, r1-r3 the indicator rows.

Run from the repository root: python cassettes/test_llm_classify/write_cassettes.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ among the cassette folders
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # cassettes/handwritten.py
from handwritten import answer, cited, write  # noqa: E402

HERE = Path(__file__).resolve().parent

# The classification: T2, each cited cell holding what it quotes.
TYPED = {
    "kind": "T2",
    "evidence": [
        cited("计划数", "r0c3"),
        cited("实际数", "r0c4"),
        cited("≥500", "r1c3"),
    ],
}
# T2 again, but citing header labels the cells do not print (r0c3 reads 计划数, r0c4 实际数).
UNGROUNDED = {
    "kind": "T2",
    "evidence": [cited("指标值", "r0c3"), cited("实际完成指标值", "r0c4")],
}
NONE = {"kind": "none", "evidence": []}


def row(r: int, level1: str, level2: str, level3: str, target: str, actual: str, weight: str):
    return {
        "level1": cited(level1, f"r{r}c0"),
        "level2": cited(level2, f"r{r}c1"),
        "level3": cited(level3, f"r{r}c2"),
        "comparator": cited("≥", f"r{r}c3"),
        "target": cited(target, f"r{r}c3"),
        "actual": cited(actual, f"r{r}c4"),
        "weight": cited(weight, f"r{r}c5"),
    }


FILL = {
    "indicators": [
        row(1, "产出", "数量", "培训人次", "500", "620", "20"),
        row(2, "产出", "质量", "合格率", "95%", "98%", "20"),
        row(3, "效益", "社会", "群众满意度", "90%", "93%", "10"),
    ]
}

CASSETTES = {
    "test_an_untyped_table_is_typed_then_filled": [
        answer(TYPED, 900, 60),
        answer(FILL, 500, 300),
    ],
    "test_a_kind_whose_evidence_is_ungrounded_is_re_asked_then_rejected": [
        answer(UNGROUNDED, 900, 50),
        answer(UNGROUNDED, 1000, 50),
    ],
    "test_none_of_the_kinds_leaves_the_table_a_grid": [
        answer(NONE, 900, 10),
    ],
    "test_a_fill_that_fails_leaves_the_table_a_grid": [
        answer(TYPED, 900, 60),
        answer({"project": None}, 500, 10),  # no "indicators": invalid, sent back
        answer({"project": None}, 600, 10),
    ],
}


if __name__ == "__main__":
    write(HERE, CASSETTES)
