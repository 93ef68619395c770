import pytest

from budgetlens.textnorm import normalize, normalize_mapped


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<p>拨款年初预算较上年</p>", "拨款年初预算较上年"),
        ("支持外贸企业数量 $\\geq 5$ 户", "支持外贸企业数量≥5户"),
        ("&gt;=90", ">=90"),
        ('<input checked="" type="checkbox"/> 因素法\t£项目法', "☑因素法☐项目法"),
        ('<input type="checkbox"/> 项目法', "☐项目法"),
        ("□据实据效", "☐据实据效"),
        ("[bookmark: _Hlk110546638]（二）存在问题。", "（二）存在问题。"),
        ("[image: 图片 1]说明", "说明"),
        ("**3. 公务接待费支出 9.00 万元**", "3.公务接待费支出9.00万元"),
        ("度量\n\n单位", "度量单位"),
        ("5\u3000", "5"),
        ("ISO 9001 认证", "ISO 9001认证"),  # a space between Latin words stays
    ],
)
def test_residue_and_layout_whitespace_removed(raw, clean):
    assert normalize(raw) == clean


def test_anchors_point_back_at_the_source():
    raw = "2023 年度本年收入合计 3081.49 万元，<p>占</p>93.19%"
    text, anchors = normalize_mapped(raw)
    assert text == "2023年度本年收入合计3081.49万元，占93.19%"
    # every run starting at an anchor is copied from the source at the anchored offset
    bounds = [*(new for new, _ in anchors[1:]), len(text)]
    for (new, old), end in zip(anchors, bounds, strict=True):
        run = text[new:end]
        assert raw[old : old + len(run)] == run
