# shared checks for the Jiangsu (J) family
import check as C
def tree(ID, t, total='合计'):
    C.code_tree(ID, t); C.top_codes(ID, t, total_label=total)
def summary3(ID, t, left_items, left_sub, mid_total='当年支出小计', right_items=None,
             in_sub='当年收入小计', in_tot='收入合计', out_tot='支出合计', carry_in='上年结转资金', carry_out='结转下年资金'):
    # income side
    C.lsum(ID, t, in_sub, left_items, side=0)
    if left_sub: C.lsum(ID, t, left_sub[0], left_sub[1], side=0)
    C.lsum(ID, t, in_tot, [in_sub, carry_in], side=0)
    # functional side sums to 当年支出小计, use side too
    mids = [r['label'] for r in t['rows'] if r.get('side') == 1]
    C.lsum(ID, t, mid_total, mids, side=2, pside=1)
    rights = right_items or [r['label'] for r in t['rows'] if r.get('side') == 2 and r['label'] not in (mid_total, out_tot, carry_out)]
    C.lsum(ID, t, mid_total, rights, side=2)
    C.lsum(ID, t, out_tot, [mid_total, carry_out], side=2)
    C.leq(ID, t, in_tot, out_tot, sa=0, sb=2)
    C.leq(ID, t, in_sub, mid_total, sa=0, sb=2)
