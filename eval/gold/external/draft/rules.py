"""print visible vertical rule x positions and horizontal rule y positions of a page (for column cuts)."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft
from collections import Counter
ID = 'SH2024'
for pg in [int(x) for x in sys.argv[1:]]:
    p = draft.page(ID, pg)
    vs = Counter(); hs = Counter()
    for e in p.edges:
        if not draft.visible(e): continue
        if e['orientation'] == 'v': vs[round(e['x0'], 1)] += 1
        else: hs[round(e['top'], 1)] += 1
    print('p', pg, p.width, p.height)
    print('  v:', sorted(vs.items()))
    print('  h:', sorted(hs.items()))
    ws = draft.words(ID, pg)
    lines = []
    for w in sorted(ws, key=lambda w: (w['top']+w['bottom'])/2):
        yc = (w['top']+w['bottom'])/2
        if lines and abs(lines[-1][0]-yc) < 3: lines[-1][1].append(w)
        else: lines.append([yc, [w]])
    for yc, l in lines:
        print(f'   {yc:6.1f} ' + '  '.join(f"{w['text']}@{w['x0']:.0f}-{w['x1']:.0f}" for w in sorted(l, key=lambda w: w['x0'])))
