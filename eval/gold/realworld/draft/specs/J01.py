from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "57.6 L 112.5 A 206.8 | L 275.9 A 355.0 | L 421.2 A 519.7"
S3B = "57.6 L 112.5 A 206.8 |2 L 421.2 A 519.7"
PROC = "34.6 L 157.8 M 225.7 M 293.6 L 361.5 L 429.4 A 560.6"
STMTS = [
  Stmt(7, '收支预算总表', 'summary', '万元',
       [(7, 354, 781, S3), (8, 72, 718, S3), (8, 718, 781, S3B), (9, 72, 226, S3B)], S3,
       cont={1: [1], 3: [0]}, columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(9, '收入预算总表', 'income', '万元', [(9, 427, 756), (10, 72, 446)], "57.6 G 192.2 L 352.5 A 537.5", columns=['金额']),
  Stmt(10, '支出预算总表', 'expenditure', '万元', [(10, 667, 710)],
       "42.1 A 164.6 A 227.3 A 298.4 A 372.6 A 553.0", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(11, '财政拨款支出预算表', 'fiscal_expenditure', '万元', [(11, 165, 780)], "91.6 C 234.6 L 391.0 A 557.4", columns=['金额']),
  Stmt(12, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(12, 331, 496)],
       "27.6 L 158.8 A 292.9 | L 428.8 A 567.5", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(12, '财政拨款基本支出预算表', 'basic_expenditure', '万元', [(13, 160, 762), (14, 72, 716), (15, 72, 134)],
       "28.1 C 140.1 L 309.1 A 562.6", columns=['金额']),
  Stmt(15, '财政拨款政府性基金支出预算表', 'government_fund', '万元', [(15, 328, 481)], "28.1 C 224.2 L 393.4 A 567.0", columns=['金额']),
  Stmt(16, '一般公共预算支出预算表', 'fiscal_expenditure', '万元', [(16, 192, 760), (17, 72, 155)], "29.1 C 194.4 L 368.1 A 566.0", columns=['金额']),
  Stmt(17, '一般公共预算基本支出预算表', 'basic_expenditure', '万元', [(17, 494, 747), (18, 72, 577)], "36.5 C 182.9 L 332.2 A 558.5", columns=['金额']),
  Stmt(18, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(19, 196, 701)], "36.5 C 205.1 L 332.3 A 558.5", columns=['机关运行经费支出']),
  Stmt(20, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(20, 366, 428)],
       "30.6 A 97.3 A 140.8 A 184.4 A 227.9 A 305.5 A 382.4 A 448.5 A 498.6 A 564.5", unlabeled=True, columns=TP_COLS),
  Stmt(20, '2017年政府采购预算表', 'procurement', '万元', [(20, 639, 781), (21, 72, 781), (22, 72, 781), (23, 72, 263)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 327}),
]
def checks(ID, T):
    summary3(ID, T[0], ['一、财政拨款', '二、财政专户管理资金', '三、其他资金'], ('一、财政拨款', ['1.一般公共预算', '2.政府性基金预算']))
    t = T[1]
    C.report(ID, t['title'], '收入总计 = 各组小计', t['rows'][0]['amounts'][0], [r['amounts'][0] for r in t['rows'] if r['label'] == '小计'])
    a = T[2]['rows'][0]['amounts']
    C.report(ID, T[2]['title'], '合计 = 基本+项目+预留+结转', a[0], a[1:])
    t = T[4]
    C.lsum(ID, t, '收入合计', ['一、一般公共预算', '二、政府性基金预算'], side=0)
    C.lsum(ID, t, '支出合计', ['一、基本支出', '二、项目支出', '三、单位预留机动经费'], side=1)
    C.leq(ID, t, '收入合计', '支出合计', sa=0, sb=1)
    for i in (3, 5, 6, 7, 8, 9): tree(ID, T[i])
    tp(ID, T[10])
    C.procurement(ID, T[11])
