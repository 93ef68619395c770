from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
S3 = "42.4 L 254.9 A 437.8 | L 644.8 A 813.9 | L 990.6 A 1150.7"
S3B = "42.4 L 254.9 A 437.8 |2 L 990.6 A 1150.7"
PROC = "181.8 L 323.3 M 464.8 M 606.3 L 747.8 L 889.3 A 1030.8"
TP_COLS = ['合计', '“三公”经费/小计', '“三公”经费/因公出国（境）费', '“三公”经费/公务用车购置及运行维护费/小计',
           '“三公”经费/公务用车购置及运行维护费/公务用车购置费', '“三公”经费/公务用车购置及运行维护费/公务用车运行维护费',
           '“三公”经费/公务接待费', '会议费', '培训费']
STMTS = [
  Stmt(1, '收支预算总表', 'summary', '万元', [(1, 156, 612, S3), (1, 612, 681, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(2, '收入预算总表', 'income', '万元', [(2, 186, 743)], "268.0 G 459.9 L 732.4 A 958.8", columns=['金额']),
  Stmt(3, '支出预算总表', 'expenditure', '万元', [(3, 162, 200)],
       "183.1 A 352.9 A 522.8 A 692.6 A 862.4 A 1032.2", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(4, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(4, 258, 407)],
       "239.8 L 444.8 A 600.8 | L 813.3 A 969.3", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(5, '财政拨款支出预算表', 'fiscal_expenditure', '万元', [(5, 206, 652)], "273.5 C 499.9 L 726.2 A 952.5", columns=['金额']),
  Stmt(6, '财政拨款基本支出预算表', 'basic_expenditure', '万元', [(6, 205, 1092)], "81.2 C 307.6 L 534.0 A 760.3", columns=['金额']),
  Stmt(7, '财政拨款政府性基金支出预算表', 'government_fund', '万元', [(7, 206, 356)], "273.5 C 499.9 L 726.2 A 952.5", columns=['金额']),
  Stmt(8, '一般公共预算支出预算表', 'fiscal_expenditure', '万元', [(8, 206, 652)], "273.5 C 499.9 L 726.2 A 952.5", columns=['金额']),
  Stmt(9, '一般公共预算基本支出预算表', 'basic_expenditure', '万元', [(9, 182, 1162)], "94.3 C 320.7 L 547.0 A 773.4", columns=['金额']),
  Stmt(10, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(10, 182, 805)], "277.7 C 504.1 L 730.4 A 956.7", columns=['机关运行经费支出']),
  Stmt(11, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(11, 296, 334)],
       "181.9 A 275.1 A 368.2 A 461.3 A 554.5 A 666.3 A 776.0 A 869.1 A 962.3 A 1055.4", unlabeled=True, columns=TP_COLS),
  Stmt(12, '2017年政府采购预算表', 'procurement', '万元', [(12, 205, 800), (13, 14, 794), (14, 14, 386)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 676},
       exclude=[(13, 323, 130, 606, 160)]),
]
def tp(ID, t):
    a = t['rows'][0]['amounts']
    C.report(ID, t['title'], '合计 = 三公小计+会议+培训', a[0], [a[1], a[7], a[8]])
    C.report(ID, t['title'], '三公小计 = 出国+车+接待', a[1], [a[2], a[3], a[6]])
    C.report(ID, t['title'], '车 = 购置+运行', a[3], [a[4], a[5]])
def checks(ID, T):
    summary3(ID, T[0], ['一、财政拨款', '二、财政专户管理资金', '三、其他资金'], ('一、财政拨款', ['1.一般公共预算', '2.政府性基金预算']))
    t = T[1]
    C.report(ID, t['title'], '收入总计 = 各组小计', t['rows'][0]['amounts'][0], [r['amounts'][0] for r in t['rows'] if r['label'] == '小计'])
    for r in t['rows']: pass
    a = T[2]['rows'][0]['amounts']
    C.report(ID, T[2]['title'], '合计 = 基本+项目+预留+结转', a[0], a[1:])
    t = T[3]
    C.lsum(ID, t, '收入合计', ['一、一般公共预算', '二、政府性基金预算'], side=0)
    C.lsum(ID, t, '支出合计', ['一、基本支出', '二、项目支出', '三、单位预留机动经费'], side=1)
    C.leq(ID, t, '收入合计', '支出合计', sa=0, sb=1)
    for i in (4, 5, 6, 7, 8, 9): tree(ID, T[i])
    tp(ID, T[10])
    C.procurement(ID, T[11])
