"""Recompute every figure the 决算说明 (pp. 21-24) restates from the statements, with the interval rule
of eval/corpus/DOMAIN.md §5 (a printed number with d decimals stands for ±½ unit in its last place).
Reads the gold (not budgetlens) and the prose text from pdfplumber."""
import sys, os, re, json
from decimal import Decimal as D
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draft
ID = 'SH2024'
g = json.load(open(draft.gold_path(ID)))
T = {t['form']: t for t in g['tables']}
prose = ''.join((draft.page(ID, pg).extract_text(y_tolerance=6) or '') for pg in (21, 22, 23, 24))
flat = re.sub(r'\s+', '', prose)
def v(s): return D(str(s).replace(',', ''))
def h(s): s = str(s); return D(1).scaleb(-(len(s.split('.')[1]) if '.' in s else 0)) / 2
def amt(form, label=None, code=None, j=0, side=None, nth=0):
    rs = [r for r in T[form]['rows'] if (label is None or r['label'] == label) and (code is None or r['code'] == code)
          and (side is None or r.get('side') == side)]
    return rs[nth]['amounts'][j]
res = []
def out(what, ok, detail):
    res.append((what, ok)); print(('OK   ' if ok else 'FAIL ') + what + ' | ' + detail)
def same(what, stated, printed):
    ok = abs(v(stated) - v(printed)) <= h(stated) + h(printed) and (v(stated) == v(printed) or h(stated) != h(printed))
    out(what, ok, f'prose {stated} table {printed}')
def share(what, p, a, b):
    lo = (v(a) - h(a)) / (v(b) + h(b)) * 100; hi = (v(a) + h(a)) / (v(b) - h(b)) * 100
    ok = v(p) + h(p) >= lo and v(p) - h(p) <= hi
    out(what, ok, f'stated {p}% recomputed {v(a) / v(b) * 100:.4f}% [{lo:.4f}, {hi:.4f}]')
def change(what, cur, delta, pct, sign):
    prior = v(cur) - sign * v(delta)
    r = v(delta) / prior * 100
    lo = (v(delta) - h(delta)) / (prior + h(cur) + h(delta)) * 100; hi = (v(delta) + h(delta)) / (prior - h(cur) - h(delta)) * 100
    ok = v(pct) + h(pct) >= lo and v(pct) - h(pct) <= hi
    out(what, ok, f'prior {prior}; stated {pct}% recomputed {r:.4f}%')
def need(s):
    assert s in flat, s
    return s
# 一、收入支出决算总体情况
need('收入支出总计2995.39万元'); same('收入支出总计', '2995.39', amt('summary', '总计', side=0))
need('减少56.95万元，下降1.87%'); change('收入支出总计 比2023 减少56.95 下降1.87%', '2995.39', '56.95', '1.87', -1)
# 二、收入
need('本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%')
same('本年收入合计', '2946.25', amt('summary', '本年收入合计')); same('财政拨款收入', '2940.05', amt('income', '合计', j=1))
same('其他收入', '6.2', amt('income', '合计', j=6))
share('财政拨款收入 占', '99.79', '2940.05', '2946.25'); share('其他收入 占', '0.21', '6.2', '2946.25')
# 三、支出
need('本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%')
same('本年支出合计', '2940.05', amt('expenditure', '合计')); same('基本支出', '2336.91', amt('expenditure', '合计', j=1))
same('项目支出', '603.14', amt('expenditure', '合计', j=2))
share('基本支出 占', '79.49', '2336.91', '2940.05'); share('项目支出 占', '20.51', '603.14', '2940.05')
# 四、财政拨款收入支出总计
need('财政拨款收入支出总计0.3万元'); same('财政拨款收入支出总计', '0.3', amt('fiscal_summary', '总计', side=0))
need('财政拨款收入支出总计持平')
cur = v(amt('fiscal_summary', '总计', side=0)); prior_min = v('2940.05') + v('63.14')
out('财政拨款收入支出总计 与2023持平', cur == prior_min, f'2024 总计 {cur}; 2023 一般公共预算财政拨款支出 alone = 2940.05 + 63.14 = {prior_min} (2023 总计 ≥ that)')
# 五、一般公共预算财政拨款支出
need('一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%')
same('一般公共预算财政拨款支出', '2940.05', amt('fiscal_expenditure', '合计')); share('占本年支出合计', '100.00', '2940.05', amt('expenditure', '合计'))
need('一般公共预算财政拨款支出减少63.14万元，下降2.10%'); change('一般公共预算 比2023 减少63.14 下降2.10%', '2940.05', '63.14', '2.10', -1)
for nm, code, a, p in (('一般公共服务支出', '201', '2106.66', '71.73'), ('社会保障和就业支出', '208', '326.72', '11.11'),
                       ('卫生健康支出', '210', '60.99', '2.07'), ('住房保障支出', '221', '445.69', '15.16')):
    need(f'{nm}（类）{a}万元，占{p}%')
    same(f'{nm}（类）', a, amt('fiscal_expenditure', code=code)); share(f'{nm}（类） 占', p, a, '2940.05')
need('年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%'); share('完成年初预算', '98.20', '2940.05', '2993.92')
items = re.findall(r'(\d+)、([^（]+)（类）([^（]+)（款）([^（]+)（项）。.*?年初预算为([\d.]+)万元，支出决算为([\d.]+)万元。(决算数小于预算数|决算数与预算数基本持平|决算数大于预算数)', flat)
assert len(items) == 11, len(items)
codes = {r['label']: r['code'] for r in T['fiscal_expenditure']['rows'] if r['code'] and len(r['code']) == 7}
sb = D(0)
for n, lei, kuan, xiang, bud, act, word in items:
    c = codes[xiang]; same(f'item {n} {xiang} ({c}) 决算', act, amt('fiscal_expenditure', code=c))
    rel = '小于' if v(act) < v(bud) else ('基本持平' if v(act) == v(bud) else '大于')
    out(f'item {n} {xiang} wording', rel in word, f'预算 {bud} 决算 {act}: {word}')
    sb += v(bud)
out('Σ item 年初预算 = 2993.92', abs(sb - v('2993.92')) <= 12 * D('0.005'), f'Σ = {sb} (11 items, rounding)')
# 六、基本支出
need('基本支出2336.91万元。其中：人员经费2152.26万元'); need('公用经费184.65万元')
same('基本支出', '2336.91', amt('fiscal_expenditure', '合计', j=1)); same('人员经费', '2152.26', amt('basic_expenditure', '人员经费合计'))
same('公用经费', '184.65', amt('basic_expenditure', '公用经费合计'))
m = re.search(r'人员经费2152.26万元，主要包括：(.*?)；公用经费184.65万元，主要包括：(.*?)。', flat)
listed = {0: m.group(1).split('、'), 1: m.group(2).split('、')}
for side in (0, 1):
    rows = [r for r in T['basic_expenditure']['rows'] if r.get('side') == side and r['code'] and len(r['code']) == 5]
    nonzero = {r['label'] for r in rows if r['amounts'][0] and v(r['amounts'][0]) != 0}
    names = {r['label'] for r in rows}
    L = set(listed[side]) | ({'机关事业单位基本养老保险缴费'} if '机关事业单位基本养老保险缴费' in listed[side] else set())
    out(f'{"人员" if side == 0 else "公用"}经费 主要包括 = the non-empty 款 of the table', L == nonzero,
        f'listed not in table/empty: {sorted(L - nonzero)}; non-empty not listed: {sorted(nonzero - L)}')
# 七、三公
need('“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%')
a = T['three_public']['rows'][0]['amounts']
same('三公 预算', '0.95', a[0]); out('三公 决算 0.00 (table blank)', a[1] is None, str(a[1]))
out('因公出国 完成预算的0% (预算 blank)', a[2] is not None, f'预算 {a[2]}: rate of 0.00 on an empty budget is undefined (not recorded)')
out('公务用车 完成预算的0% (预算 blank)', a[4] is not None, f'预算 {a[4]}: undefined (not recorded)')
out('公务接待 完成预算的0%', a[10] is not None and a[11] is None, f'预算 {a[10]} 决算 {a[11]}')
# 十一、机关运行经费, 政府采购
need('机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%')
same('机关运行经费 = 公用经费合计', '184.65', amt('basic_expenditure', '公用经费合计'))
change('机关运行经费 比2023 增加2.55 增长1.40%', '184.65', '2.55', '1.40', 1)
need('政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元')
s = v('4.79') + v('0') + v('246.47')
out('政府采购 251.25 = 4.79 + 0 + 246.47', abs(s - v('251.25')) <= h('251.25') + h('4.79') + h('0') + h('246.47'), f'Σ = {s} (within rounding)')
print(sum(1 for _, ok in res if ok), 'ok,', sum(1 for _, ok in res if not ok), 'not')
