"""The LLM backend's parts that need no endpoint: configuration, prompts, the grid, grounding,
hybrid selection, and the cassettes' hygiene."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
from click.testing import CliRunner

from budgetlens.cli import cli, main
from budgetlens.errors import InputError
from budgetlens.extract import extract_document
from budgetlens.layout.roles import Role
from budgetlens.llm.answers import (
    ANSWERS,
    SHAPE_ANSWERS,
    Cited,
    Grounding,
    IndicatorAnswer,
    ScoreAnswer,
    drop_ungrounded,
    grounding_error,
)
from budgetlens.llm.classify import KindAnswer, KindGrounding, classify_prompt, refusal
from budgetlens.llm.config import load_config
from budgetlens.llm.grid import render
from budgetlens.llm.prompts import load_prompt, prompts_dir
from budgetlens.llm.selection import needs_model, untyped_with_figures
from budgetlens.tables.kinds import KINDS, Shape
from tests.conftest import CASSETTES, SECRET_HEADERS, SEEDS

# --- configuration --------------------------------------------------------------------------


def test_no_model_means_no_llm_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_config(env={}) is None


def test_environment_overrides_the_file(tmp_path):
    file = tmp_path / "b.toml"
    file.write_text('[llm]\nmodel = "a"\ntimeout = 5\nconcurrency = 8\n', encoding="utf-8")
    config = load_config(file, env={"BUDGETLENS_LLM_MODEL": "b", "OPENAI_API_KEY": "k"})
    assert (config.model, config.timeout, config.concurrency, config.api_key) == ("b", 5, 8, "k")


def test_a_key_in_the_file_is_refused(tmp_path):
    file = tmp_path / "b.toml"
    file.write_text('[llm]\nmodel = "a"\napi_key = "sk-x"\n', encoding="utf-8")
    with pytest.raises(InputError, match="OPENAI_API_KEY"):
        load_config(file, env={})


def test_a_bad_setting_is_one_clear_error(tmp_path):
    file = tmp_path / "b.toml"
    file.write_text('[llm]\nmodel = "a"\nmode = "telepathy"\n', encoding="utf-8")
    with pytest.raises(InputError, match="mode"):
        load_config(file, env={})


def test_backend_llm_without_a_model_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BUDGETLENS_LLM_MODEL", raising=False)
    seed = Path(__file__).resolve().parents[1] / "eval/corpus/seeds"
    monkeypatch.setattr("sys.argv", ["budgetlens", "extract", str(next(seed.glob("000*"))),
                                     "--backend", "llm"])  # fmt: skip
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "BUDGETLENS_LLM_MODEL" in err


def test_the_default_backend_is_rules_without_a_model(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BUDGETLENS_LLM_MODEL", raising=False)
    seed = Path(__file__).resolve().parents[1] / "eval/corpus/seeds"
    result = CliRunner().invoke(cli, ["extract", str(next(seed.glob("004*")))])
    assert result.exit_code == 0 and '"backend": "rules"' in result.output


# --- the package's place -------------------------------------------------------------------

SRC = Path(__file__).resolve().parents[1] / "src" / "budgetlens"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at module level or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_extraction_and_claims_never_import_the_llm_package():
    """The llm package depends on extract and claims, not the other way round."""
    for folder in ("extract", "claims", "tables", "checks"):
        for path in (SRC / folder).rglob("*.py"):
            llm = {m for m in _imports(path) if m == "budgetlens.llm" or ".llm." in m + "."}
            assert not llm, (path, llm)


def test_the_rules_path_never_loads_openai_or_instructor():
    script = (
        "import sys\n"
        "from budgetlens.pipeline import check_document\n"
        f"check_document({str(SEEDS['004'])!r})\n"
        "print(sorted(m for m in ('openai', 'instructor', 'tenacity', 'budgetlens.llm') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_answer_models_come_from_the_kinds_registry():
    assert set(SHAPE_ANSWERS) == set(get_args(Shape))  # every shape says how it is answered
    for code, spec in KINDS.items():
        if spec.shape == "amounts":
            assert code not in ANSWERS  # statements are never sent
        else:
            expected = IndicatorAnswer if spec.shape == "indicators" else ScoreAnswer
            assert ANSWERS[code] is expected, code
    assert ANSWERS["T7"] is ScoreAnswer and ANSWERS["T9"] is IndicatorAnswer


# --- prompts and the grid -------------------------------------------------------------------


def test_every_kind_the_model_reads_has_a_versioned_prompt():
    for kind in ANSWERS:
        prompt = load_prompt(kind)
        assert prompt is not None and prompt.version and prompt.label == f"{kind}@{prompt.version}"
        assert "r<row>c<col>" in prompt.text
    assert load_prompt("statement") is None and load_prompt("unknown") is None
    assert prompts_dir().name == "prompts"


def test_the_classification_prompt_lists_every_kind_of_the_registry():
    prompt = classify_prompt()
    assert prompt.label == "classify@1" and "{kinds}" not in prompt.text
    for spec in KINDS.values():
        assert f"\n- {spec.code} {spec.name}: " in prompt.text
    assert "T2 专项预算项目绩效目标完成情况自评表: needs level3, target, actual;" in prompt.text
    # every column role a kind's line may name is explained in the prompt's own words
    glossary = " ".join(prompt.text.split("stand for these header labels", 1)[1].split())
    for role in Role:
        assert f"{role.value} = " in glossary, role
    assert set(get_args(KindAnswer.model_fields["kind"].annotation)) == {*KINDS, "none"}


def test_a_classification_is_grounded_like_a_table_answer(seed):
    table = seed("000").tables[0]  # r7c5 reads "100", r7c3 the 三级指标
    grounding = {"grounding": KindGrounding(table)}
    good = {"kind": "T1", "evidence": [{"text": "100", "cell": "r7c5"}]}
    assert KindAnswer.model_validate(good, context=grounding).kind == "T1"
    bad = {"kind": "T1", "evidence": [{"text": "99", "cell": "r7c5"}]}
    with pytest.raises(ValueError, match=r"evidence\[0\]: '99' is not in cell r7c5"):
        KindAnswer.model_validate(bad, context=grounding)
    with pytest.raises(ValueError, match="cite at least one cell that shows the table is T1"):
        KindAnswer.model_validate({"kind": "T1"}, context=grounding)
    assert KindAnswer.model_validate({"kind": "none"}, context=grounding).evidence == []
    with pytest.raises(ValueError, match="kind"):
        KindAnswer.model_validate({"kind": "T13"})
    # after the last re-ask: the ungrounded cells are dropped, and a kind none backs is refused
    kept, dropped = KindGrounding(table).drop(KindAnswer.model_validate(bad))
    assert kept.evidence == [] and [d.field for d in dropped] == ["evidence[0]"]
    assert refusal(kept) == ("the model named T1 but no cell it cited holds what it quotes", True)
    assert refusal(KindAnswer.model_validate(good)) is None
    statement = {"kind": "statement", "evidence": [{"text": "100", "cell": "r7c5"}]}
    assert refusal(KindAnswer.model_validate(statement)) == (
        "the model named statement, whose tables it is not asked to read",
        False,
    )


def test_the_grid_names_every_cell_once(seed):
    table = seed("000").tables[0]
    grid = render(table)
    assert grid.splitlines()[0] == f"title: {table.text}"
    assert "r7|c1:产出指标|c2:数量指标|c3:完成上级交办的各项目标任务|c4:=|c5:100" in grid
    assert len(grid) < 2 * sum(len(c.text) for c in table.cells)  # compact


# --- grounding ------------------------------------------------------------------------------


def test_grounding_matches_normalised_text_and_whole_numbers(seed):
    table = seed("000").tables[0]  # r7c5 reads "100", r12c4 "≦", r7c3 the 三级指标
    assert grounding_error(table, Cited(text="100", cell="r7c5")) is None
    assert grounding_error(table, Cited(text="完成上级交办", cell="r7c3")) is None
    assert "not a number of cell" in grounding_error(table, Cited(text="10", cell="r7c5"))
    assert "is not in cell r7c5" in grounding_error(table, Cited(text="99", cell="r7c5"))
    assert "empty or outside" in grounding_error(table, Cited(text="x", cell="r99c1"))
    assert "not a cell name" in grounding_error(table, Cited(text="x", cell="B7"))


def test_a_grounding_error_is_a_validation_error_the_model_sees(seed):
    table = seed("000").tables[0]
    answer = {"indicators": [{"target": {"text": "99", "cell": "r7c5"}}]}
    with pytest.raises(ValueError, match=r"target: '99' is not in cell r7c5"):
        IndicatorAnswer.model_validate(answer, context={"grounding": Grounding(table)})
    lenient = IndicatorAnswer.model_validate(answer)  # after the last re-ask
    kept, dropped = drop_ungrounded(lenient, table)
    assert kept.indicators[0].target is None
    assert [(d.field, d.text) for d in dropped] == [("indicators[0].target", "99")]


# --- hybrid selection -----------------------------------------------------------------------


def test_hybrid_sends_only_what_the_rules_could_not_read(seed):
    """The calls hybrid makes on the seeds (README, LLM backend): 0, 6, 0, 0."""
    sent = {
        name: [t.id for t in extract_document(seed(name)).tables if needs_model(t)]
        for name in ("000", "001", "002", "004")
    }
    assert sent == {
        "000": [], "001": ["t46", "t50", "t62", "t66", "t68", "t72"], "002": [], "004": []
    }  # fmt: skip


def test_only_tables_of_no_kind_that_hold_figures_are_asked_their_kind(seed):
    """Seed 001's one table of no kind holds fewer than MIN_NUMBERS numbers: never sent."""
    document = seed("001")
    tables = extract_document(document).tables
    assert [t.id for t in tables if t.kind == "unknown"]
    assert untyped_with_figures(document, tables) == {}


def test_a_table_whose_header_the_rules_miss_goes_to_the_model(seed):
    table = next(t for t in extract_document(seed("001")).tables if t.kind == "T4")
    assert needs_model(table) is None
    assert needs_model(table.model_copy(update={"items": []})) == "rules found no rows"
    noted = table.model_copy(update={"notes": ["no header with 三级指标 found"]})
    assert needs_model(noted) == "rules: no header with 三级指标 found"


# --- cassettes ------------------------------------------------------------------------------


def test_no_cassette_holds_a_key_or_an_authorization_header():
    files = [p for p in CASSETTES.rglob("*") if p.suffix in (".yaml", ".yml", ".json")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8").lower()
        for header in SECRET_HEADERS:
            assert f"{header}:" not in text, (path, header)
        assert "bearer " not in text and "sk-" not in text, path


def test_every_cassette_folder_says_where_its_responses_came_from():
    folders = [p for p in CASSETTES.iterdir() if p.is_dir()]
    assert folders
    for folder in folders:
        readme = (folder / "README.md").read_text(encoding="utf-8")
        assert "recorded from" in readme or "written by hand" in readme, folder
