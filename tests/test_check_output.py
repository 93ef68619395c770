"""`budgetlens check`'s output for people and CI: positions, formats, totals, selection and
waivers, and the files it cannot read or check."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import jsonschema
import pytest
from click.testing import CliRunner

from budgetlens.cli import main
from budgetlens.selection import Selection, selection_for

from .conftest import SAMPLES, SEEDS

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
# the GitHub workflow command of an annotation: ::level key=value,…::message
GITHUB_COMMAND = re.compile(
    r"^::(error|warning|notice) ((?:[a-z]+=[^,:\n]*)(?:,[a-z]+=[^,:\n]*)*)::.+$"
)
NO_CHECK = (
    "2024年度部门整体支出绩效自评报告\n\n一、基本情况\n\n本部门认真履行职责，完成了年度目标任务。\n"
)


def check(*args: str | Path) -> tuple[int, str, str]:
    """``budgetlens check ARGS`` through the entry point: its status, stdout and stderr."""
    with CliRunner().isolation() as (out, err, _):
        try:
            main(["check", *map(str, args)])
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue().decode(), err.getvalue().decode()


def test_text_lines_are_sorted_by_line_and_column(tmp_path):
    code, out, err = check(SEEDS["004"], "--out", tmp_path)
    assert code == 0
    places = [re.match(r"^.+?\.txt:(\d+)(?::(\d+))?: ", line) for line in out.splitlines()]
    keys = [(int(m[1]), int(m[2] or 0)) for m in places if m]
    assert len(keys) == len(out.splitlines()) == 6
    assert keys == sorted(keys) and (223, 300) in keys  # 节资率 21.844% at column 300
    assert err.splitlines()[-1].startswith("total: 1 file, 2 errors, 4 warnings, 0 notes")


def test_docx_findings_name_the_paragraph_or_table_cell_in_word_order(tmp_path):
    _, out, _ = check(SAMPLES["000"], "--out", tmp_path)
    labels = [line.split(":")[1] for line in out.splitlines()]
    assert all(re.fullmatch(r"段\d+|表\d+(行\d+列\d+)?", label) for label in labels), labels
    assert "段16" in labels and "表2行18列8" in labels
    # where Word has them: the 16th non-empty paragraph, the 2nd table's grid cell (18, 8)
    word = docx.Document(str(SAMPLES["000"]))
    paragraphs = [p.text for p in word.paragraphs if p.text.strip()]
    assert paragraphs[15] == "2024年无预算结转结余。"
    assert word.tables[1].rows[17].cells[7].text == "10"  # the first of the weights
    data = json.loads((tmp_path / f"{SAMPLES['000'].stem}.json").read_text(encoding="utf-8"))
    positions = [f["position"] for f in data["findings"]]
    # document order: a paragraph's or table's place among the blocks, then its cell
    assert positions[0] == {"paragraph": 16}
    assert {"table": 2, "row": 18, "col": 8} in positions


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path):
    first = json.loads(check(SEEDS["004"], "--out", tmp_path, "--format", "json")[1])
    finding = first["files"][0]["findings"][0]
    waivers = tmp_path / "waivers.json"
    waivers.write_text(json.dumps({"version": 1, "waivers": [_waiver(finding)]}), "utf-8")
    code, out, _ = check(
        SEEDS["004"], tmp_path / "missing.txt", "--out", tmp_path, "--format", "sarif",
        "--waivers", waivers, "--show", "info",
    )  # fmt: skip
    assert code == 2  # the missing file
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    run = log["runs"][0]
    assert len(run["results"]) == 6
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 63,
        "startColumn": 168,
    }
    assert run["results"][0]["suppressions"] == [{"kind": "external", "justification": "已核实"}]
    assert [n["level"] for n in run["invocations"][0]["toolExecutionNotifications"]] == ["error"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_github_annotations_are_workflow_commands(tmp_path):
    _, out, _ = check(SEEDS["004"], SAMPLES["000"], "--out", tmp_path, "--format", "github")
    lines = out.splitlines()
    assert lines and all(GITHUB_COMMAND.match(line) for line in lines), lines
    saving = next(line for line in lines if "RATE.savings" in line)
    assert saving.startswith(f"::error file={SEEDS['004']},line=223,col=300,title=RATE.savings::")
    assert "21.844%25" in saving  # % escaped as the runner requires
    word = next(line for line in lines if "docx" in line)
    assert "line=" not in word and re.search(r"::\[(段|表)\d+", word)


def test_junit_has_a_suite_per_file_and_fails_errors_and_warnings(tmp_path):
    _, out, _ = check(SEEDS["004"], "--out", tmp_path, "--format", "junit")
    suites = ET.fromstring(out)
    assert suites.get("tests") == "6" and suites.get("failures") == "6"
    [suite] = suites
    assert suite.get("name") == str(SEEDS["004"]) and len(suite.findall("testcase/failure")) == 6


def test_statistics_count_findings_per_rule(tmp_path):
    _, out, _ = check(SEEDS["004"], "--out", tmp_path, "--statistics")
    assert out.splitlines()[0].split() == ["2", "RATE.savings", "error"]
    assert len(out.splitlines()) == 4
    assert check(SEEDS["004"], "--out", tmp_path, "--statistics", "--format", "sarif")[0] == 2


def test_select_and_ignore_by_id_or_prefix_from_the_command_line(tmp_path):
    out = check(SEEDS["004"], "--out", tmp_path, "--select", "RATE,SHARE", "--ignore", "SHARE")[1]
    assert {line.split()[1] for line in out.splitlines()} == {"RATE.savings"}
    out = check(SEEDS["004"], "--out", tmp_path, "--ignore", "RATE.savings")[1]
    assert "RATE.savings" not in out and len(out.splitlines()) == 4


def test_selection_the_longest_selector_decides_and_ignore_wins_a_tie():
    rules = Selection(select=("STMT",), ignore=("STMT.total",))
    assert rules.chooses("STMT.sides") and not rules.chooses("STMT.total")
    assert not rules.chooses("RATE.savings")
    assert not rules.chooses("STMTX.a")  # a prefix ends at a dot
    assert Selection(select=("STMT.total",), ignore=("STMT",)).chooses("STMT.total")
    assert not Selection(ignore=("ALL",)).chooses("RATE.savings")
    assert Selection().chooses("RATE.savings")


def test_configuration_is_found_upward_and_the_command_line_overrides_it(tmp_path):
    report = tmp_path / "reports" / "2024" / "r.txt"
    report.parent.mkdir(parents=True)
    shutil.copy(SEEDS["004"], report)
    (tmp_path / "pyproject.toml").write_text('[tool.budgetlens]\nignore = ["RATE"]\n', "utf-8")
    (tmp_path / "reports" / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    assert selection_for(report, None, None).ignore == ("RATE",)
    out = check(report, "--out", tmp_path / "out")[1]
    assert "RATE." not in out and "SHARE.part_of_total" in out
    assert "RATE.savings" in check(report, "--out", tmp_path / "out", "--ignore", "SHARE")[1]
    # a budgetlens.toml nearer the input wins over the pyproject.toml above it
    (tmp_path / "reports" / "budgetlens.toml").write_text('select = ["RESTATE"]\n', "utf-8")
    out = check(report, "--out", tmp_path / "out")[1]
    assert {line.split()[1] for line in out.splitlines()} == {"RESTATE.cost_indicator_unit"}
    (tmp_path / "reports" / "budgetlens.toml").write_text('select = "RATE"\n', "utf-8")
    code, _, err = check(report, "--out", tmp_path / "out")
    assert code == 2 and "select: expected a list" in err


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_a_selector_that_names_no_rule_is_refused(tmp_path, option):
    """A misspelt id would select nothing and let every file pass."""
    code, out, err = check(SEEDS["004"], "--out", tmp_path, option, "STMT.colum_total")
    assert code == 2 and "names no rule" in err and len(err.splitlines()) == 1 and not out


def _waiver(finding: dict) -> dict:
    return {"fingerprint": finding["fingerprint"], "rule_id": finding["rule_id"]} | {
        "reason": "已核实",
        "source": "004.txt",
    }


def test_a_waived_finding_is_shown_as_waived_and_never_fails(tmp_path):
    data = json.loads(check(SEEDS["004"], "--out", tmp_path, "--format", "json")[1])
    errors = [f for f in data["files"][0]["findings"] if f["severity"] == "error"]
    waivers = tmp_path / "waivers.json"
    waivers.write_text(
        json.dumps({"version": 1, "waivers": [_waiver(f) for f in errors]}, ensure_ascii=False),
        "utf-8",
    )
    code, out, err = check(
        SEEDS["004"], "--out", tmp_path, "--waivers", waivers, "--fail-on", "error"
    )
    assert code == 0
    assert out.count("(waived: 已核实)") == 2
    result = json.loads((tmp_path / f"{SEEDS['004'].stem}.json").read_text(encoding="utf-8"))
    assert [f["waived"] for f in result["findings"] if f["rule_id"] == "RATE.savings"] == [
        "已核实",
        "已核实",
    ]
    assert result["summary"] == {"error": 0, "warning": 4, "info": 0, "waived": 2}
    assert "2 waived" in err.splitlines()[-1]
    assert (
        check(SEEDS["004"], "--out", tmp_path, "--waivers", waivers, "--fail-on", "warning")[0] == 1
    )


@pytest.mark.parametrize(
    "content, words",
    [
        ("{", "cannot read the waivers"),
        ('{"version": 2, "waivers": []}', "version"),
        ('{"version": 1, "waivers": [{"fingerprint": "x", "rule_id": "A"}]}', "fing"),
    ],
)  # fmt: skip
def test_a_malformed_waiver_file_is_one_line_and_status_2(tmp_path, content, words):
    waivers = tmp_path / "w.json"
    waivers.write_text(content, "utf-8")
    code, out, err = check(SEEDS["004"], "--out", tmp_path, "--waivers", waivers)
    assert code == 2 and words in err and len(err.splitlines()) == 1 and not out


def test_a_file_on_which_no_check_ran_is_a_warning_that_fail_on_counts(tmp_path):
    report = tmp_path / "short.txt"
    report.write_text(NO_CHECK, "utf-8")
    code, _, err = check(report, "--out", tmp_path / "out")
    assert code == 0 and f"{report}: warning: no check ran" in err
    assert check(report, "--out", tmp_path / "out", "--fail-on", "error")[0] == 0
    assert check(report, "--out", tmp_path / "out", "--fail-on", "warning")[0] == 1
    out = check(report, "--out", tmp_path / "out", "--format", "json")[1]
    assert json.loads(out)["files"][0]["no_check_ran"] is True


def test_same_stem_inputs_keep_their_own_results(tmp_path):
    twin = tmp_path / "in" / f"{SEEDS['004'].stem}.docx"
    twin.parent.mkdir()
    shutil.copy(SAMPLES["004"], twin)
    code, _, err = check(SEEDS["004"], twin, "--out", tmp_path / "out")
    assert code == 0, err
    written = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert written == [f"{SEEDS['004'].stem}.docx.json", f"{SEEDS['004'].stem}.txt.json"]
    sources = {
        json.loads(p.read_text(encoding="utf-8"))["format"]
        for p in (tmp_path / "out").glob("*.json")
    }
    assert sources == {"docx", "text-word"}


def test_a_bad_file_is_reported_and_the_rest_are_checked(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    code, out, err = check(bad, SEEDS["004"], "--out", tmp_path / "out", "--fail-on", "error")
    assert code == 2
    assert "budgetlens: error:" in err and str(bad) in err
    assert "RATE.savings" in out and (tmp_path / "out" / f"{SEEDS['004'].stem}.json").is_file()
    assert "1 file not read" in err.splitlines()[-1]
