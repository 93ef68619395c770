from draft import Stmt
import check as C
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common_js import *
S3 = "42.2 L 190.0 A 317.2 | L 461.2 A 578.8 | L 701.7 A 813.1"
S3B = "42.2 L 190.0 A 317.2 |2 L 701.7 A 813.1"
PROC_COLS = "181.6 L 323.0 M 464.4 M 605.7 L 747.1 L 888.4 A 1029.8"
STMTS = [
  Stmt(1, '收支预算总表', 'summary', '万元', [(1, 129, 477, S3), (1, 477, 527, S3B)], S3,
       columns=[['收入/金额'], ['支出/功能分类/金额'], ['支出/支出用途/金额']]),
  Stmt(2, '收入预算总表', 'income', '万元', [(2, 221, 736)], "42.2 G 234.0 L 506.6 A 732.9", columns=['金额']),
  Stmt(3, '支出预算总表', 'expenditure', '万元', [(3, 198, 235)],
       "42.2 A 211.9 A 381.6 A 551.2 A 720.9 A 890.6", unlabeled=True,
       columns=['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']),
  Stmt(4, '财政拨款收支预算总表', 'fiscal_summary', '万元', [(4, 375, 523)],
       "42.2 L 247.2 A 403.2 | L 615.8 A 771.8", columns=[['收入/金额'], ['支出/支出用途/金额']]),
  Stmt(5, '财政拨款支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(5, 197, 817)], "42.4 C 229.4 L 416.4 A 603.3", columns=['金额']),
  Stmt(6, '财政拨款基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(6, 162, 769)], "42.2 C 199.6 L 357.1 A 514.5", columns=['金额']),
  Stmt(7, '一般公共预算支出预算表（功能科目）', 'fiscal_expenditure', '万元', [(7, 190, 820)], "42.2 C 229.2 L 416.1 A 603.1", columns=['金额']),
  Stmt(8, '一般公共预算基本支出预算表（经济科目）', 'basic_expenditure', '万元', [(8, 155, 762)], "42.2 C 199.6 L 357.1 A 514.5", columns=['金额']),
  Stmt(9, '“三公”经费、会议费、培训费支出预算表', 'three_public', '万元', [(9, 321, 359)],
       "42.2 A 135.3 A 228.4 A 321.6 A 414.7 A 526.5 A 636.2 A 729.3 A 822.4 A 915.6", unlabeled=True,
       columns=['合计', '“三公”经费/小计', '“三公”经费/因公出国（境）费', '“三公”经费/公务用车购置及运行维护费/小计',
                '“三公”经费/公务用车购置及运行维护费/公务用车购置费', '“三公”经费/公务用车购置及运行维护费/公务用车运行维护费',
                '“三公”经费/公务接待费', '会议费', '培训费']),
  Stmt(10, '财政拨款政府性基金支出预算表', 'government_fund', '万元', [(10, 241, 389)], "42.2 C 268.5 L 494.8 A 721.2", columns=['金额']),
  Stmt(11, '一般公共预算机关运行经费支出预算表', 'operating_costs', '万元', [(11, 253, 695)], "277.4 C 503.7 L 730.0 A 956.4", columns=['机关运行经费支出']),
  Stmt(12, '2019年政府采购预算表', 'procurement', '万元', [(12, 250, 802), (13, 20, 419)], PROC_COLS,
       columns=['总计'], text_columns=['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式'], band_x={0: 676}),
]
def checks(ID, T):
    summary3(ID, T[0], ['一、财政拨款', '二、财政专户管理资金', '三、其他资金'], ('一、财政拨款', ['1.一般公共预算', '2.政府性基金预算']))
    t = T[1]
    C.report(ID, t['title'], '收入总计 = 各组小计 + 结转', t['rows'][0]['amounts'][0], [r['amounts'][0] for r in t['rows'] if r['label'] == '小计'])
    C.report(ID, t['title'], '一般公共预算 小计 = 公共财政拨款 + 专项收入', t['rows'][1]['amounts'][0], [t['rows'][2]['amounts'][0], t['rows'][3]['amounts'][0]])
    a = T[2]['rows'][0]['amounts']
    C.report(ID, T[2]['title'], '合计 = 基本+项目+预留+结转', a[0], a[1:])
    t = T[3]
    C.lsum(ID, t, '收入合计', ['一、一般公共预算', '二、政府性基金预算'], side=0)
    C.lsum(ID, t, '支出合计', ['一、基本支出', '二、项目支出', '三、单位预留机动经费'], side=1)
    C.leq(ID, t, '收入合计', '支出合计', sa=0, sb=1)
    for i in (4, 5, 6, 7, 9, 10): tree(ID, T[i])
    a = T[8]['rows'][0]['amounts']
    C.report(ID, T[8]['title'], '合计 = 三公小计+会议+培训', a[0], [a[1], a[7], a[8]])
    C.report(ID, T[8]['title'], '三公小计 = 出国+车+接待', a[1], [a[2], a[3], a[6]])
    C.report(ID, T[8]['title'], '车 = 购置+运行', a[3], [a[4], a[5]])
    # cross
    C.report(ID, 'cross', '基本支出表合计 = 收支总表 基本支出', C.find(T[5], '合计')['amounts'][0], [C.find(T[0], '一、基本支出')['amounts'][0]])
    C.report(ID, 'cross', '机关运行经费 = 302 商品和服务支出(基本)', C.find(T[10], '合计')['amounts'][0], [[r for r in T[5]['rows'] if r['code'] == '302'][0]['amounts'][0]])
    C.report(ID, 'cross', '三公 车运行 = 30231', T[8]['rows'][0]['amounts'][5], [[r for r in T[5]['rows'] if r['code'] == '30231'][0]['amounts'][0]])
    C.report(ID, 'cross', '会议费 = 人大会议 2010104', T[8]['rows'][0]['amounts'][7], [[r for r in T[4]['rows'] if r['code'] == '2010104'][0]['amounts'][0]])
    t = T[11]
    C.report(ID, t['title'], '合计 = 货物+服务', t['rows'][0]['amounts'][0], [r['amounts'][0] for r in t['rows'] if r['label'] and r['label'][:2] in ('一、', '二、', '三、')])
    C.procurement(ID, T[11])
