"""The rule catalog: every rule documented, and its examples run as it documents them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetlens.checks import catalog
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.cli import cli
from budgetlens.pipeline import check_document
from budgetlens.report import to_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "budgetlens" / "checks" / "examples"
RULES = catalog.rules()
FILE_NAME = re.compile(r"\.(?:md|txt|json|toml|py|html|csv|rst|ya?ml)$")


def _check(rule: Rule, kind: str, tmp_path: Path):
    path = tmp_path / f"{kind}.txt"  # the reader knows a text export by its suffix
    path.write_text(rule.example(kind), encoding="utf-8")  # type: ignore[arg-type]
    return check_document(path)


def _reported(findings, rule: Rule) -> str:
    return "".join(
        f"{f.line}: {f.rule_id} {f.severity} {f.message}\n"
        for f in findings
        if f.rule_id == rule.id
    )


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_example_that_fires_reports_the_rule_at_its_most_severe(rule: Rule, tmp_path):
    findings = _check(rule, "fires", tmp_path).findings
    found = [f for f in findings if f.rule_id == rule.id]
    assert found, f"{rule.id}: its fires example reports nothing"
    assert {f.severity for f in found} == {rule.severity}
    assert {(f.family, f.rule_version) for f in found} == {(rule.family, rule.version)}
    expected = EXAMPLES / rule.id / "reports.txt"
    assert _reported(findings, rule) == rule.example("reports"), (
        f"the findings changed: if rightly, write them to {expected}"
    )


# A scan that finds nothing enters no pass in the ledger: it judged no figure (identity.py)
NO_PASS_RECORDED = {"PLACEHOLDER.left_in"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_example_that_holds_runs_the_rule_and_passes(rule: Rule, tmp_path):
    result = _check(rule, "holds", tmp_path)
    assert not [f for f in result.findings if f.rule_id == rule.id]
    coverage = to_json(result)["coverage"]["rules"]  # the ledger, as check writes it
    if rule.id in NO_PASS_RECORDED:
        assert rule.id not in coverage
        return
    ran = coverage[rule.id]
    assert ran["passed"] >= 1 and ran["failed"] == 0, ran


def test_every_rule_id_written_is_declared_and_every_example_is_a_rule():
    """An id written anywhere in the package, the README or the eval data is a declared rule,
    so no finding carries an undocumented id and no renamed id is left behind; an examples
    folder belongs to a rule."""
    sources = [*(ROOT / "src" / "budgetlens").rglob("*.py"), ROOT / "README.md"]
    written = {
        found
        for source in [*sources, *(ROOT / "eval").glob("*.json")]
        for found in re.findall(r"[\"'`]([A-Z]+\.[a-z][a-z0-9_]+)[\"'`]", source.read_text("utf-8"))
        if not FILE_NAME.search(found)  # "README.md" is written like an id
    }
    declared = {r.id for r in RULES}
    assert written <= declared, written - declared
    assert {p.name for p in EXAMPLES.iterdir() if p.is_dir()} == declared


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_documented_in_both_languages(rule: Rule):
    for doc in (rule.zh, rule.en):
        assert all(text.strip() for text in (doc.summary, doc.what, doc.why))
        assert "\n" not in doc.summary
    assert re.search(r"[\u4e00-\u9fff]", rule.zh.summary) and rule.en.summary[0].isascii()


def test_docs_rules_md_is_generated_from_the_catalog():
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert docs == catalog.reference(), "regenerate: budgetlens rules --markdown > docs/rules.md"
    for rule in RULES:
        assert f'<a id="{rule.id}"></a>' in docs and catalog.anchor(rule.id).endswith(rule.id)


def test_a_rule_is_declared_once_with_an_id_whose_prefix_is_a_family():
    doc = Doc("s", what="w", why="y")
    with pytest.raises(ValueError, match="declared twice"):
        Rule("RATE.savings", version=1, severity="error", zh=doc, en=doc)
    with pytest.raises(ValueError, match="prefix"):
        Rule("TOTALS.anything", version=1, severity="error", zh=doc, en=doc)
    assert catalog.family_of("YEAR.report_named_twice") == "identity"


def test_rules_lists_every_rule_and_explains_one():
    runner = CliRunner()
    listed = runner.invoke(cli, ["rules"])
    assert listed.exit_code == 0
    lines = listed.output.splitlines()
    assert [line.split()[0] for line in lines] == [r.id for r in RULES]
    assert lines[0].split()[1:3] == [RULES[0].family, RULES[0].severity]

    english = runner.invoke(cli, ["rules", "RATE.savings", "--lang", "en"])
    assert english.exit_code == 0
    assert english.output.startswith("## RATE.savings\n")
    assert "**What it checks**" in english.output and "节资率21.844%" in english.output
    assert "节资率 21.844% ≠" in english.output  # what the rule reports on its fires example
    chinese = runner.invoke(cli, ["rules", "RATE.savings"])
    assert "**检查什么**" in chinese.output

    unknown = runner.invoke(cli, ["rules", "RATE.nothing"])
    assert unknown.exit_code == 2 and "no rule 'RATE.nothing'" in unknown.output


def test_sarif_describes_each_rule_from_the_catalog(tmp_path):
    rule = catalog.rule("RATE.savings")
    report = tmp_path / "fires.txt"
    report.write_text(rule.example("fires"), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", str(report), "--out", str(tmp_path), "--format", "sarif"]
    )
    (described,) = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert described["id"] == rule.id
    assert described["shortDescription"]["text"] == rule.en.summary
    assert described["help"]["markdown"] == catalog.explain(rule.id, "en")
    assert described["defaultConfiguration"]["level"] == "error"
    assert described["properties"]["docs"] == "docs/rules.md#RATE.savings"
