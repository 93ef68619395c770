"""Positional cross-check: rebuild every statement from pdfplumber's extract_tables() (its own cell
segmentation, no column cuts of ours) and compare with the gold row by row, cell by cell."""
import sys, os, re, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft
ID = 'SH2024'
g = json.load(open(draft.gold_path(ID)))
def norm(s): return re.sub(r'\s+', '', s or '') or None
def cells(pages):
    out = []
    for pg in pages:
        for tb in draft.page(ID, pg).extract_tables():
            out += [[norm(c) for c in r] for r in tb]
    return out
# layout of one extract_tables row per statement: list of sides, each (code cell indexes, label index, amount indexes)
LAY = {
  6:  ([6, 7], [([], 0, [1]), ([], 2, [3])]),
  8:  ([8, 9], [([0, 1, 2], 3, [4, 5, 6, 7, 8, 9, 10])]),
  10: ([10, 11], [([0, 1, 2], 3, [4, 5, 6, 7, 8, 9])]),
  12: ([12, 13], [([], 0, [1]), ([], 2, [3, 4, 5, 6])]),
  15: ([15], [([0, 1, 2], 3, [4, 5, 6])]),
  16: ([16, 17], [([0, 1], 2, [3]), ([4, 5], 6, [7])]),
  18: ([18], [([], None, list(range(12)))]),
  19: ([19], [([0, 1, 2], 3, [4, 5, 6, 7, 8, 9])]),
  20: ([20], [([0, 1, 2], 3, [4, 5, 6, 7, 8, 9])]),
}
NUM = re.compile(r'^[\d,]+\.\d+$')
bad = 0; n = 0
for t in g['tables']:
    pages, sides = LAY[t['page']]
    rows = []
    for r in cells(pages):
        for si, (cc, li, ai) in enumerate(sides):
            code = ''.join(r[i] or '' for i in cc)
            lab = r[li] if li is not None else None
            if code and not code.isdigit():
                # 类/款/项 header cells beside the 合计 label (p8, p10), or a total label spanning the code cells
                if code not in ('类款项', '类款') and not lab: lab = code
                code = ''
            amts = [r[i] if r[i] else None for i in ai]
            if li is None:
                if not any(a and NUM.match(a) for a in amts): continue
            elif not lab and not code: continue
            if any(a and not NUM.match(a) for a in amts): continue     # header rows (决算数, 小计 …)
            if lab in ('项目', '科目名称', '类', '支出功能分类', '经济分类', '科目编码', '支出功能分类科目编码', '收入', '支出') and not any(amts): continue
            row = {'label': lab, 'code': code or None, 'amounts': amts}
            if len(sides) > 1: row['side'] = si
            rows.append(row)
    # order: gold orders by printed line, left side first -> same as extract_tables row order
    gr = t['rows']
    n += len(gr)
    if len(rows) != len(gr):
        print(f"p{t['page']} {t['title']}: {len(rows)} extract_tables rows vs {len(gr)} gold rows"); bad += 1
    for a, b in zip(rows, gr):
        if a != b:
            bad += 1; print(f"p{t['page']} DIFF\n  xt  {a}\n  gold {b}")
print('gold rows', n, 'differences', bad)
