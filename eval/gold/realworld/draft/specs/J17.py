from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "114.5 L 239.4 A 314.7 | L 456.8 A 532.1 | L 657.0 A 732.2"
S3B = "114.5 L 239.4 A 314.7 |2 L 657.0 A 732.2"
PROC = "64.8 L 181.4 M 282.2 M 390.6 L 532.1 L 673.5 A 815.0"
STMTS = [
  Stmt(1, '收支预算总表', 'summary', '万元', [(1, 132, 450, S3), (1, 450, 499, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(2, '收入预算总表', 'income', '万元', [(2, 121, 482)], "87.1 G 279.0 L 551.6 A 777.9", columns=['金额']),
  Stmt(3, '支出预算总表', 'expenditure', '万元', [(3, 162, 200)],
       "62.6 A 204.1 A 345.6 A 487.1 A 628.6 A 770.1", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(4, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(4, 229, 377)],
       "59.8 L 264.7 A 420.7 | L 633.2 A 789.2", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(5, '财政拨款支出预算表', 'fiscal_expenditure', '万元', [(5, 124, 469)], "79.9 C 306.3 L 532.6 A 758.9", columns=['金额']),
  Stmt(6, '财政拨款基本支出预算表', 'basic_expenditure', '万元', [(6, 99, 523)], "79.9 C 306.3 L 532.6 A 758.9", columns=['金额']),
  Stmt(7, '一般公共预算支出预算表', 'fiscal_expenditure', '万元', [(7, 129, 476)], "84.2 C 310.6 L 536.9 A 763.3", columns=['金额']),
  Stmt(8, '一般公共预算基本支出预算表', 'basic_expenditure', '万元', [(8, 96, 520)], "68.4 C 294.7 L 521.1 A 747.4", columns=['金额']),
  Stmt(9, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(9, 295, 333)],
       "51.1 A 160.9 A 240.3 A 324.4 A 400.3 A 480.4 A 573.6 A 645.3 A 717.1 A 798.5", unlabeled=True, columns=TP_COLS),
  Stmt(10, '财政拨款政府性基金支出预算表', 'government_fund', '万元', [(10, 205, 354)], "83.5 C 309.9 L 536.2 A 762.5", columns=['金额']),
  Stmt(11, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(11, 121, 450)], "103.7 C 330.0 L 556.4 A 782.7", columns=['机关运行经费支出']),
  Stmt(12, '2018年政府采购预算表', 'procurement', '万元', [(12, 96, 535)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 461}),
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
