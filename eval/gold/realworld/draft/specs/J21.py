from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "61.4 L 159.7 A 211.1 | L 331.1 A 386.7 | L 485.4 A 537.1"
S3B = "61.4 L 159.7 A 211.1 |2 L 485.4 A 537.1"
ECON = "61.4 C 211.0 L 388.3 A 537.1"
PROC = "61.4 L 118.8 M 203.9 M 303.2 S 416.6 L 487.4 A 544.2"
Y = '2017年度江苏省高级人民法院部门'
STMTS = [
  Stmt(11, Y + '收支预算总表', 'summary', '万元', [(11, 703, 774, S3), (12, 60, 473, S3), (12, 473, 544, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(12, Y + '收入预算总表', 'income', '万元', [(12, 618, 777), (13, 60, 176)], "56.8 G 229.6 L 451.3 A 538.2", columns=['金额']),
  Stmt(13, Y + '支出预算总表', 'expenditure', '万元', [(13, 250, 268)],
       "61.4 A 168.5 A 253.6 A 338.6 A 431.2 A 537.1", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(13, Y + '财政拨款收支预算总表', 'fiscal_summary', '万元', [(13, 378, 449)],
       "61.4 L 206.4 A 313.4 | L 447.5 A 537.1", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(13, Y + '财政拨款支出预算表', 'fiscal_expenditure', '万元', [(13, 521, 767), (14, 60, 106)], "61.4 C 209.4 L 402.4 A 537.2", columns=['金额']),
  Stmt(14, Y + '财政拨款基本支出预算表', 'basic_expenditure', '万元', [(14, 178, 757)], "61.4 C 211.0 L 402.4 A 537.1", columns=['金额']),
  Stmt(15, Y + '政府性基金支出预算表', 'government_fund', '万元', [(15, 127, 148)], "61.4 C 211.2 L 388.3 A 537.1", columns=['金额']),
  Stmt(15, Y + '一般公共预算支出预算表', 'fiscal_expenditure', '万元', [(15, 224, 505)], "61.4 C 211.0 L 385.4 A 537.1", columns=['金额']),
  Stmt(15, Y + '一般公共预算基本支出预算表', 'basic_expenditure', '万元', [(15, 581, 774), (16, 60, 456)], ECON, columns=['金额']),
  Stmt(16, Y + '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(16, 532, 760), (17, 60, 159)], ECON, columns=['机关运行经费支出']),
  Stmt(17, '2017年江苏省高级人民法院部门一般公共预算“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(17, 284, 302)],
       "61.4 A 125.9 A 168.5 A 225.2 A 281.9 A 338.6 A 402.4 A 444.9 A 486.3 A 537.1", unlabeled=True, columns=TP_COLS),
  Stmt(17, '2017年江苏省高级人民法院部门政府采购预算表', 'procurement', '万元', [(17, 392, 771), (18, 60, 766)], PROC,
       cont={1: [0]}, columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 515}),
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
