"""``budgetlens check``'s printed output, in the forms reviewers and CI read: linter-style text,
JSON, SARIF 2.1.0 (code-scanning tools), GitHub workflow commands (annotations) and JUnit XML.

Every format lists the same findings in the same order (by position in each file) and says
which were waived, which files could not be read and on which no check ran.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from urllib.parse import quote

from budgetlens.checks import catalog
from budgetlens.checks.findings import Finding
from budgetlens.checks.positions import Position

SEVERITIES = ("error", "warning", "info")
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
NONE_RAN = "no check ran: nothing in this file could be checked"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass
class Checked:
    """One input of a check run: its findings in position order, or why it was not read."""

    source: str
    findings: list[tuple[Finding, Position]] = field(default_factory=list)
    word: bool = False  # a .docx: placed by paragraph and table cell
    checks_run: int = 0
    not_checked: int = 0
    error: str | None = None  # why the file could not be read

    @property
    def none_ran(self) -> bool:
        """Read, but not one check ran: a pass here would measure nothing."""
        return self.error is None and self.checks_run == 0

    def counts(self) -> Counter[str]:
        """Findings by severity, waived ones counted apart."""
        return Counter("waived" if f.waived else f.severity for f, _ in self.findings)

    def shown(self, minimum: str) -> list[tuple[Finding, Position]]:
        keep = SEVERITIES[: SEVERITIES.index(minimum) + 1]
        return [(f, p) for f, p in self.findings if f.severity in keep]

    def label(self, position: Position) -> str:
        return position.label(self.word)


def _many(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def file_summary(checked: Checked) -> str:
    counts = checked.counts()
    waived = f", {counts['waived']} waived" if counts["waived"] else ""
    return (
        f"{checked.source}: {_many(counts['error'], 'error')}, "
        f"{_many(counts['warning'], 'warning')}, {_many(counts['info'], 'note')}{waived}; "
        f"{_many(checked.checks_run, 'check')} run, {checked.not_checked} not checked"
    )


def grand_total(files: list[Checked]) -> str:
    """One line across every file of the run."""
    counts: Counter[str] = sum((c.counts() for c in files), Counter())
    unread = sum(c.error is not None for c in files)
    none_ran = sum(c.none_ran for c in files)
    line = (
        f"total: {_many(len(files), 'file')}, {_many(counts['error'], 'error')}, "
        f"{_many(counts['warning'], 'warning')}, {_many(counts['info'], 'note')}, "
        f"{counts['waived']} waived; {_many(sum(c.checks_run for c in files), 'check')} run, "
        f"{sum(c.not_checked for c in files)} not checked"
    )
    if unread:
        line += f"; {_many(unread, 'file')} not read"
    if none_ran:
        line += f"; {_many(none_ran, 'file')} on which no check ran"
    return line


def statistics(files: list[Checked], minimum: str) -> str:
    """Findings per rule id, most frequent first (waived ones apart), as ruff prints them."""
    counts: Counter[tuple[str, str]] = Counter()
    waived: Counter[str] = Counter()
    for checked in files:
        for finding, _ in checked.shown(minimum):
            if finding.waived:
                waived[finding.rule_id] += 1
            else:
                counts[finding.rule_id, finding.severity] += 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lines = [f"{n:>5}  {rule:<44}{severity}" for (rule, severity), n in rows]
    lines += [f"{n:>5}  {rule:<44}waived" for rule, n in sorted(waived.items())]
    return "\n".join(lines)


# text ------------------------------------------------------------------------------------


def to_text(files: list[Checked], minimum: str) -> str:
    """``file:LOCATION: RULE severity message``, one line per finding."""
    lines = []
    for checked in files:
        for finding, position in checked.shown(minimum):
            waived = f" (waived: {finding.waived})" if finding.waived else ""
            lines.append(
                f"{checked.source}:{checked.label(position)}: {finding.rule_id} "
                f"{finding.severity} {finding.message}{waived}"
            )
    return "\n".join(lines)


# JSON ------------------------------------------------------------------------------------


def to_json(files: list[Checked], minimum: str) -> str:
    data = {
        "version": 1,
        "files": [
            {
                "source": c.source,
                "error": c.error,
                "checks_run": c.checks_run,
                "not_checked": c.not_checked,
                "no_check_ran": c.none_ran,
                "summary": {k: c.counts()[k] for k in (*SEVERITIES, "waived")},
                "findings": [
                    f.model_dump(mode="json") | {"position": p.to_json(), "location": c.label(p)}
                    for f, p in c.shown(minimum)
                ],
            }
            for c in files
        ],
        "total": grand_total(files),
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


# SARIF -----------------------------------------------------------------------------------


def _uri(source: str) -> str:
    return quote(source.replace("\\", "/"), safe="/:")


def _sarif_location(checked: Checked, position: Position) -> dict:
    physical: dict = {"artifactLocation": {"uri": _uri(checked.source)}}
    if position.line is not None:
        region = {"startLine": position.line}
        if position.column:
            region["startColumn"] = position.column
        physical["region"] = region
    return {
        "physicalLocation": physical,
        "logicalLocations": [{"name": checked.label(position), "kind": "element"}],
    }


def _notification(checked: Checked) -> dict | None:
    if checked.error is None and not checked.none_ran:
        return None
    return {
        "level": "error" if checked.error else "warning",
        "message": {"text": checked.error or NONE_RAN},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(checked.source)}}}],
    }


def _sarif_rule(rule_id: str) -> dict:
    """A rule's reportingDescriptor, from the catalog: what a SARIF viewer shows beside a
    result (in English, as viewers' other tools are), and where docs/rules.md explains it."""
    rule = catalog.rule(rule_id)
    return {
        "id": rule_id,
        "shortDescription": {"text": rule.en.summary},
        "fullDescription": {"text": rule.en.what},
        "help": {"text": rule.en.why, "markdown": catalog.explain(rule_id, "en")},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {
            "family": rule.family,
            "version": rule.version,
            "docs": catalog.anchor(rule_id),
        },
    }


def to_sarif(files: list[Checked], minimum: str) -> str:
    shown = [(c, f, p) for c in files for f, p in c.shown(minimum)]
    rule_ids = sorted({f.rule_id for _, f, _ in shown})
    results = []
    for checked, finding, position in shown:
        result: dict = {
            "ruleId": finding.rule_id,
            "ruleIndex": rule_ids.index(finding.rule_id),
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [_sarif_location(checked, position)],
            "partialFingerprints": {"budgetlens/v1": finding.fingerprint},
            "properties": {"position": position.to_json(), "family": finding.family},
        }
        if finding.waived:
            result["suppressions"] = [{"kind": "external", "justification": finding.waived}]
        results.append(result)
    notifications = [n for c in files if (n := _notification(c))]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "budgetlens",
                        "version": version("budgetlens"),
                        "rules": [_sarif_rule(rule_id) for rule_id in rule_ids],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": all(c.error is None for c in files),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=1)


# GitHub workflow commands ----------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, **properties: object) -> str:
    given = ",".join(
        f"{name}={_escape_property(str(value))}"
        for name, value in properties.items()
        if value is not None
    )
    return f"::{level} {given}::{_escape_data(message)}"


def to_github(files: list[Checked], minimum: str) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` annotations; a finding without a line
    (.docx, PDF) names its place at the head of the message."""
    lines = []
    for checked in files:
        if note := _notification(checked):
            lines.append(
                _command(
                    note["level"], note["message"]["text"], file=checked.source, title="budgetlens"
                )
            )
        for finding, position in checked.shown(minimum):
            level = "notice" if finding.waived else _GITHUB_LEVEL[finding.severity]
            message = finding.message
            if position.line is None:
                message = f"[{checked.label(position)}] {message}"
            if finding.waived:
                message += f" (waived: {finding.waived})"
            lines.append(
                _command(
                    level,
                    message,
                    file=checked.source,
                    line=position.line,
                    col=position.column,
                    title=finding.rule_id,
                )
            )
    return "\n".join(lines)


# JUnit XML -------------------------------------------------------------------------------


def to_junit(files: list[Checked], minimum: str) -> str:
    """A test suite per file and a test case per finding: errors and warnings fail, notes
    pass, waived findings are skipped; an unreadable file is an error, and a file on which no
    check ran fails."""
    suites = ET.Element("testsuites", name="budgetlens")
    totals: Counter[str] = Counter()
    for checked in files:
        suite = ET.SubElement(suites, "testsuite", name=checked.source)
        counts: Counter[str] = Counter()
        if note := _notification(checked):
            case = ET.SubElement(suite, "testcase", name="budgetlens", classname=checked.source)
            kind = "error" if checked.error else "failure"
            ET.SubElement(case, kind, message=note["message"]["text"], type=note["level"])
            counts["tests"] += 1
            counts["errors" if checked.error else "failures"] += 1
        for finding, position in checked.shown(minimum):
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{finding.rule_id} {checked.label(position)}",
                classname=checked.source,
            )
            counts["tests"] += 1
            if finding.waived:
                ET.SubElement(case, "skipped", message=f"waived: {finding.waived}")
                counts["skipped"] += 1
            elif finding.severity != "info":
                failure = ET.SubElement(
                    case, "failure", message=finding.message, type=finding.severity
                )
                failure.text = finding.message
                counts["failures"] += 1
        if not counts["tests"]:
            ET.SubElement(suite, "testcase", name="budgetlens", classname=checked.source)
            counts["tests"] += 1
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(counts[key]))
        totals.update(counts)
    for key in ("tests", "failures", "errors"):
        suites.set(key, str(totals[key]))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


RENDER: dict[str, Callable[[list[Checked], str], str]] = {
    "text": to_text,
    "json": to_json,
    "sarif": to_sarif,
    "github": to_github,
    "junit": to_junit,
}
