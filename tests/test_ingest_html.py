from budgetlens.document import Heading, Paragraph
from budgetlens.ingest import read_document

PAGE = """<html><head><title>x</title><style>p {color: red}</style></head><body>
<h2>一、部门概况</h2>
<p>2023 年度收入 3081.49 万元。<script>alert("x")</script>其中财政拨款 2871.49 万元。</p>
<table>
 <tr><td rowspan="2">年度绩效指标</td><td colspan="2">一级指标</td></tr>
 <tr><td>产出指标</td><td>数量指标</td></tr>
 <tr><td>合计</td><td>90</td><td><table><tr><td>nested</td></tr></table></td></tr>
</table>
<div>尾注<br/>第二行</div>
</body></html>"""


def test_html_blocks_and_spanned_table(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_document(path)
    heading, paragraph, table, tail = document.blocks
    assert isinstance(heading, Heading) and heading.level == 2
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text == "2023年度收入3081.49万元。其中财政拨款2871.49万元。"  # no script
    assert (table.n_rows, table.n_cols) == (3, 3)
    spans = {(c.row, c.col): (c.row_span, c.col_span, c.text) for c in table.cells}
    assert spans[(0, 0)] == (2, 1, "年度绩效指标")
    assert spans[(0, 1)] == (1, 2, "一级指标")
    assert spans[(1, 1)] == (1, 1, "产出指标")
    assert spans[(2, 2)][2] == "nested"
    assert table.cell_at(1, 0).text == "年度绩效指标"
    assert tail.text == "尾注第二行"
