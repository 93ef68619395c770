from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "70.7 L 213.5 A 306.6 | L 479.2 A 563.4 | L 676.0 A 766.4"
S3B = "70.7 L 213.5 A 306.6 |2 L 676.0 A 766.4"
PROC = "304.5 L 386.6 M 483.3 M 592.3 L 705.6 L 775.2 A 851.0"
STMTS = [
  Stmt(3, '收支预算总表', 'summary', '万元', [(3, 146, 516, S3), (3, 516, 572, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(4, '收入预算总表', 'income', '万元', [(4, 138, 531)], "109.6 G 288.4 L 485.6 A 699.5", columns=['金额']),
  Stmt(5, '支出预算总表', 'expenditure', '万元', [(5, 161, 199)],
       "235.2 A 375.3 A 515.5 A 655.6 A 795.8 A 936.0", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(6, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(6, 238, 385)],
       "270.7 L 437.0 A 587.5 | L 753.8 A 904.3", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(7, '财政拨款支出预算表', 'fiscal_expenditure', '万元', [(7, 143, 571)], "283.9 C 453.6 L 676.5 A 853.9", columns=['金额']),
  Stmt(8, '财政拨款基本支出预算表', 'basic_expenditure', '万元', [(8, 101, 816)], "118.3 C 191.5 L 385.4 A 492.5", columns=['金额']),
  Stmt(9, '一般公共预算支出预算表', 'fiscal_expenditure', '万元', [(9, 133, 571)], "273.8 C 378.7 L 639.6 A 865.9", columns=['金额']),
  Stmt(10, '一般公共预算基本支出预算表', 'basic_expenditure', '万元', [(10, 115, 808)], "92.2 C 179.8 L 355.0 A 504.0", columns=['金额']),
  Stmt(11, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(11, 268, 305)],
       "224.6 A 294.2 A 358.3 A 433.4 A 502.5 A 575.0 A 659.2 A 734.4 A 827.5 A 920.6", unlabeled=True, columns=TP_COLS),
  Stmt(12, '财政拨款政府性基金支出预算表', 'government_fund', '万元', [(12, 195, 343)], "282.2 C 496.0 L 722.4 A 935.5", columns=['金额']),
  Stmt(13, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(13, 161, 688)], "304.5 C 455.0 L 653.0 A 858.0", columns=['机关运行经费支出']),
  Stmt(14, '2018年政府采购预算表', 'procurement', '万元', [(14, 151, 780), (15, 40, 438)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 650}),
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
