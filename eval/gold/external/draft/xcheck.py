# cross-check gold rows against pdfplumber extract_tables rows (independent segmentation)
import sys, json, re, glob, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft
def norm(s): return re.sub(r'\s+', '', s or '')
tot = bad = 0
for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '*.json'))):
    if f.endswith('contradictions.json'): continue
    g = json.load(open(f)); ID = g['seed']
    pages = {}
    for t in g['tables']:
        for r in t['rows']:
            if not r['code'] and not r['label']: continue
            tot += 1
            # candidate pages: table page .. +4
            found = False
            for pg in range(t['page'], t['page'] + 6):
                if pg > len(draft.page(ID, 1).pdf.pages): break
                if pg not in pages:
                    p = draft.page(ID, pg)
                    pages[pg] = [[norm(c) for c in row if c] for tb in p.crop(p.bbox).extract_tables() for row in tb]
                for row in pages[pg]:
                    joined = ''.join(row)
                    if r['code'] and r['code'] not in joined.replace(' ', ''):
                        continue
                    lab = norm(r['label'])
                    if lab and lab not in joined: continue
                    ams = [a for a in r['amounts'] if a]
                    if all(a in row for a in ams):
                        found = True; break
                if found: break
            if not found:
                bad += 1
                print(ID, t['page'], t['title'][:20], json.dumps(r, ensure_ascii=False)[:150])
print('rows', tot, 'not matched to a single extract_tables row', bad)
