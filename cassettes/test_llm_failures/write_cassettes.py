"""Writes this folder's cassettes: responses written by hand, for seed 000's table t1 and for
the paragraph of tests/test_llm_failures.py's PARAGRAPH.

Run from the repository root: python cassettes/test_llm_failures/write_cassettes.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ among the cassette folders
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # cassettes/handwritten.py
from handwritten import answer, cited, error, write  # noqa: E402

HERE = Path(__file__).resolve().parent


ROW_7 = {
    "level1": cited("产出指标", "r7c1"),
    "level2": cited("数量指标", "r7c2"),
    "level3": cited("完成上级交办的各项目标任务", "r7c3"),
    "comparator": cited("=", "r7c4"),
    "target": cited("100", "r7c5"),
    "unit": cited("%", "r7c6"),
    "weight": cited("20", "r7c7"),
    "actual": cited("100", "r7c8"),
}
ROW_8 = {  # level1 left out: merged with the row above
    "level2": cited("质量指标", "r8c2"),
    "level3": cited("高标准完成工作任务", "r8c3"),
    "comparator": cited("定性", "r8c4"),
    "target": cited("高", "r8c5"),
    "weight": cited("20", "r8c7"),
    "actual": cited("高", "r8c8"),
}
WRONG_TARGET = ROW_7 | {"target": cited("99", "r7c5")}  # r7c5 reads 100
# About "资金到位率为90.02，预算执行率100%。": the first claim is one the rules cannot read (OCR
# lost its %), the second the rules read, the third is printed nowhere in the paragraph.
PARAGRAPH_CLAIMS = [
    {"type": "rate", "subject": "资金到位率", "value": "90.02"},
    {"type": "rate", "subject": "预算执行率", "value": "100%"},
    {"type": "rate", "subject": "资金使用率", "value": "95%"},
]


CASSETTES = {
    "test_an_invalid_answer_is_re_asked": [
        answer({"project": None}, 700, 20),  # no "indicators": invalid, sent back
        answer({"indicators": [ROW_7, ROW_8]}, 750, 130),
    ],
    "test_an_ungrounded_value_is_re_asked_then_dropped": [
        answer({"indicators": [WRONG_TARGET]}, 700, 90),
        answer({"indicators": [WRONG_TARGET]}, 800, 90),
    ],
    "test_a_429_is_retried_then_answered": [
        error(429, "Rate limit reached, retry after 1s"),
        answer({"indicators": [ROW_7]}, 700, 90),
    ],
    "test_a_paragraph_s_claims_are_grounded_then_added": [
        answer({"claims": PARAGRAPH_CLAIMS}, 600, 80),
        answer({"claims": PARAGRAPH_CLAIMS}, 700, 80),
    ],
    "test_server_errors_that_persist_fall_back_to_the_rules": [
        error(503, "Service Unavailable"),
        error(503, "Service Unavailable"),
        error(503, "Service Unavailable"),
    ],
}


if __name__ == "__main__":
    write(HERE, CASSETTES)
