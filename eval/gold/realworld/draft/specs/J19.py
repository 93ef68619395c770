from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "42.3 L 183.7 A 275.4 | L 416.8 A 508.5 | L 649.9 A 741.6"
S3B = "42.3 L 183.7 A 275.4 |2 L 649.9 A 741.6"
PROC = "65.5 L 187.7 M 300.3 M 410.0 L 534.4 L 660.0 A 782.2"
STMTS = [
  Stmt(1, '收支预算总表', 'summary', '万元', [(1, 155, 472, S3), (1, 472, 521, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(2, '收入预算总表', 'income', '万元', [(2, 161, 401)], "112.4 G 258.8 L 436.9 A 614.4", columns=['金额']),
  Stmt(3, '支出预算总表', 'expenditure', '万元', [(3, 183, 221)],
       "59.8 A 201.2 A 342.6 A 484.0 A 625.4 A 766.8", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(4, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(4, 260, 408)],
       "61.9 L 266.9 A 423.0 | L 635.7 A 791.8", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(5, '财政拨款支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(5, 182, 558)], "82.8 C 309.2 L 535.6 A 762.0", columns=['金额']),
  Stmt(6, '财政拨款基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(6, 121, 538)], "79.9 C 306.3 L 532.7 A 759.1", columns=['金额']),
  Stmt(7, '一般公共预算支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(7, 165, 511)], "77.1 C 303.5 L 529.9 A 756.2", columns=['金额']),
  Stmt(8, '一般公共预算基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(8, 119, 536)], "80.7 C 307.1 L 533.5 A 759.8", columns=['金额']),
  Stmt(9, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(9, 316, 353)],
       "67.0 A 186.3 A 261.4 A 336.6 A 411.7 A 486.9 A 562.0 A 637.1 A 712.3 A 787.4", unlabeled=True, columns=TP_COLS),
  Stmt(10, '财政拨款政府性基金支出预算表', 'government_fund', '万元', [(10, 199, 347)], "85.0 C 311.4 L 537.8 A 764.1", columns=['金额']),
  Stmt(11, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(11, 218, 464)], "82.8 C 309.2 L 535.6 A 762.0", columns=['机关运行经费支出']),
  Stmt(12, '2019年政府采购预算表', 'procurement', '万元', [(12, 147, 553)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 472}),
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
