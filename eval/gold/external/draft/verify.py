"""Independent-ish verification: char multisets of region words vs gold; leftover page lines outside regions."""
import sys, json, importlib.util, re, os
from collections import Counter
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft
ID = sys.argv[1]
spec = importlib.util.spec_from_file_location('spec', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'specs', f'{ID}.py'))
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
gold = json.load(open(draft.gold_path(ID)))
regions = {}
for st, t in zip(m.STMTS, gold['tables']):
    wc = Counter()
    for part in st.parts:
        pg, y0, y1 = part[:3]
        regions.setdefault(pg, []).append((y0, y1))
        for w in draft.words(ID, pg, st.xtol):
            if any(epg == pg and ex0 <= (w['x0']+w['x1'])/2 <= ex1 and ey0 <= (w['top']+w['bottom'])/2 <= ey1 for (epg, ex0, ey0, ex1, ey1) in getattr(st, 'exclude', [])):
                continue
            if y0 <= (w['top']+w['bottom'])/2 <= y1:
                wc.update(re.sub(r'\s', '', w['text']))
    gc = Counter()
    for r in t['rows']:
        if r.get('texts'):
            for x in r['texts']:
                if x: gc.update(x)
        elif r['label']: gc.update(r['label'])
        if r.get('group') and not getattr(st, 'group_once', False): pass
        if r['code']: gc.update(r['code'])
        for a in r['amounts']:
            if a: gc.update(a)
    # group cells printed once: add distinct groups
    groups = []
    for r in t['rows']:
        if r.get('group') and (not groups or groups[-1] != r['group']): groups.append(r['group'])
    for g in groups: gc.update(g)
    missing = wc - gc; extra = gc - wc
    status = 'OK' if not missing and not extra else 'DIFF'
    print(f"p{t['page']} {t['title']}: {status}" + (f" page-not-gold={''.join(sorted(missing.elements()))!r} gold-not-page={''.join(sorted(extra.elements()))!r}" if status != 'OK' else ''))
if '-l' in sys.argv:
    for pg in sorted(regions):
        ws = draft.words(ID, pg)
        left = [w for w in ws if not any(y0 <= (w['top']+w['bottom'])/2 <= y1 for y0, y1 in regions[pg])]
        lines = []
        for w in sorted(left, key=lambda w: (w['top']+w['bottom'])/2):
            yc = (w['top']+w['bottom'])/2
            if lines and abs(lines[-1][0]-yc) < 3: lines[-1][1].append(w)
            else: lines.append([yc, [w]])
        print(f'--- p{pg} leftover:')
        for yc, l in lines:
            print(f'   {yc:6.1f} ' + ' '.join(w['text'] for w in sorted(l, key=lambda w: w['x0']))[:150])
