# shared checks for the Shanghai (H/T) family
import check as C
def summary(ID, t, inc_items, inc_sub, tot_in='收入总计', tot_out='支出总计'):
    C.leq(ID, t, tot_in, tot_out, sa=0, sb=1)
    C.lsum(ID, t, tot_in, inc_items, side=0)
    if inc_sub: C.lsum(ID, t, inc_sub[0], inc_sub[1], side=0)
    C.lsum(ID, t, tot_out, [r['label'] for r in t['rows'] if r.get('side') == 1 and r['label'] != tot_out], side=1)
def func(ID, t, parts):
    C.code_tree(ID, t); C.top_codes(ID, t); C.row_sums(ID, t, 0, parts)
def fiscal_summary(ID, t, inc_items, tot_in='收入总计', tot_out='支出总计'):
    C.leq(ID, t, tot_in, tot_out, sa=0, sb=1)
    C.lsum(ID, t, tot_in, inc_items, side=0)
    C.row_sums(ID, t, 0, [1, 2, 3], side=1)
    for j in range(4):
        C.lsum(ID, t, tot_out, [r['label'] for r in t['rows'] if r.get('side') == 1 and r['label'] != tot_out], j=j, side=1)
def three(ID, t, jtot=0, jabroad=1, jrecep=2, jcar=3, jbuy=4, jrun=5):
    r = t['rows'][0]['amounts']
    C.report(ID, t['title'], '三公 合计 = 出国+接待+车', r[jtot], [r[jabroad], r[jrecep], r[jcar]])
    C.report(ID, t['title'], '车 = 购置+运行', r[jcar], [r[jbuy], r[jrun]])
