"""The batch's index page: every document of the database, linked to its report, with its
counts; failures with their reason. One self-contained file; every text escaped."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, select

from budgetlens.atomic import write_atomically
from budgetlens.batch.schema import documents

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { color: #a00; }
.error { color: #b00020; font-weight: 600; } .warning { color: #b36b00; }
"""


def write_index(engine: Engine, path: Path) -> None:
    d = documents.c
    query = select(
        d.source, d.status, d.error, d.errors, d.warnings, d.notes, d.checks_run, d.report
    )
    with engine.connect() as connection:
        rows = connection.execute(query.order_by(d.source)).all()
    done = sum(1 for r in rows if r[1] == "done")
    totals = [sum(r[i] or 0 for r in rows) for i in (3, 4, 5)]
    body = [
        f"<p>{done} documents checked, {len(rows) - done} failed; findings: "
        f'<span class="error">{totals[0]} errors</span>, '
        f'<span class="warning">{totals[1]} warnings</span>, {totals[2]} notes.</p>',
        "<table><thead><tr><th>document</th><th>errors</th><th>warnings</th><th>notes</th>"
        "<th>checks</th><th>status</th></tr></thead><tbody>",
    ]
    for source, status, error, errors, warnings, notes, checks, report in rows:
        name = escape(source)
        if report:
            href = quote(Path(os.path.relpath(report, path.parent)).as_posix())
            name = f'<a href="{escape(href)}">{name}</a>'
        counts = "".join(
            f'<td class="n">{"" if n is None else n}</td>'
            for n in (errors, warnings, notes, checks)
        )
        what = "done" if status == "done" else f"failed: {escape(error or '')}"
        body.append(f'<tr class="{status}"><td>{name}</td>{counts}<td>{what}</td></tr>')
    body.append("</tbody></table>")
    write_atomically(
        path,
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>budgetlens: {len(rows)} documents</title><style>{_STYLE}</style></head>"
        f"<body><h1>budgetlens: {len(rows)} documents</h1>\n"
        + "\n".join(body)
        + "\n</body></html>\n",
    )
