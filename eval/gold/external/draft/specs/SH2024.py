# 上海市普陀区财政局 2024年度部门决算 (eval/corpus/external/shanghai-putuo-finance-2024-final-accounts.pdf)
# parts: (page, y0, y1) of the table body, below the header; column cuts at the visible vertical rules.
from draft import Stmt
T3G = '财政拨款“三公”经费/'
STMTS = [
  Stmt(6, '收入支出决算总表', 'summary', '万元', [(6, 291.3, 757.1), (7, 72.0, 123.8)],
       "39.4 L 248.2 A 314.0 | L 489.8 A 555.6",
       columns=[['收入/决算数'], ['支出/决算数']]),
  # p8: the band 209.4-241.3 holds the header cells 类/款/项 (y 216.7) and the 合计 row (y 224.5): start below 类款项
  Stmt(8, '收入决算表', 'income', '万元', [(8, 220.0, 512.1), (9, 72.0, 158.3)],
       "66.6 C 108.7 C 149.3 C 189.8 L 345.8 A 422.5 A 499.3 A 566.4 A 615.9 A 665.3 A 723.6 A 775.4",
       columns=['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']),
  Stmt(10, '支出决算表', 'expenditure', '万元', [(10, 219.0, 515.2), (11, 72.0, 210.0)],
       "66.6 C 111.0 C 154.2 C 197.3 L 372.9 A 451.6 A 517.6 A 574.6 A 648.3 A 701.7 A 775.4",
       columns=['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']),
  # p14 holds only one empty ruled row (no text) after the 总计 row of p13: nothing to read
  Stmt(12, '财政拨款收入支出决算总表', 'fiscal_summary', '万元', [(12, 232.1, 511.3), (13, 72.0, 512.3)],
       "66.6 L 222.4 A 288.3 | L 454.3 A 520.2 A 608.7 A 692.1 A 775.4",
       columns=[['收入/决算数'], ['支出/合计', '支出/一般公共预算财政拨款', '支出/政府性基金预算财政拨款', '支出/国有资本经营预算财政拨款']]),
  Stmt(15, '一般公共预算财政拨款支出决算表', 'fiscal_expenditure', '万元', [(15, 219.9, 564.9)],
       "39.2 C 86.0 C 132.8 C 179.6 L 382.4 A 438.2 A 497.0 A 555.8",
       columns=['合计', '基本支出', '项目支出']),
  # side by side: 人员经费 (301, 303) | 公用经费 (302, 310); the p16 last row (303 04 | 302 24) is cut by the
  # page break, its continuation band at the top of p17 (72.0-90.0) is empty
  Stmt(16, '一般公共预算财政拨款基本支出决算表', 'basic_expenditure', '万元', [(16, 216.1, 758.2), (17, 72.0, 672.4)],
       "12.5 C 57.5 C 97.1 L 254.0 A 314.9 | C 360.0 C 399.5 L 529.8 A 582.5",
       columns=[['决算数'], ['决算数']]),
  Stmt(18, '财政拨款“三公”经费支出决算表', 'three_public', '万元', [(18, 255.0, 279.0)],
       "26.2 A 92.0 A 157.8 A 223.6 A 289.4 A 355.2 A 421.0 A 486.8 A 552.6 A 618.4 A 684.2 A 750.0 A 815.8", unlabeled=True,
       columns=[T3G + '合计/预算数', T3G + '合计/决算数', T3G + '因公出国（境）费/预算数', T3G + '因公出国（境）费/决算数',
                T3G + '公务用车购置及运行费/小计/预算数', T3G + '公务用车购置及运行费/小计/决算数',
                T3G + '公务用车购置及运行费/公务用车购置费/预算数', T3G + '公务用车购置及运行费/公务用车购置费/决算数',
                T3G + '公务用车购置及运行费/公务用车运行费/预算数', T3G + '公务用车购置及运行费/公务用车运行费/决算数',
                T3G + '公务接待费/预算数', T3G + '公务接待费/决算数']),
  Stmt(19, '政府性基金预算财政拨款收入支出决算表', 'government_fund', '万元', [(19, 230.3, 385.5)],
       "145.0 C 191.8 C 238.6 C 285.4 L 344.2 A 415.0 A 473.8 A 508.6 A 567.4 A 626.2 A 697.0",
       columns=['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余']),
  Stmt(20, '国有资本经营预算财政拨款收入支出决算表', 'state_capital', '万元', [(20, 230.3, 385.5)],
       "145.0 C 191.8 C 238.6 C 285.4 L 344.2 A 415.0 A 473.8 A 508.6 A 567.4 A 626.2 A 697.0",
       columns=['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余']),
]

import check as C
def checks(ID, T):
    S, INC, EXP, FS, FE, BE, TP, GF, SC = T
    lab = lambda t, side: [r['label'] for r in t['rows'] if r.get('side') == side]
    # 收入支出决算总表
    C.leq(ID, S, '总计', '总计', sa=0, sb=1)
    inc_items = [l for l in lab(S, 0) if l[:2] in ('一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、')]
    C.lsum(ID, S, '本年收入合计', inc_items, side=0)
    C.lsum(ID, S, '总计', ['本年收入合计', '使用非财政拨款结余（含专用结余）', '年初结转和结余'], side=0)
    classes = [l for l in lab(S, 1) if l.endswith('支出') and '、' in l]
    C.lsum(ID, S, '本年支出合计', classes, side=1)
    C.lsum(ID, S, '总计', ['本年支出合计', '结余分配', '年末结转和结余'], side=1)
    # 收入决算表 / 支出决算表 / 一般公共预算财政拨款支出决算表: 类 = Σ款 = Σ项, 合计 = Σ类, 合计 column = Σ parts
    for t, parts in ((INC, [1, 2, 3, 4, 5, 6]), (EXP, [1, 2, 3, 4, 5]), (FE, [1, 2])):
        C.code_tree(ID, t); C.top_codes(ID, t); C.row_sums(ID, t, 0, parts)
    # 财政拨款收入支出决算总表
    C.leq(ID, FS, '总计', '总计', sa=0, sb=1)
    r0 = [r for r in FS['rows'] if r.get('side') == 0]
    C.report(ID, FS['title'], '本年收入合计 = 一+二+三', C.find(FS, '本年收入合计', 0)['amounts'][0], [r['amounts'][0] for r in r0[:3]])
    C.report(ID, FS['title'], '年初财政拨款结转和结余 = 一+二+三', C.find(FS, '年初财政拨款结转和结余', 0)['amounts'][0], [r['amounts'][0] for r in r0[5:8]])
    C.lsum(ID, FS, '总计', ['本年收入合计', '年初财政拨款结转和结余'], side=0)
    fcl = [l for l in lab(FS, 1) if '、' in l]
    for j in range(4):
        C.lsum(ID, FS, '本年支出合计', fcl, j=j, side=1)
        C.lsum(ID, FS, '总计', ['本年支出合计', '年末财政拨款结转和结余'], j=j, side=1)
    C.row_sums(ID, FS, 0, [1, 2, 3], side=1)
    # 基本支出决算表
    C.code_tree(ID, BE)
    C.report(ID, BE['title'], '人员经费合计 = 301 + 303', C.find(BE, '人员经费合计')['amounts'][0], [r['amounts'][0] for r in BE['rows'] if r['code'] in ('301', '303')])
    C.report(ID, BE['title'], '公用经费合计 = 302 + 310', C.find(BE, '公用经费合计')['amounts'][0], [r['amounts'][0] for r in BE['rows'] if r['code'] in ('302', '310')])
    # 三公: 合计 = 出国 + 车 + 接待, 车 = 购置 + 运行 (预算数 and 决算数)
    a = TP['rows'][0]['amounts']
    for k, w in ((0, '预算数'), (1, '决算数')):
        C.report(ID, TP['title'], f'{w} 合计 = 出国+车小计+接待', a[0 + k], [a[2 + k], a[4 + k], a[10 + k]])
        C.report(ID, TP['title'], f'{w} 车小计 = 购置+运行', a[4 + k], [a[6 + k], a[8 + k]])
    for t in (GF, SC):
        C.row_sums(ID, t, 2, [3, 4])
    # cross-table
    X = lambda what, tot, parts: C.report(ID, 'cross', what, tot, parts)
    g = lambda t, l, j=0, side=None, nth=0: C.find(t, l, side, nth)['amounts'][j]
    X('收入决算表 合计 = 总表 本年收入合计', g(INC, '合计'), [g(S, '本年收入合计', side=0)])
    X('收入决算表 财政拨款收入 = 总表 一+二+三', g(INC, '合计', 1), [g(S, l, side=0) for l in inc_items[:3]])
    X('收入决算表 其他收入 = 总表 八、其他收入', g(INC, '合计', 6), [g(S, '八、其他收入', side=0)])
    X('支出决算表 合计 = 总表 本年支出合计', g(EXP, '合计'), [g(S, '本年支出合计', side=1)])
    X('财政拨款总表 本年收入合计 = 收入决算表 财政拨款收入', g(FS, '本年收入合计', side=0), [g(INC, '合计', 1)])
    X('财政拨款总表 本年支出合计 = 一般公共预算表 合计', g(FS, '本年支出合计', side=1), [g(FE, '合计')])
    X('一般公共预算表 基本支出 = 支出决算表 基本支出', g(FE, '合计', 1), [g(EXP, '合计', 1)])
    X('一般公共预算表 项目支出 = 支出决算表 项目支出', g(FE, '合计', 2), [g(EXP, '合计', 2)])
    X('一般公共预算表 基本支出 = 人员经费合计 + 公用经费合计', g(FE, '合计', 1), [g(BE, '人员经费合计'), g(BE, '公用经费合计')])
    X('总表 本年收入合计 - 本年支出合计 = 年末 - 年初 (其他收入 not spent)', g(S, '本年收入合计', side=0),
      [g(S, '本年支出合计', side=1), g(S, '年末结转和结余', side=1), '-' + g(S, '年初结转和结余', side=0)])
    # class amounts printed in several statements
    name = {'201': '一般公共服务支出', '208': '社会保障和就业支出', '210': '卫生健康支出', '221': '住房保障支出'}
    for code, nm in name.items():
        e = [r for r in EXP['rows'] if r['code'] == code][0]['amounts'][0]
        f = [r for r in FE['rows'] if r['code'] == code][0]['amounts'][0]
        s = [r for r in S['rows'] if r.get('side') == 1 and r['label'].endswith('、' + nm)][0]['amounts'][0]
        fs = [r for r in FS['rows'] if r.get('side') == 1 and r['label'].endswith('、' + nm)][0]['amounts'][0]
        X(f'{code} 支出决算表 = 一般公共预算表', e, [f])
        X(f'{code} 收支决算总表 = 支出决算表', s, [e])
        X(f'{code} 财政拨款总表 = 一般公共预算表', fs, [f])
        X(f'{code} 财政拨款总表 一般公共预算列 = 一般公共预算表', [r for r in FS['rows'] if r.get('side') == 1 and r['label'].endswith('、' + nm)][0]['amounts'][1], [f])
    # 经济分类 vs 功能分类 items that name the same money
    X('基本支出表 30108 养老保险缴费 = 功能 2080505', [r for r in BE['rows'] if r['code'] == '30108'][0]['amounts'][0], [[r for r in FE['rows'] if r['code'] == '2080505'][0]['amounts'][0]])
    X('基本支出表 30109 职业年金 = 功能 2080506', [r for r in BE['rows'] if r['code'] == '30109'][0]['amounts'][0], [[r for r in FE['rows'] if r['code'] == '2080506'][0]['amounts'][0]])
    X('基本支出表 30110 医疗保险 = 功能 2101101', [r for r in BE['rows'] if r['code'] == '30110'][0]['amounts'][0], [[r for r in FE['rows'] if r['code'] == '2101101'][0]['amounts'][0]])
    X('基本支出表 30113 住房公积金 = 功能 2210201', [r for r in BE['rows'] if r['code'] == '30113'][0]['amounts'][0], [[r for r in FE['rows'] if r['code'] == '2210201'][0]['amounts'][0]])
