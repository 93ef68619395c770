"""Arithmetic checks on drafted gold (exact decimals from printed strings)."""
from decimal import Decimal as D
import re

def val(s):
    if s is None: return D(0)
    s = s.replace(',', '')
    if s in ('-', '—', '/', '－', ''): return D(0)
    return D(s)

def dec(s):
    if s is None or '.' not in s: return 0
    return len(s.split('.')[1])

def tol(strings):
    # XBRL-style: each printed number +-half unit in its last place
    t = D(0)
    for s in strings:
        if s is None: continue
        t += D(1).scaleb(-dec(s.replace(',', ''))) / 2
    return t

RES = []
def report(ID, title, what, total_s, parts_s, note=''):
    tot = val(total_s); s = sum((val(p) for p in parts_s), D(0))
    diff = tot - s
    if diff == 0: status = 'OK'
    elif abs(diff) <= tol([total_s] + list(parts_s)): status = 'ROUND'
    else: status = 'FAIL'
    RES.append((ID, title, what, status, total_s, str(s), str(diff)))
    return status

def code_tree(ID, t, idx=None):
    """类 = sum of its 款, 款 = sum of its 项 (codes by length/prefix); for each amount column."""
    rows = [r for r in t['rows'] if r.get('code')]
    n = len(t['rows'][0]['amounts']) if t['rows'] else 0
    out = []
    codes = [r['code'] for r in rows]
    for r in rows:
        c = r['code']
        kids = [q for q in rows if q['code'] != c and q['code'].startswith(c) and
                not any(m['code'] != c and m['code'] != q['code'] and q['code'].startswith(m['code']) and m['code'].startswith(c) for m in rows)]
        if not kids: continue
        for j in range(n):
            if idx is not None and j not in idx: continue
            st = report(ID, t['title'], f'tree {c} col{j} = sum({",".join(k["code"] for k in kids)})', r['amounts'][j], [k['amounts'][j] for k in kids])
    return

def top_codes(ID, t, total_label='合计', j_all=True, level=3):
    tot = [r for r in t['rows'] if r['label'] and re.sub(r'\s','',r['label']) in (total_label,)]
    if not tot: return
    tops = [r for r in t['rows'] if r.get('code') and len(r['code']) == level]
    n = len(tot[0]['amounts'])
    for j in range(n):
        report(ID, t['title'], f'{total_label} col{j} = sum(top-level codes)', tot[0]['amounts'][j], [r['amounts'][j] for r in tops])

def row_sums(ID, t, total_idx, part_idx, side=None, rows=None):
    for r in t['rows']:
        if side is not None and r.get('side') != side: continue
        if rows is not None and r['label'] not in rows: continue
        a = r['amounts']
        if all(x is None for x in a): continue
        report(ID, t['title'], f"row '{r['label']}' {r.get('code') or ''} col{total_idx} = sum cols {part_idx}", a[total_idx], [a[k] for k in part_idx])

def find(t, label, side=None, nth=0):
    hits = [r for r in t['rows'] if r['label'] == label and (side is None or r.get('side') == side)]
    if len(hits) <= nth: raise KeyError(f'{t["title"]}: no row {label!r} side {side}')
    return hits[nth]

def lsum(ID, t, total, parts, j=0, side=None, pside=None):
    """total: label; parts: labels; amounts at position j"""
    tr = find(t, total, side)
    prs = [find(t, p, pside if pside is not None else side) for p in parts]
    return report(ID, t['title'], f"{total}[{j}] = sum({', '.join(parts)})", tr['amounts'][j], [p['amounts'][j] for p in prs])

def leq(ID, t, a, b, ja=0, jb=0, sa=None, sb=None):
    ra = find(t, a, sa); rb = find(t, b, sb)
    return report(ID, t['title'], f"{a}[{ja}] = {b}[{jb}]", ra['amounts'][ja], [rb['amounts'][jb]])

def procurement(ID, t, lvl_cols=(0, (1, 2), 3), total_first=True):
    """texts: [品目大类, 专项名称, 经济科目, 物品名称, 组织形式]; level 0 rows = cat (一、货物A) / 合计,
    level 1 = 专项/经济科目 rows, level 2 = 物品 rows."""
    rows = t['rows']
    def lvl(r):
        tx = r['texts']
        if tx[0]: return 0
        if tx[3]: return 2
        return 1
    L = [lvl(r) for r in rows]
    # 合计 = sum of categories
    cats = [r for r, l in zip(rows, L) if l == 0 and r['texts'][0] not in ('合计', '合 计')]
    tot = [r for r in rows if r['texts'][0] in ('合计', '合 计')]
    if tot:
        report(ID, t['title'], '采购 合计 = sum(品目大类)', tot[0]['amounts'][-1], [r['amounts'][-1] for r in cats])
    for i, (r, l) in enumerate(zip(rows, L)):
        if l == 2 or r in tot: continue
        kids = []
        for q, lq in zip(rows[i+1:], L[i+1:]):
            if lq <= l: break
            if lq == l + 1: kids.append(q)
        if kids:
            report(ID, t['title'], f"采购 {r['label']} = sum(children {len(kids)})", r['amounts'][-1], [q['amounts'][-1] for q in kids])
