from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "84.5 L 167.5 A 218.5 | L 334.5 A 385.5 | L 460.5 A 512.5"
S3B = "84.5 L 167.5 A 218.5 |2 L 460.5 A 512.5"
FUNC = "89.5 C 214.5 L 415.5 A 505.5"
ECON = "89.5 C 218.5 L 376.5 A 505.5"
ECON2 = "89.5 C 217.5 L 379.5 A 505.5"
PROC = "84.5 L 145.5 M 226.5 M 298.5 L 387.5 L 454.5 A 512.5"
STMTS = [
  Stmt(10, '收支预算总表', 'summary', '万元', [(10, 186, 693, S3), (10, 693, 766, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(11, '收入预算总表', 'income', '万元', [(11, 139, 455)], "89.5 G 217.5 L 388.5 A 505.5", columns=['金额']),
  Stmt(11, '支出预算总表', 'expenditure', '万元', [(11, 569, 601)],
       "89.5 A 182.5 A 264.5 A 350.5 A 437.5 A 505.5", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(11, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(11, 753, 777), (12, 71, 141)],
       "89.5 L 217.5 A 307.5 | L 415.5 A 505.5", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(12, '财政拨款支出预算表', 'fiscal_expenditure', '万元', [(12, 235, 568)], FUNC, columns=['金额']),
  Stmt(12, '财政拨款基本支出预算表', 'basic_expenditure', '万元', [(12, 664, 768), (13, 70, 550)], ECON, columns=['金额']),
  Stmt(13, '政府性基金支出预算表', 'government_fund', '万元', [(13, 652, 790)], ECON2, columns=['金额']),
  Stmt(14, '一般公共预算支出预算表', 'fiscal_expenditure', '万元', [(14, 140, 475)], ECON2, columns=['金额']),
  Stmt(14, '一般公共预算基本支出预算表', 'basic_expenditure', '万元', [(14, 572, 790), (15, 70, 467)], ECON2, columns=['金额']),
  Stmt(15, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(15, 564, 790), (16, 70, 197)], ECON2, columns=['机关运行经费支出']),
  Stmt(16, '一般公共预算“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(16, 395, 421)],
       "84.5 A 139.5 A 183.5 A 233.5 A 277.5 A 323.5 A 382.5 A 423.5 A 466.5 A 512.5", unlabeled=True, columns=TP_COLS),
  Stmt(16, '政府采购支出预算表', 'procurement', '万元', [(16, 521, 790), (17, 70, 790), (18, 70, 316)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 343}),
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
    for i in (4, 5, 6, 7, 8, 9): tree(ID, T[i])
    tp(ID, T[10])
    C.procurement(ID, T[11])
