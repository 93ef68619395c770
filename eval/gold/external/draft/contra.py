"""Writes ../contradictions.json: inconsistencies of the published document found by recomputation
(prose.py for the 决算说明, the spec's checks for the statements)."""
import json, os
C = []
def add(page, title, kind, stated, recomputed, expl):
    C.append({"seed": "SH2024", "page": page, "table_title": title, "kind": kind, "stated": stated, "recomputed": recomputed, "explanation": expl})
add(21, "财政拨款收入支出决算总表", "prose_vs_table",
    "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。",
    "财政拨款收入支出决算总表 (p13): 总计 2,961.68 万元 on both sides (本年收入合计 2,940.05 + 年初财政拨款结转和结余 21.63)",
    "The 财政拨款 total stated in section 四 of the 决算说明 is 0.3 万元; the statement prints 2,961.68 万元.")
add(21, "财政拨款收入支出决算总表", "change",
    "与2023年度相比，财政拨款收入支出总计持平。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。",
    "2024 总计 2,961.68; p21 (五) gives the 2023 一般公共预算财政拨款支出 as 2,940.05 + 63.14 = 3,003.19, so the 2023 财政拨款收入支出总计 (支出 + 年末结转和结余) was at least 3,003.19: a decrease of at least 41.51 万元 (1.38%); 63.14 万元 (2.09%) if the 2023 年末结转 equals the 2024 年初 21.63",
    "持平 cannot hold: the same section's reason speaks of 减少支付, and the 一般公共预算财政拨款支出 alone fell by 63.14 万元 (stated in section 五).")
add(21, "一般公共预算财政拨款支出决算表", "share",
    "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%",
    "2,106.66 / 2,940.05 = 71.65% (interval 71.6536–71.6542%)",
    "The share is wrong by 0.08 points; the other three class shares (11.11%, 2.07%, 15.16%) recompute, and with 71.73% the four shares add to 100.07%.")
add(6, "收入支出决算总表", "same_fact",
    "八、社会保障和就业支出 326.71",
    "收入决算表 (p8), 支出决算表 (p10) and 一般公共预算财政拨款支出决算表 (p15) print 208 社会保障和就业支出 326.72 万元 (= Σ 项 84.65 + 160.75 + 80.38 + 0.94); the 决算说明 (p21) also says 326.72",
    "The same class total is printed 326.71 here and 326.72 in the detailed statements. With 326.71 the summary's classes add exactly to 本年支出合计 2,940.05, while the detailed tables' classes add to 2,940.06 (a rounding difference from 元): the summary figure looks adjusted to foot.")
add(12, "财政拨款收入支出决算总表", "same_fact",
    "八、社会保障和就业支出 合计 326.71, 一般公共预算财政拨款 326.71",
    "一般公共预算财政拨款支出决算表 (p15): 208 社会保障和就业支出 326.72 万元 (also 326.72 in the 支出决算表 and the 决算说明)",
    "The same 一般公共预算财政拨款 class total is printed 326.71 in the 财政拨款 summary and 326.72 in the 一般公共预算 statement; as in the 收入支出决算总表, 326.71 makes the classes add exactly to 2,940.05.")
add(23, "一般公共预算财政拨款基本支出决算表", "prose_vs_table",
    "人员经费2152.26万元，主要包括：基本工资、津贴补贴、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休费、个人农业生产补贴",
    "基本支出决算表: 30310 个人农业生产补贴 is blank (no expenditure); 30309 奖励金 0.31 万元 is the only non-empty 人员经费 款 not listed; every other listed item is non-empty, and the 公用经费 list matches the table's non-empty 款 exactly",
    "The prose names 个人农业生产补贴 as a component of 人员经费 although the statement shows none, and leaves out 奖励金 (0.31), which the statement does show (the neighbouring row).")
json.dump(C, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'contradictions.json'), 'w'), ensure_ascii=False, indent=2)
print(len(C))
