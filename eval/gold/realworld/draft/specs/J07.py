from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
from J09 import tp, TP_COLS
S3 = "73.8 L 165.0 A 223.8 | L 357.7 A 412.4 | L 504.5 A 561.2"
S3B = "73.8 L 165.0 A 223.8 |2 L 504.5 A 561.2"
PROC = "78.5 L 136.0 M 199.7 M 289.5 L 362.8 L 454.9 A 525.8"
STMTS = [
  Stmt(14, '收支预算总表', 'summary', '万元', [(14, 284, 680, S3), (14, 680, 733, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(15, '收入预算总表', 'income', '万元', [(15, 202, 448)], "73.8 G 204.0 L 411.0 A 521.2", columns=['金额']),
  Stmt(15, '支出预算总表', 'expenditure', '万元', [(15, 600, 626)],
       "73.8 A 163.6 A 249.4 A 341.5 A 433.4 A 521.1", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(16, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(16, 210, 281)],
       "73.8 L 190.7 A 289.5 | L 419.5 A 521.2", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(16, '财政拨款支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(16, 421, 696)], "78.6 C 145.7 L 353.0 A 518.9", columns=['金额']),
  Stmt(17, '财政拨款基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(17, 169, 669)], "79.0 C 184.9 L 365.0 A 521.1", columns=['金额']),
  Stmt(18, '一般公共预算支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(18, 223, 522)], "80.8 C 204.0 L 412.0 A 521.1", columns=['金额']),
  Stmt(18, '一般公共预算基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(18, 664, 735, "80.8 C 229.0 L 362.0 A 521.1"), (19, 91, 579, "80.8 C 231.8 L 364.0 A 521.1")],
       "80.8 C 229.0 L 362.0 A 521.1", columns=['金额']),
  Stmt(20, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(20, 261, 286)],
       "73.8 A 136.0 A 178.5 A 221.0 A 270.6 A 327.4 A 391.1 A 433.6 A 476.3 A 521.3", unlabeled=True, columns=TP_COLS),
  Stmt(20, '政府性基金预算财政拨款支出预算表', 'government_fund', '万元', [(20, 428, 534)], "79.2 C 225.0 L 377.5 A 530.0", columns=['金额']),
  Stmt(21, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(21, 201, 602)], "79.5 C 172.5 L 338.0 A 509.5", columns=['机关运行经费支出']),
  Stmt(22, '政府采购支出预算表', 'procurement', '万元', [(22, 202, 733), (23, 91, 733), (24, 91, 269)], PROC,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 326}),
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
