"""Character-level normalisation shared by every reader: widths, comparators, residue.

Functions that must keep offsets valid (``to_halfwidth``) map one character to one character;
the others return new text and are applied only where no offset is kept.
"""

from __future__ import annotations

import re

_FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_ASCII[0x3000] = 0x20  # ideographic space


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms and U+3000 to their ASCII forms, one character for one."""
    return text.translate(_FULLWIDTH_ASCII)


# Comparators as printed in 指标性质 columns and prose: symbols, full-width forms, LaTeX, HTML.
_COMPARATORS = [
    (re.compile(r"^(?:≥|≧|>=|\$\s*\\geq?\s*\$|\\geq?|&gt;=|大于等于|不低于|不少于)$"), ">="),
    (re.compile(r"^(?:≤|≦|<=|\$\s*\\leq?\s*\$|\\leq?|&lt;=|小于等于|不高于|不超过)$"), "<="),
    (re.compile(r"^(?:=|＝|==|等于)$"), "="),
    (re.compile(r"^(?:>|＞|&gt;|大于)$"), ">"),
    (re.compile(r"^(?:<|＜|&lt;|小于)$"), "<"),
    (re.compile(r"^(?:定性|定性指标)$"), "qualitative"),
]


def parse_comparator(text: str) -> str | None:
    """One of ``>= <= = > < qualitative`` for a printed comparator, or None."""
    compact = re.sub(r"\s+", "", text)
    for pattern, name in _COMPARATORS:
        if pattern.match(compact):
            return name
    return None


_HTML_ENTITIES = {"&gt;": ">", "&lt;": "<", "&amp;": "&", "&nbsp;": " ", "&quot;": '"'}
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"

# (pattern, replacement) in priority order; a replacement may use the pattern's groups.
# Checkboxes: OCR writes them as HTML inputs, Word exports as Wingdings glyphs ("£" is an empty
# box); a checked box becomes ☑ and an empty one ☐. Whitespace is folded to one space and
# dropped next to Chinese characters, where a line break or OCR gap is layout, not content.
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\[(?:bookmark|image):[^\]]*\]"), ""),
    (re.compile(r"<input\b[^>]*\bchecked\b[^>]*>\s*", re.I), "☑"),
    (re.compile(r"<input\b[^>]*>\s*", re.I), "☐"),
    (re.compile(r"[£□]\s*"), "☐"),
    (re.compile(r"</?(?:p|br|span|div|b|i|strong|em|sup|sub|u|font)\b[^>]*/?>", re.I), ""),
    (re.compile("|".join(map(re.escape, _HTML_ENTITIES))), "<entity>"),
    (re.compile(r"\$\s*\\geq?\s*(?P<rest>[^$]{0,20}?)\s*\$"), "≥\\g<rest>"),
    (re.compile(r"\$\s*\\leq?\s*(?P<rest>[^$]{0,20}?)\s*\$"), "≤\\g<rest>"),
    (re.compile(r"\$\s*\\times\s*\$"), "×"),
    (re.compile(r"\$\s*(?P<body>[^$\\]{1,40}?)\s*\$"), "\\g<body>"),
    (re.compile(r"\\geq?\b"), "≥"),
    (re.compile(r"\\leq?\b"), "≤"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\*\*"), ""),  # markdown bold from OCR
    (re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])"), ""),
    (re.compile(r"\s+"), " "),
]


def _alternative(index: int, pattern: re.Pattern[str]) -> str:
    # Inside the combined pattern, rule-local group names would clash: make them plain groups.
    body = re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)
    if pattern.flags & re.I:
        body = f"(?i:{body})"
    return f"(?P<r{index}>{body})"


_ANY_RULE = re.compile("|".join(_alternative(i, p) for i, (p, _) in enumerate(_RULES)))


_TRIGGERS = re.compile(r"[\s\[<£□&$\\*]")  # a character some rule starts with


def _expand(match: re.Match[str]) -> list[tuple[str, int]]:
    """The replacement for ``match`` as (text, source offset) runs: a group kept from the
    source is anchored where it stands, so offsets inside it still map back exactly."""
    index = int(match.lastgroup[1:])  # type: ignore[index]
    pattern, repl = _RULES[index]
    if repl == "<entity>":
        return [(_HTML_ENTITIES[match.group()], match.start())]
    prefix, _, group = repl.partition("\\g<")
    runs = [(prefix, match.start())] if prefix else []
    inner = pattern.match(match.group()) if group else None
    if inner:
        name = group.rstrip(">")
        runs.append((inner.group(name), match.start() + inner.start(name)))
    return runs


def normalize_mapped(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Residue removed and whitespace folded, with anchors back into ``text``.

    Each anchor ``(new_offset, old_offset)`` starts a run copied verbatim from ``text`` or a
    replacement standing for the source text at ``old_offset``.
    """
    if not _TRIGGERS.search(text):
        return text, [(0, 0)]
    out: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    pos = 0
    for match in _ANY_RULE.finditer(text):
        if match.start() > pos:
            anchors.append((length, pos))
            out.append(text[pos : match.start()])
            length += match.start() - pos
        for replacement, origin in _expand(match):
            if replacement:
                anchors.append((length, origin))
                out.append(replacement)
                length += len(replacement)
        pos = match.end()
    if pos < len(text):
        anchors.append((length, pos))
        out.append(text[pos:])
    result = "".join(out)
    stripped = result.lstrip()
    shift = len(result) - len(stripped)
    anchors = [(max(new - shift, 0), old) for new, old in anchors if new >= shift or new == 0]
    return stripped.rstrip(), anchors


def normalize(text: str) -> str:
    """Residue removed and whitespace folded: the text every cell and paragraph is stored as."""
    return normalize_mapped(text)[0]
