"""The ``budgetlens`` command line. Each verb mirrors a function of the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from budgetlens.atomic import write_atomically
from budgetlens.document import Document, Heading, Table
from budgetlens.errors import InputError, SetupError
from budgetlens.process import collect_less

if TYPE_CHECKING:
    from budgetlens.report.labels import Lang
    from budgetlens.tables.schemas import ModelTotals


def _outline(document: Document) -> str:
    """A readable listing: one line per block, tables with their rows."""
    out = [f"{document.source}  ({document.format}, {len(document.blocks)} blocks)"]
    out += [f"warning: {w}" for w in document.warnings]
    for block in document.blocks:
        loc = block.location
        where = (
            f"L{loc.line_start}-{loc.line_end}"
            if loc.line_start is not None
            else f"p{loc.page}"
            if loc.page is not None
            else ""
        )
        if isinstance(block, Table):
            out.append(
                f"{block.id:>5} {where:<12} table {block.n_rows}x{block.n_cols} {block.text}"
            )
            out += [f"{'':18}| " + " | ".join(row) for row in block.grid()]
        elif isinstance(block, Heading):
            out.append(f"{block.id:>5} {where:<12} {'#' * (block.level + 1)} {block.text}")
        else:
            out.append(f"{block.id:>5} {where:<12} {block.text}")
    return "\n".join(out) + "\n"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="budgetlens")
def cli() -> None:
    """Find where Chinese budget reports contradict themselves."""


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file.")
def segment(file: Path, as_json: bool, output: Path | None) -> None:
    """Read FILE (.docx, .pdf, a page image, .txt, .md, .html) into located headings,
    paragraphs and tables."""
    from budgetlens.ingest import read_document

    document = read_document(file)
    text = document.model_dump_json(indent=1, exclude_none=True) if as_json else _outline(document)
    if output:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False)


# one option for every command that writes labels: the pages, the index, the rules' texts
lang_option = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="The language of the labels: pages, index, rule texts (messages stay in Chinese).",
)


def backend_options(command):
    """``--backend`` and ``--config``: how tables are read."""
    command = click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="LLM settings (TOML, [llm] table); default ./budgetlens.toml if present.",
    )(command)
    return click.option(
        "--backend",
        type=click.Choice(["rules", "llm", "hybrid"]),
        help="rules (offline); llm: every known table by the model; hybrid: the model only "
        "where the rules are not confident. Default: hybrid with a model configured, else rules.",
    )(command)


def model_backend(backend: str | None, config_path: Path | None):
    """The LLM backend the options ask for, or None for the rules alone."""
    from budgetlens.llm.config import load_config

    if config_path is not None and not config_path.is_file():
        raise InputError(f"{config_path}: no such configuration file")
    config = load_config(config_path)
    if backend == "rules" or (backend is None and config is None):
        return None
    if config is None:
        raise InputError(
            f"--backend {backend} needs a model: set BUDGETLENS_LLM_MODEL "
            "(and OPENAI_BASE_URL for a server other than OpenAI's) or [llm] model in "
            "budgetlens.toml"
        )
    from budgetlens.llm.backend import ModelBackend

    return ModelBackend(config, backend or "hybrid")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the JSON here.")
@backend_options
def extract(file: Path, output: Path | None, backend: str | None, config_path: Path | None) -> None:
    """Fill the typed schema of every table of FILE and print (or write) it as JSON."""
    from budgetlens.extract import extract_document
    from budgetlens.ingest import read_document

    model = model_backend(backend, config_path)
    extraction = extract_document(read_document(file), model)
    text = extraction.model_dump_json(indent=1)
    if output:
        write_atomically(output, text + "\n")
    else:
        click.echo(text)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the <name>.json results and <name>.html reviewer reports.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    help="Exit 1 when a finding at this severity or above is found (waived ones aside); a file "
    "on which no check ran counts as a warning.",
)
@click.option(
    "--show",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Lowest severity listed.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github", "junit"]),
    default="text",
    show_default=True,
    help="How findings are printed: file:line:col lines, JSON, SARIF 2.1.0, GitHub workflow "
    "annotations or JUnit XML.",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule id.")
@click.option(
    "--select",
    multiple=True,
    help="Rule ids or id prefixes to report (comma-separated, repeatable), e.g. STMT; "
    "overrides the configuration's select.",
)
@click.option(
    "--ignore",
    multiple=True,
    help="Rule ids or id prefixes not to report; overrides the configuration's ignore.",
)
@click.option(
    "--waivers",
    "waivers_path",
    type=click.Path(path_type=Path),
    help="A waiver file (JSON, README): findings it names are shown as waived and never fail.",
)
@lang_option
@backend_options
def check(
    files: tuple[Path, ...],
    out_dir: Path,
    fail_on: str | None,
    show: str,
    fmt: str,
    statistics: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    waivers_path: Path | None,
    lang: Lang,
    backend: str | None,
    config_path: Path | None,
) -> None:
    """Check FILES: write OUT/<name>.json and OUT/<name>.html, print the findings sorted by
    position. A file that cannot be read is reported and the others are checked; the exit
    status is then 2."""
    from budgetlens.checks.positions import Locator
    from budgetlens.pipeline import check_document
    from budgetlens.report import formats as out
    from budgetlens.report import output_names, write_results
    from budgetlens.selection import parse_option, selection_for
    from budgetlens.waivers import apply_waivers, load_waivers

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out {out_dir}: is a file, not a folder")
    if statistics and fmt != "text":
        raise InputError(f"--statistics prints text, not {fmt}: leave out --format")
    selected, ignored = parse_option(select, "--select"), parse_option(ignore, "--ignore")
    waivers = load_waivers(waivers_path) if waivers_path else {}
    model = model_backend(backend, config_path)
    names = output_names(files)
    checked: list[out.Checked] = []
    for file in files:
        try:
            selection = selection_for(file, selected, ignored)
            result = check_document(file, model)
        except InputError as exc:
            message = " ".join(str(exc).split())
            click.echo(f"budgetlens: error: {message}", err=True)
            checked.append(out.Checked(str(file), error=message))
            continue
        chosen = [f for f in result.findings if selection.chooses(f.rule_id)]
        result.findings = apply_waivers(chosen, waivers)
        data, _ = write_results(result, out_dir, names[file], lang)
        locator = Locator(result.document)
        item = out.Checked(
            str(file),
            locator.in_order(result.findings),
            word=locator.word,
            checks_run=data["coverage"]["total"].get("run", 0),
            not_checked=data["coverage"]["total"].get("not_checked", 0),
        )
        checked.append(item)
        if fmt == "text" and not statistics and (lines := out.to_text([item], show)):
            click.echo(lines)
        click.echo(out.file_summary(item), err=True)
        if item.none_ran:
            click.echo(f"{file}: warning: {out.NONE_RAN}", err=True)
    if statistics:
        click.echo(out.statistics(checked, show))
    elif fmt != "text":
        click.echo(out.RENDER[fmt](checked, show))
    click.echo(out.grand_total(checked), err=True)
    if any(c.error for c in checked):
        raise SystemExit(2)
    failing = ("error",) if fail_on == "error" else ("error", "warning")
    if fail_on and any(
        (c.none_ran and fail_on == "warning") or any(c.counts()[s] for s in failing)
        for c in checked
    ):
        raise SystemExit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    required=True,
    help="The results database: an SQLite file, or a postgresql://user@host/name URL.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Documents checked at once.  [default: the CPUs available (Ray: the cluster's)]",
)
@click.option(
    "--reports",
    type=click.Path(path_type=Path),
    help="Folder for the reports and index.html.  [default: <db name>-reports beside the db]",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Worker processes on this machine, or Ray tasks (pip install 'budgetlens[ray]').",
)
@click.option(
    "--address",
    help="The Ray cluster: auto (the one `ray start` runs here) or ray://host:10001.  "
    "[default: a local Ray]",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds a document may take; one that takes longer is recorded as failed.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    help="Exit 1 when the batch's documents have a finding at this severity or above.",
)
@lang_option
@click.option(
    "--log-format",
    type=click.Choice(["bar", "json"]),
    help="Progress as a bar, or one JSON line per document.  [default: bar on a terminal]",
)
def batch(
    paths: tuple[str, ...],
    db: str,
    workers: int | None,
    reports: Path | None,
    engine: str,
    address: str | None,
    timeout: float | None,
    fail_on: str | None,
    lang: Lang,
    log_format: str | None,
) -> None:
    """Check every report in PATHS (files, folders recursively, glob patterns) into DB.

    Each document is committed on its own as soon as it is checked; a document whose content
    is already in DB, checked by the same pipeline version, is skipped, so a rerun (after a
    crash or a kill) does only what is left, and retries the failures. A document that cannot
    be read is recorded as failed with its reason, and the run goes on: the exit status is 0
    whenever the run completes, even with failed documents (unless --fail-on). Writes
    REPORTS/<name>.json and .html (the reviewer's page) per document, and REPORTS/index.html
    linking them all.
    """
    from budgetlens.batch import Batch
    from budgetlens.batch.progress import Progress, summary_line

    if address and engine != "ray":
        raise InputError("--address is for --engine ray")
    with Batch(
        paths, db, workers, reports, engine=engine, address=address, timeout=timeout, lang=lang
    ) as job:
        click.echo(
            f"{len(job.todo)} to check, {job.summary.skipped} already in {job.store.url}; "
            f"engine: {engine}, workers: {job.workers or 'the cluster'}",
            err=True,
        )
        progress = Progress(len(job.todo))
        failures = []
        if (log_format or ("bar" if sys.stderr.isatty() else "json")) == "json":
            for outcome in job.run():
                progress.advance()
                click.echo(progress.line(outcome), err=True)
                failures += [outcome] if outcome.status == "failed" else []
        else:
            with click.progressbar(
                job.run(),
                length=len(job.todo),
                label="checking",
                show_pos=True,
                file=sys.stderr,
                item_show_func=lambda o: o and progress.status(),
            ) as outcomes:
                for outcome in outcomes:
                    progress.advance()
                    failures += [outcome] if outcome.status == "failed" else []
    for outcome in failures:
        click.echo(f"{outcome.source}: failed: {outcome.error}", err=True)
    click.echo(f"{summary_line(job.summary)}; index: {job.index}")
    found = job.summary.findings
    if fail_on and (found["error"] or (fail_on == "warning" and found["warning"])):
        raise SystemExit(1)


@cli.command(name="export")
@click.argument("db")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default="csv",
    show_default=True,
)
@click.option(
    "--what",
    type=click.Choice(
        ["documents", "files", "tables", "indicators", "claims", "findings", "evidence"]
    ),
    default="findings",
    show_default=True,
    help="Which rows: one per document, input file, table, indicator (or scored item), claim, "
    "finding, or piece of a finding's evidence.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write.  [default: <db name>-<what>.<format> beside an SQLite db]",
)
def export_rows(db: str, fmt: str, what: str, output: Path | None) -> None:
    """Write the rows of a batch's database DB (an SQLite file or a postgresql:// URL) as a
    tidy CSV (UTF-8 with BOM, for Excel), JSON Lines or Parquet file; item rows carry their
    document's id, source and sha256."""
    from budgetlens.batch import export
    from budgetlens.batch.store import beside

    output = output or beside(db, f"-{what}.{fmt}")
    count = export(db, what, fmt, output)  # type: ignore[arg-type]
    click.echo(f"{count} rows → {output}")


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the JSON Schemas into.",
)
def schemas(out_dir: Path) -> None:
    """Write the JSON Schema of every table type (and of extract's output) into a folder."""
    from budgetlens.tables.export import write_schemas

    for path in write_schemas(out_dir):
        click.echo(path)


@cli.command()
@click.argument("rule_id", required=False)
@lang_option
@click.option("--markdown", is_flag=True, help="Print docs/rules.md: every rule explained.")
def rules(rule_id: str | None, lang: str, markdown: bool) -> None:
    """List the rules a check reports (id, family, severity, summary); with RULE_ID, explain
    one: what it checks, why it matters, an example that fires and one that holds."""
    from budgetlens.checks import catalog

    if markdown:
        click.echo(catalog.reference(), nl=False)
    elif rule_id is None:
        declared = catalog.rules()
        width = max(len(r.id) for r in declared)
        for r in declared:
            doc = r.doc(lang)  # type: ignore[arg-type]
            click.echo(f"{r.id:<{width}}  {r.family:<12}  {r.severity:<7}  {doc.summary}")
    else:
        try:
            click.echo(catalog.explain(rule_id, lang), nl=False)  # type: ignore[arg-type]
        except KeyError:
            raise click.BadParameter(
                f"no rule {rule_id!r}; `budgetlens rules` lists them", param_hint="RULE_ID"
            ) from None


@cli.group(name="eval")
def evaluate() -> None:
    """Measure budgetlens against hand-checked gold."""


@evaluate.command(name="extraction")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(path_type=Path),
    help="Folder of gold files, searched with its subfolders (eval/gold/seeds/FORMAT.md): "
    "eval/gold/variants for the layout variants, eval/gold/realworld for real PDFs, eval/gold "
    "for all.  [default: the repository's eval/gold/seeds]",
)
@click.option("--docx", is_flag=True, help="Read each seed's .docx sample instead of its .txt.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["docx", "pdf"]),
    help="Also score each report in this format where a file of its name lies beside its "
    "source (the variants' .docx renderings). Repeatable.",
)
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="Read each seed from the file in this folder named after it (e.g. eval/corpus/scans, "
    "the scanned renderings); seeds without one are left out.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the JSON report here.")
@click.option(
    "--compare",
    "baseline",
    type=click.Path(path_type=Path),
    help="A previous JSON report of the same backend, model, prompts, sources and gold: "
    "print what changed (metrics that moved, items newly wrong or right).",
)
@click.option(
    "--max-drop",
    type=float,
    default=0.005,
    show_default=True,
    help="With --compare, exit 1 when any metric drops by more than this.",
)
@backend_options
def eval_extraction(
    gold_dir: Path | None,
    docx: bool,
    formats: tuple[str, ...],
    sources_dir: Path | None,
    output: Path | None,
    baseline: Path | None,
    max_drop: float,
    backend: str | None,
    config_path: Path | None,
) -> None:
    """Field-level precision, recall and F1 of extraction, per document, group (variant, real
    PDFs), source format, table kind and field. Exit 2 when there is nothing to measure: no
    gold, no document scored, a model that answered nothing, a baseline not comparable."""
    from budgetlens.evaluation.bundled import bundled
    from budgetlens.evaluation.extraction import (
        compare_reports,
        evaluate,
        format_report,
        provenance_changes,
    )
    from budgetlens.extract import extract_document
    from budgetlens.ingest import read_document

    gold_dir = gold_dir or bundled("gold/seeds", "--gold")
    before = _read_report(baseline) if baseline else None
    model = model_backend(backend, config_path)
    uses = []

    def run(path: Path) -> dict:
        extraction = extract_document(read_document(path), model)
        if extraction.llm is not None:
            uses.append(extraction.llm)
        return extraction.model_dump(mode="json")

    sources = None
    if docx:
        samples = bundled("corpus/samples", "--sources with the .docx folder")
        sources = {p.name[:3]: p for p in samples.glob("*.docx")}
    if sources_dir:
        # a seed's file is named by its seed and hash, like the seeds, with no further suffix
        sources = {p.name[:3]: p for p in sources_dir.iterdir() if p.stem.count(".") == 0}
    report = evaluate(
        gold_dir,
        run,
        sources,
        only_sources=sources_dir is not None,
        formats=[f".{f}" for f in formats],
    )
    data = report.to_json()
    data["backend"] = model.name if model else "rules"
    data["provenance"] |= {"backend": data["backend"], "model": None, "prompts": None}
    totals = None
    if model is not None:
        from budgetlens.llm.backend import add_totals

        totals = add_totals(uses)
        data["llm"] = totals.model_dump() if totals else None
        data["provenance"] |= {"model": model.config.model, "prompts": prompt_versions()}
        _gate_answers(model.name, totals)
    click.echo(format_report(report))
    if model is not None and totals:
        click.echo(
            f"{model.name} ({totals.model}): {totals.tables_sent} tables sent, "
            f"{totals.tables_kept_rules} kept the rules' reading, {totals.calls} calls, "
            f"{totals.prompt_tokens}+{totals.completion_tokens} tokens"
        )
    if output:
        write_atomically(output, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    if before is not None:
        if changes := provenance_changes(data, before):
            raise InputError(f"--compare {baseline}: not comparable: {'; '.join(changes)}")
        text, ok = compare_reports(data, before, max_drop)
        click.echo(text)
        if not ok:
            raise SystemExit(1)


def _read_report(path: Path) -> dict:
    """A JSON report of an earlier run, or an InputError saying why it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"--compare {path}: cannot read it: {exc}") from exc
    if not isinstance(data, dict) or "overall" not in data:
        raise InputError(f"--compare {path}: not a report of budgetlens eval extraction")
    return data


def _gate_answers(backend: str, totals: ModelTotals | None) -> None:
    """A model run that measured no model fails: nothing sent with --backend llm, or the model
    reached for none of the tables sent (endpoint down, key refused). Answers that were all
    unusable are a warning: the model answered, and its figures are the rules'."""
    sent = totals.tables_sent if totals else 0
    if sent == 0 and backend == "llm":
        raise InputError("--backend llm: no table was sent to the model; nothing measured")
    if totals and sent and totals.tables_not_reached == sent:
        raise InputError(
            f"the model was reached for none of the {sent} tables sent (each kept the rules' "
            "reading): is its endpoint up? Nothing of the model was measured"
        )
    if totals and sent and totals.tables_kept_rules == sent:
        click.echo(
            f"warning: none of the model's answers for the {sent} tables sent was usable: "
            "these are the rules' figures",
            err=True,
        )


def prompt_versions() -> dict[str, str]:
    """Every prompt's version, by its name: what a model's answers depend on."""
    from budgetlens.llm.prompts import load_prompt, prompts_dir

    names = sorted(p.stem for p in prompts_dir().glob("*.md") if p.name != "README.md")
    found = (load_prompt(name) for name in names)
    return {p.kind: p.version for p in found if p is not None}


@evaluate.command(name="init-gold")
@click.argument("report", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The gold file to write (never overwritten); its source is written relative to it.",
)
@click.option("--seed", help="The report's name in the scores.  [default: the file's stem]")
def eval_init_gold(report: Path, output: Path, seed: str | None) -> None:
    """Draft a gold file for REPORT from the current extraction, for a person to correct
    (eval/gold/seeds/FORMAT.md; statements: eval/gold/realworld/FORMAT.md)."""
    import os

    from budgetlens.evaluation.gold_skeleton import gold_skeleton
    from budgetlens.extract import extract_document
    from budgetlens.ingest import read_document

    if output.exists():
        raise InputError(f"{output}: exists; a gold file is corrected by hand, never overwritten")
    extraction = extract_document(read_document(report)).model_dump(mode="json")
    source = Path(os.path.relpath(report.resolve(), output.resolve().parent)).as_posix()
    gold = gold_skeleton(extraction, seed or report.stem, source)
    write_atomically(output, json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    click.echo(f"{len(gold['tables'])} tables → {output}: correct every value by hand")


@evaluate.command(name="detection")
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(path_type=Path),
    help="Folder of the seed text exports.  [default: the repository's eval/corpus/seeds]",
)
@click.option(
    "--known",
    type=click.Path(path_type=Path),
    help="The known contradictions.  [default: the repository's eval/known_contradictions.json]",
)
@click.option(
    "--labels",
    type=click.Path(path_type=Path),
    help="Findings labelled true or false by hand, for precision.  "
    "[default: the repository's eval/labelled_findings.json]",
)
@click.option(
    "--mutations",
    type=int,
    default=200,
    show_default=True,
    help="How many numbers to perturb in consistent passages.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (reproducible).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the JSON report here.")
def eval_detection(
    seeds_dir: Path | None,
    known: Path | None,
    labels: Path | None,
    mutations: int,
    seed: int,
    output: Path | None,
) -> None:
    """Known contradictions found (recall), hand-labelled findings that are true (precision),
    and perturbations that break a relation detected."""
    from budgetlens.evaluation.bundled import bundled
    from budgetlens.evaluation.detection import run_detection

    seeds_dir = seeds_dir or bundled("corpus/seeds", "--seeds")
    known = known or bundled("known_contradictions.json", "--known")
    labels = labels or bundled("labelled_findings.json", "--labels")
    for path in (known, labels):
        if not path.is_file():
            raise InputError(f"{path}: no such file")
    seeds = {p.name[:3]: p for p in sorted(seeds_dir.glob("*.txt"))}
    if not seeds:
        raise InputError(f"--seeds {seeds_dir}: no seed text export (*.txt) in it")
    text, data = run_detection(seeds, known, labels, mutations, seed)
    click.echo(text)
    if output:
        write_atomically(output, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


@evaluate.command(name="known")
@click.argument("report", type=click.Path(path_type=Path))
@click.argument("labels", type=click.Path(path_type=Path))
def eval_known(report: Path, labels: Path) -> None:
    """Contradictions labelled by hand in one REPORT (LABELS in known_contradictions.json's
    shape, lines of the text export) that check reports: an error or warning within ±2 lines
    of each, and, stricter, one pointing at the label's own line. For reports the rules were
    not tuned on."""
    from budgetlens.evaluation.detection import evaluate_known, format_known
    from budgetlens.pipeline import check_document

    if not labels.is_file():
        raise InputError(f"{labels}: no such file")
    try:
        names = {entry["seed"] for entry in json.loads(labels.read_text(encoding="utf-8"))}
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(f"{labels}: not a list of labelled contradictions ({exc})") from exc
    findings = check_document(report).findings
    click.echo(format_known(evaluate_known(dict.fromkeys(names, findings), labels)))


@evaluate.command(name="mutants")
@click.argument("documents", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--mutations",
    type=int,
    default=200,
    show_default=True,
    help="How many numbers to perturb in consistent passages, spread over the documents.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (reproducible).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the JSON report here.")
def eval_mutants(
    documents: tuple[Path, ...], mutations: int, seed: int, output: Path | None
) -> None:
    """Perturbations that break a relation, detected on any readable DOCUMENTS (PDFs
    included): each is read once and mutated in its document model, then checked from there,
    and the errors of each unmutated document are listed."""
    from budgetlens.evaluation.detection import evaluate_mutations, format_mutations

    for path in documents:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
    report = evaluate_mutations(_short_names(documents), mutations, seed, mode="model")
    click.echo(format_mutations(report))
    if output:
        write_atomically(output, json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n")


def _short_names(paths: tuple[Path, ...]) -> dict[str, Path]:
    """Each file by the start of its name up to "_" (J07_江苏省… → J07), else by its name, else
    by its path: the shortest of these that tells the files apart."""
    files = list(dict.fromkeys(paths))
    for name in (lambda p: p.stem.split("_")[0], lambda p: p.name, str):
        names = [name(p) for p in files]
        if len(set(names)) == len(files):
            break
    return dict(zip(names, files, strict=True))


def main(args: list[str] | None = None) -> None:
    """Entry point: bad input is one line on stderr and exit status 2, never a traceback."""
    collect_less()
    try:
        cli.main(args, standalone_mode=False)
    except (InputError, SetupError, OSError) as exc:
        # OSError: a folder that cannot be written, a disk full: the user's to fix
        click.echo(f"budgetlens: error: {' '.join(str(exc).split())}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
