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
from budgetlens.report.labels import Lang

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { color: #a00; }
.error { color: #b00020; font-weight: 600; } .warning { color: #b36b00; }
"""


# the index's words, in the language of its pages (report/labels.py holds the pages')
_WORDS: dict[Lang, dict[str, str]] = {
    "zh": {
        "html_lang": "zh-CN",
        "title": "budgetlens：{n} 份文档",
        "counts": "已检查 {done} 份，失败 {failed} 份；发现：",
        "errors": "{n} 个错误",
        "warnings": "{n} 个警告",
        "notes": "{n} 个提示",
        "done": "完成",
        "failed": "失败：{error}",
    },
    "en": {
        "html_lang": "en",
        "title": "budgetlens: {n} documents",
        "counts": "{done} documents checked, {failed} failed; findings: ",
        "errors": "{n} errors",
        "warnings": "{n} warnings",
        "notes": "{n} notes",
        "done": "done",
        "failed": "failed: {error}",
    },
}
_HEADER: dict[Lang, tuple[str, ...]] = {
    "zh": ("文档", "错误", "警告", "提示", "检查项", "状态"),
    "en": ("document", "errors", "warnings", "notes", "checks", "status"),
}


def write_index(engine: Engine, path: Path, lang: Lang = "zh") -> None:
    d = documents.c
    query = select(
        d.source, d.status, d.error, d.errors, d.warnings, d.notes, d.checks_run, d.report
    )
    with engine.connect() as connection:
        rows = connection.execute(query.order_by(d.source)).all()
    done = sum(1 for r in rows if r[1] == "done")
    totals = [sum(r[i] or 0 for r in rows) for i in (3, 4, 5)]
    words = _WORDS[lang]
    header = "".join(f"<th>{h}</th>" for h in _HEADER[lang])
    body = [
        f"<p>{words['counts'].format(done=done, failed=len(rows) - done)}"
        f'<span class="error">{words["errors"].format(n=totals[0])}</span>, '
        f'<span class="warning">{words["warnings"].format(n=totals[1])}</span>, '
        f"{words['notes'].format(n=totals[2])}.</p>",
        f"<table><thead><tr>{header}</tr></thead><tbody>",
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
        what = (
            words["done"] if status == "done" else words["failed"].format(error=escape(error or ""))
        )
        body.append(f'<tr class="{status}"><td>{name}</td>{counts}<td>{what}</td></tr>')
    body.append("</tbody></table>")
    title = escape(words["title"].format(n=len(rows)))
    write_atomically(
        path,
        f'<!DOCTYPE html>\n<html lang="{words["html_lang"]}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{title}</h1>\n" + "\n".join(body) + "\n</body></html>\n",
    )
