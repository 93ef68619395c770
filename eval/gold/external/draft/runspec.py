import sys, json, importlib.util, os, glob
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft, check
ID = sys.argv[1]

spec = importlib.util.spec_from_file_location('spec', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'specs', f'{ID}.py'))
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
src = '../../corpus/external/' + os.path.basename(draft.pdf_path(ID))
gold = draft.run(ID, m.STMTS, src)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', draft.GOLD[ID])
# compact: one row per line
def dump(g):
    lines = ['{', f'  "seed": {json.dumps(g["seed"])},', f'  "source": {json.dumps(g["source"], ensure_ascii=False)},', '  "tables": [']
    for ti, t in enumerate(g['tables']):
        lines.append('    {')
        keys = [k for k in t if k != 'rows']
        for k in keys:
            lines.append(f'      {json.dumps(k)}: {json.dumps(t[k], ensure_ascii=False)},')
        if t['rows']:
            lines.append('      "rows": [')
            for ri, r in enumerate(t['rows']):
                lines.append('        ' + json.dumps(r, ensure_ascii=False) + (',' if ri < len(t['rows'])-1 else ''))
            lines.append('      ]')
        else:
            lines.append('      "rows": []')
        lines.append('    }' + (',' if ti < len(g['tables'])-1 else ''))
    lines += ['  ]', '}']
    return '\n'.join(lines) + '\n'
open(out, 'w').write(dump(gold))
json.loads(open(out).read())
if hasattr(m, 'checks'):
    m.checks(ID, gold['tables'])
for r in check.RES:
    if r[3] != 'OK' or '-v' in sys.argv:
        print(*r, sep=' | ')
from collections import Counter
print(ID, 'checks:', Counter(r[3] for r in check.RES), '| tables', len(gold['tables']), '| rows', [len(t['rows']) for t in gold['tables']])
