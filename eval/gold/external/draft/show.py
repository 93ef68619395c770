import json, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft
ID = sys.argv[1]; forms = sys.argv[2].split(',') if len(sys.argv) > 2 else None
g = json.load(open(draft.gold_path(ID)))
for t in g['tables']:
    if forms and t['form'] not in forms: continue
    print(f"== p{t['page']} [{t['form']}] {t['title']} ({t['unit']}) cols={t.get('columns')}")
    for r in t['rows']:
        extra = ''
        if 'side' in r: extra += f" s{r['side']}"
        if r.get('group'): extra += f" g={r['group']}"
        if r.get('texts'): extra += ' t=' + '|'.join(x or '' for x in r['texts'])
        print(f"   {r['code'] or '':8} {r['label']}  {r['amounts']}{extra}")
