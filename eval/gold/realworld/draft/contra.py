import json
C = []
def add(seed, page, title, kind, stated, recomputed, expl):
    C.append({"seed": seed, "page": page, "table_title": title, "kind": kind, "stated": stated, "recomputed": recomputed, "explanation": expl})
# H1
add("H1", 31, "部门“三公”经费和机关运行经费预算表", "prose_vs_table",
    "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。",
    "the table above the note prints 47.91 (“三公”合计), 1.35, 46.56, 25, 21.56 and 443.18 (机关运行经费) 万元; p32 restates 47.91 and 443.18",
    "The note under the 三公 statement says the table is empty, but the same table (and the prose on p32) gives non-zero 三公 and 机关运行经费 budgets.")
add("H1", 9, "2024年部门一般公共预算支出功能分类预算表", "prose_vs_table",
    "“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元 … 2024年预算安排352.67万元，比2023年预算执行数增加0.53%",
    "table 2210201 住房公积金 = 3,503,499 元 = 350.35 万元; (352.67−348.52)/348.52 = 1.19%, (350.35−348.52)/348.52 = 0.53%",
    "Item 31 gives the same 2024 budget twice with different values; 350.35 matches the table and the stated +0.53%, 352.67 matches neither.")
add("H1", 7, "2024年部门一般公共预算支出功能分类预算表", "change",
    "“教育支出（类）其他教育支出（款）其他教育支出（项）”… 2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%",
    "growth rate from a 0.00 base is undefined (increase of 25.00 万元)",
    "A percentage change on a zero base cannot be 100%; the rate is undefined.")
add("H1", 6, "2024年部门一般公共预算支出功能分类预算表", "change",
    "宣传事务一般行政管理事务 … 2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加。",
    "110.60 − 114.00 = −3.40 万元 (−2.98%): a decrease",
    "The rate and 减少 are right, but the stated reason says the funding increased.")
# H7
add("H7", 9, "2026年部门一般公共预算支出功能分类预算表", "change",
    "“公共安全支出（204类）司法（06款）其他司法支出（99项）”3845.49万元 … 2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%",
    "(3845.49 − 43269.3)/43269.3 = −91.11% (a decrease)",
    "The stated +17.62% would need a 2025 base of about 3269.3 万元; with the printed 43269.3 the change is a 91.11% decrease (the base looks mistyped).")
add("H7", 9, "2026年部门一般公共预算支出功能分类预算表", "change",
    "机关事业单位职业年金缴费支出 … 2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%",
    "(91.97 − 77.99)/77.99 = +17.93%",
    "17.66% is the rate of the previous item (基本养老保险缴费 156.34 → 183.95); for 职业年金 it is 17.93%.")
add("H7", 9, "2026年部门一般公共预算支出功能分类预算表", "prose_vs_table",
    "住房改革支出（02款）住房公积金（01项）208.8万元 … 2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%",
    "table 2210201 住房公积金 = 2,087,959.00 元 = 208.80 万元; (201.50−198.34)/198.34 = 1.59%, (208.8−198.34)/198.34 = 5.27%",
    "Item 12 gives the 2026 budget as 208.8 and as 201.50; 208.8 matches the table and the stated +5.27%.")
# T3
add("T3", 6, "2024年预算单位一般公共预算支出功能分类预算表", "prose_vs_table",
    "“社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）”738.66万元",
    "table 2081005 社会福利事业单位 = 6,964,796 元 = 696.48 万元 (一般公共预算); the six listed items sum to 991.59 万元 against 财政拨款支出 950.12 万元",
    "The item's amount does not match the 一般公共预算 table (nor the 支出预算总表's 9,584,796 元 incl. 事业收入); with 696.48 the items sum to the 950.12 total (plus 0.70 其他行政事业单位养老支出 not listed).")
# J01
add("J01", 26, "财政拨款支出预算表", "prose_vs_table",
    "1. 人大事务行政运行（项）支出 10528.33 万元，与上年相比减少 17.89 万元",
    "table 2010101 行政运行 = 4,545.94 万元; 10,528.33 is 201 一般公共服务支出 / 20101 人大事务",
    "The figure is the 类/款 total but is labelled as the 行政运行 项.")
add("J01", 28, "“三公”经费、会议费、培训费支出预算表", "share",
    "因公出国（境）费支出 222.5 万元，占“三公”经费的 8.75%；公务用车购置及运行费支出 183.6 万元，占“三公”经费的 7.22%；公务接待费支出 427.5 万元，占“三公”经费的 16.81%",
    "of the 三公经费 833.60 万元: 26.69%, 22.03%, 51.28%; the stated 8.75/7.22/16.81% are shares of 2,542.60 万元 (三公 + 会议费 1,305.25 + 培训费 403.75)",
    "Shares stated as shares of the 三公经费 are computed against the table's 合计 including 会议费 and 培训费; they add to 32.78%, not 100%.")
add("J01", 28, "一般公共预算机关运行经费支出预算表", "prose_vs_table",
    "财政拨款支出安排数与《部门一般公共预算基本支出预算表》的“商品和服务支出”支出数一致 … 2017 年本部门一般公共预算机关运行经费预算支出 5619.31 万元",
    "机关运行经费 table 合计 5,619.31 万元 vs 一般公共预算基本支出预算表 302 商品和服务支出 1,585.96 万元",
    "The description claims the two figures agree; they differ by 4,033.35 万元 (the text goes on to explain a change of 口径 that adds project funds).")
# J05
add("J05", 19, "收支预算总表", "prose_vs_table",
    "此外，基本支出预算数为 12323.46 万元",
    "收支预算总表 一、基本支出 = 12,323.48 万元; p19 (三、支出预算情况说明) also says 基本支出 12323.48 万元",
    "The same figure is printed as 12323.46 and 12323.48.")
add("J05", 19, "收支预算总表", "change",
    "公共安全（类）支出 13656.34 万元 … 与上年相比增加 309.03 万元，增长 2.31 %",
    "309.03 / (13656.34 − 309.03) = 2.3153% → 2.32%",
    "Off by one unit in the last place; consistent with truncation (2.3153 → 2.31) rather than rounding.")
add("J05", 22, "一般公共预算机关运行经费支出预算表", "change",
    "机关运行经费预算支出 6032.55 万元，比 2016 年增加 3401.59 万元，增长 129.97 %",
    "3401.59 / (6032.55 − 3401.59) = 3401.59 / 2630.96 = 129.29%",
    "The stated growth rate does not follow from the stated amounts.")
add("J05", 22, "一般公共预算“三公”经费、会议费、培训费支出预算表", "share",
    "因公出国（境）费支出 110 万元，占“三公”经费的 18.85 %；公务用车购置及运行费支出 317.8 万元，占“三公”经费的 54.43%；公务接待费支出 156.55 万元，占“三公”经费的 26.72%",
    "of 三公 584.35 万元 (table 小计): 18.82%, 54.39%, 26.79%",
    "54.43% and 26.72% are outside rounding (18.85% only passes because 110 is printed without decimals; with the table's 110.00 it is 18.82%).")
# J07
add("J07", 25, "收支预算总表", "change",
    "收入、支出预算总计 24,169.74 万元，与上年相比收、支预算总计各增加 2214.39 万元，增长 10.06 %",
    "2214.39 / (24169.74 − 2214.39) = 10.09%",
    "The stated rate does not follow from the stated total and change.")
add("J07", 25, "收支预算总表", "change",
    "一般公共预算收入预算 24,169.74万元，与上年相比增加2228.78 万元，增长10.15 %",
    "2228.78 / (24169.74 − 2228.78) = 10.1581% → 10.16%",
    "Off by one unit (truncation of 10.158); the same 10.15% is repeated on p27 (财政拨款收支, 财政拨款支出) and p29 (一般公共预算支出).")
add("J07", 26, "收支预算总表", "change",
    "项目支出预算数为4335.3万元。与上年相比减少了1237.7 万元，减少 13.22 %",
    "1237.7 / (4335.3 + 1237.7) = 22.21%",
    "13.22% is the rate stated for 基本支出 in the sentence before; for 项目支出 the decrease is 22.21%.")
add("J07", 26, "支出预算总表", "share",
    "基本支出15,844.04万元，占65.56%；项目支出4335.3万元，占17.94%；单位预留机动经费3990.4万元，占16.5%",
    "15844.04 / 24169.74 = 65.553% → 65.55%",
    "One unit too high, apparently forced so that the three shares add to 100%.")
add("J07", 27, "财政拨款支出预算表（功能科目）", "change",
    "检察（款）一般行政管理事务(项)支出 2354.4万元，与上年相比减少1311.6 万元，减少35.77 %",
    "1311.6 / (2354.4 + 1311.6) = 35.777% → 35.78%",
    "Off by one unit (truncation rather than rounding).")
add("J07", 29, "财政拨款支出预算表（功能科目）", "change",
    "住房改革支出（款）住房公积金（项）支出1442.74万元，与上年相比增加368.97万元，增加34.38 %",
    "368.97 / (1442.74 − 368.97) = 34.36%",
    "The stated rate does not follow from the stated amounts.")
# J21
add("J21", 20, "2017年度江苏省高级人民法院部门支出预算总表", "share",
    "基本支出 17123.19 万元，占 59.35%；项目支出 11543.27 万元，占 40.01%；单位预留机动经费 182.92 万元，占 0.64%",
    "182.92 / 28849.38 = 0.634% → 0.63%",
    "One unit too high, apparently forced so that the three shares add to 100%.")
add("J21", 22, "2017年度江苏省高级人民法院部门财政拨款支出预算表", "change",
    "住房改革支出（款）提租补贴（项）支出 1959.99 万元，与上年相比增加 865.57 万元，增长 79.05%",
    "865.57 / (1959.99 − 865.57) = 865.57 / 1094.42 = 79.09%",
    "The stated rate does not follow from the stated amounts.")
json.dump(C, open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), '..', 'contradictions.json'), 'w'), ensure_ascii=False, indent=2)
print(len(C))
