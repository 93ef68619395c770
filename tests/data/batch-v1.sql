PRAGMA user_version = 1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,  -- NULL: the run was killed or is still going
    pipeline TEXT NOT NULL,
    workers INTEGER NOT NULL,
    done INTEGER, skipped INTEGER, failed INTEGER
);
INSERT INTO runs VALUES(1,'2026-12-06T02:46:24+00:00','2026-12-06T02:46:26+00:00','0.1.0+09699a64070d',1,1,0,1);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT UNIQUE,  -- NULL only for a file that could not be read at all
    source TEXT NOT NULL,
    bytes INTEGER,
    format TEXT,
    pipeline TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    error TEXT,  -- why it failed: one line
    traceback TEXT,  -- for a failure that is a budgetlens bug rather than bad input
    errors INTEGER, warnings INTEGER, notes INTEGER,  -- findings by severity
    checks_run INTEGER, checks_not_checked INTEGER,
    reader_warnings TEXT,
    report TEXT,  -- the reviewer's page (.html); the JSON result is beside it (.json)
    seconds REAL,
    run_id INTEGER REFERENCES runs (id),
    checked_at TEXT NOT NULL
);
INSERT INTO documents VALUES(1,'d27f26fe9e63382f5e1f64eee8b0870da9d796a0b2abd9a3e3845c6d5198f657','/reports/in/000_8bbc2e346d9430aa.txt',48780,'text-word','0.1.0+09699a64070d','done',NULL,NULL,7,7,1,39,0,NULL,'/reports/v1-reports/000_8bbc2e346d9430aa-d27f26fe.html',0.21699999999999999844,1,'2026-12-06T02:46:26+00:00');
INSERT INTO documents VALUES(2,'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855','/reports/in/empty.txt',0,NULL,'0.1.0+09699a64070d','failed','the file is empty',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0.0,1,'2026-12-06T02:46:26+00:00');
CREATE TABLE tables (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT, project TEXT,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    items INTEGER,  -- indicator or score rows read from it
    total_score TEXT,
    notes TEXT
);
INSERT INTO tables VALUES(1,'t1','T1','部门整体支出绩效目标完成情况自评表',NULL,NULL,61,159,6,NULL,NULL);
INSERT INTO tables VALUES(1,'t2','T2','专项预算项目绩效目标完成情况自评表','县政府综合保障经费',NULL,203,346,7,NULL,NULL);
INSERT INTO tables VALUES(1,'t3','T2','专项预算项目绩效目标完成情况自评表','2024年派驻纪检组工作经费',NULL,406,537,6,NULL,NULL);
INSERT INTO tables VALUES(1,'t4','T2','专项预算项目绩效目标完成情况自评表','电梯安装项目',NULL,592,725,6,NULL,NULL);
INSERT INTO tables VALUES(1,'t5','T2','专项预算项目绩效目标完成情况自评表','2024年416专班工作经费',NULL,783,914,6,NULL,NULL);
INSERT INTO tables VALUES(1,'t6','T2','专项预算项目绩效目标完成情况自评表','区域合作中心前期服务工作经费',NULL,971,1144,10,NULL,NULL);
INSERT INTO tables VALUES(1,'t7','T2','专项预算项目绩效目标完成情况自评表','区合中心专项工作经费',NULL,1209,1363,8,NULL,NULL);
CREATE TABLE indicators (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    table_kind TEXT NOT NULL,
    row INTEGER NOT NULL,
    item TEXT NOT NULL CHECK (item IN ('indicator', 'score_item')),
    level1 TEXT, level2 TEXT, level3 TEXT,
    comparator TEXT, target TEXT, target_value TEXT, unit TEXT,
    weight TEXT, weight_value TEXT, actual TEXT, actual_value TEXT,
    allotted TEXT, allotted_value TEXT, score TEXT, score_value TEXT,
    note TEXT,
    line INTEGER, page INTEGER
);
INSERT INTO indicators VALUES(1,'t1','T1',7,'indicator','产出指标','数量指标','完成上级交办的各项目标任务','=','100','100','%','20','20','100','100',NULL,NULL,NULL,NULL,NULL,101,NULL);
INSERT INTO indicators VALUES(1,'t1','T1',8,'indicator','产出指标','质量指标','高标准完成工作任务','qualitative','高',NULL,NULL,'20','20','高',NULL,NULL,NULL,NULL,NULL,NULL,111,NULL);
INSERT INTO indicators VALUES(1,'t1','T1',9,'indicator','产出指标','时效指标','规定时限内','=','1','1','年','15','15','1','1',NULL,NULL,NULL,NULL,NULL,121,NULL);
INSERT INTO indicators VALUES(1,'t1','T1',10,'indicator','效益指标','社会效益指标','提升服务能力','qualitative','强',NULL,NULL,'15','15','强',NULL,NULL,NULL,NULL,NULL,NULL,131,NULL);
INSERT INTO indicators VALUES(1,'t1','T1',11,'indicator','满意度指标','满意度指标','提高群众满意度','>=','95','95','%','10','10','96','96',NULL,NULL,NULL,NULL,NULL,142,NULL);
INSERT INTO indicators VALUES(1,'t1','T1',12,'indicator','成本指标','经济成本指标','严格控制单位支出','<=','2289.41','2289.41','万元','10','10','2289.41','2289.41',NULL,NULL,NULL,NULL,NULL,152,NULL);
INSERT INTO indicators VALUES(1,'t2','T2',17,'indicator','产出指标','数量指标','资料打印复印','>=','100000','100000','册','10','10','100000','100000',NULL,NULL,NULL,NULL,NULL,276,NULL);
INSERT INTO indicators VALUES(1,'t2','T2',18,'indicator','产出指标','数量指标','办公区域维护维修','>=','3000','3000','㎡','10','10','4000','4000',NULL,NULL,NULL,NULL,NULL,286,NULL);
INSERT INTO indicators VALUES(1,'t2','T2',19,'indicator','产出指标','质量指标','资金到位率','=','100','100','%','10','10','100','100',NULL,NULL,NULL,NULL,NULL,296,NULL);
INSERT INTO indicators VALUES(1,'t2','T2',20,'indicator','产出指标','时效指标','资金到位及时','=','100','100','%','10','10','100','100',NULL,NULL,NULL,NULL,NULL,306,NULL);
INSERT INTO indicators VALUES(1,'t2','T2',21,'indicator','效益指标','可持续发展指标','维持办公室正常秩序','qualitative','持续有效',NULL,NULL,'20','20','持续有效',NULL,NULL,NULL,NULL,NULL,NULL,316,NULL);
INSERT INTO indicators VALUES(1,'t2','T2',22,'indicator','满意度指标','服务对象满意度指标','干部职工满意度','>=','95','95','%','10','10','95','95',NULL,NULL,NULL,NULL,NULL,326,NULL);
INSERT INTO indicators VALUES(1,'t2','T2',23,'indicator','成本指标','经济成本指标','全年资金使用额度','<=','739.76','739.76','万元','10','10','665.97','665.97',NULL,NULL,NULL,NULL,NULL,338,NULL);
INSERT INTO indicators VALUES(1,'t3','T2',16,'indicator','产出指标','数量指标','相关会议调研次数','>=','50','50','次','10','10','200','200',NULL,NULL,NULL,NULL,NULL,476,NULL);
INSERT INTO indicators VALUES(1,'t3','T2',17,'indicator','产出指标','质量指标','立案案件办结率','>=','100','100','%','15','15','100','100',NULL,NULL,NULL,NULL,NULL,486,NULL);
INSERT INTO indicators VALUES(1,'t3','T2',18,'indicator','产出指标','时效指标','案件办理时限达标率','>=','100','100','%','15','15','100','100',NULL,NULL,NULL,NULL,NULL,496,NULL);
INSERT INTO indicators VALUES(1,'t3','T2',19,'indicator','效益指标','社会效益指标','社会满意度','>=','90','90','%','30','30','90','90',NULL,NULL,NULL,NULL,NULL,506,NULL);
INSERT INTO indicators VALUES(1,'t3','T2',20,'indicator','满意度指标','服务对象满意度指标','办案人员被投诉次数','<=','10','10','次','10','10','10','10',NULL,NULL,NULL,NULL,NULL,517,NULL);
INSERT INTO indicators VALUES(1,'t3','T2',21,'indicator','成本指标','经济成本指标','项目成本','=','18.05','18.05','万','10','10','18.05','18.05',NULL,NULL,NULL,NULL,NULL,529,NULL);
INSERT INTO indicators VALUES(1,'t4','T2',17,'indicator','产出指标','数量指标','安装电梯','=','4','4','部','10','10','3','3',NULL,NULL,NULL,NULL,NULL,665,NULL);
INSERT INTO indicators VALUES(1,'t4','T2',18,'indicator','产出指标','质量指标','电梯合格率','=','100','100','%','20','20','100','100',NULL,NULL,NULL,NULL,NULL,675,NULL);
INSERT INTO indicators VALUES(1,'t4','T2',19,'indicator','产出指标','时效指标','竣工时限','qualitative',NULL,NULL,NULL,'20','20','合同期内',NULL,NULL,NULL,NULL,NULL,NULL,685,NULL);
INSERT INTO indicators VALUES(1,'t4','T2',20,'indicator','效益指标','社会效益指标','出行环境','qualitative',NULL,NULL,NULL,'20','20','持续改善',NULL,NULL,NULL,NULL,NULL,NULL,695,NULL);
INSERT INTO indicators VALUES(1,'t4','T2',21,'indicator','效益指标','社会效益指标','方便群众办事','qualitative',NULL,NULL,NULL,'20','20','出行方便',NULL,NULL,NULL,NULL,NULL,NULL,706,NULL);
INSERT INTO indicators VALUES(1,'t4','T2',22,'indicator','满意度指标','使用者满意度指标','使用电梯满意度','>=','98','98','%','10','10','98','98',NULL,NULL,NULL,NULL,NULL,717,NULL);
INSERT INTO indicators VALUES(1,'t5','T2',16,'indicator','产出指标','数量指标','调研企业次数','>=','50','50','次','10','10','60','60',NULL,NULL,NULL,NULL,NULL,853,NULL);
INSERT INTO indicators VALUES(1,'t5','T2',17,'indicator','产出指标','质量指标','政策落实率','>=','100','100','%','15','15','90','90',NULL,NULL,NULL,NULL,NULL,863,NULL);
INSERT INTO indicators VALUES(1,'t5','T2',18,'indicator','产出指标','时效指标','工作完成时限','<=','1','1','年','15','15','1','1',NULL,NULL,NULL,NULL,NULL,873,NULL);
INSERT INTO indicators VALUES(1,'t5','T2',19,'indicator','效益指标','社会效益指标','营商环境','qualitative','提升',NULL,NULL,'30','30','有效提升',NULL,NULL,NULL,NULL,NULL,NULL,883,NULL);
INSERT INTO indicators VALUES(1,'t5','T2',20,'indicator','满意度指标','服务对象满意度指标','企业满意率','>=','90','90','%','10','10','90','90',NULL,NULL,NULL,NULL,NULL,894,NULL);
INSERT INTO indicators VALUES(1,'t5','T2',21,'indicator','成本指标','经济成本指标','项目成本','<=','18.6','18.6','万','10','10','18.6','18.6',NULL,NULL,NULL,NULL,NULL,906,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',17,'indicator',NULL,NULL,'购置办公沙发套数','=','7','7','套','5','5','7','7',NULL,NULL,NULL,NULL,NULL,1046,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',18,'indicator',NULL,NULL,'购置空调台数','=','7','7','台','5','5','7','7',NULL,NULL,NULL,NULL,NULL,1056,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',19,'indicator',NULL,NULL,'购置打印机台数','=','6','6','台','10','10','6','6',NULL,NULL,NULL,NULL,NULL,1066,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',20,'indicator',NULL,NULL,'购置办公桌椅套数','=','17','17','套','5','5','17','17',NULL,NULL,NULL,NULL,NULL,1076,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',21,'indicator',NULL,NULL,'购置办公电脑台数','=','13','13','台','5','5','11','11',NULL,NULL,NULL,NULL,NULL,1086,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',22,'indicator',NULL,'质量指标','验收合格率','=','100','100','%','5','5','100','100',NULL,NULL,NULL,NULL,NULL,1096,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',23,'indicator',NULL,'时效指标','购置完成时效','<=','1','1','年','5','5','1','1',NULL,NULL,NULL,NULL,NULL,1106,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',24,'indicator','效益指标','单位效益指标','设备配置率','>=','95','95','%','5','5','97','97',NULL,NULL,NULL,NULL,NULL,1116,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',25,'indicator','满意度指标','使用者满意度指标','问题反馈次数','<=','15','15','次','10','10','0','0',NULL,NULL,NULL,NULL,NULL,1126,NULL);
INSERT INTO indicators VALUES(1,'t6','T2',26,'indicator','成本指标','经济成本指标','项目成本','<=','20','20','万元','20','20','20','20',NULL,NULL,NULL,NULL,NULL,1137,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',16,'indicator','产出指标','数量指标','业务培训次数','>=','10','10','次','10','10','10','10',NULL,NULL,NULL,NULL,NULL,1282,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',17,'indicator','产出指标','数量指标','考察调研次数','>=','50','50','次','20','20','70','70',NULL,NULL,NULL,NULL,NULL,1292,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',18,'indicator','产出指标','质量指标','业务培训合格率','=','100','100','%','10','10','100','100',NULL,NULL,NULL,NULL,NULL,1302,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',19,'indicator','产出指标','质量指标','考察企业达标率','>=','60','60','%','10','10','80','80',NULL,NULL,NULL,NULL,NULL,1312,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',20,'indicator','产出指标','时效指标','服务企业时限达标率','>=','100','100','%','10','10','100','100',NULL,NULL,NULL,NULL,NULL,1322,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',21,'indicator','效益指标','经济效益指标','县域经济增长贡献率','>=','0.1','0.1','%','20','20','0.01','0.01',NULL,NULL,NULL,NULL,NULL,1332,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',22,'indicator','满意度指标','服务对象满意度指标','企业满意度','>=','90','90','%','10','10','95','95',NULL,NULL,NULL,NULL,NULL,1343,NULL);
INSERT INTO indicators VALUES(1,'t7','T2',23,'indicator','成本指标','经济成本指标','成本控制','<=','171','171','万','10','10','171','171',NULL,NULL,NULL,NULL,NULL,1355,NULL);
CREATE TABLE claims (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    type TEXT NOT NULL,
    subject TEXT,
    text TEXT NOT NULL, value TEXT NOT NULL, decimals INTEGER, unit TEXT, percent INTEGER,
    comparator TEXT, qualifier TEXT, direction TEXT, year INTEGER,
    claim_group TEXT, role TEXT, ref TEXT,
    block_id TEXT, span_start INTEGER, span_end INTEGER, line INTEGER, page INTEGER,
    section TEXT
);
INSERT INTO claims VALUES(1,'c1','count','编制','113','113',0,'名',0,NULL,NULL,NULL,NULL,'g1','total',NULL,'p4',16,19,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c2','count','行政编制','44','44',0,'名',0,NULL,NULL,NULL,NULL,'g1','part',NULL,'p4',27,29,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c3','count','事业编制','63','63',0,'名',0,NULL,NULL,NULL,NULL,'g1','part',NULL,'p4',35,37,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c4','count','行政工勤编制','6','6',0,'名',0,NULL,NULL,NULL,NULL,'g1','part',NULL,'p4',45,46,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c5','count','现有在职人员','102','102',0,'人',0,NULL,NULL,NULL,NULL,'g2','total',NULL,'p4',54,57,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c6','count','行政编制','42','42',0,'人',0,NULL,NULL,NULL,NULL,'g2','part',NULL,'p4',65,67,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c7','count','行政工勤编制','6','6',0,'人',0,NULL,NULL,NULL,NULL,'g2','part',NULL,'p4',75,76,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c8','count','事业编制','54','54',0,'人',0,NULL,NULL,NULL,NULL,'g2','part',NULL,'p4',82,84,10,NULL,'2024年部门预算绩效评价报告 > 一、部门（单位）基本情况 > （一）机构组成 > （3）人员概况');
INSERT INTO claims VALUES(1,'c9','amount','年初预算收入','2361.58','2361.58',2,'万元',0,NULL,NULL,NULL,NULL,'g3','total',NULL,'p5',11,18,13,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况');
INSERT INTO claims VALUES(1,'c10','amount','一般公共预算财政拨款收入','1430.82','1430.82',2,'万元',0,NULL,NULL,NULL,NULL,'g3','part',NULL,'p5',35,42,13,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况');
INSERT INTO claims VALUES(1,'c11','amount','政府性基金财政拨款收入','930.76','930.76',2,'万元',0,NULL,NULL,NULL,NULL,'g3','part',NULL,'p5',56,62,13,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况');
INSERT INTO claims VALUES(1,'c12','amount','决算收入','2289.41','2289.41',2,'万元',0,NULL,NULL,NULL,NULL,'g4','total',NULL,'p5',74,81,13,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况');
INSERT INTO claims VALUES(1,'c13','amount','一般公共预算财政拨款收入','1457.44','1457.44',2,'万元',0,NULL,NULL,NULL,NULL,'g4','part',NULL,'p5',98,105,13,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况');
INSERT INTO claims VALUES(1,'c14','amount','政府性基金预算财政拨款收入','831.97','831.97',2,'万元',0,NULL,NULL,NULL,NULL,'g4','part',NULL,'p5',121,127,13,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况');
INSERT INTO claims VALUES(1,'c15','amount','年初支出预算','2361.58','2361.58',2,'万元',0,NULL,NULL,NULL,NULL,'g5','total',NULL,'p6',11,18,15,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况 > （2）支出情况');
INSERT INTO claims VALUES(1,'c16','amount','基本支出','1334.64','1334.64',2,'万元',0,NULL,NULL,NULL,NULL,'g5','part',NULL,'p6',28,35,15,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况 > （2）支出情况');
INSERT INTO claims VALUES(1,'c17','amount','项目支出','1026.94','1026.94',2,'万元',0,NULL,NULL,NULL,NULL,'g5','part',NULL,'p6',42,49,15,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况 > （2）支出情况');
INSERT INTO claims VALUES(1,'c18','amount','决算支出','2289.41','2289.41',2,'万元',0,NULL,NULL,NULL,NULL,'g6','total',NULL,'p6',61,68,15,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况 > （2）支出情况');
INSERT INTO claims VALUES(1,'c19','amount','基本支出','1317.66','1317.66',2,'万元',0,NULL,NULL,NULL,NULL,'g6','part',NULL,'p6',78,85,15,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况 > （2）支出情况');
INSERT INTO claims VALUES(1,'c20','amount','项目支出','971.75','971.75',2,'万元',0,NULL,NULL,NULL,NULL,'g6','part',NULL,'p6',92,98,15,NULL,'2024年部门预算绩效评价报告 > 二、部门资金收支情况 > （一）收入情况 > （2）支出情况');
INSERT INTO claims VALUES(1,'c21','amount','年初财政拨款预算数','2361.58','2361.58',2,'万元',0,NULL,NULL,NULL,NULL,'g7','budget',NULL,'p10',26,33,23,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c22','amount','财政拨款预算执行数','2289.41','2289.41',2,'万元',0,NULL,NULL,NULL,NULL,'g7','actual',NULL,'p10',45,52,23,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c23','rate','财政拨款预算偏离度','3.05%','3.05',2,'%',1,NULL,NULL,NULL,NULL,'g7',NULL,'c22','p10',65,70,23,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c24','amount','至6月支出实际执行数','1016.32','1016.32',2,'万元',0,NULL,NULL,NULL,NULL,'g8','actual',NULL,'p12',30,37,25,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c25','rate','预算执行率','43.03%','43.03',2,'%',1,NULL,NULL,NULL,NULL,'g8',NULL,'c24','p12',45,51,25,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c26','amount','至10月支出实际执行数','1427.5','1427.5',1,'万元',0,NULL,NULL,NULL,NULL,'g9','actual',NULL,'p12',64,70,25,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c27','rate','预算执行率','60.44%','60.44',2,'%',1,NULL,NULL,NULL,NULL,'g9',NULL,'c26','p12',78,84,25,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c28','amount','预算年终结转资金','72.17','72.17',2,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p13',29,34,26,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c29','achievement','一般性支出','8','8',0,'项',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p14',71,72,27,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c30','amount','我办人均占有资产','11983','11983',0,'元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p16',21,26,29,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c31','achievement','人均资产变化率','6.8%','6.8',1,'%',1,'<',NULL,NULL,NULL,NULL,NULL,NULL,'p16',37,41,29,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c32','achievement','资产利用率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p16',48,52,29,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c33','amount','我办每年预留采购份额','5','5',0,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p17',40,41,30,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c34','count','政府采购项目','2','2',0,'个',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p17',68,69,30,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （一）部门预算总体绩效分析 > 2.预算管理。');
INSERT INTO claims VALUES(1,'c35','count','常年项目','4','4',0,'个',0,NULL,NULL,NULL,NULL,'g10',NULL,NULL,'p18',10,11,32,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （二）部门预算项目绩效分析');
INSERT INTO claims VALUES(1,'c36','amount','涉及预算总金额','873.62','873.62',2,'万元',0,NULL,NULL,NULL,NULL,'g10','budget',NULL,'p18',24,30,32,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （二）部门预算项目绩效分析');
INSERT INTO claims VALUES(1,'c37','rate','1—12月预算执行总体进度','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g10',NULL,NULL,'p18',47,51,32,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （二）部门预算项目绩效分析');
INSERT INTO claims VALUES(1,'c38','count','一次性项目','2','2',0,'个',0,NULL,NULL,NULL,NULL,'g11',NULL,NULL,'p18',55,56,32,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （二）部门预算项目绩效分析');
INSERT INTO claims VALUES(1,'c39','amount','涉及预算总金额','98.13','98.13',2,'万元',0,NULL,NULL,NULL,NULL,'g11','budget',NULL,'p18',70,75,32,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （二）部门预算项目绩效分析');
INSERT INTO claims VALUES(1,'c40','rate','1—12月预算执行总体进度','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g11',NULL,NULL,'p18',92,96,32,NULL,'2024年部门预算绩效评价报告 > 三、部门预算绩效分析 > （二）部门预算项目绩效分析');
INSERT INTO claims VALUES(1,'c41','score_total','自评得分','97.5','97.5',1,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p27',219,223,48,NULL,'2024年部门预算绩效评价报告 > 四、评价结论及建议 > （一）评价结论');
INSERT INTO claims VALUES(1,'c42','amount','综合保障经费','739.76','739.76',2,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p35',30,36,170,NULL,'县政府综合保障经费绩效运行评价报告 > 一、项目概况');
INSERT INTO claims VALUES(1,'c43','amount','下达资金','739.76','739.76',2,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p35',59,65,170,NULL,'县政府综合保障经费绩效运行评价报告 > 一、项目概况');
INSERT INTO claims VALUES(1,'c44','count','一级指标','4','4',0,'个',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p36',49,50,171,NULL,'县政府综合保障经费绩效运行评价报告 > 一、项目概况');
INSERT INTO claims VALUES(1,'c45','score_allotment','设立分值总分','100','100',0,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p36',80,83,171,NULL,'县政府综合保障经费绩效运行评价报告 > 一、项目概况');
INSERT INTO claims VALUES(1,'c46','amount','本项目资金预算申报','739.76','739.76',2,'万元',0,NULL,NULL,NULL,NULL,'g12','budget',NULL,'p43',16,22,183,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c47','amount','实际到位','665.97','665.97',2,'万元',0,NULL,NULL,NULL,NULL,'g12','actual',NULL,'p43',29,35,183,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c48','rate','资金到位率','90.02%','90.02',2,'%',1,NULL,NULL,NULL,NULL,'g12',NULL,'c47','p43',43,49,183,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c49','amount','本项目实际支出资金','665.97','665.97',2,'万元',0,NULL,NULL,NULL,NULL,'g13','actual',NULL,'p43',73,79,183,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c50','rate','预算执行率','90.02%','90.02',2,'%',1,NULL,NULL,NULL,NULL,'g13',NULL,'c49','p43',87,93,183,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c51','achievement','印发资料','10','10',0,'万册',0,NULL,'余',NULL,NULL,NULL,NULL,NULL,'p44',53,55,184,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c52','achievement','办公区域维护维修','3000','3000',0,'㎡',0,NULL,'超',NULL,NULL,NULL,NULL,NULL,'p44',68,72,184,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c53','achievement','下沉乡镇调研次数','80','80',0,'次',0,NULL,'近',NULL,NULL,NULL,NULL,NULL,'p44',83,85,184,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c54','achievement','组织办会次数','30','30',0,'次',0,NULL,'余',NULL,NULL,NULL,NULL,NULL,'p44',93,95,184,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c55','achievement','工作完成达标率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p46',37,41,189,NULL,'县政府综合保障经费绩效运行评价报告 > 二、评价实施 > （三）个性指标绩效分析 > 1.工作完成达标率');
INSERT INTO claims VALUES(1,'c56','score_total','绩效自评得分','99','99',0,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p50',76,78,195,NULL,'县政府综合保障经费绩效运行评价报告 > 四、评价结论');
INSERT INTO claims VALUES(1,'c57','amount','派驻纪检工作组经费项目预算','18.05','18.05',2,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p55',21,26,362,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （三）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c58','amount','下达资金','18.05','18.05',2,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p55',51,56,362,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （三）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c59','count','三级指标','7','7',0,'个',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p57',15,16,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c60','target','审查调查次数','50','50',0,'次',0,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p57',39,41,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c61','target','问题线索处置率','100%','100',0,'%',1,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p57',56,60,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c62','target','案件办理时限达标率','100%','100',0,'%',1,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p57',71,75,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c63','target','立案案件办结率','100%','100',0,'%',1,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p57',89,93,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c64','target','社会满意度','90%','90',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p57',107,110,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c65','target','群众满意度','90%','90',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p57',123,126,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c66','target','项目成本','18.05','18.05',2,'万元',0,'<=',NULL,NULL,NULL,NULL,NULL,NULL,'p57',139,144,365,NULL,'派驻纪检组工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c67','amount','本项目资金预算申报','18.05','18.05',2,'万元',0,NULL,NULL,NULL,NULL,'g14','budget',NULL,'p66',16,21,382,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c68','amount','实际到位','18.05','18.05',2,'万元',0,NULL,NULL,NULL,NULL,'g14','actual',NULL,'p66',28,33,382,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c69','rate','资金到位率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g14',NULL,'c68','p66',41,45,382,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c70','amount','本项目实际支出资金','18.05','18.05',2,'万元',0,NULL,NULL,NULL,NULL,'g15','actual',NULL,'p66',69,74,382,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c71','rate','预算执行率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g15',NULL,'c70','p66',82,86,382,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c72','achievement','相关会议调研次数','50','50',0,'次',0,NULL,'余',NULL,NULL,NULL,NULL,NULL,'p67',54,56,383,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c73','achievement','问题线索处置率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p67',67,71,383,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c74','achievement','社会满意度','90%','90',0,'%',1,NULL,'以上',NULL,NULL,NULL,NULL,NULL,'p67',77,80,383,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c75','achievement','立案案件办结率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p69',29,33,388,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （三）个性指标绩效分析 > 1.立案案件办结率');
INSERT INTO claims VALUES(1,'c76','achievement','促进相关政策落地落实','15','15',0,'类',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p70',18,20,390,NULL,'派驻纪检组工作经费项目绩效评价报告 > 三、绩效分析 > （三）个性指标绩效分析 > 2.促进相关政策落地落实');
INSERT INTO claims VALUES(1,'c77','score_total','绩效自评得分','100','100',0,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p72',76,79,394,NULL,'派驻纪检组工作经费项目绩效评价报告 > 四、评价结论');
INSERT INTO claims VALUES(1,'c78','count','电梯','4','4',0,'部',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p76',36,37,548,NULL,'电梯安装项目绩效评价报告 > 一、项目概况 > （一）设立背景及基本情况');
INSERT INTO claims VALUES(1,'c79','amount','本单位电梯安装项目后续工程款预算','78.13','78.13',2,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p78',16,21,552,NULL,'电梯安装项目绩效评价报告 > 一、项目概况 > （三）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c80','amount','下达资金','78.13','78.13',2,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p78',44,49,552,NULL,'电梯安装项目绩效评价报告 > 一、项目概况 > （三）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c81','count','三级指标','6','6',0,'个',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p80',15,16,555,NULL,'电梯安装项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c82','target','安装电梯数量','4','4',0,'部',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p80',39,40,555,NULL,'电梯安装项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c83','target','电梯验收合格率','100%','100',0,'%',1,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p80',55,59,555,NULL,'电梯安装项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c84','target','使用者满意度','98%','98',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p80',125,128,555,NULL,'电梯安装项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c85','amount','本项目资金预算申报','78.13','78.13',2,'万元',0,NULL,NULL,NULL,NULL,'g16','budget',NULL,'p89',16,21,572,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c86','amount','实际到位','78.13','78.13',2,'万元',0,NULL,NULL,NULL,NULL,'g16','actual',NULL,'p89',28,33,572,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c87','rate','资金到位率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g16',NULL,'c86','p89',41,45,572,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c88','amount','本项目实际支出资金','78.13','78.13',2,'万元',0,NULL,NULL,NULL,NULL,'g17','actual',NULL,'p89',69,74,572,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c89','rate','预算执行率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g17',NULL,'c88','p89',82,86,572,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c90','achievement','电梯安装','3','3',0,'部',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p90',37,38,573,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c91','achievement','电梯合格率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p90',60,64,573,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c92','achievement','使用者满意度','98%','98',0,'%',1,NULL,'以上',NULL,NULL,NULL,NULL,NULL,'p90',82,85,573,NULL,'电梯安装项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c93','score_total','绩效自评得分','100','100',0,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p92',67,70,577,NULL,'电梯安装项目绩效评价报告 > 四、评价结论');
INSERT INTO claims VALUES(1,'c94','amount','416专班项目预算','18.6','18.6',1,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p97',17,21,742,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （三）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c95','amount','下达资金','18.6','18.6',1,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p97',46,50,742,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （三）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c96','count','三级指标','8','8',0,'个',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p99',15,16,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c97','target','维护办公室日常运转','1','1',0,'处',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p99',42,43,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c98','target','打印资料','1000','1000',0,'份',0,'>=','余',NULL,NULL,NULL,NULL,NULL,'p99',50,54,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c99','target','维护电脑设备','6','6',0,'台',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p99',64,65,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c100','target','资金到位率','100%','100',0,'%',1,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p99',78,82,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c101','target','各项工作时限','1','1',0,'年',0,'<=',NULL,NULL,NULL,NULL,NULL,NULL,'p99',97,98,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c102','target','企业满意度','90%','90',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p99',134,137,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c103','target','项目成本','18.6','18.6',1,'万元',0,'<=',NULL,NULL,NULL,NULL,NULL,NULL,'p99',150,154,745,NULL,'416专班工作经费项目绩效评价报告 > 一、项目概况 > （四）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c104','amount','本项目资金预算申报','18.6','18.6',1,'万元',0,NULL,NULL,NULL,NULL,'g18','budget',NULL,'p108',16,20,762,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c105','amount','实际到位','18.6','18.6',1,'万元',0,NULL,NULL,NULL,NULL,'g18','actual',NULL,'p108',27,31,762,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c106','rate','资金到位率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g18',NULL,'c105','p108',39,43,762,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c107','amount','本项目实际支出资金','18.6','18.6',1,'万元',0,NULL,NULL,NULL,NULL,'g19','actual',NULL,'p108',67,71,762,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c108','rate','预算执行率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g19',NULL,'c107','p108',79,83,762,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c109','achievement','打印资料','1000','1000',0,'份',0,NULL,'以上',NULL,NULL,NULL,NULL,NULL,'p109',51,55,763,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c110','achievement','维护电脑设备','6','6',0,'台',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p109',65,66,763,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c111','achievement','维护电脑设备','1','1',0,'年',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p109',69,70,763,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c112','achievement','企业满意度','90%','90',0,'%',1,NULL,'以上',NULL,NULL,NULL,NULL,NULL,'p109',96,99,763,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c113','achievement','走访企业次数','50','50',0,'次',0,NULL,'以上',NULL,NULL,NULL,NULL,NULL,'p111',9,11,767,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （三）个性指标绩效分析');
INSERT INTO claims VALUES(1,'c114','achievement','促进相关企业优惠政策落地落实','2','2',0,'类',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p112',22,23,769,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （三）个性指标绩效分析 > 2.促进相关政策落地落实');
INSERT INTO claims VALUES(1,'c115','score_total','绩效自评得分','100','100',0,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p114',77,80,773,NULL,'416专班工作经费项目绩效评价报告 > 三、绩效分析 > （三）个性指标绩效分析 > 4、评价结论');
INSERT INTO claims VALUES(1,'c116','amount','区域合作服务中心前期工作经费预算','20','20',0,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p121',16,18,931,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （3）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c117','count','三级指标','12','12',0,'个',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p123',15,17,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c118','target','购置茶几个数','2','2',0,'个',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',40,41,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c119','target','购置办公沙发套数','7','7',0,'套',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',52,53,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c120','target','购置空调台数','7','7',0,'台',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',62,63,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c121','target','购置办公椅个数','17','17',0,'个',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',73,75,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c122','target','购置打印机台数','6','6',0,'台',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',85,86,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c123','target','购置办公桌张数','17','17',0,'张',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',96,98,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c124','target','购置办公电脑台数','13','13',0,'台',0,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',109,111,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c125','target','验收合格率','100%','100',0,'%',1,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',124,128,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c126','target','购置完成时效','1','1',0,'年',0,'<=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',141,142,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c127','target','设备配置率','95%','95',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',157,160,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c128','target','问题反馈次数','15','15',0,'次',0,'<=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',174,176,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c129','target','项目成本','20','20',0,'万元',0,'<=',NULL,NULL,NULL,NULL,NULL,NULL,'p123',190,192,934,NULL,'前期工作经费绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c130','amount','本项目资金预算申报','20','20',0,'万元',0,NULL,NULL,NULL,NULL,'g20','budget',NULL,'p132',16,18,951,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c131','amount','实际到位','20','20',0,'万元',0,NULL,NULL,NULL,NULL,'g20','actual',NULL,'p132',25,27,951,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c132','rate','资金到位率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g20',NULL,'c131','p132',35,39,951,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c133','amount','本项目实际支出资金','20','20',0,'万元',0,NULL,NULL,NULL,NULL,'g21','actual',NULL,'p132',63,65,951,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c134','rate','预算执行率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g21',NULL,'c133','p132',73,77,951,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c135','achievement','验收合格率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p133',65,69,952,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c136','achievement','设备配置率','95%','95',0,'%',1,NULL,'以上',NULL,NULL,NULL,NULL,NULL,'p133',76,79,952,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c137','achievement','办公设备、家具配置台数未','67','67',0,'套',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p136',21,23,957,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析 > （3）个性指标绩效分析');
INSERT INTO claims VALUES(1,'c138','target','电脑','13','13',0,'台',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p136',57,59,957,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析 > （3）个性指标绩效分析');
INSERT INTO claims VALUES(1,'c139','achievement','实际完成值','11','11',0,'台',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p136',68,70,957,NULL,'前期工作经费绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析 > （3）个性指标绩效分析');
INSERT INTO claims VALUES(1,'c140','score_total','绩效自评得分','100','100',0,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p138',113,116,960,NULL,'前期工作经费绩效评价的报告 > 四、评价结论');
INSERT INTO claims VALUES(1,'c141','achievement','部分指标完成率未','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p139',30,34,962,NULL,'前期工作经费绩效评价的报告 > 五、存在主要问题');
INSERT INTO claims VALUES(1,'c142','amount','本单位专项工作经费项目预算','171','171',0,'万元',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p145',13,16,1159,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （3）预算安排及分配管理');
INSERT INTO claims VALUES(1,'c143','count','三级指标','9','9',0,'个',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p147',15,16,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c144','target','业务培训次数','10','10',0,'次',0,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p147',39,41,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c145','target','业务培训合格率','100%','100',0,'%',1,'=',NULL,NULL,NULL,NULL,NULL,NULL,'p147',66,70,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c146','target','考察企业达标率','60%','60',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p147',79,82,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c147','target','服务企业时限达标率','100%','100',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p147',98,102,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c148','target','县域经济增长贡献率','0.1%','0.1',1,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p147',120,124,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c149','target','企业满意度','90%','90',0,'%',1,'>=',NULL,NULL,NULL,NULL,NULL,NULL,'p147',137,140,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c150','target','项目成本','171','171',0,'万元',0,'<=',NULL,NULL,NULL,NULL,NULL,NULL,'p147',153,156,1162,NULL,'预算项目绩效评价的报告 > 一、项目概况 > （二）实施目的及支持方向 > （4）项目绩效目标设置');
INSERT INTO claims VALUES(1,'c151','amount','本项目资金预算申报','171','171',0,'万元',0,NULL,NULL,NULL,NULL,'g22','budget',NULL,'p156',16,19,1179,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c152','amount','实际到位','171','171',0,'万元',0,NULL,NULL,NULL,NULL,'g22','actual',NULL,'p156',26,29,1179,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c153','rate','资金到位率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g22',NULL,'c152','p156',37,41,1179,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c154','amount','本项目实际支出资金','171','171',0,'万元',0,NULL,NULL,NULL,NULL,'g23','actual',NULL,'p156',65,68,1179,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c155','rate','预算执行率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,'g23',NULL,'c154','p156',76,80,1179,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c156','achievement','业务培训合格率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p157',76,80,1180,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c157','achievement','企业满意度','95%','95',0,'%',1,NULL,'以上',NULL,NULL,NULL,NULL,NULL,'p157',87,90,1180,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （一）通用指标绩效分析');
INSERT INTO claims VALUES(1,'c158','achievement','业务培训合格率','100%','100',0,'%',1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p159',57,61,1185,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （三）个性指标绩效分析 > 1.业务培训合格率');
INSERT INTO claims VALUES(1,'c159','achievement','考察调研次数','70','70',0,'次',0,NULL,'余',NULL,NULL,NULL,NULL,NULL,'p160',112,114,1187,NULL,'预算项目绩效评价的报告 > 三、绩效分析 > （三）个性指标绩效分析 > 2.考察调研次数');
INSERT INTO claims VALUES(1,'c160','score_total','绩效自评得分','95','95',0,'分',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'p162',107,109,1191,NULL,'预算项目绩效评价的报告 > 四、评价结论');
CREATE TABLE findings (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    finding INTEGER NOT NULL,  -- its place in the document's list
    rule_id TEXT NOT NULL, rule_version INTEGER NOT NULL, family TEXT NOT NULL,
    severity TEXT NOT NULL, tier TEXT NOT NULL, message TEXT NOT NULL,
    stated TEXT, stated_lo TEXT, stated_hi TEXT,
    computed TEXT, computed_lo TEXT, computed_hi TEXT, difference TEXT,
    line INTEGER, page INTEGER,
    evidence TEXT  -- JSON: every number used, with its place
);
INSERT INTO findings VALUES(1,1,'RESTATE.none_stated_but_amount',1,'restatements','error','mismatch','正文称“无预算结转结余”，但同一报告记载预算年终结转资金 72.17万元','无预算结转结余','-0.5','0.5','72.17',NULL,NULL,NULL,17,NULL,'[{"role": "stated", "text": "无预算结转结余", "location": {"line": 17, "page": null, "block_id": "p7", "table_id": null, "row": null, "col": null, "start": 5, "end": 12}}, {"role": "operand", "text": "72.17", "location": {"line": 26, "page": null, "block_id": "p13", "table_id": null, "row": null, "col": null, "start": 29, "end": 34}}]');
INSERT INTO findings VALUES(1,2,'RATE.shortfall_over_budget',1,'rates','warning','suspect_rounding','财政拨款预算偏离度 3.05% ≠ （年初财政拨款预算数 2361.58 − 财政拨款预算执行数 2289.41）÷ 2361.58 = 3.056%','3.05%','3.045','3.055','3.056','3.0557866856369768608794517241598333322747222733884','3.0562230714671352804801880101203645871928691657051','-0.006',23,NULL,'[{"role": "stated", "text": "3.05%", "location": {"line": 23, "page": null, "block_id": "p10", "table_id": null, "row": null, "col": null, "start": 65, "end": 70}}, {"role": "operand", "text": "2289.41", "location": {"line": 23, "page": null, "block_id": "p10", "table_id": null, "row": null, "col": null, "start": 45, "end": 52}}, {"role": "operand", "text": "2361.58", "location": {"line": 23, "page": null, "block_id": "p10", "table_id": null, "row": null, "col": null, "start": 26, "end": 33}}]');
INSERT INTO findings VALUES(1,3,'RESTATE.stated_total_of_weights',1,'restatements','error','mismatch','设立分值总分 100 分，但自评表 7 个指标权重合计 80（10 + 10 + 10 + 10 + 20 + 10 + 10）','100','99.5','100.5','80',NULL,NULL,NULL,171,NULL,'[{"role": "stated", "text": "100", "location": {"line": 171, "page": null, "block_id": "p36", "table_id": null, "row": null, "col": null, "start": 80, "end": 83}}, {"role": "operand", "text": "10", "location": {"line": 282, "page": null, "block_id": null, "table_id": "t2", "row": 17, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 292, "page": null, "block_id": null, "table_id": "t2", "row": 18, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 302, "page": null, "block_id": null, "table_id": "t2", "row": 19, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 312, "page": null, "block_id": null, "table_id": "t2", "row": 20, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "20", "location": {"line": 322, "page": null, "block_id": null, "table_id": "t2", "row": 21, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 334, "page": null, "block_id": null, "table_id": "t2", "row": 22, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 345, "page": null, "block_id": null, "table_id": "t2", "row": 23, "col": 7, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,4,'RATE.actual_over_budget',1,'rates','info','rounding','资金到位率 90.02% ≠ 实际到位 665.97 ÷ 本项目资金预算申报 739.76 = 90.0251%','90.02%','90.015','90.025','90.0251','90.023858928173136063479618527505356430758416524166','90.026427668620016086406986096748247730667585889924','-0.0051',183,NULL,'[{"role": "stated", "text": "90.02%", "location": {"line": 183, "page": null, "block_id": "p43", "table_id": null, "row": null, "col": null, "start": 43, "end": 49}}, {"role": "operand", "text": "665.97", "location": {"line": 183, "page": null, "block_id": "p43", "table_id": null, "row": null, "col": null, "start": 29, "end": 35}}, {"role": "operand", "text": "739.76", "location": {"line": 183, "page": null, "block_id": "p43", "table_id": null, "row": null, "col": null, "start": 16, "end": 22}}]');
INSERT INTO findings VALUES(1,5,'RESTATE.indicator_actual',1,'restatements','error','mismatch','资金到位率：正文 90.02% ≠ 自评表实际完成值 100%','90.02%','99.5','100.5','90.02','90.015','90.025','9.98',183,NULL,'[{"role": "stated", "text": "90.02%", "location": {"line": 183, "page": null, "block_id": "p43", "table_id": null, "row": null, "col": null, "start": 43, "end": 49}}, {"role": "operand", "text": "100", "location": {"line": 303, "page": null, "block_id": null, "table_id": "t2", "row": 19, "col": 8, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,6,'FOOT.indicator_weights',1,'footing','warning','mismatch','专项预算项目绩效目标完成情况自评表：7 个指标权重合计 80，通常为 90 或 100（10 + 10 + 10 + 10 + 20 + 10 + 10）','10','9.5','10.5','80',NULL,NULL,NULL,282,NULL,'[{"role": "stated", "text": "10", "location": {"line": 282, "page": null, "block_id": null, "table_id": "t2", "row": 17, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 292, "page": null, "block_id": null, "table_id": "t2", "row": 18, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 302, "page": null, "block_id": null, "table_id": "t2", "row": 19, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 312, "page": null, "block_id": null, "table_id": "t2", "row": 20, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "20", "location": {"line": 322, "page": null, "block_id": null, "table_id": "t2", "row": 21, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 334, "page": null, "block_id": null, "table_id": "t2", "row": 22, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 345, "page": null, "block_id": null, "table_id": "t2", "row": 23, "col": 7, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,7,'COUNT.indicators',1,'counts','error','mismatch','正文称共设置 7 个三级指标，专项预算项目绩效目标完成情况自评表列有 6 个','7','6.5','7.5','6',NULL,NULL,NULL,365,NULL,'[{"role": "stated", "text": "7", "location": {"line": 365, "page": null, "block_id": "p57", "table_id": null, "row": null, "col": null, "start": 15, "end": 16}}, {"role": "operand", "text": "相关会议调研次数", "location": {"line": 478, "page": null, "block_id": null, "table_id": "t3", "row": 16, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "立案案件办结率", "location": {"line": 488, "page": null, "block_id": null, "table_id": "t3", "row": 17, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "案件办理时限达标率", "location": {"line": 498, "page": null, "block_id": null, "table_id": "t3", "row": 18, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "社会满意度", "location": {"line": 509, "page": null, "block_id": null, "table_id": "t3", "row": 19, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "办案人员被投诉次数", "location": {"line": 521, "page": null, "block_id": null, "table_id": "t3", "row": 20, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "项目成本", "location": {"line": 532, "page": null, "block_id": null, "table_id": "t3", "row": 21, "col": 3, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,8,'RESTATE.indicator_actual',1,'restatements','warning','mismatch','相关会议调研次数：正文 50余，表中实际完成值 200','50','49.5','50.5','200',NULL,NULL,NULL,383,NULL,'[{"role": "stated", "text": "50", "location": {"line": 383, "page": null, "block_id": "p67", "table_id": null, "row": null, "col": null, "start": 54, "end": 56}}, {"role": "operand", "text": "200", "location": {"line": 483, "page": null, "block_id": null, "table_id": "t3", "row": 16, "col": 8, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,9,'RESTATE.full_score_with_missed_target',1,'restatements','warning','mismatch','绩效自评得分 100 分（满分），但自评表中 安装电梯 目标 =4部，实际 3部','100','99.5','100.5',NULL,NULL,NULL,NULL,577,NULL,'[{"role": "stated", "text": "100", "location": {"line": 577, "page": null, "block_id": "p92", "table_id": null, "row": null, "col": null, "start": 67, "end": 70}}, {"role": "operand", "text": "4", "location": {"line": 669, "page": null, "block_id": null, "table_id": "t4", "row": 17, "col": 5, "start": null, "end": null}}, {"role": "operand", "text": "3", "location": {"line": 672, "page": null, "block_id": null, "table_id": "t4", "row": 17, "col": 8, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,10,'COUNT.indicators',1,'counts','error','mismatch','正文称共设置 8 个三级指标，专项预算项目绩效目标完成情况自评表列有 6 个','8','7.5','8.5','6',NULL,NULL,NULL,745,NULL,'[{"role": "stated", "text": "8", "location": {"line": 745, "page": null, "block_id": "p99", "table_id": null, "row": null, "col": null, "start": 15, "end": 16}}, {"role": "operand", "text": "调研企业次数", "location": {"line": 855, "page": null, "block_id": null, "table_id": "t5", "row": 16, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "政策落实率", "location": {"line": 865, "page": null, "block_id": null, "table_id": "t5", "row": 17, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "工作完成时限", "location": {"line": 875, "page": null, "block_id": null, "table_id": "t5", "row": 18, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "营商环境", "location": {"line": 886, "page": null, "block_id": null, "table_id": "t5", "row": 19, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "企业满意率", "location": {"line": 898, "page": null, "block_id": null, "table_id": "t5", "row": 20, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "项目成本", "location": {"line": 909, "page": null, "block_id": null, "table_id": "t5", "row": 21, "col": 3, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,11,'RESTATE.full_score_with_missed_target',1,'restatements','warning','mismatch','绩效自评得分 100 分（满分），但自评表中 政策落实率 目标 >=100%，实际 90%','100','99.5','100.5',NULL,NULL,NULL,NULL,773,NULL,'[{"role": "stated", "text": "100", "location": {"line": 773, "page": null, "block_id": "p114", "table_id": null, "row": null, "col": null, "start": 77, "end": 80}}, {"role": "operand", "text": "100", "location": {"line": 867, "page": null, "block_id": null, "table_id": "t5", "row": 17, "col": 5, "start": null, "end": null}}, {"role": "operand", "text": "90", "location": {"line": 870, "page": null, "block_id": null, "table_id": "t5", "row": 17, "col": 8, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,12,'COUNT.indicators',1,'counts','error','mismatch','正文称共设置 12 个三级指标，专项预算项目绩效目标完成情况自评表列有 10 个','12','11.5','12.5','10',NULL,NULL,NULL,934,NULL,'[{"role": "stated", "text": "12", "location": {"line": 934, "page": null, "block_id": "p123", "table_id": null, "row": null, "col": null, "start": 15, "end": 17}}, {"role": "operand", "text": "购置办公沙发套数", "location": {"line": 1048, "page": null, "block_id": null, "table_id": "t6", "row": 17, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "购置空调台数", "location": {"line": 1058, "page": null, "block_id": null, "table_id": "t6", "row": 18, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "购置打印机台数", "location": {"line": 1068, "page": null, "block_id": null, "table_id": "t6", "row": 19, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "购置办公桌椅套数", "location": {"line": 1078, "page": null, "block_id": null, "table_id": "t6", "row": 20, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "购置办公电脑台数", "location": {"line": 1088, "page": null, "block_id": null, "table_id": "t6", "row": 21, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "验收合格率", "location": {"line": 1098, "page": null, "block_id": null, "table_id": "t6", "row": 22, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "购置完成时效", "location": {"line": 1108, "page": null, "block_id": null, "table_id": "t6", "row": 23, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "设备配置率", "location": {"line": 1118, "page": null, "block_id": null, "table_id": "t6", "row": 24, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "问题反馈次数", "location": {"line": 1129, "page": null, "block_id": null, "table_id": "t6", "row": 25, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "项目成本", "location": {"line": 1139, "page": null, "block_id": null, "table_id": "t6", "row": 26, "col": 3, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,13,'RESTATE.full_score_with_missed_target',1,'restatements','warning','mismatch','绩效自评得分 100 分（满分），但自评表中 购置办公电脑台数 目标 =13台，实际 11台','100','99.5','100.5',NULL,NULL,NULL,NULL,960,NULL,'[{"role": "stated", "text": "100", "location": {"line": 960, "page": null, "block_id": "p138", "table_id": null, "row": null, "col": null, "start": 113, "end": 116}}, {"role": "operand", "text": "13", "location": {"line": 1090, "page": null, "block_id": null, "table_id": "t6", "row": 21, "col": 5, "start": null, "end": null}}, {"role": "operand", "text": "11", "location": {"line": 1093, "page": null, "block_id": null, "table_id": "t6", "row": 21, "col": 8, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,14,'FOOT.indicator_weights',1,'footing','warning','mismatch','专项预算项目绩效目标完成情况自评表：10 个指标权重合计 75，通常为 90 或 100（5 + 5 + 10 + 5 + 5 + 5 + 5 + 5 + 10 + 20）','5','4.5','5.5','75',NULL,NULL,NULL,1052,NULL,'[{"role": "stated", "text": "5", "location": {"line": 1052, "page": null, "block_id": null, "table_id": "t6", "row": 17, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "5", "location": {"line": 1062, "page": null, "block_id": null, "table_id": "t6", "row": 18, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 1072, "page": null, "block_id": null, "table_id": "t6", "row": 19, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "5", "location": {"line": 1082, "page": null, "block_id": null, "table_id": "t6", "row": 20, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "5", "location": {"line": 1092, "page": null, "block_id": null, "table_id": "t6", "row": 21, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "5", "location": {"line": 1102, "page": null, "block_id": null, "table_id": "t6", "row": 22, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "5", "location": {"line": 1112, "page": null, "block_id": null, "table_id": "t6", "row": 23, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "5", "location": {"line": 1122, "page": null, "block_id": null, "table_id": "t6", "row": 24, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "10", "location": {"line": 1133, "page": null, "block_id": null, "table_id": "t6", "row": 25, "col": 7, "start": null, "end": null}}, {"role": "operand", "text": "20", "location": {"line": 1143, "page": null, "block_id": null, "table_id": "t6", "row": 26, "col": 7, "start": null, "end": null}}]');
INSERT INTO findings VALUES(1,15,'COUNT.indicators',1,'counts','error','mismatch','正文称共设置 9 个三级指标，专项预算项目绩效目标完成情况自评表列有 8 个','9','8.5','9.5','8',NULL,NULL,NULL,1162,NULL,'[{"role": "stated", "text": "9", "location": {"line": 1162, "page": null, "block_id": "p147", "table_id": null, "row": null, "col": null, "start": 15, "end": 16}}, {"role": "operand", "text": "业务培训次数", "location": {"line": 1284, "page": null, "block_id": null, "table_id": "t7", "row": 16, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "考察调研次数", "location": {"line": 1294, "page": null, "block_id": null, "table_id": "t7", "row": 17, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "业务培训合格率", "location": {"line": 1304, "page": null, "block_id": null, "table_id": "t7", "row": 18, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "考察企业达标率", "location": {"line": 1314, "page": null, "block_id": null, "table_id": "t7", "row": 19, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "服务企业时限达标率", "location": {"line": 1324, "page": null, "block_id": null, "table_id": "t7", "row": 20, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "县域经济增长贡献率", "location": {"line": 1335, "page": null, "block_id": null, "table_id": "t7", "row": 21, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "企业满意度", "location": {"line": 1347, "page": null, "block_id": null, "table_id": "t7", "row": 22, "col": 3, "start": null, "end": null}}, {"role": "operand", "text": "成本控制", "location": {"line": 1358, "page": null, "block_id": null, "table_id": "t7", "row": 23, "col": 3, "start": null, "end": null}}]');
CREATE INDEX tables_document ON tables (document_id);
CREATE INDEX indicators_document ON indicators (document_id);
CREATE INDEX claims_document ON claims (document_id);
CREATE INDEX findings_document ON findings (document_id);
COMMIT;
