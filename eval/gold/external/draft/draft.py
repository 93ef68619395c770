"""Independent gold drafter: pdfplumber words + ruling lines, column cuts given by hand per statement."""
import pdfplumber, glob, os, re, json, sys
from functools import lru_cache

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'corpus', 'external'))
PDFS = {'SH2024': 'shanghai-putuo-finance-2024-final-accounts.pdf'}
NUM = re.compile(r'^-?[\d,]*\.?\d+%?$')

def pdf_path(ID):
    return os.path.join(ROOT, PDFS[ID])

_pdfs = {}
def page(ID, pg):
    if ID not in _pdfs:
        _pdfs[ID] = pdfplumber.open(pdf_path(ID))
    return _pdfs[ID].pages[pg-1]

@lru_cache(None)
def words(ID, pg, xtol=1.5):
    p = page(ID, pg)
    W, H = float(p.width), float(p.height)
    ws = p.extract_words(x_tolerance=xtol, y_tolerance=2, keep_blank_chars=False)
    return [w for w in ws if w['x0'] >= -0.5 and w['x1'] <= W+0.5 and w['top'] >= -0.5 and w['bottom'] <= H+0.5]

def is_white(c):
    if c is None: return False
    if isinstance(c, (int, float)): return c >= 0.95
    c = tuple(c)
    if len(c) == 1: return c[0] >= 0.95
    if len(c) == 3: return all(v >= 0.95 for v in c)
    if len(c) == 4: return all(v <= 0.05 for v in c)
    return False

def visible(e):
    """an edge that draws a visible line: stroked in a non-white colour, or the side of a thin
    filled non-white rectangle (a rule); the sides of white cell backgrounds are not lines."""
    if e.get('stroke') and not is_white(e.get('stroking_color')):
        return True
    if e.get('object_type') == 'rect' or e.get('fill'):
        if e.get('fill') and not is_white(e.get('non_stroking_color')):
            w = abs(e.get('x1', 0) - e.get('x0', 0)); h = abs(e.get('bottom', 0) - e.get('top', 0))
            return True
        return False
    return not is_white(e.get('stroking_color'))

@lru_cache(None)
def hedges(ID, pg):
    p = page(ID, pg)
    return [(e['top'], e['x0'], e['x1']) for e in p.edges if e['orientation'] == 'h' and visible(e)]

def hbounds(ID, pg, x, y0, y1):
    ys = sorted(t for (t, a, b) in hedges(ID, pg) if a - 0.5 <= x <= b + 0.5 and y0 - 0.5 <= t <= y1 + 0.5)
    out = [y0]
    for y in ys:
        if y - out[-1] > 1.5: out.append(y)
    if y1 - out[-1] > 1.5: out.append(y1)
    else: out[-1] = y1
    return out

def join_text(ws):
    """join words of one cell: lines top to bottom, words left to right; whitespace dropped
    except between two ASCII alphanumerics."""
    lines = []
    for w in sorted(ws, key=lambda w: (w['top'] + w['bottom'])/2):
        yc = (w['top'] + w['bottom'])/2
        if lines and abs(lines[-1][0] - yc) < 3: lines[-1][1].append(w)
        else: lines.append([yc, [w]])
    s = ''
    for _, lw in lines:
        for w in sorted(lw, key=lambda w: w['x0']):
            t = re.sub(r'\s+', '', w['text'])
            if not t: continue
            if s and s[-1].isascii() and s[-1].isalnum() and t[0].isascii() and t[0].isalnum() and lw.index(w) > 0:
                s += ' '
            s += t
    return s

def parse_cols(spec):
    """'57 C 91 C 125 C 160 L 364 A 456 A | L 500 A 600' -> list of (side index, [(role, x0, x1)]).
    '|' starts the next side; '|2' starts a side with explicit index 2."""
    toks = spec.split()
    sides = [[0, []]]
    x = None; role = None
    for t in toks:
        if t.startswith('|'):
            idx = int(t[1:]) if len(t) > 1 else sides[-1][0] + 1
            sides.append([idx, []]); continue
        try:
            v = float(t)
            if role is not None:
                sides[-1][1].append((role, x, v)); role = None
            x = v
        except ValueError:
            role = t
    return [tuple(s) for s in sides]

def clean_amount(s):
    return s if s else None

class Stmt:
    def __init__(self, page, title, form, unit, parts, cols, columns=None, mode='rules',
                 unlabeled=False, cont=None, fix=None, note=None, text_columns=None, xtol=1.5, band_x=None, checks=None, **kw):
        for k, v in kw.items(): setattr(self, k, v)
        self.page, self.title, self.form, self.unit = page, title, form, unit
        self.parts = parts            # list of (page, y0, y1) or (page, y0, y1, cols)
        self.cols = cols
        self.columns = columns
        self.mode = mode
        self.unlabeled = unlabeled
        self.cont = cont or {}        # {part_index: [side indices whose first row continues the previous part's last row]}
        self.fix = fix
        self.text_columns = text_columns
        self.xtol = xtol
        self.checks = checks or []
        self.band_x = band_x         # {side: x} to take row bands from instead of label column centre

def build(ID, st):
    allrows = []   # list of (part, side, band_top, row)
    last_by_side = {}
    for pi, part in enumerate(st.parts):
        pg, y0, y1 = part[:3]
        cols = part[3] if len(part) > 3 else st.cols
        sides = parse_cols(cols)
        ws = [w for w in words(ID, pg, st.xtol) if y0 <= (w['top']+w['bottom'])/2 <= y1]
        for (epg, ex0, ey0, ex1, ey1) in getattr(st, 'exclude', []):
            if epg == pg:
                ws = [w for w in ws if not (ex0 <= (w['x0']+w['x1'])/2 <= ex1 and ey0 <= (w['top']+w['bottom'])/2 <= ey1)]
        part_rows = []
        multi = len(sides) > 1 or sides[0][0] != 0 or getattr(st, 'multiside', False)
        for si, side in sides:
            lab = [c for c in side if c[0] in 'L']
            gcol = [c for c in side if c[0] == 'G']
            if st.mode == 'rules' and not lab:
                bounds = [y0, y1]
            elif st.mode == 'rules':
                if st.band_x and si in st.band_x: bx = st.band_x[si]
                else: bx = (lab[-1][1] + lab[-1][2]) / 2
                bounds = hbounds(ID, pg, bx, y0, y1)
            else:
                # each text line is a band
                ys = sorted((w['top']+w['bottom'])/2 for w in ws if side[0][1] <= (w['x0']+w['x1'])/2 < side[-1][2])
                bounds = [y0]
                prev = None
                for y in ys:
                    if prev is not None and y - prev > 4:
                        bounds.append((y + prev)/2)
                    prev = y
                bounds.append(y1)
            gb = None
            if gcol:
                gx = (gcol[0][1] + gcol[0][2]) / 2
                gb = hbounds(ID, pg, gx, y0, y1)
            mtext = {}   # (col index, band index) -> text for merged (M) columns
            bands = list(zip(bounds, bounds[1:]))
            for ci, (role, x0, x1) in enumerate(side):
                if role not in ('M', 'S'): continue
                mb = hbounds(ID, pg, (x0 + x1) / 2, y0, y1)
                for m0, m1 in zip(mb, mb[1:]):
                    mw = [w for w in ws if m0 <= (w['top']+w['bottom'])/2 < m1 and x0 <= (w['x0']+w['x1'])/2 < x1]
                    if not mw: continue
                    inside = [bi for bi, (b0, b1) in enumerate(bands) if b0 >= m0 - 1.5 and b0 < m1]
                    if not inside:
                        raise ValueError(f'{ID} p{pg}: merged cell at {m0:.0f}-{m1:.0f} has no row band')
                    for bi in (inside if role == 'S' else inside[:1]):
                        mtext[(ci, bi)] = join_text(mw)
            for bi, (b0, b1) in enumerate(bands):
                bw = [w for w in ws if b0 <= (w['top']+w['bottom'])/2 < b1]
                cells = []
                for ci, (role, x0, x1) in enumerate(side):
                    if role in ('M', 'S'):
                        cells.append(('L', mtext.get((ci, bi), '')))
                        continue
                    cw = [w for w in bw if x0 <= (w['x0']+w['x1'])/2 < x1]
                    cells.append((role, join_text(cw)))
                ccells = [c for r, c in cells if r == 'C']
                extra = ''.join(c for c in ccells if c and not c.isdigit())
                code = ''.join(c for c in ccells if c.isdigit()) or None
                labs = [c for r, c in cells if r == 'L']
                if extra:
                    if not labs: labs = [extra]
                    else: labs[0] = extra + labs[0]
                label = next((c for c in labs if c), None)
                amts = [clean_amount(c) for r, c in cells if r == 'A']
                group = None
                if gcol:
                    gtext = None
                    bc = (b0 + b1) / 2
                    for g0, g1 in zip(gb, gb[1:]):
                        if g0 <= bc < g1:
                            gw = [w for w in ws if g0 <= (w['top']+w['bottom'])/2 < g1 and gcol[0][1] <= (w['x0']+w['x1'])/2 < gcol[0][2]]
                            gtext = join_text(gw) or None
                            single = abs(g0 - b0) < 2 and abs(g1 - b1) < 2
                    if gtext:
                        if label is None and single: label = gtext
                        else: group = gtext
                if label is None and code is None and not any(amts):
                    continue
                if label is None and code is None and not st.unlabeled:
                    raise ValueError(f'{ID} p{pg} {st.title}: amounts without label at y={b0:.0f}-{b1:.0f}: {amts}')
                for a in amts:
                    if a and not (NUM.match(a) or a in ('-', '—', '/', '－')):
                        print(f'WARN {ID} p{pg} {st.title!r}: odd amount {a!r} (label {label})', file=sys.stderr)
                row = {'label': label, 'code': code, 'amounts': amts}
                if len(labs) > 1: row['texts'] = [c or None for c in labs]
                if multi: row['side'] = si
                if gcol: row['group'] = group
                part_rows.append((b0, si, row))
        part_rows.sort(key=lambda t: (t[0], t[1]))
        cont_sides = set(st.cont.get(pi, []))
        done = set()
        for b0, si, row in part_rows:
            if si in cont_sides and si not in done:
                done.add(si)
                prev = last_by_side[si]
                if 'texts' in prev:
                    prev['texts'] = [((a or '') + (b or '')) or None for a, b in zip(prev['texts'], row['texts'])]
                    prev['label'] = next((x for x in prev['texts'] if x), None)
                else:
                    prev['label'] = (prev['label'] or '') + (row['label'] or '')
                prev['amounts'] = [a or b for a, b in zip(prev['amounts'], row['amounts'])]
                if row['code']: prev['code'] = (prev['code'] or '') + row['code']
                continue
            allrows.append(row)
            last_by_side[si] = row
    if any(r.get('group') is not None for r in allrows) or any('group' in r for r in allrows):
        last = None
        for r in allrows:
            if r.get('group'): last = r['group']
            elif 'group' in r and last is not None: r['group'] = last
    if st.fix: allrows = st.fix(allrows)
    out = {'page': st.page, 'kind': 'statement', 'form': st.form, 'title': st.title, 'unit': st.unit}
    if st.columns is not None: out['columns'] = st.columns
    if st.text_columns is not None: out['text_columns'] = st.text_columns
    out['rows'] = allrows
    return out

def run(ID, stmts, source):
    tables = [build(ID, s) for s in stmts]
    return {'seed': ID, 'source': source, 'tables': tables}

GOLD = {'SH2024': 'shanghai-putuo-2024.json'}
def gold_path(ID):
    return os.path.join(HERE, '..', GOLD[ID])
