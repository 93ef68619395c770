from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "42.2 L 254.8 A 437.7 | L 644.8 A 813.8 | L 990.4 A 1150.5"
S3B = "42.2 L 254.8 A 437.7 |2 L 990.4 A 1150.5"
PROC = "42.5 L 155.8 M 297.1 M 438.5 L 579.8 L 686.9 A 786.2"
STMTS = [
  Stmt(1, '收支预算总表', 'summary', '万元', [(1, 160, 634, S3), (1, 634, 703, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(2, '收入预算总表', 'income', '万元', [(2, 184, 699)], "267.8 G 459.6 L 732.2 A 958.5", columns=['金额']),
  Stmt(3, '支出预算总表', 'expenditure', '万元', [(3, 161, 199)],
       "183.1 A 352.8 A 522.4 A 692.1 A 861.8 A 1031.5", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(4, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(4, 339, 487)],
       "239.5 L 444.4 A 600.4 | L 813.1 A 969.1", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(5, '财政拨款支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(5, 204, 719)], "273.3 C 499.6 L 726.0 A 952.3", columns=['金额']),
  Stmt(6, '财政拨款基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(6, 176, 1130)], "70.8 C 297.1 L 523.4 A 749.8", columns=['金额']),
  Stmt(7, '一般公共预算支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(7, 204, 719)], "273.3 C 499.6 L 726.0 A 952.3", columns=['金额']),
  Stmt(8, '一般公共预算基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(8, 203, 1087)], "70.8 C 297.1 L 523.4 A 749.8", columns=['金额']),
  Stmt(9, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(9, 288, 326)],
       "181.6 A 274.8 A 367.9 A 461.0 A 554.1 A 666.0 A 775.6 A 868.8 A 961.9 A 1055.0", unlabeled=True, columns=TP_COLS),
  Stmt(10, '财政拨款政府性基金支出预算表', 'government_fund', '万元', [(10, 204, 352)], "273.3 C 499.6 L 726.0 A 952.3", columns=['金额']),
  Stmt(11, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(11, 218, 762)], "277.4 C 503.7 L 730.0 A 956.4", columns=['机关运行经费支出']),
  Stmt(12, '2019年政府采购预算表', 'procurement', '万元', [(12, 105, 1154)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 509},
       exclude=[(12, 600, 105, 660, 118)]),
]
def checks(ID, T):
    summary3(ID, T[0], ['一、财政拨款', '二、财政专户管理资金', '三、其他资金'], ('一、财政拨款', ['1.一般公共预算', '2.政府性基金预算']))
    t = T[1]
    C.report(ID, t['title'], '收入总计 = 各组小计', t['rows'][0]['amounts'][0], [r['amounts'][0] for r in t['rows'] if r['label'] == '小计'])
    a = T[2]['rows'][0]['amounts']
    C.report(ID, T[2]['title'], '合计 = 基本+项目+预留+结转', a[0], a[1:])
    t = T[3]
    C.lsum(ID, t, '收入合计', ['一、一般公共预算', '二、政府性基金预算'], side=0)
    C.lsum(ID, t, '支出合计', ['一、基本支出', '二、项目支出', '三、单位预留机动经费'], side=1)
    C.leq(ID, t, '收入合计', '支出合计', sa=0, sb=1)
    for i in (4, 5, 6, 7, 9, 10): tree(ID, T[i])
    tp(ID, T[8])
    C.procurement(ID, T[11])
