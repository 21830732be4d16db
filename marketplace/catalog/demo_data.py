"""Demo catalogue: the outcome of the first admission round (首轮入驻遴选).

Twenty categories of the intermediary services (中介服务) that an investment project needs
on its way to approval, and forty admitted agencies with their service items. Market types
follow the founding principle: monopoly intermediaries must be admitted (垄断性中介必须进驻),
competitive ones are selected on merit up to a quota (竞争性中介择优进驻), and categories
with no qualified local agency are recruited from outside the city (缺位中介外来引进).

Every agency, person, address, telephone number and certificate number here is fictional;
the unified social credit codes carry valid GB 32100-2015 check characters. Statutes and
price documents are cited as they stand; most of the old national fee schedules were
liberalised by 发改价格〔2015〕299号, so fees are market-regulated (市场调节价) and the old
schedules are only a reference. Fee standards use the shapes in ``catalog.fees``: money in
integer fen, rates in percent as decimal strings, bases as strings.
"""

from __future__ import annotations

from typing import Any

from marketplace.catalog import price_documents as docs

CITY = "盐城市"

CATEGORIES: list[dict[str, Any]] = [
    {
        "code": "EIA",
        "name": "环境影响评价",
        "name_en": "Environmental impact assessment",
        "abbreviations": ["环评", "环境评价"],
        "market_type": "competitive",
        "quota": 5,
        "legal_basis": (
            "《中华人民共和国环境影响评价法》第十六条、第二十二条；"
            "《建设项目环境保护管理条例》第七条、第九条；"
            "《建设项目环境影响评价分类管理名录（2021年版）》"
            "（生态环境部令第16号）；《建设项目环境影响报告书（表）"
            "编制监督管理办法》（生态环境部令第9号）"
        ),
        "description": (
            "对建设项目实施后可能造成的环境影响进行分析、预测和评估，"
            "提出预防或者减轻不良环境影响的对策和措施。按分类管理名录，"
            "可能造成重大环境影响的项目编制环境影响报告书，"
            "造成轻度环境影响的编制环境影响报告表，报生态环境部门审批。"
        ),
        "description_en": (
            "Analysis, prediction and assessment of the environmental impact "
            "of a construction project, with measures to prevent or mitigate "
            "it. Projects with significant impact need a full report "
            "(报告书), those with minor impact a report form (报告表), "
            "approved by the ecology and environment bureau."
        ),
    },
    {
        "code": "SAFETY",
        "name": "安全评价",
        "name_en": "Work safety assessment",
        "abbreviations": ["安评", "安全预评价", "安全验收评价"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国安全生产法》第三十二条；"
            "《危险化学品安全管理条例》第十二条、第二十二条；"
            "《建设项目安全设施“三同时”监督管理办法》"
            "（国家安全监管总局令第36号，第77号修正）第七条；"
            "《安全评价检测检验机构管理办法》（应急管理部令第1号）"
        ),
        "description": (
            "对非煤矿山、危险化学品、烟花爆竹、"
            "金属冶炼以及使用危险化学品达到规定数量的化工等建设项目，"
            "在可行性研究阶段开展安全预评价，"
            "在安全设施竣工或试运行后开展安全验收评价；危险化学品生产、"
            "储存企业每三年进行一次安全现状评价。"
        ),
        "description_en": (
            "Safety pre-assessment at the feasibility stage and acceptance "
            "assessment after completion for mining, hazardous-chemical, fireworks,"
            " metal-smelting and chemical projects, plus the three-yearly status "
            "assessment required of hazardous-chemical producers and warehouses."
        ),
    },
    {
        "code": "ENERGY",
        "name": "节能评估",
        "name_en": "Energy conservation assessment",
        "abbreviations": ["能评", "节能报告", "节能审查"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国节约能源法》第十五条；"
            "《固定资产投资项目节能审查办法》"
            "（国家发展改革委令2023年第2号）"
        ),
        "description": (
            "为年综合能源消费量1000吨标准煤及以上或年电力消费量500万千瓦时"
            "及以上的固定资产投资项目编制节能报告，分析项目能源消费、"
            "能效水平及对所在地能耗和碳排放目标的影响，作为节能审查的依据；"
            "未经节能审查或审查未通过的项目不得开工建设。"
        ),
        "description_en": (
            "An energy-saving report for fixed-asset investment projects "
            "consuming 1,000 tce or 5 GWh of electricity a year or more, "
            "analysing energy use, efficiency and the effect on local energy "
            "and carbon targets; it is the basis of the energy-saving review "
            "without which construction may not start."
        ),
    },
    {
        "code": "SWC",
        "name": "水土保持方案编制",
        "name_en": "Soil and water conservation plan",
        "abbreviations": ["水保", "水保方案"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国水土保持法》第二十五条；"
            "《生产建设项目水土保持方案管理办法》（水利部令第53号）；"
            "《江苏省水土保持条例》"
        ),
        "description": (
            "生产建设项目征占地面积5公顷以上或挖填土石方总量5万立方米以"
            "上的编制水土保持方案报告书，征占地0.5～5公顷或挖填土石方"
            "1000立方米～5万立方米的编制报告表（实行承诺制），"
            "明确水土流失防治责任范围、防治目标、措施和投资。"
        ),
        "description_en": (
            "A soil and water conservation plan for construction projects: "
            "a full report when the project occupies 5 ha or more or moves "
            "50,000 m³ of earth or more, a report form (approved on "
            "commitment) for smaller projects, setting out the "
            "erosion-control area, targets, measures and budget."
        ),
    },
    {
        "code": "GHA",
        "name": "地质灾害危险性评估",
        "name_en": ("Geological hazard risk assessment"),
        "abbreviations": ["地灾评估", "地灾", "地质灾害评估"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《地质灾害防治条例》第二十一条；《地质灾害防治单位资质管理办法》（自然资源部令第8号）"
        ),
        "description": (
            "在地质灾害易发区内进行工程建设，应在可行性研究阶段对建设工程"
            "遭受地质灾害及可能引发地质灾害的危险性作出评估，提出防治措施"
            "。本市地处苏北沿海平原，主要涉及地面沉降、软土变形和沿海岸坡"
            "失稳等。"
        ),
        "description_en": (
            "Projects in areas prone to geo"
            "logical hazards must assess, a"
            "t the feasibility stage, the r"
            "isk of suffering or triggering"
            " such hazards and propose coun"
            "termeasures; on Yancheng's coa"
            "stal plain the usual concerns "
            "are land subsidence, soft-soil"
            " deformation and shoreline slo"
            "pe failure."
        ),
    },
    {
        "code": "FOREST",
        "name": "使用林地可行性报告编制",
        "name_en": ("Forest land use feasibility reports"),
        "abbreviations": ["林地可研", "使用林地报告", "林地现状调查"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国森林法》第三十七条；《建设项目使用林地审核审"
            "批管理办法》（国家林业局令第35号，2016年修改）第八条；"
            "《使用林地可行性报告编制规范》（LY/T 2492-2015"
            "）"
        ),
        "description": (
            "建设项目占用或者临时使用林地（沿海防护林、农田林网、苗圃等）"
            "的，申请使用林地审核审批时提交使用林地可行性报告或林地现状调"
            "查表，说明林地现状、使用必要性、对森林资源和生态的影响及补偿"
            "措施。"
        ),
        "description_en": (
            "A project that occupies or tem"
            "porarily uses forest land (coa"
            "stal shelter belts, farmland t"
            "ree networks, nurseries) submi"
            "ts a forest land use feasibili"
            "ty report, or for small areas "
            "a forest land survey form, wit"
            "h its application for forest l"
            "and use approval."
        ),
    },
    {
        "code": "RECLAIM",
        "name": "土地复垦方案编制",
        "name_en": "Land reclamation plans",
        "abbreviations": ["复垦方案", "土地复垦"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《土地复垦条例》（国务院令第592号）第十一条、第十二条；《"
            "土地复垦条例实施办法》（国土资源部令第56号，2019年修正"
            "）；《土地复垦方案编制规程》（TD/T 1031-2011）"
        ),
        "description": (
            "生产建设活动损毁土地的（临时用地、取土场、海上风电陆上集控中"
            "心及送出线路施工用地等），土地复垦义务人在办理建设用地或临时"
            "用地审批时报送土地复垦方案，明确复垦目标、措施、费用和进度。"
            "义务人具备编制能力的可自行编制。"
        ),
        "description_en": (
            "Where construction damages lan"
            "d (temporary land, borrow pits"
            ", onshore works of offshore wi"
            "nd farms and their cable route"
            "s), the party responsible subm"
            "its a land reclamation plan wi"
            "th its construction or tempora"
            "ry land application. It may wr"
            "ite the plan itself if able to"
            "."
        ),
    },
    {
        "code": "SSRA",
        "name": "社会稳定风险评估",
        "name_en": ("Social stability risk assessment"),
        "abbreviations": ["稳评", "社稳评估"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "中共中央办公厅、国务院办公厅《关于建立健全重大决策社会稳定风"
            "险评估机制的指导意见（试行）》（中办发〔2012〕2号）；《"
            "国家发展改革委重大固定资产投资项目社会稳定风险评估暂行办法》"
            "（发改投资〔2012〕2492号）"
        ),
        "description": (
            "对涉及征地拆迁、环境敏感、群众切身利益的重大固定资产投资项目"
            "，在审批、核准前调查识别社会稳定风险，评判风险等级（高、中、"
            "低），提出防范化解措施，形成社会稳定风险分析篇章或评估报告。"
        ),
        "description_en": (
            "Before approval of major inves"
            "tment projects involving land "
            "acquisition, resettlement or e"
            "nvironmental sensitivity, iden"
            "tify social stability risks, g"
            "rade them high, medium or low "
            "and propose mitigation, in a r"
            "isk analysis chapter or a stan"
            "d-alone assessment report."
        ),
    },
    {
        "code": "FEASIBILITY",
        "name": "项目申请报告及可行性研究报告编制",
        "name_en": ("Project application and feasibility study reports"),
        "abbreviations": ["可研", "可研报告", "项目申请报告", "核准申请报告"],
        "market_type": "competitive",
        "quota": 4,
        "legal_basis": (
            "《政府投资条例》（国务院令第712号）第九条；《企业投资项目"
            "核准和备案管理条例》（国务院令第673号）第六条；《企业投资"
            "项目核准和备案管理办法》（国家发展改革委令第2号）；《工程咨"
            "询行业管理办法》（国家发展改革委令第9号）"
        ),
        "description": (
            "政府投资项目编制可行性研究报告报发展改革部门审批；列入政府核"
            "准目录的企业投资项目（如海上风电、港口码头、化工项目）编制项"
            "目申请报告申请核准。项目单位可自行编制，也可委托工程咨询单位"
            "编制。"
        ),
        "description_en": (
            "Feasibility study reports for "
            "government-funded projects, ap"
            "proved by the development and "
            "reform commission, and project"
            " application reports for enter"
            "prise projects on the approval"
            " list (offshore wind, ports, c"
            "hemicals). The project owner m"
            "ay write them itself or commis"
            "sion an engineering consultanc"
            "y."
        ),
    },
    {
        "code": "SURVEY",
        "name": "建设工程测绘（多测合一）",
        "name_en": ("Construction surveying (one survey for many uses)"),
        "abbreviations": ["规划测绘", "工程测量", "多测合一", "房产测绘", "房测", "不动产测绘"],
        "market_type": "competitive",
        "quota": 5,
        "legal_basis": (
            "《中华人民共和国测绘法》第二十七条；《中华人民共和国城乡规划"
            "法》第四十五条；《中华人民共和国土地管理法实施条例》"
        ),
        "description": (
            "按“多测合一”要求为建设项目提供地形图测绘、用地勘测定界、规"
            "划放线与±0验线、竣工规划核实测量和房产面积测算、实测，统一"
            "成果标准，成果共享用于规划许可、规划核实和不动产登记。房产测"
            "绘由具备相应测绘资质的机构承担，不再由指定机构统一承担。"
        ),
        "description_en": (
            "Surveying for construction pro"
            "jects to the unified 'one surv"
            "ey for many uses' standard: to"
            "pographic mapping, land bounda"
            "ry survey, setting-out and gro"
            "und-floor checks, the as-built"
            " planning verification survey "
            "and projected and as-built flo"
            "or-area surveys, shared by pla"
            "nning permits, verification an"
            "d property registration. Floor"
            "-area surveys are open to any "
            "qualified surveyor, no longer "
            "to one designated body."
        ),
    },
    {
        "code": "DRAWING",
        "name": "施工图设计文件审查",
        "name_en": "Construction drawing review",
        "abbreviations": ["图审", "施工图审查", "联合审图"],
        "market_type": "competitive",
        "quota": 2,
        "legal_basis": (
            "《建设工程质量管理条例》第十一条；《房屋建筑和市政基础设施工"
            "程施工图设计文件审查管理办法》（住房城乡建设部令第13号）；"
            "《建设工程消防设计审查验收管理暂行规定》（住房城乡建设部令第"
            "51号）；《国务院办公厅关于全面开展工程建设项目审批制度改革"
            "的实施意见》（国办发〔2019〕11号）"
        ),
        "description": (
            "对房屋建筑和市政基础设施工程施工图设计文件中涉及公共利益、公"
            "众安全和工程建设强制性标准的内容进行审查，实行消防、人防、技"
            "防等“多审合一”联合审图，审查合格后出具施工图审查合格书。按"
            "国办发〔2019〕11号推行政府购买服务，审查机构由市住房城"
            "乡建设主管部门通过政府采购确定并付费，建设单位不自行委托。"
        ),
        "description_en": (
            "Review of construction drawing"
            "s for building and municipal w"
            "orks against public-safety and"
            " mandatory standards, with fir"
            "e, civil-defence and security "
            "reviews combined in one joint "
            "review ending in a certificate"
            " of conformity. As 国办发〔2019〕11"
            "号 asks, the city housing autho"
            "rity buys the review from bodi"
            "es it selects by government pr"
            "ocurement and pays for it: own"
            "ers do not commission it."
        ),
    },
    {
        "code": "SPECIAL",
        "name": "特种设备安装改造修理监督检验",
        "name_en": ("Supervisory inspection of special equipment installation"),
        "abbreviations": ["监督检验", "特检", "电梯监检", "锅炉监检"],
        "market_type": "monopoly",
        "quota": None,
        "legal_basis": (
            "《中华人民共和国特种设备安全法》第二十五条（安装、改造、重大"
            "修理过程应当经特种设备检验机构监督检验，未经监督检验或者监督"
            "检验不合格的，不得交付使用）、第五十条、第五十一条；《特种设"
            "备检验机构核准规则》（TSG Z7001）"
        ),
        "description": (
            "锅炉、压力容器、压力管道、电梯、起重机械等的安装、改造、重大"
            "修理过程的监督检验，是办理特种设备使用登记的前提。监督检验只"
            "能由经市场监督管理部门核准承担该项目的综合检验机构实施，本市"
            "由一家公益性检验机构承担，属法定的单一提供者，必须进驻。"
        ),
        "description_en": (
            "Supervisory inspection of the "
            "installation, alteration and m"
            "ajor repair of boilers, pressu"
            "re vessels and piping, lifts a"
            "nd cranes, a precondition of r"
            "egistering their use. Only an "
            "inspection body approved by th"
            "e market regulator for this in"
            "spection may do it; in this ci"
            "ty one public institution does"
            ", a single provider by law, so"
            " it must be admitted."
        ),
    },
    {
        "code": "LIGHTNING",
        "name": "新建建（构）筑物防雷装置检测",
        "name_en": ("Lightning protection testing of new works"),
        "abbreviations": ["防雷检测", "雷电防护装置检测", "竣工防雷检测"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国气象法》第三十一条；《气象灾害防御条例》第二"
            "十三条、第二十四条；《国务院关于优化建设工程防雷许可的决定》"
            "（国发〔2016〕39号）；《防雷减灾管理办法》（中国气象局"
            "令第24号修订）"
        ),
        "description": (
            "《国务院关于优化建设工程防雷许可的决定》（国发〔2016〕3"
            "9号）开放防雷装置检测市场，具备资质的机构均可从事；房屋建筑"
            "和市政基础设施工程的防雷管理纳入施工图审查和竣工验收备案。油"
            "库、气库、化学品仓库、烟花爆竹等易燃易爆建设工程和场所的防雷"
            "装置竣工验收仍由气象主管机构办理，其新建、改建、扩建防雷装置"
            "检测按“谁审批、谁委托、谁付费”由审批部门委托，不向企业收费"
            "。投入使用后的定期检测不是审批前置，不在本清单。"
        ),
        "description_en": (
            "国发〔2016〕39号 opened lightning p"
            "rotection testing to any quali"
            "fied agency and moved building"
            " and municipal works into draw"
            "ing review and completion fili"
            "ng. The weather bureau still a"
            "ccepts the lightning protectio"
            "n of explosive and fire-hazard"
            " works (oil and gas depots, ch"
            "emical stores, fireworks); tes"
            "ting of their new systems is c"
            "ommissioned and paid for by th"
            "e bureau ('who approves commis"
            "sions and pays'), not by the e"
            "nterprise. Periodic testing in"
            " use is no approval preconditi"
            "on and is not listed."
        ),
    },
    {
        "code": "SEISMIC",
        "name": "地震安全性评价",
        "name_en": "Seismic safety evaluation",
        "abbreviations": ["震评", "地震安评"],
        "market_type": "absent",
        "quota": None,
        "legal_basis": (
            "《中华人民共和国防震减灾法》第三十五条；"
            "《地震安全性评价管理条例》（2019年修订）第八条；"
            "《江苏省防震减灾条例》"
        ),
        "description": (
            "对重大建设工程和可能发生严重次生灾害的建设工程，"
            "开展区域地震活动性与地震构造评价、场地工程地震条件勘测和地震危险性分"
            "析，确定设计地震动参数和抗震设防要求。本市尚无具备相应技术能力的机构，"
            "首轮面向市外引进。"
        ),
        "description_en": (
            "For major projects and those that could cause severe secondary "
            "disasters: regional seismicity and tectonics, site "
            "engineering-seismic conditions and hazard analysis, ending in "
            "design ground-motion parameters. No local agency has the "
            "capability, so the first round recruited from outside the city."
        ),
    },
    {
        "code": "OHA",
        "name": "职业病危害评价",
        "name_en": "Occupational disease hazard assessment",
        "abbreviations": ["职评", "职业卫生评价", "职业病危害预评价"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国职业病防治法》第十七条、第十八条、第二十六条；"
            "《建设项目职业病防护设施“三同时”监督管理办法》"
            "（国家安全监管总局令第90号）；《职业卫生技术服务机构管理办法》"
            "（国家卫生健康委令第4号）"
        ),
        "description": (
            "对可能产生职业病危害的建设项目，"
            "在可行性论证阶段开展职业病危害预评价，"
            "在竣工验收前开展职业病危害控制效果评价；"
            "对在产用人单位开展职业病危害因素定期检测和现状评价。"
        ),
        "description_en": (
            "Occupational hazard pre-assessment at the feasibility stage and "
            "control-effect assessment before acceptance for projects that may "
            "create occupational disease hazards, and periodic workplace "
            "monitoring and status assessment for operating employers."
        ),
    },
    {
        "code": "WRA",
        "name": "水资源论证",
        "name_en": "Water resources assessment",
        "abbreviations": ["水资源论证", "取水论证"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国水法》第四十八条；"
            "《取水许可和水资源费征收管理条例》第十一条；"
            "《取水许可管理办法》（水利部令第34号）；"
            "《江苏省水资源管理条例》"
        ),
        "description": (
            "对直接从江河、湖泊或者地下取用水资源的建设项目，"
            "论证取水水源的可靠性、取水量和用水的合理性以及取退水对周边水资源"
            "和第三方的影响，编制水资源论证报告书（表），"
            "作为取水许可审批的依据。"
        ),
        "description_en": (
            "For projects abstracting water directly from rivers, lakes or "
            "groundwater: the reliability of the source, the reasonableness of the "
            "volume and use, and the effect of abstraction and discharge on others,"
            " in a report that supports the water abstraction permit."
        ),
    },
    {
        "code": "FLOOD",
        "name": "洪水影响评价",
        "name_en": "Flood impact assessment",
        "abbreviations": ["防洪评价", "防洪影响评价", "洪评"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国防洪法》第二十七条、第三十三条；《中华人民共"
            "和国河道管理条例》第十一条；《江苏省河道管理条例》"
        ),
        "description": (
            "对河道管理范围内建设的桥梁、码头、管线、取排水口等工程设施以"
            "及洪泛区内的非防洪建设项目，分析其对河势稳定、行洪排涝、堤防"
            "安全和第三人合法水事权益的影响，提出补救措施，编制防洪评价（"
            "洪水影响评价）报告。"
        ),
        "description_en": (
            "For bridges, wharves, pipeline"
            "s, intakes and outfalls within"
            " river management areas and fo"
            "r non-flood-control projects i"
            "n flood plains: the effect on "
            "channel stability, flood disch"
            "arge, embankment safety and ot"
            "hers' water rights, with remed"
            "ies, in a flood impact report."
        ),
    },
    {
        "code": "SEA",
        "name": "海域使用论证",
        "name_en": "Sea area use demonstration",
        "abbreviations": ["海域论证", "用海论证", "海域使用论证报告"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《中华人民共和国海域使用管理法》第十六条、第十七条；《海域使"
            "用论证管理规定》（国家海洋局，2016年）；《海域使用论证技"
            "术导则》（GB/T 42361-2023）"
        ),
        "description": (
            "海上风电场、海底电缆管道、港口码头、围填海和养殖用海等项目申"
            "请使用海域的，应提交海域使用论证报告，论证用海的必要性、选址"
            "和面积的合理性、对海洋资源环境和其他用海活动的影响及利益相关"
            "者协调方案。"
        ),
        "description_en": (
            "Offshore wind farms, subsea ca"
            "bles and pipelines, ports and "
            "other sea uses must submit a s"
            "ea area use demonstration repo"
            "rt with their application: the"
            " need for the sea area, its lo"
            "cation and size, effects on ma"
            "rine resources and other users"
            ", and how stakeholders are rec"
            "onciled."
        ),
    },
    {
        "code": "NAV",
        "name": "通航安全评估",
        "name_en": "Navigation safety assessment",
        "abbreviations": ["通航安全影响论证", "通航评估", "航道通航条件影响评价"],
        "market_type": "absent",
        "quota": None,
        "legal_basis": (
            "《中华人民共和国海上交通安全法》（2021年修订）第四十八条"
            "；《中华人民共和国水上水下作业和活动通航安全管理规定》（交通"
            "运输部令2019年第2号）；《中华人民共和国航道法》第二十八"
            "条；《航道通航条件影响评价审核管理办法》（交通运输部令201"
            "7年第1号）"
        ),
        "description": (
            "海上风电场、港口码头、跨航道桥梁和海底管线等在通航水域进行的"
            "水上水下作业，申请海事许可前开展通航安全评估；与航道有关的工"
            "程在可行性研究阶段开展航道通航条件影响评价。本市尚无具备船舶"
            "操纵模拟等评估能力的机构，面向市外引进。"
        ),
        "description_en": (
            "Offshore wind farms, ports, br"
            "idges over channels and subsea"
            " pipelines working in navigabl"
            "e waters need a navigation saf"
            "ety assessment before the mari"
            "time permit, and works affecti"
            "ng a channel an assessment of "
            "their effect on navigation con"
            "ditions at the feasibility sta"
            "ge. No local agency can do shi"
            "p-handling simulation, so the "
            "service is recruited from outs"
            "ide."
        ),
    },
    {
        "code": "ARCH",
        "name": "考古调查勘探",
        "name_en": "Archaeological survey and exploration",
        "abbreviations": ["考古勘探", "文物勘探", "考古前置"],
        "market_type": "absent",
        "quota": None,
        "legal_basis": (
            "《中华人民共和国文物保护法》（2024年修订）第四十三条；《江苏省文物保护条例》"
        ),
        "description": (
            "在可能存在地下文物的区域，土地出让或划拨前以及大型基本建设"
            "工程开工前，在省文物行政部门组织下对工程范围进行考古调查、"
            "勘探，查明地下文物分布并出具考古调查勘探工作报告。"
            "本市无具备资质的社会机构，首轮面向市外引进。"
        ),
        "description_en": (
            "Before land in areas that may contain buried heritage is sold "
            "or allocated, and before large construction starts, "
            "archaeological survey and coring under the provincial heritage "
            "bureau to map what lies below, ending in a survey report. "
            "Recruited from outside the city in the first round."
        ),
    },
]

AGENCIES: list[dict[str, Any]] = [
    {
        "name": "盐城青禾环境科技咨询有限公司",
        "name_en": ("Yancheng Qinghe Environmental Consulting Co., Ltd."),
        "credit_code": "91320902557830861C",
        "legal_representative": "陈立衡",
        "address": "盐城市亭湖区青年东路36号青禾大厦9层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88326618",
        "established_on": "2009-05-12",
        "staff_count": 46,
        "description": (
            "专业从事建设项目环境影响评价、排污许可和环境管理咨询，"
            "在环境影响评价信用平台登记编制人员21名，"
            "其中环境影响评价工程师14名。累计完成化工、机械、"
            "新能源电池等行业环评文件600余项，"
            "熟悉盐城各化工园区和沿海工业园区的环境准入要求。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "环境影响评价信用平台编制单位登记",
                "grade": None,
                "certificate_no": "HPDW-320902-2019-0037",
                "issuer": "生态环境部环境影响评价信用平台",
                "expires_on": "2029-06-30",
            },
            {
                "name": "工程咨询单位资信（生态建设和环境工程）",
                "grade": "乙",
                "certificate_no": "乙232021010112",
                "issuer": "江苏省工程咨询协会",
                "expires_on": "2027-12-31",
            },
        ],
        "services": [
            {
                "category": "EIA",
                "title": "建设项目环境影响报告书编制",
                "scope": (
                    "《建设项目环境影响评价分类管理名录（2021年版）》"
                    "规定应编制环境影响报告书的化工、医药、金属表面处理、锂电池及材料、"
                    "固体废物处置、港口码头等建设项目；服务区域为盐城市及周边地区。"
                ),
                "content": (
                    "现场踏勘和资料收集，工程分析和污染源强核算；"
                    "制定环境现状监测方案并委托具备CMA资质的检测机构实施；开展大气、地表水、"
                    "地下水、土壤、声和生态环境影响预测与评价及环境风险评价；"
                    "论证污染防治措施的技术经济可行性，核算总量控制指标；"
                    "协助建设单位完成公众参与信息公开；配合技术评估，按专家意见修改完善，"
                    "提交报批版报告书及附图附件。"
                ),
                "legal_basis": (
                    "《中华人民共和国环境影响评价法》第十六条、第二十二条；"
                    "《建设项目环境保护管理条例》第七条、第九条；"
                    "《建设项目环境影响评价分类管理名录（2021年版）》"
                    "（生态环境部令第16号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格的"
                    "通知》（发改价格〔2015〕299号）），参照原国家计委、"
                    "国家环境保护总局《关于规范环境影响咨询收费有关问题的通知》"
                    "（计价格〔2002〕125号）编制环境影响报告书收费标准，按估算投资额插入法"
                    "计算并乘以行业和环境敏感程度调整系数；环境现状监测费和技术评估会务费另计。"
                ),
                "fee_standard": {
                    **docs.EIA_REPORT_BOOK,
                    "floor_fen": 5000000,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 40,
                "commitments": (
                    "基础资料齐全且现状监测数据取得后40个工作日内提交报告书送审稿；"
                    "技术评估提出修改意见后10个工作日内完成修改；"
                    "未通过审查的免费修改直至通过；项目负责人全程跟踪至取得批复；"
                    "对报告内容的真实性、准确性和完整性负责，"
                    "编制人员信息可在环境影响评价信用平台查询。"
                ),
            },
            {
                "category": "EIA",
                "title": "建设项目环境影响报告表编制",
                "scope": (
                    "应编制环境影响报告表的一般工业、仓储物流、社会事业、"
                    "市政管网等建设项目，含需开展大气、地表水、"
                    "环境风险等专项评价的报告表项目。"
                ),
                "content": (
                    "工程分析和污染源强核算，区域环境质量现状分析，"
                    "施工期和运营期环境影响分析，按需开展专项评价；提出污染防治措施，"
                    "列明污染物排放“三本账”，给出与排污许可管理的衔接建议；"
                    "配合审批部门审查并按意见修改。"
                ),
                "legal_basis": (
                    "《中华人民共和国环境影响评价法》第十六条、第二十二条；"
                    "《建设项目环境保护管理条例》第七条、第九条；"
                    "《建设项目环境影响评价分类管理名录（2021年版）》"
                    "（生态环境部令第16号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格的"
                    "通知》（发改价格〔2015〕299号）），参照原国家计委、"
                    "国家环境保护总局《关于规范环境影响咨询收费有关问题的通知》"
                    "（计价格〔2002〕125号）中环境影响报告表收费标准；含专项评价的另行协商，"
                    "监测费另计。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 2500000,
                    "per": "每份报告表（不含专项评价和监测费）",
                    "discount_max_pct": "15",
                },
                "time_limit_days": 15,
                "commitments": (
                    "资料齐全后15个工作日内提交报告表；"
                    "审批部门提出修改意见后5个工作日内完成修改；"
                    "免费修改至通过审批；按合同约定时限逾期的，"
                    "每逾期1个工作日减收服务费1%。"
                ),
            },
        ],
    },
    {
        "name": "江苏澄源环保技术有限公司",
        "name_en": ("Jiangsu Chengyuan Environmental Protection Technology Co., Ltd."),
        "credit_code": "9132098157149709XU",
        "legal_representative": "周雨澄",
        "address": "盐城市东台市城东新区望海东路118号澄源科技园2号楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-85218806",
        "established_on": "2014-08-20",
        "staff_count": 28,
        "description": (
            "立足东台、大丰沿海工业园区，侧重新能源装备、电子信息、"
            "食品加工和海上风电配套项目的环评与竣工环境保护验收服务。"
            "自有实验室可承担废水、废气和噪声常规监测。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "环境影响评价信用平台编制单位登记",
                "grade": None,
                "certificate_no": "HPDW-320981-2019-0112",
                "issuer": "生态环境部环境影响评价信用平台",
                "expires_on": "2029-03-31",
            },
            {
                "name": "检验检测机构资质认定证书（CMA）",
                "grade": None,
                "certificate_no": "201012340567",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2026-11-10",
            },
        ],
        "services": [
            {
                "category": "EIA",
                "title": "建设项目环境影响报告表编制（沿海工业园区）",
                "scope": (
                    "东台市、大丰区及周边沿海工业园区内应编制环境影响报告表的新能源"
                    "装备制造、电子元器件、食品加工、仓储物流等建设项目。"
                ),
                "content": (
                    "现场踏勘，工程分析和污染源强核算，"
                    "施工期和运营期环境影响分析，环保措施可行性论证，"
                    "污染物排放总量核算；配合审批部门审查并按意见修改，"
                    "提交报批版报告表。"
                ),
                "legal_basis": (
                    "《中华人民共和国环境影响评价法》第十六条、第二十二条；"
                    "《建设项目环境保护管理条例》第七条、第九条；"
                    "《建设项目环境影响评价分类管理名录（2021年版）》"
                    "（生态环境部令第16号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务"
                    "价格的通知》（发改价格〔2015〕299号）），参照原国家计委、"
                    "国家环境保护总局《关于规范环境影响咨询收费有关问题的通知》"
                    "（计价格〔2002〕125号）中环境影响报告表收费标准。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 2000000,
                    "per": "每份报告表",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 15,
                "commitments": (
                    "资料齐全后15个工作日内提交报告表；免费修改至通过审批；"
                    "项目负责人驻点东台、大丰，1个工作日内可到现场踏勘。"
                ),
            },
            {
                "category": "EIA",
                "title": "建设项目竣工环境保护验收监测（调查）报告编制",
                "scope": (
                    "已取得环评批复、主体工程和环保设施已建成调试的工业类建"
                    "设项目，以及生态类项目的竣工环境保护验收调查。"
                ),
                "content": (
                    "核查环评及批复要求的落实情况，编制验收监测方案，开展废气、"
                    "废水、噪声验收监测（委托外部CMA机构的另计），"
                    "编制验收监测（调查）报告，协助建设单位组织验收会、"
                    "形成验收意见并在全国建设项目竣工环境保护验收信息系统公开。"
                ),
                "legal_basis": (
                    "《建设项目环境保护管理条例》第十七条；"
                    "《建设项目竣工环境保护验收暂行办法》"
                    "（国环规环评〔2017〕4号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；视监测点位、"
                    "频次和因子数量确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 1500000,
                    "high_fen": 6000000,
                    "note": "按监测点位、频次及废气/废水/噪声监测因子数量协商",
                },
                "time_limit_days": 20,
                "commitments": (
                    "环保设施稳定运行、具备监测条件后20个工作日内提交验收监测（调查）报告；"
                    "监测数据可溯源，原始记录保存不少于6年；协助完成验收信息公开。"
                ),
            },
        ],
    },
    {
        "name": "杭州澜汀环境科技有限公司",
        "name_en": ("Hangzhou Lanting Environmental Technology Co., Ltd."),
        "credit_code": "9133010674009492X9",
        "legal_representative": "沈书远",
        "address": "杭州市西湖区天目山路398号澜汀大厦12层",
        "city": "杭州市",
        "is_local": False,
        "phone": "0571-87965321",
        "established_on": "2007-03-26",
        "staff_count": 85,
        "description": (
            "长期承担石化、精细化工、医药和大型基础设施项目环评，具备大气、"
            "地下水数值模拟和环境风险专项评价能力。通过本轮择优遴选进驻，"
            "在盐城设项目服务部，负责重大项目的现场对接。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "环境影响评价信用平台编制单位登记",
                "grade": None,
                "certificate_no": "HPDW-330106-2019-0008",
                "issuer": "生态环境部环境影响评价信用平台",
                "expires_on": "2029-09-30",
            },
            {
                "name": "工程咨询单位资信（生态建设和环境工程）",
                "grade": "甲",
                "certificate_no": "甲042021010079",
                "issuer": "中国工程咨询协会",
                "expires_on": "2027-09-30",
            },
        ],
        "services": [
            {
                "category": "EIA",
                "title": "重大项目环境影响报告书及专项评价",
                "scope": (
                    "化工园区内石化、精细化工、医药中间体、危险废物集中处置、"
                    "港口和大型基础设施等评价等级高、环境风险大的建设项目，"
                    "含地下水、环境风险、碳排放环境影响评价等专章。"
                ),
                "content": (
                    "开展区域污染源调查和环境质量现状监测，采用AERMOD、"
                    "CALPUFF等模型进行大气环境影响预测，建立地下水数值模型，"
                    "开展环境风险事故情景分析和应急预案衔接，编制碳排放环境影响评价专章；"
                    "组织专家咨询会，配合省、市生态环境部门技术评估，"
                    "按意见修改并提交报批版报告书。"
                ),
                "legal_basis": (
                    "《中华人民共和国环境影响评价法》第十六条、第二十二条；"
                    "《建设项目环境保护管理条例》第七条、第九条；"
                    "《建设项目环境影响评价分类管理名录（2021年版）》（生态环境部令第16号）"
                    "；《环境影响评价技术导则 地下水环境》（HJ 610-2016）；"
                    "《建设项目环境风险评价技术导则》（HJ 169-2018）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格的"
                    "通知》（发改价格〔2015〕299号）），参照原国家计委、"
                    "国家环境保护总局《关于规范环境影响咨询收费有关问题的通知》"
                    "（计价格〔2002〕125号），按项目规模、评价等级和专项数量协商；监测、"
                    "模拟和会务费用在合同中单列。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 30000000,
                    "high_fen": 150000000,
                    "note": ("视项目规模、评价等级及专项评价数量协商，参照计价格〔2002〕125号"),
                },
                "time_limit_days": 60,
                "commitments": (
                    "资料齐全且现状监测完成后60个工作日内提交报告书送审"
                    "稿；重大项目安排驻场技术负责人；"
                    "免费修改至通过技术评估；模型输入输出文件随报告一并"
                    "移交。"
                ),
            }
        ],
    },
    {
        "name": "盐城启衡安全技术咨询有限公司",
        "name_en": ("Yancheng Qiheng Safety Technology Consulting Co., Ltd."),
        "credit_code": "913209037134653501",
        "legal_representative": "刘承安",
        "address": "盐城市盐都区新都西路27号启衡大厦5层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88569312",
        "established_on": "2011-09-06",
        "staff_count": 32,
        "description": (
            "专业安全评价机构，拥有安全评价师26名，覆盖化工、医药、"
            "危险化学品储存和金属冶炼等专业，"
            "为盐城各化工园区企业提供安全预评价、"
            "验收评价和现状评价服务。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": ("安全评价机构资质（危险化学品生产储存、化工医药、金属冶炼）"),
                "grade": None,
                "certificate_no": "APJ-（苏）-087",
                "issuer": "江苏省应急管理厅",
                "expires_on": "2028-04-17",
            }
        ],
        "services": [
            {
                "category": "SAFETY",
                "title": "建设项目安全预评价",
                "scope": (
                    "危险化学品生产储存建设项目、使用危险化学品从事生产并达到规定数量的化"
                    "工建设项目、金属冶炼建设项目等，在可行性研究阶段开展安全预评价。"
                ),
                "content": (
                    "辨识和分析建设项目的主要危险、有害因素及危险化学品重大危险"
                    "源，开展定性、定量评价（含多米诺效应和外部安全防护距离分析）"
                    "，评价选址、总平面布置和工艺的安全可靠性，提出安全对策措施，"
                    "编制安全预评价报告并配合专家评审。"
                ),
                "legal_basis": (
                    "《中华人民共和国安全生产法》第三十二条；"
                    "《危险化学品安全管理条例》第十二条；《建设项目安全设施“三同时”"
                    "监督管理办法》（国家安全监管总局令第36号，第77号修正）第七条、"
                    "第八条"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按项目规模、工艺危险程度和重大危险源情况确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 4000000,
                    "high_fen": 20000000,
                    "note": "按项目规模、工艺危险度及是否构成重大危险源协商",
                },
                "time_limit_days": 25,
                "commitments": (
                    "资料齐全后25个工作日内提交安全预评价报告；"
                    "评价人员按规定到现场勘验并留存影像资料；"
                    "免费修改至通过专家评审；评价报告在江苏省安全评价信息公"
                    "开平台公开。"
                ),
            },
            {
                "category": "SAFETY",
                "title": "建设项目安全设施竣工验收评价",
                "scope": (
                    "已完成试生产（使用）的危险化学品、"
                    "化工和金属冶炼建设项目安全设施竣工验收前的安全验收"
                    "评价。"
                ),
                "content": (
                    "检查安全设施与主体工程“三同时”落实情况，"
                    "核查安全设施设计专篇和安全预评价对策措施的落实，"
                    "开展现场检测检验资料核查和运行情况评价，编制安全验收评价报告，"
                    "为建设单位组织竣工验收提供依据。"
                ),
                "legal_basis": (
                    "《中华人民共和国安全生产法》第三十二条；"
                    "《危险化学品安全管理条例》第十二条；"
                    "《建设项目安全设施“三同时”监督管理办法》"
                    "（国家安全监管总局令第36号，第77号修正）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按建设项目总投资的比例计取，设最低和最高收费。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "wan_yuan",
                    "base_label": "建设项目总投资",
                    "rate": "0.05",
                    "floor_fen": 3000000,
                    "cap_fen": 25000000,
                    "discount_max_pct": "10",
                },
                "time_limit_days": 20,
                "commitments": (
                    "现场具备验收评价条件后20个工作日内出具报告；"
                    "发现重大事故隐患的当场书面告知并跟踪整改；"
                    "报告结论与现场实际不符的承担相应法律责任。"
                ),
            },
        ],
    },
    {
        "name": "盐城泰岚安全卫生技术服务有限公司",
        "name_en": ("Yancheng Tailan Safety and Occupational Health Services Co., Ltd."),
        "credit_code": "91320902MA1MBN8Q5L",
        "legal_representative": "孙泽岚",
        "address": "盐城市亭湖区文港南路99号泰岚科技楼3层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88267705",
        "established_on": "2016-03-18",
        "staff_count": 26,
        "description": (
            "同时开展安全评价和职业卫生技术服务，"
            "服务对象以危险化学品经营储存企业和机械、纺织、"
            "木材加工等劳动密集型企业为主。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "安全评价机构资质（危险化学品储存、批发，化工）",
                "grade": None,
                "certificate_no": "APJ-（苏）-132",
                "issuer": "江苏省应急管理厅",
                "expires_on": "2030-03-31",
            },
            {
                "name": "职业卫生技术服务机构资质",
                "grade": "乙",
                "certificate_no": "苏卫职技字（2021）第038号",
                "issuer": "江苏省卫生健康委员会",
                "expires_on": "2026-09-30",
            },
        ],
        "services": [
            {
                "category": "SAFETY",
                "title": "危险化学品企业安全现状评价",
                "scope": (
                    "已取得危险化学品安全生产许可证或经营许可证的生产、储存企业，"
                    "按规定每三年开展一次的安全现状评价，以及许可证延期换证所需的安全评价。"
                ),
                "content": (
                    "现场检查安全管理制度、设备设施、"
                    "重大危险源监控和应急管理状况，辨识危险有害因素，"
                    "开展符合性和定量风险评价，提出隐患整改和安全对策措施，"
                    "编制安全现状评价报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国安全生产法》第三十二条；"
                    "《危险化学品安全管理条例》第二十二条；"
                    "《危险化学品生产企业安全生产许可证实施办法》"
                    "（国家安全监管总局令第41号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按企业规模、储存品种数量和重大危险源等级确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 3000000,
                    "high_fen": 12000000,
                    "note": "按企业规模、危险化学品品种及重大危险源等级协商",
                },
                "time_limit_days": 20,
                "commitments": (
                    "现场勘验后20个工作日内出具报告；"
                    "许可证到期前三个月提醒服务；"
                    "对提出的整改项免费复查一次。"
                ),
            },
            {
                "category": "OHA",
                "title": "建设项目职业病危害预评价",
                "scope": (
                    "可能产生粉尘、化学毒物、噪声等职业病危害的新建、改建、"
                    "扩建和技术改造、技术引进项目，职业病危害一般和较重的建设项目。"
                ),
                "content": (
                    "工程分析和职业病危害因素识别，类比调查和检测，"
                    "评价职业病危害程度及对劳动者健康的影响，确定建设项目职业病危害类别，"
                    "提出职业病防护设施和个人防护用品配置建议，编制职业病危害预评价报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国职业病防治法》第十七条、第十八条；"
                    "《建设项目职业病防护设施“三同时”监督管理办法》"
                    "（国家安全监管总局令第90号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "类比检测费包含在内。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 3500000,
                    "per": "每份预评价报告（含类比检测）",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 20,
                "commitments": (
                    "资料齐全后20个工作日内出具预评价报告；"
                    "免费修改至通过建设单位组织的评审；"
                    "评价过程信息按要求网上公开。"
                ),
            },
        ],
    },
    {
        "name": "盐城知衡职业卫生技术服务有限公司",
        "name_en": ("Yancheng Zhiheng Occupational Health Services Co., Ltd."),
        "credit_code": "91320903750597678T",
        "legal_representative": "吴静衡",
        "address": "盐城市盐都区盐渎路188号知衡检测中心",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88419026",
        "established_on": "2012-06-29",
        "staff_count": 24,
        "description": (
            "职业卫生技术服务专业机构，实验室配备气相色谱、"
            "原子吸收和粉尘分散度分析设备，可开展化学毒物、粉尘、"
            "噪声、高温和工频电场等职业病危害因素检测。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "职业卫生技术服务机构资质",
                "grade": "乙",
                "certificate_no": "苏卫职技字（2024）第011号",
                "issuer": "江苏省卫生健康委员会",
                "expires_on": "2029-05-31",
            },
            {
                "name": "检验检测机构资质认定证书（CMA）",
                "grade": None,
                "certificate_no": "221012340218",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2028-08-20",
            },
        ],
        "services": [
            {
                "category": "OHA",
                "title": "建设项目职业病危害预评价",
                "scope": (
                    "机械制造、汽车零部件、纺织印染、木材加工、"
                    "电子等行业可能产生职业病危害的建设项目。"
                ),
                "content": (
                    "职业病危害因素识别与分析，类比企业现场调查和检测，"
                    "职业病危害程度评价，确定危害类别，提出防护设施、"
                    "应急救援设施和职业健康管理建议，编制预评价报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国职业病防治法》第十七条、第十八条；"
                    "《建设项目职业病防护设施“三同时”监督管理办法》"
                    "（国家安全监管总局令第90号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 3000000,
                    "per": "每份预评价报告",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 20,
                "commitments": (
                    "资料齐全后20个工作日内出具报告；免费修改至通过评审；"
                    "检测数据出自本机构CMA认证实验室，可溯源。"
                ),
            },
            {
                "category": "OHA",
                "title": "建设项目职业病危害控制效果评价",
                "scope": (
                    "职业病防护设施已建成并试运行的建设项目，在竣工验收前开展的控制效果评价。"
                ),
                "content": (
                    "现场职业卫生调查，按GBZ 159等标准布点采样检测职业病危害因素浓度（"
                    "强度），评价职业病防护设施效果和职业卫生管理措施，提出整改建议，"
                    "编制控制效果评价报告，协助建设单位组织防护设施验收。"
                ),
                "legal_basis": (
                    "《中华人民共和国职业病防治法》第十七条、第十八条；"
                    "《建设项目职业病防护设施“三同时”监督管理办法》"
                    "（国家安全监管总局令第90号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "现场检测费包含在内，超过30个检测点的另行协商。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 4500000,
                    "per": "每份控制效果评价报告（含30个检测点以内）",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 25,
                "commitments": (
                    "试运行正常、具备检测条件后25个工作日内出具报告；"
                    "检测超标点位免费复测一次；报告按规定在网上公开。"
                ),
            },
        ],
    },
    {
        "name": "盐城筑衡工程咨询有限公司",
        "name_en": ("Yancheng Zhuheng Engineering Consulting Co., Ltd."),
        "credit_code": "91320902572367393B",
        "legal_representative": "顾铭远",
        "address": "盐城市亭湖区解放南路88号筑衡大厦11层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88308871",
        "established_on": "2006-11-08",
        "staff_count": 58,
        "description": (
            "综合性工程咨询机构，主营项目建议书和可行性研究报告编制、"
            "节能报告、社会稳定风险评估和项目申请报告，"
            "拥有注册咨询工程师（投资）22名，长期为市、"
            "县政府投资项目提供前期咨询。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信（建筑、市政公用工程）",
                "grade": "乙",
                "certificate_no": "乙232022010356",
                "issuer": "江苏省工程咨询协会",
                "expires_on": "2028-12-31",
            }
        ],
        "services": [
            {
                "category": "ENERGY",
                "title": "固定资产投资项目节能报告编制",
                "scope": (
                    "年综合能源消费量1000吨标准煤及以上或年电力消费量500万千瓦时及以上，"
                    "需由市、县（区）节能审查机关审查的工业、建筑和公共设施项目。"
                ),
                "content": (
                    "分析项目用能工艺和设备选型，核算年综合能源消费量和能效指标，"
                    "对标国家和地方能耗限额标准，评价项目对所在地能耗双控和碳排放目"
                    "标的影响，提出节能措施，编制节能报告并配合节能审查。"
                ),
                "legal_basis": (
                    "《中华人民共和国节约能源法》第十五条；"
                    "《固定资产投资项目节能审查办法》"
                    "（国家发展改革委令2023年第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），节能评估无政府制定的"
                    "收费标准；本机构按项目总投资分档累进计取，由双方在合同中约定。"
                ),
                "fee_standard": {
                    "type": "tiered",
                    "base_unit": "wan_yuan",
                    "base_label": "项目总投资",
                    "bands": [
                        {"up_to": "5000", "rate": "0.08"},
                        {"up_to": "20000", "rate": "0.02"},
                        {"up_to": "100000", "rate": "0.008"},
                        {"up_to": None, "rate": "0.003"},
                    ],
                    "floor_fen": 3000000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 20,
                "commitments": (
                    "资料齐全后20个工作日内提交节能报告；"
                    "配合节能审查机关评审并在5个工作日内按意见修改；"
                    "免费修改至通过审查。"
                ),
            },
            {
                "category": "SSRA",
                "title": "重大固定资产投资项目社会稳定风险评估报告",
                "scope": (
                    "由市、县（区）人民政府或其部门审批、核准的涉及征地拆迁、"
                    "邻避设施或群众切身利益的重大固定资产投资项目。"
                ),
                "content": (
                    "制定评估方案，通过问卷、走访、座谈和公示等方式开展公众参与，"
                    "识别征地补偿、安置、环境影响、施工扰民等风险因素，"
                    "分析风险发生概率和影响程度，判定风险等级，"
                    "提出风险防范化解措施和应急预案，编制社会稳定风险评估报告。"
                ),
                "legal_basis": (
                    "中共中央办公厅、国务院办公厅《关于建立健全重大决策社会稳定风险评估机"
                    "制的指导意见（试行）》（中办发〔2012〕2号）；"
                    "《国家发展改革委重大固定资产投资项目社会稳定风险评估暂行办法》"
                    "（发改投资〔2012〕2492号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 5000000,
                    "per": "每份评估报告",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 20,
                "commitments": (
                    "资料齐全后20个工作日内提交评估报告；"
                    "公众参与有效问卷不少于项目影响范围内户数的规定比例；"
                    "免费修改至评估主体认可。"
                ),
            },
        ],
    },
    {
        "name": "上海远芯能源技术咨询有限公司",
        "name_en": "Shanghai Yuanxin Energy Consulting Co., Ltd.",
        "credit_code": "91310115609347119G",
        "legal_representative": "许嘉芯",
        "address": "上海市浦东新区峨山路613号远芯大厦7层",
        "city": "上海市",
        "is_local": False,
        "phone": "021-58301726",
        "established_on": "2013-04-17",
        "staff_count": 40,
        "description": (
            "专注能源领域咨询，承担长三角地区石化、新材料、"
            "数据中心和钢铁等重点用能项目节能报告400余项，"
            "擅长能源平衡和碳排放核算。通过择优遴选进驻，"
            "服务本市重点用能项目。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信（电力、化工、石化、医药）",
                "grade": "甲",
                "certificate_no": "甲092022010233",
                "issuer": "中国工程咨询协会",
                "expires_on": "2027-11-30",
            }
        ],
        "services": [
            {
                "category": "ENERGY",
                "title": "重点用能项目节能报告编制（含碳排放分析）",
                "scope": (
                    "年综合能源消费量5000吨标准煤以上的石化、化工新材料、钢铁、"
                    "数据中心等重点用能项目，含需由省级节能审查机关审查的项目。"
                ),
                "content": (
                    "编制能源平衡表和能流图，核算综合能耗、单位产品能耗和能效水平，"
                    "对标行业能效标杆水平，开展碳排放核算和减排潜力分析，"
                    "评估对地方能耗和碳排放目标的影响，提出节能降碳措施，配合省、"
                    "市节能审查评审。"
                ),
                "legal_basis": (
                    "《中华人民共和国节约能源法》第十五条；"
                    "《固定资产投资项目节能审查办法》"
                    "（国家发展改革委令2023年第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格"
                    "的通知》（发改价格〔2015〕299号）），"
                    "节能评估无政府制定的收费标准；本机构按项目总投资分档累进计取，"
                    "由双方在合同中约定；项目驻场差旅费包含在内。"
                ),
                "fee_standard": {
                    "type": "tiered",
                    "base_unit": "wan_yuan",
                    "base_label": "项目总投资",
                    "bands": [
                        {"up_to": "10000", "rate": "0.1"},
                        {"up_to": "50000", "rate": "0.04"},
                        {"up_to": "200000", "rate": "0.015"},
                        {"up_to": None, "rate": "0.006"},
                    ],
                    "floor_fen": 8000000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 30,
                "commitments": (
                    "资料齐全后30个工作日内提交节能报告；评审前组织内部专家预审；"
                    "免费修改至通过审查；评审会议均派项目负责人到场。"
                ),
            }
        ],
    },
    {
        "name": "盐城景禾节能科技有限公司",
        "name_en": ("Yancheng Jinghe Energy Saving Technology Co., Ltd."),
        "credit_code": "91320904MA1N3HMC00",
        "legal_representative": "唐景和",
        "address": "盐城市大丰区大中街道健康西路56号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-83382147",
        "established_on": "2017-07-05",
        "staff_count": 15,
        "description": (
            "从事节能报告编制、能源审计和清洁生产审核，服务以大丰、"
            "射阳等县（市、区）中小型工业项目为主，收费透明、响应迅速。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位备案（全国投资项目在线审批监管平台）",
                "grade": None,
                "certificate_no": "GCZX-BA-320904-2019-0021",
                "issuer": "国家发展和改革委员会",
                "expires_on": "2029-12-31",
            }
        ],
        "services": [
            {
                "category": "ENERGY",
                "title": "中小型工业项目节能报告编制",
                "scope": (
                    "年综合能源消费量1000～5000吨标准煤的中小型工业和仓储"
                    "物流项目，由市、县（区）节能审查机关审查。"
                ),
                "content": (
                    "核算项目年综合能源消费量和主要能效指标，分析用能工艺和设备能效水平，"
                    "评价对地方能耗目标的影响，提出节能措施，编制节能报告并配合审查修改。"
                ),
                "legal_basis": (
                    "《中华人民共和国节约能源法》第十五条；"
                    "《固定资产投资项目节能审查办法》"
                    "（国家发展改革委令2023年第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格"
                    "的通知》（发改价格〔2015〕299号）），按报告份数定额收取。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 2800000,
                    "per": "每份节能报告",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 15,
                "commitments": (
                    "资料齐全后15个工作日内提交节能报告；"
                    "免费修改至通过审查；未通过审查的全额退还服务费。"
                ),
            }
        ],
    },
    {
        "name": "盐城朴川社会风险评估咨询有限公司",
        "name_en": ("Yancheng Puchuan Social Risk Assessment Consulting Co., Ltd."),
        "credit_code": "91320902MA1MWNTX04",
        "legal_representative": "马思川",
        "address": "盐城市亭湖区建军东路155号朴川大厦4层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88151360",
        "established_on": "2015-12-22",
        "staff_count": 18,
        "description": (
            "专门从事社会稳定风险评估和公众参与调查，团队有社会学、"
            "法学和工程管理背景，熟悉本市征地拆迁政策和信访工作流程。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位备案（全国投资项目在线审批监管平台）",
                "grade": None,
                "certificate_no": "GCZX-BA-320902-2018-0047",
                "issuer": "国家发展和改革委员会",
                "expires_on": "2028-12-31",
            }
        ],
        "services": [
            {
                "category": "SSRA",
                "title": "社会稳定风险评估（征地拆迁类项目）",
                "scope": (
                    "涉及集体土地征收、房屋拆迁安置的道路、水利、园区基础设施和城市更新项目。"
                ),
                "content": (
                    "入户走访和问卷调查，召开利益相关方座谈会，梳理征收补偿、"
                    "安置、就业和生计恢复等风险点，评判风险等级，"
                    "提出化解措施和风险监测方案，编制评估报告并配合评估主体审查。"
                ),
                "legal_basis": (
                    "中共中央办公厅、国务院办公厅《关于建立健全重大决策社会稳定风险评估机"
                    "制的指导意见（试行）》（中办发〔2012〕2号）；"
                    "《国家发展改革委重大固定资产投资项目社会稳定风险评估暂行办法》"
                    "（发改投资〔2012〕2492号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 3500000,
                    "per": "每份评估报告",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 15,
                "commitments": (
                    "资料齐全后15个工作日内提交评估报告；"
                    "调查问卷和座谈记录原件随报告移交；"
                    "免费修改至评估主体认可。"
                ),
            }
        ],
    },
    {
        "name": "盐城禾岚水利科技咨询有限公司",
        "name_en": ("Yancheng Helan Water Conservancy Consulting Co., Ltd."),
        "credit_code": "91320903729597374Y",
        "legal_representative": "朱岚生",
        "address": "盐城市盐都区新都路66号禾岚大厦8层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88456203",
        "established_on": "2008-10-15",
        "staff_count": 37,
        "description": (
            "水利咨询机构，主营水土保持方案、水资源论证和水土保持监测，"
            "熟悉里下河腹部地区和沿海垦区的水土流失特点，累计编制水保方案300余项。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "水土保持方案编制单位水平评价（四星）",
                "grade": None,
                "certificate_no": "中水保评〔2022〕苏0158号",
                "issuer": "中国水土保持学会",
                "expires_on": "2027-01-31",
            },
            {
                "name": "工程咨询单位资信（水利水电）",
                "grade": "乙",
                "certificate_no": "乙232021010219",
                "issuer": "江苏省工程咨询协会",
                "expires_on": "2028-06-30",
            },
        ],
        "services": [
            {
                "category": "SWC",
                "title": "生产建设项目水土保持方案报告书编制",
                "scope": (
                    "征占地面积5公顷以上或挖填土石方总量5万立方米以上的工业园"
                    "区、交通、水利、能源和房地产开发等生产建设项目。"
                ),
                "content": (
                    "现场调查项目区地形、土壤、植被和水土流失现状，"
                    "分析主体工程水土保持评价，界定防治责任范围，"
                    "预测可能造成的水土流失量，布设工程、植物和临时防护措施，"
                    "开展表土剥离和弃渣综合利用论证，编制水土保持投资估算和监测方案，"
                    "配合技术评审并修改报批。"
                ),
                "legal_basis": (
                    "《中华人民共和国水土保持法》第二十五条；"
                    "《生产建设项目水土保持方案管理办法》（水利部令第53号）；"
                    "《江苏省水土保持条例》"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价"
                    "格的通知》（发改价格〔2015〕299号）），"
                    "参照水利部水土保持监测中心《关于开发建设项目水土保持咨询服务费用"
                    "计列的指导意见》（保监〔2005〕22号），"
                    "按主体工程总投资分档累进计取。"
                ),
                "fee_standard": {
                    "type": "tiered",
                    "base_unit": "wan_yuan",
                    "base_label": "主体工程总投资",
                    "bands": [
                        {"up_to": "10000", "rate": "0.1"},
                        {"up_to": "50000", "rate": "0.02"},
                        {"up_to": "200000", "rate": "0.008"},
                        {"up_to": None, "rate": "0.004"},
                    ],
                    "floor_fen": 6000000,
                    "cap_fen": None,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 30,
                "commitments": (
                    "资料齐全后30个工作日内提交报告书送审稿；"
                    "技术评审意见下达后5个工作日内完成修改；"
                    "免费修改至取得批复；方案批复后免费提供水土保持措施落"
                    "实咨询。"
                ),
            },
            {
                "category": "WRA",
                "title": "建设项目水资源论证报告表编制",
                "scope": (
                    "年取水量较小、取用地表水或自来水厂外自备水源的一般工业"
                    "和服务业建设项目，适用水资源论证报告表的情形。"
                ),
                "content": (
                    "分析项目用水工艺和用水水平，复核取水量和用水定额，"
                    "评价取水水源的可靠性和取退水影响，"
                    "提出节水措施和计量监控要求，编制水资源论证报告表，"
                    "配合取水许可审批。"
                ),
                "legal_basis": (
                    "《中华人民共和国水法》第四十八条；"
                    "《取水许可和水资源费征收管理条例》第十一条；"
                    "《取水许可管理办法》（水利部令第34号）；"
                    "《江苏省水资源管理条例》"
                ),
                "fee_basis": "实行市场调节价，按报告份数定额收取。",
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 3000000,
                    "per": "每份报告表",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 15,
                "commitments": (
                    "资料齐全后15个工作日内提交报告表；"
                    "免费修改至通过审查；协助办理取水许可申请材料。"
                ),
            },
        ],
    },
    {
        "name": "盐城安澜水务工程咨询有限公司",
        "name_en": ("Yancheng Anlan Water Engineering Consulting Co., Ltd."),
        "credit_code": "9132090274002151X1",
        "legal_representative": "钱立澜",
        "address": "盐城市亭湖区戴庄路29号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88279934",
        "established_on": "2010-04-09",
        "staff_count": 29,
        "description": (
            "从事水利规划、防洪评价和水土保持咨询，熟悉串场河、"
            "通榆河和沿海挡潮闸下游河道的防洪排涝要求。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "水土保持方案编制单位水平评价（三星）",
                "grade": None,
                "certificate_no": "中水保评〔2023〕苏0216号",
                "issuer": "中国水土保持学会",
                "expires_on": "2028-09-30",
            },
            {
                "name": "工程咨询单位资信（水利水电）",
                "grade": "乙",
                "certificate_no": "乙232023010087",
                "issuer": "江苏省工程咨询协会",
                "expires_on": "2030-03-31",
            },
        ],
        "services": [
            {
                "category": "SWC",
                "title": "生产建设项目水土保持方案报告表编制",
                "scope": (
                    "征占地面积0.5～5公顷或挖填土石方总量1000立方米～5万立方米的工业厂房、"
                    "房地产、市政道路和管网等生产建设项目（实行承诺制管理）。"
                ),
                "content": (
                    "界定水土流失防治责任范围，估算扰动面积和土石方平衡，"
                    "布设水土保持措施，编制投资估算，"
                    "编制水土保持方案报告表，协助建设单位办理承诺制审批手"
                    "续。"
                ),
                "legal_basis": (
                    "《中华人民共和国水土保持法》第二十五条；"
                    "《生产建设项目水土保持方案管理办法》（水利部令第53号）；"
                    "《江苏省水土保持条例》"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务"
                    "价格的通知》（发改价格〔2015〕299号）），"
                    "参照水利部水土保持监测中心《关于开发建设项目水土保持咨询服务费"
                    "用计列的指导意见》（保监〔2005〕22号），报告表按份定额收取。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 1800000,
                    "per": "每份报告表",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 10,
                "commitments": (
                    "资料齐全后10个工作日内提交报告表；"
                    "协助完成承诺制审批；免费提供水土保持设施自主验收咨"
                    "询一次。"
                ),
            },
            {
                "category": "FLOOD",
                "title": "涉河建设项目防洪评价报告编制",
                "scope": (
                    "在本市河道管理范围内建设的桥梁、涵闸、码头、"
                    "穿（跨）河管线、取排水口等涉河建设项目。"
                ),
                "content": (
                    "收集水文和河道地形资料，必要时补测河道断面，开展壅水、"
                    "冲刷和河势演变计算，分析项目对行洪排涝、堤防安全、"
                    "河道管理和第三人合法水事权益的影响，提出防治与补救措施，"
                    "编制防洪评价报告并配合水行政主管部门审查。"
                ),
                "legal_basis": (
                    "《中华人民共和国防洪法》第二十七条、第三十三条；"
                    "《中华人民共和国河道管理条例》第十一条；《江苏省河道管理条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "河道断面测量费另计。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 5000000,
                    "high_fen": 25000000,
                    "note": ("按河道等级、涉河工程规模及是否需要数学模型计算协商"),
                },
                "time_limit_days": 25,
                "commitments": (
                    "资料齐全后25个工作日内提交报告；免费修改至取得审查同意；"
                    "施工期间如工程方案调整，免费出具补充说明。"
                ),
            },
        ],
    },
    {
        "name": "南京蓝屿水利规划设计有限公司",
        "name_en": ("Nanjing Lanyu Water Conservancy Planning and Design Co., Ltd."),
        "credit_code": "91320105685466136G",
        "legal_representative": "黄允澄",
        "address": "南京市建邺区嘉陵江东街18号蓝屿大厦16层",
        "city": "南京市",
        "is_local": False,
        "phone": "025-86592371",
        "established_on": "2005-06-16",
        "staff_count": 120,
        "description": (
            "水利规划设计与咨询机构，承担省内长江、"
            "淮河流域涉河项目防洪评价和大中型取水项目水资源论证，"
            "具备一、二维水动力数学模型计算能力。"
            "通过择优遴选进驻本市。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程设计资质（水利行业）",
                "grade": "乙",
                "certificate_no": "A232012345",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2029-04-30",
            },
            {
                "name": "工程咨询单位资信（水利水电）",
                "grade": "甲",
                "certificate_no": "甲082021010146",
                "issuer": "中国工程咨询协会",
                "expires_on": "2027-08-31",
            },
        ],
        "services": [
            {
                "category": "WRA",
                "title": "建设项目水资源论证报告书编制",
                "scope": (
                    "年取水量较大或取用地下水、"
                    "取水水源复杂的工业园区、电厂、化工、"
                    "食品饮料等建设项目。"
                ),
                "content": (
                    "开展区域水资源状况和开发利用分析，论证用水合理性和节水潜力，"
                    "分析取水水源可供水量和取水可靠性，评价取退水对水功能区和第三方的影响，"
                    "提出水资源保护措施和计量监控方案，编制水资源论证报告书并配合技术审查。"
                ),
                "legal_basis": (
                    "《中华人民共和国水法》第四十八条；"
                    "《取水许可和水资源费征收管理条例》第十一条；"
                    "《取水许可管理办法》（水利部令第34号）；"
                    "《江苏省水资源管理条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按取水规模和水源条件确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 8000000,
                    "high_fen": 30000000,
                    "note": ("按年取水量、水源类型（地表水/地下水）及论证工作深度协商"),
                },
                "time_limit_days": 30,
                "commitments": (
                    "资料齐全后30个工作日内提交报告书；"
                    "技术审查时项目负责人到场答疑；"
                    "免费修改至通过审查。"
                ),
            },
            {
                "category": "FLOOD",
                "title": "洪水影响评价（跨河桥梁、穿堤管线、码头工程）",
                "scope": (
                    "跨越或穿越流域性、区域性骨干河道的大中型桥梁、输油输气管线、码头和取排水工程。"
                ),
                "content": (
                    "建立一、二维水动力数学模型，计算工程建设前后水位、流速和流场变化，"
                    "分析河势稳定、堤防安全和防汛抢险影响，"
                    "评估对第三人合法水事权益的影响，提出补救措施和工程投资，"
                    "编制洪水影响评价报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国防洪法》第二十七条、第三十三条；"
                    "《中华人民共和国河道管理条例》第十一条；《江苏省河道管理条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按涉河工程投资的比例计取，设最低和最高收费。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "wan_yuan",
                    "base_label": "涉河工程投资",
                    "rate": "0.4",
                    "floor_fen": 6000000,
                    "cap_fen": 35000000,
                    "discount_max_pct": "10",
                },
                "time_limit_days": 30,
                "commitments": (
                    "资料齐全后30个工作日内提交报告；"
                    "模型计算成果和率定资料随报告移交；"
                    "免费修改至取得审查同意。"
                ),
            },
        ],
    },
    {
        "name": "盐城朗岩地质勘察有限公司",
        "name_en": "Yancheng Langyan Geological Survey Co., Ltd.",
        "credit_code": "91320902735677901E",
        "legal_representative": "蒋振岩",
        "address": "盐城市亭湖区开放大道北路200号朗岩大楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88237140",
        "established_on": "2003-08-21",
        "staff_count": 52,
        "description": (
            "从事岩土工程勘察和地质灾害危险性评估，拥有钻探、"
            "静力触探和原位测试设备，熟悉苏北沿海软土和地面沉降区的工程地质"
            "条件。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "地质灾害防治单位资质（评估和治理工程勘查设计）",
                "grade": "乙",
                "certificate_no": "苏地灾资（乙）字〔2023〕第0093号",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2028-07-31",
            },
            {
                "name": "工程勘察专业资质（岩土工程（勘察））",
                "grade": "乙",
                "certificate_no": "B232031762",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2029-02-28",
            },
        ],
        "services": [
            {
                "category": "GHA",
                "title": "建设用地地质灾害危险性评估（二、三级评估）",
                "scope": (
                    "位于地质灾害易发区内的工业、居住、"
                    "公共设施等建设用地，评估级别为二级或三级的项目。"
                ),
                "content": (
                    "收集区域地质、水文地质和地面沉降监测资料，"
                    "开展地质环境条件调查，对现状地质灾害、"
                    "工程建设可能引发和遭受的地质灾害危险性进行评估，"
                    "划分危险性等级，评价建设用地适宜性并提出防治措施建议，"
                    "编制评估报告并组织专家审查。"
                ),
                "legal_basis": (
                    "《地质灾害防治条例》第二十一条；"
                    "《地质灾害防治单位资质管理办法》"
                    "（自然资源部令第8号）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照地质灾害危险性评估行业收费指导标准，按评估区面积计取。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "hectare",
                    "base_label": "评估区面积",
                    "price_fen": 80000,
                    "floor_fen": 2000000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 20,
                "commitments": (
                    "资料齐全后20个工作日内提交评估报告；免费修改至通过专家审查；"
                    "评估区位于本机构近年已评估区域的，优先利用已有资料降低费用。"
                ),
            }
        ],
    },
    {
        "name": "盐城岱衡地质环境工程有限公司",
        "name_en": ("Yancheng Daiheng Geo-environmental Engineering Co., Ltd."),
        "credit_code": "91320903581923742P",
        "legal_representative": "孔德衡",
        "address": "盐城市盐都区西环路306号岱衡科技园",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88631597",
        "established_on": "2013-01-15",
        "staff_count": 30,
        "description": (
            "地质环境工程专业机构，承担地质灾害危险性评估、"
            "地面沉降监测和地质灾害治理工程勘查设计，具备一级评估能力。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "地质灾害防治单位资质（评估和治理工程勘查设计）",
                "grade": "甲",
                "certificate_no": "苏地灾资（甲）字〔2024〕第0041号",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2029-06-30",
            }
        ],
        "services": [
            {
                "category": "GHA",
                "title": "地质灾害危险性评估（一级评估、线性工程）",
                "scope": (
                    "重要建设项目以及高速公路、铁路、输油输气管线、"
                    "输电线路等线性工程的一级地质灾害危险性评估。"
                ),
                "content": (
                    "开展评估区地质环境条件专项调查，必要时布置勘探和测试工作，"
                    "分段评价线性工程沿线地质灾害危险性，进行现状评估、"
                    "预测评估和综合评估，提出防治工程措施和监测方案，"
                    "编制评估报告并组织专家审查。"
                ),
                "legal_basis": (
                    "《地质灾害防治条例》第二十一条；"
                    "《地质灾害防治单位资质管理办法》"
                    "（自然资源部令第8号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按评估级别、线路长度和地质条件复杂程度确定，勘探测试费另计。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 5000000,
                    "high_fen": 20000000,
                    "note": "按评估级别、线路长度及地质条件复杂程度协商",
                },
                "time_limit_days": 30,
                "commitments": (
                    "资料齐全后30个工作日内提交报告；"
                    "项目负责人具有高级工程师职称；"
                    "免费修改至通过专家审查。"
                ),
            }
        ],
    },
    {
        "name": "盐城晟岚测绘地理信息有限公司",
        "name_en": ("Yancheng Shenglan Surveying and Geoinformation Co., Ltd."),
        "credit_code": "913209027510693325",
        "legal_representative": "蔡晟",
        "address": "盐城市亭湖区毓龙东路68号晟岚大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88362045",
        "established_on": "2004-02-17",
        "staff_count": 64,
        "description": (
            "本市规模较大的测绘单位，承担规划放线、验线和竣工规划核实测量，"
            "是“多测合一”改革首批服务单位，配备GNSS接收机、全站仪和三维激光扫描仪。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "测绘资质（工程测量、界线与不动产测绘）",
                "grade": "乙",
                "certificate_no": "乙测资字32093056",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2028-05-31",
            }
        ],
        "services": [
            {
                "category": "SURVEY",
                "title": "建设工程规划放线及±0验线测量",
                "scope": (
                    "取得建设工程规划许可证的房屋建筑和构筑物，"
                    "按单体（幢）开展规划放线和±0.00验线测量。"
                ),
                "content": (
                    "依据规划许可附图和坐标成果进行建筑物定位放线，开工后实施±0.00验线，"
                    "核查建筑位置、退让距离和间距，出具规划放线测量报告和验线测量报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十七条；《中华人民共和国城乡规划法》第四十五条"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002〕3号）"
                    "和《测绘生产成本费用定额》（财建〔2009〕17号），按幢计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "item",
                    "base_label": "单体建筑（幢）",
                    "price_fen": 150000,
                    "floor_fen": 300000,
                    "cap_fen": None,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 5,
                "commitments": (
                    "接到委托后2个工作日内到场，5个工作日内出具测量报告；"
                    "成果符合“多测合一”数据标准，可直接推送至规划和不动产登记系统。"
                ),
            },
            {
                "category": "SURVEY",
                "title": "建设工程竣工规划核实测量（多测合一）",
                "scope": (
                    "竣工阶段需办理规划核实的房屋建筑工程，"
                    "一次测量同时满足规划核实、人防面积和绿地率核算等要"
                    "求。"
                ),
                "content": (
                    "测量建筑物平面位置、高度、层数、间距和退让距离，"
                    "核算建筑面积、容积率、绿地率和停车位，"
                    "对照规划许可内容编制竣工规划核实测量报告，"
                    "成果提交“多测合一”平台共享。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十七条；《中华人民共和国城乡规划法》第四十五条"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002〕3号）"
                    "和《测绘生产成本费用定额》（财建〔2009〕17号），按总建筑面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "总建筑面积",
                    "price_fen": 80,
                    "floor_fen": 500000,
                    "cap_fen": None,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 10,
                "commitments": (
                    "外业条件具备后10个工作日内出具报告；"
                    "成果一次提交多部门共享，不重复收费；"
                    "测量成果质量问题免费返工。"
                ),
            },
        ],
    },
    {
        "name": "盐城匠图测绘技术有限公司",
        "name_en": "Yancheng Jiangtu Surveying Technology Co., Ltd.",
        "credit_code": "91320903MA1M61AJ3K",
        "legal_representative": "杨图南",
        "address": "盐城市盐都区新都东路19号匠图科技楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88528176",
        "established_on": "2016-05-24",
        "staff_count": 33,
        "description": (
            "以无人机航测和倾斜摄影为特色的测绘单位，"
            "承担地形图测绘、实景三维建模和土方量测算，外业响应快。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "测绘资质（工程测量、摄影测量与遥感）",
                "grade": "乙",
                "certificate_no": "乙测资字32093158",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2029-10-31",
            }
        ],
        "services": [
            {
                "category": "SURVEY",
                "title": "1:500地形图测绘",
                "scope": (
                    "建设项目选址、方案设计和施工图设计所需的1:500"
                    "数字地形图测绘，城区和乡镇均可承接。"
                ),
                "content": (
                    "布设图根控制，采用无人机航测结合全站仪、RTK外业调绘，"
                    "测制1:500数字线划图，标注地物、地貌、"
                    "地下管线出露点和高程注记，提交CAD格式地形图和技术总结。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十七条；《工程测量标准》（GB 50026-2020）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002〕3号）"
                    "和《测绘生产成本费用定额》（财建〔2009〕17号），按测图面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "km2",
                    "base_label": "测图面积",
                    "price_fen": 4200000,
                    "floor_fen": 500000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 10,
                "commitments": (
                    "测区面积1平方公里以内10个工作日内提交成果；"
                    "成果经内部两级检查、一级验收；图面错误免费修测。"
                ),
            }
        ],
    },
    {
        "name": "盐城岚图空间信息技术有限公司",
        "name_en": ("Yancheng Lantu Spatial Information Technology Co., Ltd."),
        "credit_code": "913209045900097766",
        "legal_representative": "邵文岚",
        "address": "盐城市大丰区大中街道幸福东路88号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-83526481",
        "established_on": "2012-09-03",
        "staff_count": 41,
        "description": (
            "从事土地勘测定界、地籍测量和地理信息系统建设，"
            "长期为大丰、东台等地的用地报批项目提供勘测定界服务。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": ("测绘资质（工程测量、界线与不动产测绘、地理信息系统工程）"),
                "grade": "乙",
                "certificate_no": "乙测资字32093077",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2027-04-30",
            }
        ],
        "services": [
            {
                "category": "SURVEY",
                "title": "建设项目用地勘测定界",
                "scope": (
                    "办理建设用地审批（农用地转用、土地征收）和供地所需的勘测定界，含线性工程用地。"
                ),
                "content": (
                    "依据用地范围开展界址点放样和测量，调查地类和权属，"
                    "核算用地面积和各地类面积，编制勘测定界图和勘测定界技术报告，"
                    "成果符合《建设用地勘测定界规程》（TD/T 1008）要求。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十七条；《中华人民共和国土地管理法实施条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002〕3号）"
                    "和《测绘生产成本费用定额》（财建〔2009〕17号），按用地面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "hectare",
                    "base_label": "用地面积",
                    "price_fen": 120000,
                    "floor_fen": 300000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 7,
                "commitments": (
                    "外业条件具备后7个工作日内提交勘测定界成果；"
                    "界址点成果与国土空间“一张图”核对一致；"
                    "用地报批退件属本单位原因的免费修改。"
                ),
            }
        ],
    },
    {
        "name": "盐城匠诚工程项目管理有限公司",
        "name_en": ("Yancheng Jiangcheng Project Management Co., Ltd."),
        "credit_code": "91320902710043494X",
        "legal_representative": "潘守诚",
        "address": "盐城市亭湖区希望大道南路58号匠诚大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88187305",
        "established_on": "2007-09-14",
        "staff_count": 75,
        "description": (
            "工程咨询和项目管理单位，近年主要承担海上风电、港口物流和化工"
            "园区项目的前期咨询，出具项目申请报告和可行性研究报告。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信",
                "grade": "乙",
                "certificate_no": "乙232022011136",
                "issuer": "中国工程咨询协会",
                "expires_on": "2027-12-31",
            },
        ],
        "services": [
            {
                "category": "FEASIBILITY",
                "title": "海上风电及港口项目申请报告编制",
                "scope": ("海上风电场、升压站及送出工程、港口码头等省级核准项目的项目申请报告。"),
                "content": (
                    "梳理用海、用地、通航、环评等前置要件和办理顺序，编制项目申请"
                    "报告及核准所需的发电量、接入和经济性分析，配合省、市发展改革"
                    "部门评估。"
                ),
                "legal_basis": (
                    "《政府投资条例》（国务院令第712号）第九条；《企业投资项目"
                    "核准和备案管理条例》（国务院令第673号）第六条；《企业投资"
                    "项目核准和备案管理办法》（国家发展改革委令第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），按项目规模"
                    "和专题数量协商确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 15_000_000,
                    "high_fen": 60_000_000,
                    "note": "按装机容量、送出工程和专题数量协商",
                },
                "time_limit_days": 30,
                "commitments": "核准前置要件清单随报告一并交付；评估会全程参会答疑。",
            },
        ],
    },
    {
        "name": "盐城弘衡施工图审查咨询有限公司",
        "name_en": ("Yancheng Hongheng Construction Drawing Review Co., Ltd."),
        "credit_code": "91320903695510372J",
        "legal_representative": "范弘毅",
        "address": "盐城市盐都区盐渎东路66号弘衡大厦7层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88640231",
        "established_on": "2003-05-20",
        "staff_count": 42,
        "description": (
            "施工图审查机构，承担市政基础设施工程和中小型房屋建筑工程施工"
            "图审查，经政府采购确定为本市审查机构之一。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "房屋建筑和市政基础设施工程施工图审查机构认定（二类）",
                "grade": None,
                "certificate_no": "苏审图认字〔2023〕第17号",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2028-06-30",
            },
        ],
        "services": [
            {
                "category": "DRAWING",
                "title": "市政基础设施及中小型房屋建筑工程施工图审查",
                "scope": (
                    "道路、桥梁、给排水等市政基础设施工程和建筑面积3万平方米以下的房屋建筑工程。"
                ),
                "content": (
                    "对施工图涉及公共利益、公众安全和强制性标准的内容进行审查，合"
                    "并消防、人防、技防审查，出具审查意见和审查合格书。"
                ),
                "legal_basis": (
                    "《建设工程质量管理条例》第十一条；《房屋建筑和市政基础设施工"
                    "程施工图设计文件审查管理办法》（住房城乡建设部令第13号）；"
                    "《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见"
                    "》（国办发〔2019〕11号）"
                ),
                "fee_basis": (
                    "政府购买服务，审查费由市住房城乡建设主管部门按政府采购合同支"
                    "付，建设单位不承担。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "建筑面积",
                    "price_fen": 180,
                    "floor_fen": 500_000,
                    "cap_fen": None,
                },
                "time_limit_days": 10,
                "commitments": "一次性告知全部审查意见；复审3个工作日内完成。",
            },
        ],
    },
    {
        "name": "盐城诚岱工程咨询有限公司",
        "name_en": ("Yancheng Chengdai Engineering Consulting Co., Ltd."),
        "credit_code": "91320981623895680C",
        "legal_representative": "季岱峰",
        "address": "盐城市东台市东台镇北海路126号诚岱大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-85276409",
        "established_on": "2010-07-12",
        "staff_count": 27,
        "description": (
            "小型工程咨询单位，主要为中小企业技改和县域政府投资项目编制可行性研究报告。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信",
                "grade": "丙",
                "certificate_no": "丙232021020953",
                "issuer": "中国工程咨询协会",
                "expires_on": "2027-06-30",
            },
        ],
        "services": [
            {
                "category": "FEASIBILITY",
                "title": "中小型项目可行性研究报告编制",
                "scope": ("估算总投资5000万元以下的政府投资项目和企业技改项目的可行性研究报告。"),
                "content": (
                    "调研、方案比选、投资估算和效益分析，编制可行性研究报告并按评审意见修改。"
                ),
                "legal_basis": (
                    "《政府投资条例》（国务院令第712号）第九条；《企业投资项目"
                    "核准和备案管理条例》（国务院令第673号）第六条；《企业投资"
                    "项目核准和备案管理办法》（国家发展改革委令第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），参照《建设"
                    "项目前期工作咨询收费暂行规定》（计价格〔1999〕1283号"
                    "）按估算投资额分档计取。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 6_000_000,
                    "per": "每份报告（估算总投资5000万元以下）",
                    "discount_max_pct": "15",
                },
                "time_limit_days": 15,
                "commitments": "15个工作日内交付初稿；评审意见5个工作日内修改完毕。",
            },
        ],
    },
    {
        "name": "盐城诚澜林业规划设计有限公司",
        "name_en": ("Yancheng Chenglan Forestry Planning and Design Co., Ltd."),
        "credit_code": "91320902766776750W",
        "legal_representative": "严立诚",
        "address": "盐城市亭湖区建军中路210号诚澜大厦6层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88347762",
        "established_on": "2005-03-30",
        "staff_count": 36,
        "description": (
            "林业调查规划设计单位，熟悉沿海防护林、农田林网和湿地林地资源"
            "，承担建设项目使用林地可行性报告和林地现状调查。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "林业调查规划设计单位资信",
                "grade": "乙",
                "certificate_no": "林资信乙-苏-2022-031",
                "issuer": "中国林业工程建设协会",
                "expires_on": "2027-12-31",
            },
        ],
        "services": [
            {
                "category": "FOREST",
                "title": "建设项目使用林地可行性报告编制",
                "scope": (
                    "占用或临时使用林地的建设项目，含沿海防护林带内的风电集控中心"
                    "、升压站和道路工程。"
                ),
                "content": (
                    "外业调查林地地类、面积、林种和蓄积，核对林地保护利用规划，分"
                    "析使用林地的必要性和对森林资源、生态的影响，测算植被恢复费，"
                    "编制可行性报告和勘测定界图。"
                ),
                "legal_basis": (
                    "《中华人民共和国森林法》第三十七条；《建设项目使用林地审核审"
                    "批管理办法》（国家林业局令第35号）第八条；《使用林地可行性"
                    "报告编制规范》（LY/T 2492-2015）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），按调查林地"
                    "面积计取。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "hectare",
                    "base_label": "调查林地面积",
                    "price_fen": 450_000,
                    "floor_fen": 1_500_000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 15,
                "commitments": "外业调查邀请林业站共同现场核实；成果一次通过技术审查。",
            },
        ],
    },
    {
        "name": "盐城岚信项目管理有限公司",
        "name_en": ("Yancheng Lanxin Project Management Co., Ltd."),
        "credit_code": "9132090370915105XG",
        "legal_representative": "徐信安",
        "address": "盐城市盐都区世纪大道18号岚信大厦10层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88592016",
        "established_on": "2012-11-06",
        "staff_count": 48,
        "description": (
            "以投资项目前期咨询为主业的工程咨询单位，为政府投资项目编制可"
            "行性研究报告，为企业投资项目编制核准申请报告，熟悉沿海产业园"
            "区和新能源项目。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信",
                "grade": "乙",
                "certificate_no": "乙232023010417",
                "issuer": "中国工程咨询协会",
                "expires_on": "2028-12-31",
            },
        ],
        "services": [
            {
                "category": "FEASIBILITY",
                "title": "政府投资项目可行性研究报告编制",
                "scope": ("市、县（区）政府投资的房屋建筑、市政、水利和交通项目的可行性研究报告。"),
                "content": (
                    "现场踏勘和需求调研，论证建设必要性、规模和方案，估算投资和资"
                    "金来源，分析经济和社会效益，汇总水土保持、节能、社会稳定风险"
                    "等专篇，按评审意见修改定稿。"
                ),
                "legal_basis": (
                    "《政府投资条例》（国务院令第712号）第九条；《企业投资项目"
                    "核准和备案管理条例》（国务院令第673号）第六条；《企业投资"
                    "项目核准和备案管理办法》（国家发展改革委令第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），参照《建设"
                    "项目前期工作咨询收费暂行规定》（计价格〔1999〕1283号"
                    "）按估算投资额分档计取。"
                ),
                "fee_standard": {
                    "type": "tiered",
                    "base_unit": "wan_yuan",
                    "base_label": "项目估算总投资",
                    "bands": [
                        {
                            "up_to": "10000",
                            "rate": "0.14",
                        },
                        {
                            "up_to": "50000",
                            "rate": "0.0575",
                        },
                        {
                            "up_to": "100000",
                            "rate": "0.036",
                        },
                        {
                            "up_to": "500000",
                            "rate": "0.01125",
                        },
                        {
                            "up_to": None,
                            "rate": "0.005",
                        },
                    ],
                    "floor_fen": 6_000_000,
                    "cap_fen": 125_000_000,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 25,
                "commitments": ("按审批部门评估意见免费修改至通过；估算投资误差控制在10%以内。"),
            },
            {
                "category": "FEASIBILITY",
                "title": "企业投资项目申请报告编制（核准类）",
                "scope": (
                    "列入《政府核准的投资项目目录》的企业投资项目，如港口码头、化"
                    "工、热电项目的项目申请报告。"
                ),
                "content": (
                    "分析项目对国家和地方产业政策、规划的符合性，资源利用和能耗、"
                    "生态环境影响、经济和社会影响，提出核准所需的前置意见清单。"
                ),
                "legal_basis": (
                    "《政府投资条例》（国务院令第712号）第九条；《企业投资项目"
                    "核准和备案管理条例》（国务院令第673号）第六条；《企业投资"
                    "项目核准和备案管理办法》（国家发展改革委令第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），参照《建设"
                    "项目前期工作咨询收费暂行规定》（计价格〔1999〕1283号"
                    "）按估算投资额分档计取。"
                ),
                "fee_standard": {
                    "type": "tiered",
                    "base_unit": "wan_yuan",
                    "base_label": "项目估算总投资",
                    "bands": [
                        {
                            "up_to": "10000",
                            "rate": "0.06",
                        },
                        {
                            "up_to": "50000",
                            "rate": "0.015",
                        },
                        {
                            "up_to": "100000",
                            "rate": "0.006",
                        },
                        {
                            "up_to": "500000",
                            "rate": "0.00125",
                        },
                        {
                            "up_to": None,
                            "rate": "0.002",
                        },
                    ],
                    "floor_fen": 3_000_000,
                    "cap_fen": 30_000_000,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 20,
                "commitments": "报告一次性通过形式审查；不收取核准结果挂钩费用。",
            },
        ],
    },
    {
        "name": "盐城筑岳国土规划设计有限公司",
        "name_en": ("Yancheng Zhuyue Land Planning and Design Co., Ltd."),
        "credit_code": "91320902706978262Y",
        "legal_representative": "王岳峰",
        "address": "盐城市亭湖区青年西路21号筑岳大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88213578",
        "established_on": "1998-04-10",
        "staff_count": 160,
        "description": (
            "国土空间规划和土地整治咨询单位，承担建设项目土地复垦方案、土地整治项目规划设计。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "乙级城乡规划编制单位资质",
                "grade": "乙",
                "certificate_no": "自资规乙字23320117",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2027-12-31",
            },
        ],
        "services": [
            {
                "category": "RECLAIM",
                "title": "建设项目土地复垦方案报告书编制",
                "scope": (
                    "损毁土地面积较大的建设项目（取土场、弃土场、施工营地、海上风"
                    "电陆上工程）的土地复垦方案报告书。"
                ),
                "content": (
                    "调查拟损毁土地的地类和质量，预测损毁程度，确定复垦方向和标准"
                    "，设计工程和生物措施，测算复垦费用和年度计划，编制报告书和复"
                    "垦规划图。"
                ),
                "legal_basis": (
                    "《土地复垦条例》（国务院令第592号）第十一条、第十二条；《"
                    "土地复垦条例实施办法》（国土资源部令第56号）；《土地复垦方"
                    "案编制规程》（TD/T 1031-2011）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），按复垦区面"
                    "积计取。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "hectare",
                    "base_label": "复垦区面积",
                    "price_fen": 300_000,
                    "floor_fen": 2_000_000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 20,
                "commitments": "复垦费用测算依据逐项列明；配合自然资源部门组织的专家论证。",
            },
        ],
    },
    {
        "name": "盐城润衡生态林业咨询有限公司",
        "name_en": ("Yancheng Runheng Ecological Forestry Consulting Co., Ltd."),
        "credit_code": "91320903586845923E",
        "legal_representative": "胡润生",
        "address": "盐城市盐都区新都西路99号润衡大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88617728",
        "established_on": "2002-08-19",
        "staff_count": 95,
        "description": (
            "从事林业资源调查和生态咨询，承担线性工程穿越林地的使用林地可行性报告和林地现状调查表。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "林业调查规划设计单位资信",
                "grade": "丙",
                "certificate_no": "林资信丙-苏-2023-058",
                "issuer": "中国林业工程建设协会",
                "expires_on": "2028-06-30",
            },
        ],
        "services": [
            {
                "category": "FOREST",
                "title": "线性工程使用林地可行性报告及林地现状调查表",
                "scope": (
                    "公路、输电线路、海上风电送出线路等线性工程穿越林地的使用林地"
                    "申请材料；占用林地2公顷以下的编制林地现状调查表。"
                ),
                "content": (
                    "沿线逐段调查林地，统计各县（区）、各地类使用面积，提出避让和"
                    "植被恢复措施，编制可行性报告或现状调查表及附图。"
                ),
                "legal_basis": (
                    "《中华人民共和国森林法》第三十七条；《建设项目使用林地审核审"
                    "批管理办法》（国家林业局令第35号）第八条"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），按线路长度"
                    "和涉及林地的县（区）数量协商确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 2_000_000,
                    "high_fen": 8_000_000,
                    "note": "按线路长度和涉及县（区）数量协商",
                },
                "time_limit_days": 20,
                "commitments": "分县（区）出具面积统计表，便于分级审核。",
            },
        ],
    },
    {
        "name": "盐城朗川土地整治技术有限公司",
        "name_en": ("Yancheng Langchuan Land Consolidation Technology Co., Ltd."),
        "credit_code": "913209045882745031",
        "legal_representative": "陆朗川",
        "address": "盐城市大丰区大中街道常新路32号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-83216655",
        "established_on": "2009-02-25",
        "staff_count": 70,
        "description": ("土地整治和复垦技术服务单位，专做临时用地的土地复垦方案报告表。"),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "土地规划机构等级（行业自律评价）",
                "grade": "丙",
                "certificate_no": "中土学评丙-2023-0412",
                "issuer": "中国土地学会",
                "expires_on": "2027-06-30",
            },
        ],
        "services": [
            {
                "category": "RECLAIM",
                "title": "临时用地土地复垦方案报告表编制",
                "scope": (
                    "施工便道、堆场、施工营地等临时用地（使用期限一般不超过两年）"
                    "的土地复垦方案报告表。"
                ),
                "content": (
                    "现场调查和拍照取证，确定复垦措施、费用和复垦期限，编制报告表"
                    "，协助签订复垦协议和缴存复垦费用。"
                ),
                "legal_basis": (
                    "《土地复垦条例》（国务院令第592号）第十一条；《中华人民共"
                    "和国土地管理法实施条例》第二十条；《自然资源部关于规范临时用"
                    "地管理的通知》（自然资规〔2021〕2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号））。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 1_200_000,
                    "per": "每份报告表",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 10,
                "commitments": "10个工作日内交付；复垦验收前免费复核一次。",
            },
        ],
    },
    {
        "name": "盐城焱衡防雷检测技术有限公司",
        "name_en": ("Yancheng Yanheng Lightning Protection Testing Co., Ltd."),
        "credit_code": "91320902MA1NPMLC8X",
        "legal_representative": "曹立焱",
        "address": "盐城市亭湖区迎宾南路77号焱衡大楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88395540",
        "established_on": "2017-08-08",
        "staff_count": 22,
        "description": (
            "雷电防护装置检测机构，国发〔2016〕39号开放检测市场后取"
            "得资质，主要承担化工园区易燃易爆场所的防雷装置检测。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "雷电防护装置检测资质",
                "grade": "乙",
                "certificate_no": "（苏）雷检字〔2021〕第041号",
                "issuer": "江苏省气象局",
                "expires_on": "2026-12-31",
            },
            {
                "name": "检验检测机构资质认定证书（CMA）",
                "grade": None,
                "certificate_no": "221012345677",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2027-12-31",
            },
        ],
        "services": [
            {
                "category": "LIGHTNING",
                "title": "易燃易爆建设工程和场所新建防雷装置检测",
                "scope": (
                    "油库、气库、化学品仓库、加油加气站等易燃易爆建设工程和场所新"
                    "建、改建、扩建防雷装置的分段检测和竣工检测。"
                ),
                "content": (
                    "按GB 50057和GB/T 21431检测接闪器、引下线、"
                    "接地装置、等电位连接和电涌保护器，出具检测报告，供气象主管机"
                    "构竣工验收。"
                ),
                "legal_basis": (
                    "《气象灾害防御条例》第二十四条；《国务院关于优化建设工程防雷"
                    "许可的决定》（国发〔2016〕39号）；《防雷装置设计审核和"
                    "竣工验收规定》（中国气象局令第21号）"
                ),
                "fee_basis": (
                    "由审批部门（市气象局）委托并支付（谁审批、谁委托、谁付费），"
                    "不向建设单位收费；委托价格按检测点数计。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "point",
                    "base_label": "检测点数",
                    "price_fen": 30_000,
                    "floor_fen": 300_000,
                    "cap_fen": None,
                },
                "time_limit_days": 5,
                "commitments": "检测原始记录随报告提交；隐蔽工程检测随叫随到。",
            },
        ],
    },
    {
        "name": "盐城市卫岚特种设备监督检验中心",
        "name_en": ("Yancheng Weilan Special Equipment Supervisory Inspection Centre"),
        "credit_code": "12320900466783297J",
        "legal_representative": "邱卫东",
        "address": "盐城市盐都区盐渎西路58号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88653902",
        "established_on": "2013-06-17",
        "staff_count": 30,
        "description": (
            "公益性特种设备检验机构，经核准承担本市锅炉、压力容器、压力管"
            "道、电梯和起重机械安装、改造、重大修理的监督检验，是本市唯一"
            "承担该项目的综合检验机构，按“垄断性中介必须进驻”原则进驻。"
        ),
        "admission_route": "required",
        "qualifications": [
            {
                "name": "特种设备检验机构核准证（综合检验机构）",
                "grade": "甲",
                "certificate_no": "TS7110320-2027",
                "issuer": "国家市场监督管理总局",
                "expires_on": "2027-08-31",
            },
            {
                "name": "检验检测机构资质认定证书（CMA）",
                "grade": None,
                "certificate_no": "211012349872",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2028-03-31",
            },
        ],
        "services": [
            {
                "category": "SPECIAL",
                "title": "电梯安装、改造、重大修理监督检验",
                "scope": (
                    "新建建筑的乘客电梯、载货电梯、自动扶梯和自动人行道的安装监督"
                    "检验，以及改造、重大修理监督检验。"
                ),
                "content": (
                    "审查施工单位资格和施工方案，现场抽查安装过程，按TSG T7"
                    "001进行监督检验，出具监督检验证书，作为办理特种设备使用登"
                    "记的依据。"
                ),
                "legal_basis": (
                    "《中华人民共和国特种设备安全法》第二十五条、第三十三条；《电"
                    "梯监督检验和定期检验规则》（TSG T7001）"
                ),
                "fee_basis": (
                    "执行省价格主管部门核定的特种设备检验检测收费标准（行政事业性"
                    "收费目录外的经营服务性收费按核定标准执行）。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "item",
                    "base_label": "电梯台数",
                    "price_fen": 150_000,
                    "floor_fen": 150_000,
                    "cap_fen": None,
                },
                "time_limit_days": 10,
                "commitments": "接报后3个工作日内安排现场检验；不合格项一次性书面告知。",
            },
            {
                "category": "SPECIAL",
                "title": "锅炉、压力容器安装监督检验",
                "scope": ("工业锅炉、固定式压力容器和工业管道的安装、改造、重大修理监督检验。"),
                "content": "审查安装资料，见证水压试验和关键工序，出具监督检验证书。",
                "legal_basis": (
                    "《中华人民共和国特种设备安全法》第二十五条；《锅炉安全技术规"
                    "程》（TSG 11）；《固定式压力容器安全技术监察规程》（T"
                    "SG 21）"
                ),
                "fee_basis": "执行省价格主管部门核定的特种设备检验检测收费标准。",
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "item",
                    "base_label": "设备台数",
                    "price_fen": 200_000,
                    "floor_fen": 200_000,
                    "cap_fen": None,
                },
                "time_limit_days": 15,
                "commitments": "按施工进度分段检验，不因检验延误工期。",
            },
        ],
    },
    {
        "name": "盐城晟衡海洋工程咨询有限公司",
        "name_en": ("Yancheng Shengheng Ocean Engineering Consulting Co., Ltd."),
        "credit_code": "91320924MA1YRPY606",
        "legal_representative": "戴晟衡",
        "address": "盐城市射阳县合德镇解放东路216号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-82316650",
        "established_on": "2019-04-22",
        "staff_count": 16,
        "description": (
            "海洋工程咨询单位，承担海上风电场、海底电缆和滩涂用海项目的海"
            "域使用论证，配备海洋测绘和数值模拟人员。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "海域使用论证单位信用评价（行业自律，A级）",
                "grade": None,
                "certificate_no": "中海协论证信〔2024〕第086号",
                "issuer": "中国海洋工程咨询协会",
                "expires_on": "2027-12-31",
            },
        ],
        "services": [
            {
                "category": "SEA",
                "title": "海上风电场及海底电缆海域使用论证报告书编制",
                "scope": (
                    "海上风电场（含风机基础、海上升压站、集电和送出海缆）等需编制报告书的用海项目。"
                ),
                "content": (
                    "收集和补充海洋水文、地形地貌和冲淤资料，分析用海必要性、选址"
                    "和面积的合理性，预测对海洋资源、渔业和其他用海活动的影响，界"
                    "定利益相关者并提出协调方案，绘制宗海图。"
                ),
                "legal_basis": (
                    "《中华人民共和国海域使用管理法》第十六条、第十七条；《海域使"
                    "用论证管理规定》（国家海洋局，2016年）；《海域使用论证技"
                    "术导则》（GB/T 42361-2023）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），按用海面积"
                    "、用海方式和专题数量协商确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 20_000_000,
                    "high_fen": 80_000_000,
                    "note": "按用海面积、用海方式和专题数量协商",
                },
                "time_limit_days": 45,
                "commitments": ("利益相关者协调情况逐一列表；专家评审修改意见10个工作日内完成。"),
            },
        ],
    },
    {
        "name": "盐城润岱检测技术有限公司",
        "name_en": "Yancheng Rundai Testing Technology Co., Ltd.",
        "credit_code": "91320902MA1XA0AE17",
        "legal_representative": "韩立岱",
        "address": "盐城市亭湖区环保产业园文港北路15号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88273318",
        "established_on": "2018-10-11",
        "staff_count": 19,
        "description": (
            "职业卫生检测评价机构，为在产企业提供职业病危害因素定"
            "期检测和现状评价，可在48小时内安排现场采样。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "职业卫生技术服务机构资质",
                "grade": "乙",
                "certificate_no": "苏卫职技字（2023）第027号",
                "issuer": "江苏省卫生健康委员会",
                "expires_on": "2028-10-31",
            },
            {
                "name": "检验检测机构资质认定证书（CMA）",
                "grade": None,
                "certificate_no": "231012340466",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2029-01-15",
            },
        ],
        "services": [
            {
                "category": "OHA",
                "title": "职业病危害因素定期检测及现状评价",
                "scope": (
                    "存在粉尘、化学毒物、噪声、高温等职业病危害因素的在产用人单位，"
                    "按规定每年开展定期检测、职业病危害严重的每三年开展现状评价。"
                ),
                "content": (
                    "现场职业卫生调查，按GBZ 159布点采样，"
                    "实验室分析职业病危害因素浓度（强度），"
                    "评价接触水平和防护措施效果，出具检测报告；"
                    "需现状评价的另行编制现状评价报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国职业病防治法》第二十六条；"
                    "《工作场所职业卫生管理规定》（国家卫生健康委令第5号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按检测点数计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "point",
                    "base_label": "检测点数",
                    "price_fen": 20000,
                    "floor_fen": 300000,
                    "cap_fen": None,
                    "discount_max_pct": "10",
                },
                "time_limit_days": 15,
                "commitments": (
                    "采样完成后15个工作日内出具检测报告；"
                    "检测点位和采样照片随报告提供；"
                    "超标点位免费复测一次。"
                ),
            }
        ],
    },
    {
        "name": "盐城安岳安全科技有限公司",
        "name_en": "Yancheng Anyue Safety Technology Co., Ltd.",
        "credit_code": "913209255182947442",
        "legal_representative": "倪国岳",
        "address": "盐城市建湖县近湖街道冠华西路39号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-86238791",
        "established_on": "2015-03-12",
        "staff_count": 21,
        "description": (
            "安全评价和安全生产技术咨询机构，以仓储物流、"
            "燃气和一般危险化学品使用企业为主要服务对象，覆盖建湖、"
            "阜宁等县。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "安全评价机构资质（危险化学品储存、批发，燃气）",
                "grade": None,
                "certificate_no": "APJ-（苏）-154",
                "issuer": "江苏省应急管理厅",
                "expires_on": "2029-08-31",
            }
        ],
        "services": [
            {
                "category": "SAFETY",
                "title": "危险化学品仓储及燃气建设项目安全预评价",
                "scope": (
                    "危险化学品仓储、加油加气站、燃气储配站等建设项目在可行性研究"
                    "阶段的安全预评价，不含重大危险源一级、二级的项目。"
                ),
                "content": (
                    "辨识主要危险、有害因素，评价选址和外部安全防护距离，"
                    "分析储存设施和工艺的安全条件，提出安全对策措施，"
                    "编制安全预评价报告并配合专家评审。"
                ),
                "legal_basis": (
                    "《中华人民共和国安全生产法》第三十二条；"
                    "《危险化学品安全管理条例》第十二条；《建设项目安全设施“三同时”"
                    "监督管理办法》（国家安全监管总局令第36号，第77号修正）第七条、"
                    "第八条"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按报告份数定额收取。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 4500000,
                    "per": "每份预评价报告",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 20,
                "commitments": (
                    "资料齐全后20个工作日内提交报告；"
                    "免费修改至通过专家评审；评价人员现场勘验影像资料随"
                    "报告存档。"
                ),
            }
        ],
    },
    {
        "name": "江苏沐川工程咨询有限公司",
        "name_en": ("Jiangsu Muchuan Engineering Consulting Co., Ltd."),
        "credit_code": "913209245680209441",
        "legal_representative": "郑文川",
        "address": "盐城市射阳县合德镇振阳街88号沐川大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-82369017",
        "established_on": "2014-06-05",
        "staff_count": 25,
        "description": (
            "工程咨询单位，长期服务滩涂开发和港口项目，承担港口码头、取排"
            "水口等项目的海域使用论证报告表。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信（建筑、农业林业）",
                "grade": "乙",
                "certificate_no": "乙232022010502",
                "issuer": "江苏省工程咨询协会",
                "expires_on": "2028-12-31",
            },
        ],
        "services": [
            {
                "category": "SEA",
                "title": "港口码头及取排水口海域使用论证报告表编制",
                "scope": ("港口码头、取排水口、海底管线等用海面积较小、可编制报告表的项目。"),
                "content": (
                    "收集海洋环境和开发利用现状资料，分析用海合理性和对周边用海活"
                    "动的影响，绘制宗海位置图和界址图，编制报告表。"
                ),
                "legal_basis": (
                    "《中华人民共和国海域使用管理法》第十六条、第十七条；《海域使"
                    "用论证管理规定》（国家海洋局，2016年）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号））。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 8_000_000,
                    "per": "每份报告表",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 30,
                "commitments": "宗海图界址点与不动产登记要求一致。",
            },
        ],
    },
    {
        "name": "南京坤衡地震工程技术有限公司",
        "name_en": ("Nanjing Kunheng Earthquake Engineering Technology Co., Ltd."),
        "credit_code": "913201156550991522",
        "legal_representative": "葛坤",
        "address": "南京市江宁区秣陵街道胜太西路168号坤衡科技园",
        "city": "南京市",
        "is_local": False,
        "phone": "025-52163389",
        "established_on": "2004-07-08",
        "staff_count": 48,
        "description": (
            "地震工程专业机构，长期从事工程场地地震安全性评价、"
            "地震小区划和场地地震反应分析，完成省内跨江大桥、"
            "化工园区和核电配套项目震评100余项。经外来引进进驻本市。"
        ),
        "admission_route": "recruited",
        "qualifications": [
            {
                "name": "工程勘察专业资质（岩土工程（勘察））",
                "grade": "甲",
                "certificate_no": "B132017324",
                "issuer": "住房和城乡建设部",
                "expires_on": "2028-09-30",
            },
            {
                "name": ("检验检测机构资质认定证书（CMA，波速测试、土动力学试验）"),
                "grade": None,
                "certificate_no": "201012345601",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2027-06-30",
            },
        ],
        "services": [
            {
                "category": "SEISMIC",
                "title": "工程场地地震安全性评价",
                "scope": (
                    "重大建设工程和可能发生严重次生灾害的建设工程，如跨江跨海桥梁、"
                    "大型化工和危险化学品储存设施、LNG接收站、大型水库和超限高层建筑等。"
                ),
                "content": (
                    "开展区域和近场区地震活动性与地震构造评价，"
                    "场地工程地震条件勘测（钻孔、剪切波速测试和土动力学试验），"
                    "地震危险性概率分析，场地地震反应分析，"
                    "确定设计地震动参数（峰值加速度和反应谱），评价场地地震地质灾害，"
                    "编制地震安全性评价报告并配合技术审查。"
                ),
                "legal_basis": (
                    "《中华人民共和国防震减灾法》第三十五条；"
                    "《地震安全性评价管理条例》（2019年修订）第八条；"
                    "《江苏省防震减灾条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按工作级别、场地数量和勘测工作量确定，钻探费用在合同中单列。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 20000000,
                    "high_fen": 80000000,
                    "note": "按工作级别、场地数量及钻孔和测试工作量协商",
                },
                "time_limit_days": 45,
                "commitments": (
                    "现场勘测完成后45个工作日内提交报告；"
                    "在盐城设立项目联络人，2个工作日内到场；"
                    "免费修改至通过技术审查。"
                ),
            }
        ],
    },
    {
        "name": "合肥岳岩工程地震技术有限公司",
        "name_en": "Hefei Yueyan Engineering Seismology Co., Ltd.",
        "credit_code": "91340104753472360R",
        "legal_representative": "程岳",
        "address": "合肥市蜀山区长江西路689号岳岩大厦5层",
        "city": "合肥市",
        "is_local": False,
        "phone": "0551-65398724",
        "established_on": "2011-05-19",
        "staff_count": 35,
        "description": (
            "从事工程地震和岩土地震工程研究与技术服务，"
            "擅长场地地震反应分析和设计地震动参数复核。"
            "经外来引进进驻本市。"
        ),
        "admission_route": "recruited",
        "qualifications": [
            {
                "name": "工程勘察专业资质（岩土工程（勘察））",
                "grade": "乙",
                "certificate_no": "B234028819",
                "issuer": "安徽省住房和城乡建设厅",
                "expires_on": "2029-03-31",
            }
        ],
        "services": [
            {
                "category": "SEISMIC",
                "title": "场地地震反应分析及设计地震动参数确定",
                "scope": (
                    "已有区域地震危险性分析成果、需针对具体场地确定设计地震动参数的"
                    "一般重要工程，如医院、学校、大型公共建筑和工业项目。"
                ),
                "content": (
                    "收集场地钻孔和波速资料（不足时补充测试），建立场地土层模型，"
                    "开展一维等效线性地震反应分析，确定不同超越概率的设计地震动峰"
                    "值加速度和反应谱，编制场地地震动参数确定报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国防震减灾法》第三十五条；"
                    "《地震安全性评价管理条例》（2019年修订）第八条；"
                    "《江苏省防震减灾条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；按项目定额收取，"
                    "补充波速测试另计。"
                ),
                "fee_standard": {
                    "type": "fixed",
                    "amount_fen": 18000000,
                    "per": "每个工程场地",
                    "discount_max_pct": "10",
                },
                "time_limit_days": 30,
                "commitments": (
                    "资料齐全后30个工作日内提交报告；"
                    "计算模型和输入地震动时程随报告提供；"
                    "免费修改至通过技术审查。"
                ),
            }
        ],
    },
    {
        "name": "南京禾岩海事技术咨询有限公司",
        "name_en": ("Nanjing Heyan Maritime Technology Consulting Co., Ltd."),
        "credit_code": "913201135862179781",
        "legal_representative": "吕成岩",
        "address": "南京市栖霞区仙林大道10号禾岩大厦9层",
        "city": "南京市",
        "is_local": False,
        "phone": "025-85671902",
        "established_on": "2008-12-01",
        "staff_count": 40,
        "description": (
            "海事技术咨询单位，配备船舶操纵模拟器和交通流分析系统，承担沿"
            "海海上风电、港口和跨海桥梁工程的通航安全评估，本市引进的缺位"
            "中介。"
        ),
        "admission_route": "recruited",
        "qualifications": [
            {
                "name": "检验检测机构资质认定证书（CMA）",
                "grade": None,
                "certificate_no": "201012341288",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2028-06-30",
            },
        ],
        "services": [
            {
                "category": "NAV",
                "title": "海上风电场通航安全评估",
                "scope": "海上风电场及其海缆路由在施工期和运营期对通航环境的影响评估。",
                "content": (
                    "分析AIS船舶交通流和通航环境，开展船舶操纵模拟和碰撞风险评"
                    "估，论证风电场与航路、锚地的安全距离，提出助航标志和安全保障"
                    "措施，供海事管理机构审批水上水下作业和活动。"
                ),
                "legal_basis": (
                    "《中华人民共和国海上交通安全法》第四十八条；《中华人民共和国"
                    "水上水下作业和活动通航安全管理规定》（交通运输部令2019年"
                    "第2号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号）），按风电场规"
                    "模和模拟工况数量协商确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 30_000_000,
                    "high_fen": 120_000_000,
                    "note": "按风电场规模、海缆长度和模拟工况数量协商",
                },
                "time_limit_days": 40,
                "commitments": ("专家评审会前提交模拟视频和数据；评审意见15个工作日内修改完毕。"),
            },
            {
                "category": "NAV",
                "title": "港口码头工程航道通航条件影响评价",
                "scope": "在航道或航道保护范围内建设的港口码头、取排水构筑物等工程。",
                "content": (
                    "分析工程对航道水深、水流条件和通航尺度的影响，必要时开展物理"
                    "或数值模型试验，编制航道通航条件影响评价报告，报航道管理机构"
                    "审核。"
                ),
                "legal_basis": (
                    "《中华人民共和国航道法》第二十八条；《航道通航条件影响评价审"
                    "核管理办法》（交通运输部令2017年第1号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服"
                    "务价格的通知》（发改价格〔2015〕299号））。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 15_000_000,
                    "high_fen": 50_000_000,
                    "note": "按工程规模和模型试验内容协商",
                },
                "time_limit_days": 30,
                "commitments": "报告同时满足海事和航道两个审批部门的要求。",
            },
        ],
    },
    {
        "name": "南京澄古考古勘探有限公司",
        "name_en": ("Nanjing Chenggu Archaeological Exploration Co., Ltd."),
        "credit_code": "913201045612335335",
        "legal_representative": "秦予澄",
        "address": "南京市秦淮区中华路288号澄古文博中心",
        "city": "南京市",
        "is_local": False,
        "phone": "025-84462157",
        "established_on": "2014-04-23",
        "staff_count": 60,
        "description": (
            "考古调查勘探专业机构，在省文物行政部门组织下配合考古"
            "发掘单位承担基本建设考古勘探，配备洛阳铲探队、"
            "RTK和地球物理探测设备。经外来引进进驻本市。"
        ),
        "admission_route": "recruited",
        "qualifications": [
            {
                "name": "考古调查勘探社会协作机构登记",
                "grade": None,
                "certificate_no": "苏文考协〔2023〕第012号",
                "issuer": "江苏省文物局",
                "expires_on": "2028-12-31",
            },
            {
                "name": "测绘资质（工程测量）",
                "grade": "乙",
                "certificate_no": "乙测资字32010438",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2029-05-31",
            },
        ],
        "services": [
            {
                "category": "ARCH",
                "title": "建设用地考古调查勘探",
                "scope": (
                    "可能存在地下文物区域的土地出让、"
                    "划拨前考古调查勘探，以及大型基本建设工程用地的考"
                    "古勘探。"
                ),
                "content": (
                    "开展地面踏查和历史文献调查，按规范布设探孔进行普探和重"
                    "点卷探，记录地层堆积和遗迹现象，测绘遗迹分布图，"
                    "编制考古调查勘探工作报告，报省文物行政部门审核。"
                ),
                "legal_basis": (
                    "《中华人民共和国文物保护法》（2024年修订）第四十三条；《江苏省文物保护条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，按勘探面积计收；"
                    "土地出让前由政府组织实施的考古调查勘探，"
                    "费用按规定纳入政府预算。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "勘探面积",
                    "price_fen": 180,
                    "floor_fen": 1000000,
                    "cap_fen": None,
                    "discount_max_pct": "10",
                },
                "time_limit_days": 30,
                "commitments": (
                    "勘探面积10万平方米以内的30个工作日内完成野外工作并提交报告；"
                    "发现重要遗迹立即报告文物部门并通知建设单位；勘探结束后回填探孔、"
                    "恢复场地。"
                ),
            }
        ],
    },
    {
        "name": "苏州岚古文物考古技术服务有限公司",
        "name_en": ("Suzhou Langu Archaeology and Heritage Services Co., Ltd."),
        "credit_code": "91320508MA1MW32636",
        "legal_representative": "金岚",
        "address": "苏州市姑苏区人民路1688号岚古文创园3号楼",
        "city": "苏州市",
        "is_local": False,
        "phone": "0512-65238841",
        "established_on": "2016-09-27",
        "staff_count": 38,
        "description": (
            "从事考古调查勘探和文物影响评估，擅长线性工程、"
            "水网地区的考古调查和文物保护方案编制。经外来引进进驻本市。"
        ),
        "admission_route": "recruited",
        "qualifications": [
            {
                "name": "考古调查勘探社会协作机构登记",
                "grade": None,
                "certificate_no": "苏文考协〔2022〕第007号",
                "issuer": "江苏省文物局",
                "expires_on": "2027-12-31",
            }
        ],
        "services": [
            {
                "category": "ARCH",
                "title": "考古调查与文物影响评估（线性工程、大型园区）",
                "scope": (
                    "高速公路、铁路、输水输气管线、输电线路等线性工程，"
                    "以及大型产业园区建设范围内的考古调查和文物影响评估。"
                ),
                "content": (
                    "开展沿线（区域）文物资源调查和重点地段考古勘探，"
                    "评估工程建设对不可移动文物和地下文物埋藏区的影响，提出避让、"
                    "原址保护或考古发掘建议，编制考古调查报告和文物影响评估报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国文物保护法》（2024年修订）第四十三条；《江苏省文物保护条例》"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按线路长度、勘探面积和文物分布情况确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 5000000,
                    "high_fen": 60000000,
                    "note": "按线路长度、重点勘探面积及文物埋藏情况协商",
                },
                "time_limit_days": 40,
                "commitments": (
                    "野外工作完成后40个工作日内提交报告；"
                    "发现文物线索即时报告；配合建设单位优化线位避让文"
                    "物。"
                ),
            }
        ],
    },
    {
        "name": "盐城衡远施工图审查有限公司",
        "name_en": ("Yancheng Hengyuan Construction Drawing Review Co., Ltd."),
        "credit_code": "913209026748914605",
        "legal_representative": "任远征",
        "address": "盐城市亭湖区建军东路201号衡远大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88109361",
        "established_on": "2001-06-18",
        "staff_count": 68,
        "description": (
            "经省住房城乡建设厅认定的一类施工图审查机构，由市住房城乡建设"
            "局通过政府采购确定为本市施工图联合审查服务机构，审查人员涵盖"
            "建筑、结构、给排水、暖通、电气、消防、人防和勘察专业。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "施工图审查机构认定（一类：房屋建筑工程、市政基础设施工程）",
                "grade": None,
                "certificate_no": "苏建审认〔2021〕第0903号",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2027-06-30",
            },
        ],
        "services": [
            {
                "category": "DRAWING",
                "title": "房屋建筑工程施工图联合审查",
                "scope": (
                    "本市范围内新建、改建、扩建房屋建筑工程的施工图设计文件审查，"
                    "实行消防、人防、技防等“多审合一”联合审图；含岩土工程勘察文"
                    "件审查。"
                ),
                "content": (
                    "审查施工图是否符合工程建设强制性标准，地基基础和主体结构的安"
                    "全性，消防设计、人防设计和节能设计是否符合标准，勘察设计单位"
                    "和注册执业人员是否按规定签章；通过施工图联合审查系统在线出具"
                    "审查意见，复审合格后出具施工图审查合格书。"
                ),
                "legal_basis": (
                    "《建设工程质量管理条例》第十一条；《房屋建筑和市政基础设施工"
                    "程施工图设计文件审查管理办法》（住房城乡建设部令第13号）第"
                    "十一条、第十三条；《建设工程消防设计审查验收管理暂行规定》（"
                    "住房城乡建设部令第51号）"
                ),
                "fee_basis": (
                    "纳入本市政府购买施工图审查服务范围的项目，审查费由财政按合同"
                    "支付，建设单位无需缴纳；未纳入政府购买范围的项目实行市场调节"
                    "价，按总建筑面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "总建筑面积",
                    "price_fen": 60,
                    "floor_fen": 300_000,
                    "cap_fen": None,
                },
                "time_limit_days": 10,
                "commitments": (
                    "一般项目自受理之日起10个工作日内、大型项目15个工作日内出"
                    "具审查意见；复审5个工作日内完成；审查意见逐条注明依据的标准"
                    "条文；全程网上审查，不要求报送纸质图纸。"
                ),
            },
            {
                "category": "DRAWING",
                "title": "市政基础设施工程施工图审查",
                "scope": (
                    "城市道路、桥梁、隧道、给水排水、燃气、热力和园林景观等市政基"
                    "础设施工程的施工图设计文件审查。"
                ),
                "content": (
                    "审查结构安全、工程建设强制性标准执行情况和消防、抗震设计，核"
                    "查勘察成果与设计的一致性，在线出具审查意见和审查合格书。"
                ),
                "legal_basis": (
                    "《建设工程质量管理条例》第十一条；《房屋建筑和市政基础设施工"
                    "程施工图设计文件审查管理办法》（住房城乡建设部令第13号）第"
                    "十一条、第十三条"
                ),
                "fee_basis": (
                    "纳入本市政府购买施工图审查服务范围的项目，审查费由财政按合同"
                    "支付，建设单位无需缴纳；未纳入的项目实行市场调节价，按工程概"
                    "算建安费的比例计收。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "wan_yuan",
                    "base_label": "工程概算建安费",
                    "rate": "0.08",
                    "floor_fen": 500_000,
                    "cap_fen": 30_000_000,
                },
                "time_limit_days": 15,
                "commitments": (
                    "自受理之日起15个工作日内出具审查意见；复审5个工作日内完成"
                    "；重大技术问题组织专家论证，时间不计入审查时限并书面告知。"
                ),
            },
        ],
    },
    {
        "name": "盐城市海澄气象防灾技术服务中心",
        "name_en": ("Yancheng Haicheng Meteorological Disaster Prevention Service Centre"),
        "credit_code": "1232090046607583X7",
        "legal_representative": "季海澄",
        "address": "盐城市亭湖区开放大道北路51号气象科技楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88155120",
        "established_on": "2004-03-15",
        "staff_count": 34,
        "description": (
            "市气象主管机构所属公益二类事业单位，具备甲级雷电防护装置检测"
            "资质；国发〔2016〕39号开放检测市场后与其他机构平等竞争"
            "，择优进驻。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "雷电防护装置检测资质",
                "grade": "甲",
                "certificate_no": "（苏）雷检字〔2023〕第006号",
                "issuer": "江苏省气象局",
                "expires_on": "2028-03-31",
            },
            {
                "name": "检验检测机构资质认定证书（CMA）",
                "grade": None,
                "certificate_no": "211012341905",
                "issuer": "江苏省市场监督管理局",
                "expires_on": "2027-09-30",
            },
        ],
        "services": [
            {
                "category": "LIGHTNING",
                "title": "新建（改建、扩建）建（构）筑物防雷装置检测",
                "scope": (
                    "新建、改建、扩建建（构）筑物防雷装置的隐蔽工程分段检测和竣工"
                    "检测，含易燃易爆建设工程和场所。"
                ),
                "content": (
                    "按《建筑物防雷设计规范》（GB 50057）和《建筑物防雷装"
                    "置检测技术规范》（GB/T 21431）对接闪器、引下线、接"
                    "地装置、等电位连接和电涌保护器进行分段跟踪检测和竣工检测，出"
                    "具防雷装置检测报告，作为竣工验收资料。"
                ),
                "legal_basis": (
                    "《中华人民共和国气象法》第三十一条；《气象灾害防御条例》第二"
                    "十三条、第二十四条；《国务院关于优化建设工程防雷许可的决定》"
                    "（国发〔2016〕39号）"
                ),
                "fee_basis": (
                    "实行市场调节价，按建筑面积计收；不能按面积计算的构筑物按检测点数计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "建筑面积",
                    "price_fen": 90,
                    "floor_fen": 150_000,
                    "cap_fen": None,
                },
                "time_limit_days": 5,
                "commitments": (
                    "每次分段检测在约定时间到场；竣工检测完成后5个工作日内出具报"
                    "告；检测不合格项书面告知并免费复检一次。"
                ),
            },
        ],
    },
    {
        "name": "盐城市拓维房产测绘有限公司",
        "name_en": ("Yancheng Tuowei Real Estate Surveying Co., Ltd."),
        "credit_code": "91320902549585624K",
        "legal_representative": "沈维新",
        "address": "盐城市亭湖区人民中路118号拓维大楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88129876",
        "established_on": "2000-09-07",
        "staff_count": 55,
        "description": (
            "由市不动产登记主管部门指定承担全市房产测绘成果的机构，测绘成"
            "果直接对接不动产登记系统，按必须进驻原则进驻。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "测绘资质（界线与不动产测绘、工程测量）",
                "grade": "乙",
                "certificate_no": "乙测资字32093002",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2029-08-31",
            },
        ],
        "services": [
            {
                "category": "SURVEY",
                "title": "房屋面积预测算",
                "scope": (
                    "申请商品房预售许可的新建商品房项目，按施工图和规划许可进行房屋面积预测算。"
                ),
                "content": (
                    "依据审查合格的施工图和规划许可文件，按《房产测量规范》（GB"
                    "/T 17986）计算各户套内建筑面积、分摊共有建筑面积和建"
                    "筑面积，编制房屋面积预测算报告，作为预售许可和网签备案的依据"
                    "。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十二条、第二十七条；《房产测绘管"
                    "理办法》（建设部、国家测绘局令第83号）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002"
                    "〕3号）和《测绘生产成本费用定额》（财建〔2009〕17号）"
                    "，按预测建筑面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "预测建筑面积",
                    "price_fen": 50,
                    "floor_fen": 100_000,
                    "cap_fen": None,
                },
                "time_limit_days": 7,
                "commitments": (
                    "资料齐全后7个工作日内出具预测算报告；成果直接推送不动产登记"
                    "系统；计算差错免费更正。"
                ),
            },
            {
                "category": "SURVEY",
                "title": "房屋竣工面积实测",
                "scope": (
                    "竣工验收后办理不动产首次登记的新建房屋，以及存量房屋面积测量和变更测量。"
                ),
                "content": (
                    "现场实地测量房屋边长和层高，核算各户套内建筑面积、分摊面积和"
                    "总建筑面积，对比预测算面积差异，绘制房产分户图，出具房产测绘"
                    "成果报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十二条、第二十七条；《房产测绘管"
                    "理办法》（建设部、国家测绘局令第83号）；《不动产登记暂行条"
                    "例实施细则》"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002"
                    "〕3号）和《测绘生产成本费用定额》（财建〔2009〕17号）"
                    "，按实测建筑面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "实测建筑面积",
                    "price_fen": 120,
                    "floor_fen": 200_000,
                    "cap_fen": None,
                },
                "time_limit_days": 10,
                "commitments": (
                    "具备实测条件后10个工作日内出具成果报告；面积误差超出规范限"
                    "差的免费重测；成果报告附测量人员签名并可在线核验。"
                ),
            },
        ],
    },
]


# The approval items (审批事项) the categories serve, as city lists of intermediary services
# (中介服务事项清单) are organised: each with its approving department and legal basis
# (苏州姑苏区 and 应城 lists; 阿拉善's 2024 list for services the approving department
# commissions itself). Departments are those of 盐城市 where the city approves.
APPROVAL_ITEMS: list[dict[str, str]] = [
    {
        "code": "GOV-FS",
        "name": "政府投资项目可行性研究报告审批",
        "name_en": ("Feasibility study approval of government-funded projects"),
        "department": "市发展和改革委员会",
        "legal_basis": "《政府投资条例》（国务院令第712号）第九条、第十一条",
    },
    {
        "code": "ENT-APPROVAL",
        "name": "企业投资项目核准",
        "name_en": ("Approval (hezhun) of enterprise investment projects"),
        "department": "市行政审批局",
        "legal_basis": (
            "《企业投资项目核准和备案管理条例》（国务院令第673号）第六"
            "条；《政府核准的投资项目目录（江苏省）》"
        ),
    },
    {
        "code": "ENERGY",
        "name": "固定资产投资项目节能审查",
        "name_en": ("Energy-saving review of fixed-asset investment projects"),
        "department": "市发展和改革委员会",
        "legal_basis": (
            "《中华人民共和国节约能源法》第十五条；《固定资产投资项目节能"
            "审查办法》（国家发展改革委令2023年第2号）"
        ),
    },
    {
        "code": "EIA",
        "name": "建设项目环境影响评价文件审批",
        "name_en": ("Approval of environmental impact assessment documents"),
        "department": "市生态环境局",
        "legal_basis": (
            "《中华人民共和国环境影响评价法》第二十二条；《建设项目环境保护管理条例》第九条"
        ),
    },
    {
        "code": "SAFETY",
        "name": "危险化学品建设项目安全条件审查",
        "name_en": ("Safety-condition review of hazardous-chemical projects"),
        "department": "市应急管理局",
        "legal_basis": (
            "《危险化学品安全管理条例》第十二条；《危险化学品建设项目安全"
            "监督管理办法》（国家安全监管总局令第45号）"
        ),
    },
    {
        "code": "SWC",
        "name": "生产建设项目水土保持方案审批",
        "name_en": ("Approval of soil and water conservation plans"),
        "department": "市水利局",
        "legal_basis": "《中华人民共和国水土保持法》第二十五条、第二十六条",
    },
    {
        "code": "WATER",
        "name": "取水许可",
        "name_en": "Water abstraction permit",
        "department": "市水利局",
        "legal_basis": (
            "《中华人民共和国水法》第四十八条；《取水许可和水资源费征收管理条例》第十一条"
        ),
    },
    {
        "code": "FLOOD",
        "name": "洪水影响评价类审批",
        "name_en": ("Flood impact approvals (works in river and levee areas)"),
        "department": "市水利局",
        "legal_basis": (
            "《中华人民共和国防洪法》第二十七条、第三十三条；《中华人民共和国河道管理条例》第十一条"
        ),
    },
    {
        "code": "LAND",
        "name": "建设用地审批（农用地转用、土地征收）及临时用地审批",
        "name_en": (
            "Construction land approval (farmland conversion, expropriation) and temporary land use"
        ),
        "department": "市自然资源和规划局",
        "legal_basis": (
            "《中华人民共和国土地管理法》第四十四条、第五十七条；《中华人"
            "民共和国土地管理法实施条例》第二十四条"
        ),
    },
    {
        "code": "FOREST",
        "name": "建设项目使用林地审核审批",
        "name_en": ("Approval of forest land use by construction projects"),
        "department": "市自然资源和规划局（林业）",
        "legal_basis": (
            "《中华人民共和国森林法》第三十七条；《建设项目使用林地审核审"
            "批管理办法》（国家林业局令第35号）"
        ),
    },
    {
        "code": "SEA",
        "name": "海域使用权审批",
        "name_en": "Sea area use right approval",
        "department": "江苏省自然资源厅（市自然资源和规划局受理初审）",
        "legal_basis": "《中华人民共和国海域使用管理法》第十六条、第十七条、第十八条",
    },
    {
        "code": "NAV-WORKS",
        "name": "水上水下作业和活动许可",
        "name_en": ("Permit for works and activities on and under water"),
        "department": "盐城海事局",
        "legal_basis": (
            "《中华人民共和国海上交通安全法》第四十八条；《中华人民共和国"
            "水上水下作业和活动通航安全管理规定》（交通运输部令2019年"
            "第2号）"
        ),
    },
    {
        "code": "CHANNEL",
        "name": "航道通航条件影响评价审核",
        "name_en": ("Review of the effect on channel navigation conditions"),
        "department": "江苏省交通运输厅（市交通运输局受理）",
        "legal_basis": "《中华人民共和国航道法》第二十八条",
    },
    {
        "code": "PLAN",
        "name": "建设工程规划许可证核发",
        "name_en": ("Construction works planning permit"),
        "department": "市自然资源和规划局",
        "legal_basis": "《中华人民共和国城乡规划法》第四十条",
    },
    {
        "code": "PLAN-CHECK",
        "name": "建设工程规划条件核实",
        "name_en": ("Verification of planning conditions on completion"),
        "department": "市自然资源和规划局",
        "legal_basis": "《中华人民共和国城乡规划法》第四十五条",
    },
    {
        "code": "REGISTRATION",
        "name": "不动产首次登记",
        "name_en": ("First registration of real property"),
        "department": "市自然资源和规划局（不动产登记中心）",
        "legal_basis": ("《不动产登记暂行条例》第十六条；《不动产登记暂行条例实施细则》第三十五条"),
    },
    {
        "code": "PERMIT",
        "name": "建筑工程施工许可",
        "name_en": ("Building works construction permit"),
        "department": "市住房和城乡建设局",
        "legal_basis": (
            "《中华人民共和国建筑法》第八条；《建筑工程施工许可管理办法》"
            "（住房城乡建设部令第18号）第四条"
        ),
    },
    {
        "code": "LIGHTNING",
        "name": "防雷装置设计审核和竣工验收（易燃易爆建设工程和场所等）",
        "name_en": (
            "Lightning protection design re"
            "view and completion acceptance"
            " (explosive and fire-hazard wo"
            "rks and sites)"
        ),
        "department": "市气象局",
        "legal_basis": (
            "《气象灾害防御条例》第二十三条、第二十四条；《国务院关于优化"
            "建设工程防雷许可的决定》（国发〔2016〕39号）；《防雷装"
            "置设计审核和竣工验收规定》（中国气象局令第21号）"
        ),
    },
    {
        "code": "SEISMIC",
        "name": "建设工程抗震设防要求确定",
        "name_en": ("Determination of the seismic fortification requirement"),
        "department": "江苏省地震局",
        "legal_basis": (
            "《中华人民共和国防震减灾法》第三十五条；《地震安全性评价管理条例》第十一条"
        ),
    },
    {
        "code": "ARCH",
        "name": "建设工程文物保护和考古许可",
        "name_en": ("Cultural heritage protection and archaeology clearance for construction"),
        "department": "江苏省文物局",
        "legal_basis": (
            "《中华人民共和国文物保护法》（2024年修订）第四十三条；《江苏省文物保护条例》"
        ),
    },
    {
        "code": "EQUIPMENT",
        "name": "特种设备使用登记",
        "name_en": ("Registration of the use of special equipment"),
        "department": "市市场监督管理局",
        "legal_basis": (
            "《中华人民共和国特种设备安全法》第二十五条、第三十三条；《特"
            "种设备使用管理规则》（TSG 08-2017）"
        ),
    },
]

# Per category: the approval items it serves, whether the applicant may prepare the
# material itself (申请人可自行编制), and who commissions it. ``approving_department``: the
# approving department commissions and pays (DRAWING: government purchase of drawing
# review, 国办发〔2019〕11号; LIGHTNING: testing of new systems for the weather bureau's
# acceptance, "谁审批、谁委托、谁付费" after 国发〔2016〕39号 (https://lawyer365.cn/9324.html),
# as a city list shows it: "不再要求申请人提供防雷装置检测报告，改由审批部门委托有关机构开展"
# (http://156152.com/zwgk/zwwgk/fwgk/xzspzjfw/fwsxqd/qlgffwsx/content/post_7875368.html,
# which also drops 雷电灾害风险评估 as a precondition), so enterprises do not order it.
# The 优化营商环境条例 (国务院令第722号) forbids approving bodies to designate intermediaries;
# the one monopoly (SPECIAL) is single-provider by law, not by designation: only an
# inspection body approved for it may inspect (特种设备安全法 第二十五条、第五十条).
# Self-preparation: project application and feasibility reports (国家发展改革委令第2号),
# social stability risk analysis (发改投资〔2012〕2492号: the project unit analyses, the
# approving side assesses), energy-saving reports, land reclamation plans (国土资源部令
# 第56号: a party able to prepare it may). OHA serves no approval item today: since the
# 2018 amendment of the occupational disease law the health authority no longer approves
# pre-assessments except for radiological projects.
CATEGORY_APPROVALS: dict[str, dict[str, Any]] = {
    "EIA": {
        "approval_items": ["EIA"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "SAFETY": {
        "approval_items": ["SAFETY"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "ENERGY": {
        "approval_items": ["ENERGY"],
        "self_prepare_allowed": True,
        "commissioned_by": "applicant",
    },
    "SWC": {
        "approval_items": ["SWC"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "GHA": {
        "approval_items": ["LAND"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "FOREST": {
        "approval_items": ["FOREST"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "RECLAIM": {
        "approval_items": ["LAND"],
        "self_prepare_allowed": True,
        "commissioned_by": "applicant",
    },
    "SSRA": {
        "approval_items": ["GOV-FS", "ENT-APPROVAL"],
        "self_prepare_allowed": True,
        "commissioned_by": "applicant",
    },
    "FEASIBILITY": {
        "approval_items": ["GOV-FS", "ENT-APPROVAL"],
        "self_prepare_allowed": True,
        "commissioned_by": "applicant",
    },
    "SURVEY": {
        "approval_items": ["PLAN", "PLAN-CHECK", "REGISTRATION"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "DRAWING": {
        "approval_items": ["PERMIT"],
        "self_prepare_allowed": False,
        "commissioned_by": "approving_department",
    },
    "SPECIAL": {
        "approval_items": ["EQUIPMENT"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "LIGHTNING": {
        "approval_items": ["LIGHTNING"],
        "self_prepare_allowed": False,
        "commissioned_by": "approving_department",
    },
    "SEISMIC": {
        "approval_items": ["SEISMIC"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "OHA": {"approval_items": [], "self_prepare_allowed": False, "commissioned_by": "applicant"},
    "WRA": {
        "approval_items": ["WATER"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "FLOOD": {
        "approval_items": ["FLOOD"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "SEA": {
        "approval_items": ["SEA"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "NAV": {
        "approval_items": ["NAV-WORKS", "CHANNEL"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "ARCH": {
        "approval_items": ["ARCH"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
}
