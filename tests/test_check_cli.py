"""`budgetlens check`: the JSON result, the HTML page, the linter-style summary, --fail-on."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from budgetlens.cli import cli

from .conftest import SEEDS


def test_check_writes_json_and_prints_one_line_per_finding(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(SEEDS["004"]), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / f"{SEEDS['004'].stem}.json").read_text(encoding="utf-8"))
    assert data["summary"]["error"] == 2
    assert {"findings", "claims", "tables", "coverage"} <= data.keys()
    finding = next(f for f in data["findings"] if f["rule_id"] == "RATE.savings")
    assert finding["stated"] == "21.844%" and finding["severity"] == "error"
    assert finding["stated_interval"] == ["21.8435", "21.8445"]
    assert finding["evidence"][0]["location"]["line"] == 223
    line = next(x for x in result.output.splitlines() if "RATE.savings" in x)
    assert re.match(rf"^{re.escape(str(SEEDS['004']))}:223:300: RATE\.savings error 节资率", line)
    assert data["coverage"]["families"]["scores"]["run"] > 0
    page = (tmp_path / f"{SEEDS['004'].stem}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('class="finding ') == len(data["findings"]) == 6
    assert "RATE.savings" in page and not list(tmp_path.glob(".*.tmp"))


def test_fail_on_error_sets_the_exit_status(tmp_path):
    args = ["check", str(SEEDS["004"]), "--out", str(tmp_path), "--fail-on", "error"]
    assert CliRunner().invoke(cli, args).exit_code == 1


def test_check_writes_the_page_in_the_language_asked(tmp_path):
    page = tmp_path / f"{SEEDS['004'].stem}.html"
    for lang, html_lang, label in [("zh", "zh-CN", "导出豁免文件"), ("en", "en", "Export waivers")]:
        args = ["check", str(SEEDS["004"]), "--out", str(tmp_path), "--lang", lang]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        text = page.read_text(encoding="utf-8")
        assert f'<html lang="{html_lang}">' in text and label in text
    assert CliRunner().invoke(cli, ["check", str(SEEDS["004"]), "--lang", "fr"]).exit_code == 2
