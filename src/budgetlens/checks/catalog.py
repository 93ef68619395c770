"""The rule catalog: every rule a check reports, declared once beside its code.

A rule is declared where the check that reports it is written, as a module constant::

    EXECUTION = Rule(
        "RATE.budget_execution", version=1, severity="error",
        zh=Doc("…", what="…", why="…"),
        en=Doc("…", what="…", why="…"),
    )

Declaring it registers it here, so the catalog is whatever the check modules declare: nothing
is listed twice. A rule's family follows from its id's prefix, in ``FAMILIES``. Each rule has an
example that fires and one that holds, report excerpts in the text-export format under
``examples/<RULE_ID>/`` (run as tests, shown by ``budgetlens rules ID``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Literal

Severity = Literal["error", "warning", "info"]
Lang = Literal["zh", "en"]

# The one table of codes: an id's prefix → the family the ledger counts it under.
FAMILIES: dict[str, str] = {
    "FOOT": "footing",
    "SHARE": "shares",
    "CHANGE": "changes",
    "RATE": "rates",
    "SCORE": "scores",
    "RESTATE": "restatements",
    "STMT": "statements",
    "COUNT": "counts",
    "WORD": "words",
    "YEAR": "identity",
    "PLACEHOLDER": "identity",
    "COMPLETE": "identity",
}

_ID = re.compile(r"^(?P<prefix>[A-Z]+)\.[a-z][a-z0-9_]*$")
_EXAMPLES = files("budgetlens.checks") / "examples"


@dataclass(frozen=True)
class Doc:
    """A rule's documentation in one language: a one-line summary, then what the rule checks
    and why a reviewer cares when it fails."""

    summary: str
    what: str
    why: str


@dataclass(frozen=True)
class Rule:
    """What a check reports under one id; constructing it registers it in the catalog."""

    id: str
    version: int  # raised when a change may make the rule report differently
    severity: Severity  # the most severe finding it reports
    zh: Doc
    en: Doc

    def __post_init__(self) -> None:
        found = _ID.match(self.id)
        if found is None or found["prefix"] not in FAMILIES:
            raise ValueError(f"rule id {self.id!r} is not PREFIX.name with a prefix of FAMILIES")
        if self.id in _REGISTRY:
            raise ValueError(f"rule {self.id} is declared twice")
        _REGISTRY[self.id] = self

    @property
    def family(self) -> str:
        return family_of(self.id)

    def doc(self, lang: Lang) -> Doc:
        return self.zh if lang == "zh" else self.en

    def example(self, kind: Literal["fires", "holds", "reports"]) -> str:
        """The report excerpt on which the rule reports a finding ("fires") or none ("holds"),
        or what it reports on the first, a line per finding ("reports")."""
        return (_EXAMPLES / self.id / f"{kind}.txt").read_text(encoding="utf-8")


_REGISTRY: dict[str, Rule] = {}


def family_of(rule_id: str) -> str:
    """The family of an id, declared or not (a finding stored by an older version)."""
    return FAMILIES[rule_id.split(".", 1)[0]]


def rules() -> list[Rule]:
    """Every declared rule, by family in the order of ``FAMILIES``, then by id."""
    order = list(FAMILIES.values())
    return sorted(_REGISTRY.values(), key=lambda r: (order.index(r.family), r.id))


def rule(rule_id: str) -> Rule:
    """The rule of that id; KeyError names the id when there is none."""
    return _REGISTRY[rule_id]


def describe(rule_id: str, lang: Lang = "zh") -> str:
    """What a rule checks, in a sentence or two, for the page; empty for an id no rule
    declares (a finding stored by an older version)."""
    return _REGISTRY[rule_id].doc(lang).what if rule_id in _REGISTRY else ""


def anchor(rule_id: str) -> str:
    """Where the rule is explained, for links from SARIF and the page: its anchor in
    docs/rules.md (the id itself, so a link survives a change of wording)."""
    return f"docs/rules.md#{rule_id}"


_WORDING = {
    "zh": {
        "head": "{summary}（{family}，最高严重程度 {severity}，版本 {version}）",
        "what": "**检查什么**：{what}",
        "why": "**为什么重要**：{why}",
        "fires": "触发的例子：",
        "reports": "报告：",
        "holds": "通过的例子：",
    },
    "en": {
        "head": "{summary} ({family}, at most {severity}, version {version})",
        "what": "**What it checks**: {what}",
        "why": "**Why it matters**: {why}",
        "fires": "Fires:",
        "reports": "Reports:",
        "holds": "Holds:",
    },
}


def _described(r: Rule, lang: Lang) -> list[str]:
    words, doc = _WORDING[lang], r.doc(lang)
    fields = {"family": r.family, "severity": r.severity, "version": r.version}
    return [
        words["head"].format(summary=doc.summary, **fields),
        "",
        words["what"].format(what=doc.what),
        "",
        words["why"].format(why=doc.why),
        "",
    ]


def _examples(r: Rule, lang: Lang) -> list[str]:
    lines = []
    for kind in ("fires", "reports", "holds"):
        text = r.example(kind).rstrip("\n")  # type: ignore[arg-type]
        lines += [_WORDING[lang][kind], "", "```text", text, "```", ""]
    return lines


def explain(rule_id: str, lang: Lang = "zh") -> str:
    """A rule's help text in markdown, for ``budgetlens rules ID``, SARIF and the page: what
    it checks, why it matters, an excerpt on which it fires and one on which it holds."""
    r = rule(rule_id)
    return "\n".join([f"## {r.id}", "", *_described(r, lang), *_examples(r, lang)])


def reference() -> str:
    """docs/rules.md: the table of every rule, then each explained in Chinese and English."""
    lines = [
        "# Rules / 规则",
        "",
        "Generated from the rule declarations by `budgetlens rules --markdown`; do not edit.",
        "",
        "| id | family | severity | 摘要 | summary |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{r.id}](#{r.id}) | {r.family} | {r.severity} | {r.zh.summary} | {r.en.summary} |"
        for r in rules()
    ]
    lines.append("")
    for r in rules():
        lines += [f'<a id="{r.id}"></a>', "", f"## {r.id}", ""]
        lines += [*_described(r, "zh"), *_described(r, "en"), *_examples(r, "en")]
    return "\n".join(lines)
