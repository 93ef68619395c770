"""Check the 财政拨款支出主要内容 items of the Shanghai (H/T) documents against the 一般公共预算支出功能分类 table."""
import sys, json, re, os
from decimal import Decimal as D
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft
ID = sys.argv[1]; pages = [int(x) for x in sys.argv[2].split(',')]
g = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', f'{ID}.json')))
fe = [t for t in g['tables'] if t['form'] == 'fiscal_expenditure'][0]
unit = fe['unit']
rows = [r for r in fe['rows'] if r['code']]
byc = {r['code']: r for r in rows}
def parent(code):
    return byc.get(code[:3]), byc.get(code[:5])
text = ''
for pg in pages:
    p = draft.page(ID, pg); t = p.crop(p.bbox).extract_text() or ''
    text += f'\n@@P{pg}@@\n' + t
flat = re.sub(r'\s+', '', text)
def val(s): return D(s.replace(',', ''))
def dec(s): return len(s.split('.')[1]) if '.' in s else 0
def half(s): return D(1).scaleb(-dec(s)) / 2
def to_wan(a):
    v = val(a)
    return v / 10000 if unit == '元' else v
def find_code(names, codes=None):
    if codes:
        c = ''.join(codes)
        return byc.get(c)
    lei, kuan, xiang = names
    cands = [r for r in rows if len(r['code']) == 7 and r['label'] == xiang]
    out = []
    for r in cands:
        a, b = parent(r['code'])
        if a and b and a['label'] == lei and b['label'] == kuan: out.append(r)
    return out[0] if len(out) == 1 else None
# items
pat = re.compile(r'(\d+)[\.、．]“?(?P<subj>[^”万]{4,80}?)”?(?:科目)?(?P<amt>[\d,]+(?:\.\d+)?)万元?(?P<rest>.*?)(?=\d+[\.、．]“|\d+、[^\d]{2}|@@P|$)')
for m in re.finditer(r'(?:^|(?<=[。：:@]))(\d{1,2})[\.、．]“?([^”]{4,90}?)”?(?:科目)?([\d,]+(?:\.\d+)?)万', flat):
    num, subj, amt = m.group(1), m.group(2), m.group(3)
    rest = flat[m.end(): m.end() + 160]
    rest = re.split(r'\d{1,2}[\.、．]“|\d{1,2}、[^\d\s]', rest)[0]
    names = None; codes = None
    mm = re.match(r"(.+?)（(?:\d+)?类[）)](.+?)（(?:\d+)?款[）)](.+?)（(?:\d+)?项[）)]", subj)
    if mm:
        names = (mm.group(1), mm.group(2), mm.group(3))
        cm = re.findall(r'（(\d+)(?:类|款|项)', subj)
        if len(cm) == 3: codes = cm
    else:
        parts = subj.split('-')
        if len(parts) == 3: names = tuple(parts)
    row = find_code(names, codes) if names else None
    if names is None:
        print(f'  [{num}] {subj} {amt}: not an item path'); continue
    if row is None:
        print(f'  [{num}] {subj} {amt}: NO TABLE ROW'); continue
    tv = to_wan(row['amounts'][0])
    ok = abs(val(amt) - tv) <= half(amt)
    msg = f'  [{num}] {row["code"]} {row["label"]}: prose {amt} table {row["amounts"][0]} ({tv}) {"OK" if ok else "MISMATCH"}'
    ch = re.search(r'当年预算执行数为([\d,.]+)万元，\d{4}年预算安排([\d,.]+)万元，比\d{4}年预算执行数(增加|减少|持平)([\d.]+)?%?', rest)
    if ch:
        y, z, word, p = ch.groups()
        if z != amt: msg += f' | SECOND FIGURE {z} != {amt}'
        Y, Z = val(y), val(z)
        if word == '持平':
            msg += f' | 持平: {y}->{z} ' + ('OK' if Y == Z else 'MISMATCH')
        else:
            if Y == 0:
                msg += f' | base 0: stated {word}{p}% UNDEFINED'
            else:
                lo = (Z - half(z) - (Y + half(y))) / (Y + half(y)) * 100
                hi = (Z + half(z) - (Y - half(y))) / (Y - half(y)) * 100
                lo, hi = sorted([lo, hi, (Z + half(z) - (Y + half(y))) / (Y + half(y)) * 100, (Z - half(z) - (Y - half(y))) / (Y - half(y)) * 100])[::3]
                P = val(p) * (1 if word == '增加' else -1)
                ok2 = lo - half(p) <= P <= hi + half(p)
                exact = (Z - Y) / Y * 100
                msg += f' | {y}->{z} stated {word}{p}% recomputed {exact:.4f}% ' + ('OK' if ok2 else 'MISMATCH')
                # with amt instead of z
                if z != amt:
                    e2 = (val(amt) - Y) / Y * 100
                    msg += f' (with {amt}: {e2:.4f}%)'
    print(msg)
