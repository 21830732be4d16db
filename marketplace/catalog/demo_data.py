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
        "name_en": "Geological hazard risk assessment",
        "abbreviations": ["地灾评估", "地灾", "地质灾害评估"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "《地质灾害防治条例》第二十一条；《地质灾害防治单位资质管理办法》（自然资源部令第8号）"
        ),
        "description": (
            "在地质灾害易发区内进行工程建设，应在可行性研究阶段对建设工程遭受地质"
            "灾害及可能引发地质灾害的危险性作出评估，提出防治措施。"
            "本市地处苏北沿海平原，主要涉及地面沉降、软土变形和沿海岸坡失稳等。"
        ),
        "description_en": (
            "Projects in areas prone to geological hazards must assess, at "
            "the feasibility stage, the risk of suffering or triggering "
            "such hazards and propose countermeasures; on Yancheng's "
            "coastal plain the usual concerns are land subsidence, "
            "soft-soil deformation and shoreline slope failure."
        ),
    },
    {
        "code": "SSRA",
        "name": "社会稳定风险评估",
        "name_en": "Social stability risk assessment",
        "abbreviations": ["稳评", "社稳评估"],
        "market_type": "competitive",
        "quota": 3,
        "legal_basis": (
            "中共中央办公厅、国务院办公厅《关于建立健全重大决策社会稳定风险评估机"
            "制的指导意见（试行）》（中办发〔2012〕2号）；"
            "《国家发展改革委重大固定资产投资项目社会稳定风险评估暂行办法》"
            "（发改投资〔2012〕2492号）"
        ),
        "description": (
            "对涉及征地拆迁、环境敏感、群众切身利益的重大固定资产投资项目，"
            "在审批、核准前调查识别社会稳定风险，评判风险等级（高、中、低），"
            "提出防范化解措施，形成社会稳定风险分析篇章或评估报告。"
        ),
        "description_en": (
            "Before approval of major investment projects involving land "
            "acquisition, resettlement or environmental sensitivity, identify "
            "social stability risks, grade them high, medium or low and propose "
            "mitigation, in a risk analysis chapter or a stand-alone assessment "
            "report."
        ),
    },
    {
        "code": "SURVEY",
        "name": "建设工程规划测绘",
        "name_en": "Planning and engineering surveying",
        "abbreviations": ["规划测绘", "工程测量", "多测合一"],
        "market_type": "competitive",
        "quota": 4,
        "legal_basis": (
            "《中华人民共和国测绘法》第二十七条；"
            "《中华人民共和国城乡规划法》第四十五条；"
            "《中华人民共和国土地管理法实施条例》"
        ),
        "description": (
            "为建设项目提供地形图测绘、用地勘测定界、规划放线与±0验线、"
            "竣工规划核实测量等测绘服务，按“多测合一”要求统一成果标准，"
            "成果用于规划许可、规划核实和不动产登记。"
        ),
        "description_en": (
            "Surveying for construction projects: topographic mapping, land "
            "boundary survey, setting-out and ground-floor checks, and the "
            "as-built planning verification survey, delivered to the unified "
            "'one survey for many uses' standard for planning permits, "
            "verification and property registration."
        ),
    },
    {
        "code": "PROPERTY",
        "name": "房产测绘",
        "name_en": "Real estate surveying",
        "abbreviations": ["房测", "房产面积测绘", "不动产测绘"],
        "market_type": "monopoly",
        "quota": None,
        "legal_basis": (
            "《中华人民共和国测绘法》第二十二条、第二十七条；《房产测绘管理办法》"
            "（建设部、国家测绘局令第83号）；《不动产登记暂行条例实施细则》"
        ),
        "description": (
            "对新建房屋进行面积预测算和竣工实测，出具房产测绘成果报告，"
            "作为商品房预售许可、不动产首次登记和分户登记的依据。"
            "本市房产测绘成果由不动产登记主管部门指定的机构统一承担。"
        ),
        "description_en": (
            "Projected and as-built floor-area surveys of new buildings, the "
            "basis for pre-sale permits and first and unit property "
            "registration. In this city they are carried out by the "
            "institution designated by the real estate registration authority."
        ),
    },
    {
        "code": "DRAWING",
        "name": "施工图设计文件审查",
        "name_en": "Construction drawing review",
        "abbreviations": ["图审", "施工图审查", "联合审图"],
        "market_type": "monopoly",
        "quota": None,
        "legal_basis": (
            "《建设工程质量管理条例》第十一条；《房屋建筑和市政基础设施工程施工图"
            "设计文件审查管理办法》（住房城乡建设部令第13号）；"
            "《建设工程消防设计审查验收管理暂行规定》（住房城乡建设部令第51号）；"
            "《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》"
            "（国办发〔2019〕11号）"
        ),
        "description": (
            "对房屋建筑和市政基础设施工程施工图设计文件中涉及公共利益、"
            "公众安全和工程建设强制性标准的内容进行审查，实行消防、人防、"
            "技防等“多审合一”联合审图，审查合格后出具施工图审查合格书。"
            "审查机构由市住房城乡建设主管部门通过政府采购确定。"
        ),
        "description_en": (
            "Review of construction drawings for building and municipal works "
            "against public-safety and mandatory standards, with fire, "
            "civil-defence and security reviews combined in one joint review "
            "ending in a certificate of conformity. The review body is selected "
            "by the city housing authority through government procurement."
        ),
    },
    {
        "code": "LIGHTNING",
        "name": "防雷装置检测",
        "name_en": "Lightning protection inspection",
        "abbreviations": ["防雷检测", "雷电防护装置检测", "雷评"],
        "market_type": "monopoly",
        "quota": None,
        "legal_basis": (
            "《中华人民共和国气象法》第三十一条；《气象灾害防御条例》第二十三条、"
            "第二十四条；《国务院关于优化建设工程防雷许可的决定》"
            "（国发〔2016〕39号）；《防雷减灾管理办法》（中国气象局令第24号修订）"
        ),
        "description": (
            "对建（构）筑物及易燃易爆场所的雷电防护装置（接闪器、"
            "引下线、接地装置、电涌保护器等）"
            "进行竣工检测和定期检测（爆炸和火灾危险环境每半年一次，"
            "其他每年一次），并对大型建设工程和易燃易爆场所开展雷电灾"
            "害风险评估。"
        ),
        "description_en": (
            "Completion and periodic inspection of lightning protection "
            "systems (air terminals, down conductors, earthing, surge "
            "protectors) — every six months in explosive or fire-hazard "
            "environments, yearly elsewhere — and lightning risk "
            "assessment for large projects and hazardous sites."
        ),
    },
    {
        "code": "COST",
        "name": "工程造价咨询",
        "name_en": "Construction cost consulting",
        "abbreviations": ["造价咨询", "结算审核", "控制价编制"],
        "market_type": "competitive",
        "quota": 5,
        "legal_basis": (
            "《政府投资条例》（国务院令第712号）；"
            "《建筑工程施工发包与承包计价管理办法》"
            "（住房城乡建设部令第16号）第六条、第十八条；"
            "《建设工程价款结算暂行办法》（财建〔2004〕369号）"
        ),
        "description": (
            "受委托编制或审核投资估算、设计概算、施工图预算、"
            "工程量清单及最高投标限价，开展竣工结算审核和全过程造价控制。"
            "国有资金投资的建筑工程应编制最高投标限价，"
            "并委托造价咨询机构审核竣工结算。"
        ),
        "description_en": (
            "Preparing or auditing estimates, design budgets, bills of quantities "
            "and tender ceiling prices, auditing final accounts and controlling "
            "cost through the project. State-funded works must set a tender "
            "ceiling price and have their final account audited."
        ),
    },
    {
        "code": "TENDER",
        "name": "招标代理",
        "name_en": "Tendering agency",
        "abbreviations": ["招标代理", "采购代理"],
        "market_type": "competitive",
        "quota": 5,
        "legal_basis": (
            "《中华人民共和国招标投标法》第十二条、第十三条；"
            "《中华人民共和国招标投标法实施条例》第十三条；"
            "《必须招标的工程项目规定》（国家发展改革委令第16号）；"
            "《中华人民共和国政府采购法》"
        ),
        "description": (
            "受招标人委托，依法组织工程、货物和服务的招标采购："
            "编制招标文件和资格审查文件，发布招标公告，组织开标、评标，"
            "公示中标候选人，发出中标通知书并整理招标档案。"
        ),
        "description_en": (
            "On behalf of the project owner, running the legally required "
            "tender for works, goods or services: tender documents, notice,"
            " bid opening and evaluation, publication of the preferred "
            "bidders, award notice and the tender file."
        ),
    },
    {
        "code": "SUPERVISION",
        "name": "工程监理",
        "name_en": "Construction supervision",
        "abbreviations": ["监理", "施工监理"],
        "market_type": "competitive",
        "quota": 5,
        "legal_basis": (
            "《中华人民共和国建筑法》第三十条；《建设工程质量管理条例》"
            "第十二条；《建设工程安全生产管理条例》第十四条；"
            "《建设工程监理范围和规模标准规定》（建设部令第86号）"
        ),
        "description": (
            "受建设单位委托，依据法律法规、工程建设标准、设计文件和监理合同，"
            "对施工质量、进度和造价进行控制，对合同和信息进行管理，"
            "协调参建各方关系，并履行建设工程安全生产管理的法定职责。"
            "国家重点工程、大中型公用事业工程、成片开发住宅小区等必须实行监理。"
        ),
        "description_en": (
            "On behalf of the owner, controlling quality, schedule and cost of "
            "construction, managing contracts and information, coordinating "
            "the parties and carrying the supervisor's statutory duties for "
            "site safety. Compulsory for key state projects, large public "
            "utilities and housing estates, among others."
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
        "code": "FIRE",
        "name": "消防设施检测",
        "name_en": "Fire protection system inspection",
        "abbreviations": ["消防检测", "消防维保", "消防技术服务"],
        "market_type": "competitive",
        "quota": 4,
        "legal_basis": (
            "《中华人民共和国消防法》第十六条、第三十四条；"
            "《社会消防技术服务管理规定》（应急管理部令第7号）；《机关、"
            "团体、企业、事业单位消防安全管理规定》（公安部令第61号）"
        ),
        "description": (
            "对建筑消防设施进行年度全面检测（每年至少一次）和维护保养检测，"
            "开展消防安全评估，出具检测或评估报告，帮助单位落实消防安全主体责任。"
        ),
        "description_en": (
            "Annual full inspection (at least once a year) and maintenance "
            "testing of building fire protection systems, and fire safety "
            "assessments, with inspection or assessment reports that help "
            "owners meet their fire safety duties."
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
            "《中华人民共和国防洪法》第二十七条、第三十三条；"
            "《中华人民共和国河道管理条例》第十一条；《江苏省河道管理条例》"
        ),
        "description": (
            "对河道管理范围内建设的桥梁、码头、管线、"
            "取排水口等工程设施以及洪泛区内的非防洪建设项目，分析其对河势稳定、"
            "行洪排涝、堤防安全和第三人合法水事权益的影响，提出补救措施，"
            "编制防洪评价（洪水影响评价）报告。"
        ),
        "description_en": (
            "For bridges, wharves, pipelines, intakes and outfalls within river "
            "management areas and for non-flood-control projects in flood plains: "
            "the effect on channel stability, flood discharge, embankment safety "
            "and others' water rights, with remedies, in a flood impact report."
        ),
    },
    {
        "code": "MINERAL",
        "name": "压覆矿产资源评估",
        "name_en": "Overlying mineral resources assessment",
        "abbreviations": ["压矿评估", "压覆矿产", "压覆矿产资源调查"],
        "market_type": "absent",
        "quota": None,
        "legal_basis": (
            "《中华人民共和国矿产资源法》（2024年修订）"
            "关于建设项目压覆重要矿产资源的规定；"
            "《国土资源部关于进一步做好建设项目压覆重要矿产资源审批管理工作"
            "的通知》（国土资发〔2010〕137号）"
        ),
        "description": (
            "查明建设项目用地范围内是否压覆已查明的重要矿产资源和已设"
            "置的矿业权，估算压覆资源量，编制压覆矿产资源调查评估报告，"
            "作为压覆审批或出具不压覆意见的依据。本市涉及石油天然气、"
            "岩盐和地热等资源，首轮面向市外引进。"
        ),
        "description_en": (
            "Establishes whether a project site overlies identified important "
            "mineral resources or existing mining rights, estimates the "
            "resources covered and reports for the overlay approval. Relevant "
            "here for oil and gas, rock salt and geothermal resources; "
            "recruited from outside the city in the first round."
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
        "name_en": "Yancheng Jiangcheng Project Management Co., Ltd.",
        "credit_code": "91320902710043494X",
        "legal_representative": "潘守诚",
        "address": "盐城市亭湖区希望大道南路58号匠诚大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88187305",
        "established_on": "2007-09-14",
        "staff_count": 75,
        "description": (
            "提供工程造价咨询和招标代理一体化服务，拥有一级注册造价工程师18名，"
            "年均完成结算审核额逾30亿元，代理政府投资工程招标200余项。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程造价咨询企业信用评价（AAA级）",
                "grade": None,
                "certificate_no": "CECA-XY-2024-AAA-0631",
                "issuer": "中国建设工程造价管理协会",
                "expires_on": "2027-12-31",
            },
            {
                "name": "江苏省建设工程招标代理机构信息登记",
                "grade": None,
                "certificate_no": "苏建招代登〔2019〕0256号",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2029-12-31",
            },
        ],
        "services": [
            {
                "category": "COST",
                "title": "建设工程竣工结算审核",
                "scope": (
                    "房屋建筑、市政、园林绿化、装饰装修等工程的竣工结算"
                    "审核，优先服务政府投资和国有资金投资项目。"
                ),
                "content": (
                    "审核结算资料的完整性和合规性，现场踏勘核对工程量，"
                    "审核综合单价、变更签证、材料调差和取费，"
                    "与施工单位核对并形成定案，出具结算审核报告和定案表。"
                ),
                "legal_basis": (
                    "《建筑工程施工发包与承包计价管理办法》"
                    "（住房城乡建设部令第16号）第六条、第十八条；"
                    "《建设工程价款结算暂行办法》（财建〔2004〕369号）；"
                    "《政府投资条例》（国务院令第712号）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照原江苏省物价部门工程造价咨询服务收费标准，"
                    "由双方在合同中约定；按送审结算金额的比例计取，不另收核减效益费。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "yuan",
                    "base_label": "送审结算金额",
                    "rate": "0.5",
                    "floor_fen": 300000,
                    "cap_fen": None,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 20,
                "commitments": (
                    "送审资料齐全后20个工作日内出具审核报告（送审金额5000"
                    "万元以上的另行约定）；审核人员与施工单位无利害关系；"
                    "审核差错造成损失的依法承担赔偿责任。"
                ),
            },
            {
                "category": "TENDER",
                "title": "工程建设项目招标代理",
                "scope": (
                    "依法必须招标的房屋建筑、市政基础设施、"
                    "水利和交通工程施工招标，以及与工程建设有关的重要设备、"
                    "材料招标。"
                ),
                "content": (
                    "拟定招标方案，编制资格预审文件和招标文件，"
                    "在江苏省公共资源交易平台发布公告，组织踏勘现场和答疑，配合开标、"
                    "评标，公示中标候选人，发出中标通知书，"
                    "协助签订合同并整理招标投标档案。"
                ),
                "legal_basis": (
                    "《中华人民共和国招标投标法》第十二条、第十三条；"
                    "《中华人民共和国招标投标法实施条例》第十三条；"
                    "《必须招标的工程项目规定》（国家发展改革委令第16号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价"
                    "格的通知》（发改价格〔2015〕299号）），"
                    "参照《招标代理服务收费管理暂行办法》（计价格〔2002〕1980号）"
                    "和《国家发展改革委办公厅关于招标代理服务收费有关问题的通知》"
                    "（发改办价格〔2003〕857号）及发改价格〔2011〕534号（5亿元以上部分费率和"
                    "每次招标最高限额），按中标金额差额定率累进计取（工程招标"
                    "费率）。"
                ),
                "fee_standard": {**docs.TENDER_AGENCY_WORKS, "discount_max_pct": "20"},
                "time_limit_days": 25,
                "commitments": (
                    "自委托之日起25个工作日内完成招标并发出中标通知书（法定"
                    "等标期和异议处理时间除外）；招标文件经委托人书面确认后"
                    "发布；全过程电子化留痕，档案完整移交。"
                ),
            },
        ],
    },
    {
        "name": "盐城弘衡工程造价咨询事务所有限公司",
        "name_en": ("Yancheng Hongheng Construction Cost Consultants Co., Ltd."),
        "credit_code": "91320903695510372J",
        "legal_representative": "范弘毅",
        "address": "盐城市盐都区盐渎东路66号弘衡大厦7层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88640231",
        "established_on": "2003-05-20",
        "staff_count": 42,
        "description": (
            "老牌造价咨询机构，擅长工程量清单和最高投标限价编制、"
            "设计概算审核，熟悉江苏省计价定额和本市信息价。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程造价咨询企业信用评价（AA级）",
                "grade": None,
                "certificate_no": "CECA-XY-2023-AA-1187",
                "issuer": "中国建设工程造价管理协会",
                "expires_on": "2028-06-30",
            }
        ],
        "services": [
            {
                "category": "COST",
                "title": "工程量清单及最高投标限价编制",
                "scope": (
                    "国有资金投资的房屋建筑、市政、安装和装饰装修工程施工招标所"
                    "需的工程量清单和最高投标限价（招标控制价）编制。"
                ),
                "content": (
                    "依据施工图和招标范围编制工程量清单，"
                    "按江苏省计价定额和本市信息价编制最高投标限价，编写编制说明，"
                    "配合招标答疑和清单澄清。"
                ),
                "legal_basis": (
                    "《建筑工程施工发包与承包计价管理办法》"
                    "（住房城乡建设部令第16号）第六条、第十八条；"
                    "《建设工程价款结算暂行办法》（财建〔2004〕369号）；"
                    "《政府投资条例》（国务院令第712号）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照原江苏省物价部门工程造价咨询服务收费标准，"
                    "由双方在合同中约定；按最高投标限价金额分档累进计取。"
                ),
                "fee_standard": {
                    "type": "tiered",
                    "base_unit": "wan_yuan",
                    "base_label": "最高投标限价金额",
                    "bands": [
                        {"up_to": "500", "rate": "0.45"},
                        {"up_to": "1000", "rate": "0.35"},
                        {"up_to": "5000", "rate": "0.25"},
                        {"up_to": "10000", "rate": "0.18"},
                        {"up_to": None, "rate": "0.12"},
                    ],
                    "floor_fen": 300000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 15,
                "commitments": (
                    "施工图等资料齐全后15个工作日内提交成果；清单漏项、"
                    "错项导致的争议由本机构免费配合处理；"
                    "最高投标限价偏差超过规定的承担相应责任。"
                ),
            },
            {
                "category": "COST",
                "title": "建设项目设计概算审核",
                "scope": (
                    "政府投资项目初步设计阶段的设计概算审核，"
                    "含房屋建筑、市政道路桥梁、排水和园林项目。"
                ),
                "content": (
                    "审核概算编制依据、工程量、单价和取费，"
                    "核查工程建设其他费和预备费，对照可研批复投资分析差异原因，"
                    "出具概算审核报告。"
                ),
                "legal_basis": (
                    "《建筑工程施工发包与承包计价管理办法》"
                    "（住房城乡建设部令第16号）第六条、第十八条；"
                    "《建设工程价款结算暂行办法》（财建〔2004〕369号）；"
                    "《政府投资条例》（国务院令第712号）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照原江苏省物价部门工程造价咨询服务收费标"
                    "准，由双方在合同中约定；按送审概算金额的比例计取。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "wan_yuan",
                    "base_label": "送审概算金额",
                    "rate": "0.12",
                    "floor_fen": 500000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 10,
                "commitments": (
                    "资料齐全后10个工作日内出具审核报告；"
                    "审核意见逐项说明理由；免费参加概算评审会议。"
                ),
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
            "扎根东台的造价咨询机构，主要承担乡镇和农村基础设施、"
            "学校、医院等政府投资项目的预算编制和结算审核。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信（建筑）",
                "grade": "乙",
                "certificate_no": "乙232022010418",
                "issuer": "江苏省工程咨询协会",
                "expires_on": "2028-03-31",
            }
        ],
        "services": [
            {
                "category": "COST",
                "title": "施工图预算编制",
                "scope": (
                    "房屋建筑、农村道路、农田水利、"
                    "村庄整治等工程的施工图预算编制，服务区域以东台市、"
                    "大丰区和海安周边为主。"
                ),
                "content": (
                    "依据施工图计算工程量，套用江苏省计价定额和本市信息价，"
                    "计算措施项目费和规费税金，编制施工图预算书和编制说明，配合财政评审。"
                ),
                "legal_basis": (
                    "《建筑工程施工发包与承包计价管理办法》"
                    "（住房城乡建设部令第16号）第六条、第十八条；"
                    "《建设工程价款结算暂行办法》（财建〔2004〕369号）；"
                    "《政府投资条例》（国务院令第712号）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照原江苏省物价部门工程造价咨询服务收费"
                    "标准，由双方在合同中约定；按预算金额的比例计取。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "yuan",
                    "base_label": "预算金额",
                    "rate": "0.35",
                    "floor_fen": 200000,
                    "cap_fen": None,
                    "discount_max_pct": "10",
                },
                "time_limit_days": 10,
                "commitments": (
                    "图纸齐全后10个工作日内提交预算书；"
                    "财政评审提出问题的2个工作日内书面回复；"
                    "免费调整至评审通过。"
                ),
            }
        ],
    },
    {
        "name": "盐城诚澜招标代理有限公司",
        "name_en": "Yancheng Chenglan Tendering Agency Co., Ltd.",
        "credit_code": "91320902766776750W",
        "legal_representative": "严立诚",
        "address": "盐城市亭湖区建军中路210号诚澜大厦6层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88347762",
        "established_on": "2005-03-30",
        "staff_count": 36,
        "description": (
            "专业招标采购代理机构，熟悉工程建设和政府采购两套程序，"
            "尤其擅长设备、物资和信息化项目的货物招标。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "江苏省建设工程招标代理机构信息登记",
                "grade": None,
                "certificate_no": "苏建招代登〔2018〕0117号",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2028-12-31",
            },
            {
                "name": "政府采购代理机构名录登记",
                "grade": None,
                "certificate_no": "苏财采代登〔2018〕0932号",
                "issuer": "江苏省财政厅",
                "expires_on": "2028-12-31",
            },
        ],
        "services": [
            {
                "category": "TENDER",
                "title": "货物及设备采购招标代理",
                "scope": (
                    "工程建设项目中的设备、材料采购招标，"
                    "以及政府采购货物项目的公开招标和竞争性磋商。"
                ),
                "content": (
                    "调研市场和潜在供应商，编制技术参数和招标文件，发布采购公告，"
                    "组织开标评标，公示结果，发出中标（成交）通知书，"
                    "协助签订合同和组织履约验收。"
                ),
                "legal_basis": (
                    "《中华人民共和国招标投标法》第十二条、第十三条；"
                    "《中华人民共和国招标投标法实施条例》第十三条；"
                    "《必须招标的工程项目规定》（国家发展改革委令第16号）；"
                    "《中华人民共和国政府采购法实施条例》"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价"
                    "格的通知》（发改价格〔2015〕299号）），"
                    "参照《招标代理服务收费管理暂行办法》（计价格〔2002〕1980号）"
                    "和《国家发展改革委办公厅关于招标代理服务收费有关问题的通知》"
                    "（发改办价格〔2003〕857号）及发改价格〔2011〕534号（5亿元以上部分费率和"
                    "每次招标最高限额），按中标金额差额定率累进计取（货物招标"
                    "费率）。"
                ),
                "fee_standard": {**docs.TENDER_AGENCY_GOODS, "discount_max_pct": "20"},
                "time_limit_days": 20,
                "commitments": (
                    "自委托之日起20个工作日内完成采购并发出中标（成交）"
                    "通知书（法定等标期除外）；技术参数不设置排他性条款；"
                    "质疑在法定期限内书面答复。"
                ),
            }
        ],
    },
    {
        "name": "盐城岚信项目管理有限公司",
        "name_en": "Yancheng Lanxin Project Management Co., Ltd.",
        "credit_code": "9132090370915105XG",
        "legal_representative": "徐信安",
        "address": "盐城市盐都区世纪大道18号岚信大厦10层",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88592016",
        "established_on": "2012-11-06",
        "staff_count": 48,
        "description": (
            "从事工程招标代理和项目管理，年代理工程施工及勘察设计、"
            "监理等服务类招标150余项，无不良信用记录。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "江苏省建设工程招标代理机构信息登记",
                "grade": None,
                "certificate_no": "苏建招代登〔2019〕0341号",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2029-06-30",
            }
        ],
        "services": [
            {
                "category": "TENDER",
                "title": "工程施工招标代理",
                "scope": (
                    "房屋建筑、市政基础设施、园林绿化和装饰装修工程"
                    "施工招标，含工程总承包（EPC）招标。"
                ),
                "content": (
                    "拟定招标方案和标段划分建议，编制招标文件和评标办法，发布招标公告，"
                    "组织开标评标，公示中标候选人，处理异议，发出中标通知书并整理档案。"
                ),
                "legal_basis": (
                    "《中华人民共和国招标投标法》第十二条、第十三条；"
                    "《中华人民共和国招标投标法实施条例》第十三条；"
                    "《必须招标的工程项目规定》（国家发展改革委令第16号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价"
                    "格的通知》（发改价格〔2015〕299号）），"
                    "参照《招标代理服务收费管理暂行办法》（计价格〔2002〕1980号）"
                    "和《国家发展改革委办公厅关于招标代理服务收费有关问题的通知》"
                    "（发改办价格〔2003〕857号）及发改价格〔2011〕534号（5亿元以上部分费率和"
                    "每次招标最高限额），按中标金额差额定率累进计取（工程招标"
                    "费率）。"
                ),
                "fee_standard": {
                    **docs.TENDER_AGENCY_WORKS,
                    "floor_fen": 500000,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 25,
                "commitments": (
                    "自委托之日起25个工作日内发出中标通知书（法定时限除外）"
                    "；招标文件发布前经委托人确认；"
                    "代理过程中不向投标人收取任何费用（招标文件工本费除外）"
                    "。"
                ),
            },
            {
                "category": "TENDER",
                "title": "勘察、设计、监理等服务类招标代理",
                "scope": (
                    "工程勘察、设计、监理、造价咨询、全过程工程咨询等与工程建设有关的服务招标。"
                ),
                "content": (
                    "编制服务招标文件和评分标准，发布公告，组织开标评标，"
                    "公示结果，发出中标通知书，协助签订服务合同。"
                ),
                "legal_basis": (
                    "《中华人民共和国招标投标法》第十二条、第十三条；"
                    "《中华人民共和国招标投标法实施条例》第十三条；"
                    "《必须招标的工程项目规定》（国家发展改革委令第16号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价"
                    "格的通知》（发改价格〔2015〕299号）），"
                    "参照《招标代理服务收费管理暂行办法》（计价格〔2002〕1980号）"
                    "和《国家发展改革委办公厅关于招标代理服务收费有关问题的通知》"
                    "（发改办价格〔2003〕857号）及发改价格〔2011〕534号（5亿元以上部分费率和"
                    "每次招标最高限额），按中标金额差额定率累进计取（服务招标"
                    "费率）。"
                ),
                "fee_standard": {
                    **docs.TENDER_AGENCY_SERVICES,
                    "floor_fen": 300000,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 20,
                "commitments": (
                    "自委托之日起20个工作日内发出中标通知书（法定时限除外）；"
                    "评分标准量化、可核验；档案在项目结束后10个工作日内移交。"
                ),
            },
        ],
    },
    {
        "name": "盐城筑岳工程监理有限公司",
        "name_en": ("Yancheng Zhuyue Construction Supervision Co., Ltd."),
        "credit_code": "91320902706978262Y",
        "legal_representative": "王岳峰",
        "address": "盐城市亭湖区青年西路21号筑岳大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88213578",
        "established_on": "1998-04-10",
        "staff_count": 160,
        "description": (
            "本市成立较早的监理企业，拥有注册监理工程师62名，监理过的学校、"
            "医院、保障性住房和市政道路工程多次获得省、市优质工程奖。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程监理资质（房屋建筑工程专业）",
                "grade": "甲",
                "certificate_no": "E132001234",
                "issuer": "住房和城乡建设部",
                "expires_on": "2028-11-30",
            },
            {
                "name": "工程监理资质（市政公用工程专业）",
                "grade": "乙",
                "certificate_no": "E232005678",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2029-07-31",
            },
        ],
        "services": [
            {
                "category": "SUPERVISION",
                "title": "房屋建筑工程施工监理",
                "scope": (
                    "学校、医院、办公楼、住宅小区和工业厂房等房屋建"
                    "筑工程施工阶段监理，含保修阶段服务。"
                ),
                "content": (
                    "审查施工组织设计和专项施工方案，组织检验批、分项、分部工程验收，"
                    "实施旁站和巡视，控制进度和工程计量，审核工程款支付，"
                    "督促落实安全文明施工措施，参加竣工验收并提交监理工作总结和监理档案。"
                ),
                "legal_basis": (
                    "《中华人民共和国建筑法》第三十条；《建设工程质量管理条例》"
                    "第十二条；《建设工程监理范围和规模标准规定》（建设部令第86号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格"
                    "的通知》（发改价格〔2015〕299号）），"
                    "参照《建设工程监理与相关服务收费管理规定》（发改价格〔2007〕670号）"
                    "施工监理服务收费基价表，按计费额直线内插法计算，乘以专业、工程复杂程度"
                    "和高程调整系数；可在基准价基础上下浮。"
                ),
                "fee_standard": {**docs.SUPERVISION, "discount_max_pct": "30"},
                "time_limit_days": 5,
                "commitments": (
                    "监理服务期与施工合同工期一致；"
                    "签订合同后5个工作日内组建项目监理机构并进场；"
                    "总监理工程师每周到场不少于3天；"
                    "危险性较大的分部分项工程全程旁站。"
                ),
            }
        ],
    },
    {
        "name": "盐城润衡建设监理有限公司",
        "name_en": ("Yancheng Runheng Construction Supervision Co., Ltd."),
        "credit_code": "91320903586845923E",
        "legal_representative": "胡润生",
        "address": "盐城市盐都区新都西路99号润衡大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88617728",
        "established_on": "2002-08-19",
        "staff_count": 95,
        "description": (
            "房屋建筑和市政公用工程监理企业，近年承担道路桥梁、"
            "排水管网和污水处理厂等市政工程监理较多，配备无人机和BIM巡检手段。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程监理资质（房屋建筑工程专业）",
                "grade": "甲",
                "certificate_no": "E132008901",
                "issuer": "住房和城乡建设部",
                "expires_on": "2027-05-31",
            },
            {
                "name": "工程监理资质（市政公用工程专业）",
                "grade": "乙",
                "certificate_no": "E232011456",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2029-09-30",
            },
        ],
        "services": [
            {
                "category": "SUPERVISION",
                "title": "市政公用工程施工监理",
                "scope": (
                    "城市道路、桥梁、排水管网、污水处理和园林绿化等市政公用工程施工阶段监理。"
                ),
                "content": (
                    "审查施工方案和深基坑、顶管等危大工程专项方案，"
                    "实施材料进场见证取样、隐蔽工程验收和旁站，控制进度和计量支付，"
                    "协调管线迁改和交通组织，参加交工、竣工验收并移交监理档案。"
                ),
                "legal_basis": (
                    "《中华人民共和国建筑法》第三十条；《建设工程质量管理条例》"
                    "第十二条；《建设工程监理范围和规模标准规定》（建设部令第86号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格"
                    "的通知》（发改价格〔2015〕299号）），"
                    "参照《建设工程监理与相关服务收费管理规定》（发改价格〔2007〕670号）"
                    "施工监理服务收费基价，按工程概算投资额分档累进计取；"
                    "可在基价基础上下浮。"
                ),
                "fee_standard": {
                    "type": "tiered",
                    "base_unit": "wan_yuan",
                    "base_label": "工程概算投资额",
                    "bands": [
                        {"up_to": "500", "rate": "3.3"},
                        {"up_to": "1000", "rate": "2.72"},
                        {"up_to": "3000", "rate": "2.4"},
                        {"up_to": "5000", "rate": "2.135"},
                        {"up_to": "10000", "rate": "1.956"},
                        {"up_to": None, "rate": "1.7"},
                    ],
                    "floor_fen": 500000,
                    "cap_fen": None,
                    "discount_max_pct": "25",
                },
                "time_limit_days": 5,
                "commitments": (
                    "监理服务期与施工合同工期一致；签订合同后5个工作日内进场；管线、"
                    "顶管等关键工序全程旁站并留存影像；每月提交监理月报。"
                ),
            }
        ],
    },
    {
        "name": "盐城朗川工程管理有限公司",
        "name_en": ("Yancheng Langchuan Construction Management Co., Ltd."),
        "credit_code": "913209045882745031",
        "legal_representative": "陆朗川",
        "address": "盐城市大丰区大中街道常新路32号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-83216655",
        "established_on": "2009-02-25",
        "staff_count": 70,
        "description": (
            "立足大丰、服务全市的监理企业，以中小型房屋建筑、厂房和装饰装修工程监理为主，收费灵活。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程监理资质（房屋建筑工程专业）",
                "grade": "乙",
                "certificate_no": "E232019873",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2026-12-31",
            }
        ],
        "services": [
            {
                "category": "SUPERVISION",
                "title": "中小型房屋建筑及装饰装修工程监理",
                "scope": (
                    "建筑安装工程费1亿元以下的工业厂房、仓库、"
                    "中小学校舍、社区用房和装饰装修工程施工监理。"
                ),
                "content": (
                    "审查施工方案，组织材料和隐蔽工程验收，实施关键部位旁站，"
                    "控制工期和工程计量，督促安全文明施工，参加竣工验收并整理监理资料。"
                ),
                "legal_basis": (
                    "《中华人民共和国建筑法》第三十条；《建设工程质量管理条例》"
                    "第十二条；《建设工程监理范围和规模标准规定》（建设部令第86号）"
                ),
                "fee_basis": (
                    "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格的"
                    "通知》（发改价格〔2015〕299号）），按建筑安装工程费的比例计取。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "wan_yuan",
                    "base_label": "建筑安装工程费",
                    "rate": "1.8",
                    "floor_fen": 1500000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 5,
                "commitments": (
                    "监理服务期与施工合同工期一致；签订合同后5个工作日内进场；"
                    "总监理工程师同时担任项目不超过3个；每周召开监理例会。"
                ),
            }
        ],
    },
    {
        "name": "盐城焱衡消防技术服务有限公司",
        "name_en": ("Yancheng Yanheng Fire Protection Services Co., Ltd."),
        "credit_code": "91320902MA1NPMLC8X",
        "legal_representative": "曹立焱",
        "address": "盐城市亭湖区迎宾南路77号焱衡大楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88395540",
        "established_on": "2017-08-08",
        "staff_count": 22,
        "description": (
            "消防设施检测和维护保养专业机构，拥有一级注册消防工程师5名、"
            "消防设施操作员18名，检测设备按规范配置并定期检定。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": ("社会消防技术服务机构从业信息登记（消防设施维护保养检测）"),
                "grade": None,
                "certificate_no": "苏消服登〔2022〕0317号",
                "issuer": "江苏省消防救援总队",
                "expires_on": "2027-08-31",
            }
        ],
        "services": [
            {
                "category": "FIRE",
                "title": "建筑消防设施年度检测",
                "scope": (
                    "办公楼、商场、酒店、学校、医院、厂房和仓库等建筑的消防设施年度全面检测。"
                ),
                "content": (
                    "按《建筑消防设施检测技术规程》对火灾自动报警、自动喷水灭火、消火栓、"
                    "防排烟、应急照明和疏散指示、防火分隔等系统逐项检测，"
                    "记录问题并提出整改建议，出具检测报告并上传社会消防技术服务信息系统。"
                ),
                "legal_basis": (
                    "《中华人民共和国消防法》第十六条、第三十四条；"
                    "《社会消防技术服务管理规定》（应急管理部令第7号）"
                ),
                "fee_basis": (
                    "实行市场调节价（未列入《江苏省定价目录》），按建筑面积计取并明码标价。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "建筑面积",
                    "price_fen": 60,
                    "floor_fen": 300000,
                    "cap_fen": None,
                    "discount_max_pct": "20",
                },
                "time_limit_days": 7,
                "commitments": (
                    "现场检测完成后7个工作日内出具检测报告；"
                    "报告同步录入社会消防技术服务信息系统；"
                    "整改后免费复检一次。"
                ),
            }
        ],
    },
    {
        "name": "盐城卫岚消防安全技术有限公司",
        "name_en": "Yancheng Weilan Fire Safety Technology Co., Ltd.",
        "credit_code": "913209037377657963",
        "legal_representative": "邱卫东",
        "address": "盐城市盐都区盐渎西路58号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88653902",
        "established_on": "2013-06-17",
        "staff_count": 30,
        "description": (
            "提供消防设施维护保养检测和消防安全评估，服务高层住宅小区物业、"
            "大型商业综合体和化工企业，可提供7×24小时应急维修。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": ("社会消防技术服务机构从业信息登记（维护保养检测、消防安全评估）"),
                "grade": None,
                "certificate_no": "苏消服登〔2021〕0158号",
                "issuer": "江苏省消防救援总队",
                "expires_on": "2028-02-29",
            }
        ],
        "services": [
            {
                "category": "FIRE",
                "title": "建筑消防设施维护保养检测",
                "scope": (
                    "高层住宅小区、商业综合体、"
                    "宾馆和工业企业的消防设施按月维护保养和年度检测"
                    "一体化服务。"
                ),
                "content": (
                    "按《建筑消防设施的维护管理》（GB 25201）制定维保计划，"
                    "每月对消防设施进行巡检、测试和保养，按年度出具检测报告，"
                    "故障设施24小时内响应维修。"
                ),
                "legal_basis": (
                    "《中华人民共和国消防法》第十六条、第三十四条；"
                    "《社会消防技术服务管理规定》（应急管理部令第7号）"
                ),
                "fee_basis": (
                    "实行市场调节价（未列入《江苏省定价目录》），"
                    "按建筑面积计取并明码标价；维保服务按年度合同计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "建筑面积（每年）",
                    "price_fen": 45,
                    "floor_fen": 300000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 7,
                "commitments": (
                    "每次检测完成后7个工作日内出具报告；故障报修2小时内响应、"
                    "24小时内到场；维保记录实时上传社会消防技术服务信息系统。"
                ),
            },
            {
                "category": "FIRE",
                "title": "消防安全评估",
                "scope": (
                    "大型商业综合体、人员密集场所、"
                    "化工企业和大型活动的消防安全评估，"
                    "以及火灾隐患整改的技术评估。"
                ),
                "content": (
                    "调查建筑和场所的消防安全管理、消防设施和疏散条件，"
                    "辨识火灾风险，必要时进行性能化分析，评定消防安全等级，"
                    "提出整改和管理建议，出具消防安全评估报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国消防法》第十六条、第三十四条；"
                    "《社会消防技术服务管理规定》（应急管理部令第7号）；《消防安全评估》"
                    "（XF/T 3005）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 2000000,
                    "high_fen": 8000000,
                    "note": "按建筑规模、使用性质及是否需要性能化分析协商",
                },
                "time_limit_days": 15,
                "commitments": (
                    "现场调查完成后15个工作日内出具评估报告；"
                    "评估结论客观独立；评估人员为注册消防工程师。"
                ),
            },
        ],
    },
    {
        "name": "盐城晟衡消防工程技术有限公司",
        "name_en": ("Yancheng Shengheng Fire Engineering Technology Co., Ltd."),
        "credit_code": "91320924MA1YRPY606",
        "legal_representative": "戴晟衡",
        "address": "盐城市射阳县合德镇解放东路216号",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-82316650",
        "established_on": "2019-04-22",
        "staff_count": 16,
        "description": (
            "服务射阳、滨海、响水等县域的消防设施检测和消防工程企"
            "业，价格较市区同类服务低，县域内当天可到场。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": ("社会消防技术服务机构从业信息登记（消防设施维护保养检测）"),
                "grade": None,
                "certificate_no": "苏消服登〔2021〕0409号",
                "issuer": "江苏省消防救援总队",
                "expires_on": "2029-04-30",
            },
            {
                "name": "建筑业企业资质（消防设施工程专业承包二级）",
                "grade": None,
                "certificate_no": "D332098765",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2028-10-31",
            },
        ],
        "services": [
            {
                "category": "FIRE",
                "title": "建筑消防设施检测（县域）",
                "scope": (
                    "射阳县、滨海县、响水县、阜宁县、建湖县范围内的厂房、"
                    "仓库、学校、医院和商业建筑消防设施年度检测。"
                ),
                "content": (
                    "对火灾自动报警、消火栓、自动喷水灭火、防排烟、"
                    "应急照明和疏散指示等系统开展全面检测，"
                    "出具检测报告并提出整改建议。"
                ),
                "legal_basis": (
                    "《中华人民共和国消防法》第十六条、第三十四条；"
                    "《社会消防技术服务管理规定》（应急管理部令第7号）"
                ),
                "fee_basis": (
                    "实行市场调节价（未列入《江苏省定价目录》），按建筑面积计取并明码标价。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "建筑面积",
                    "price_fen": 55,
                    "floor_fen": 250000,
                    "cap_fen": None,
                    "discount_max_pct": "15",
                },
                "time_limit_days": 7,
                "commitments": (
                    "县域内接单当天到场；现场检测完成后7个工作日内出具报告；整改后免费复检一次。"
                ),
            }
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
        "name_en": "Jiangsu Muchuan Engineering Consulting Co., Ltd.",
        "credit_code": "913209245680209441",
        "legal_representative": "郑文川",
        "address": "盐城市射阳县合德镇振阳街88号沐川大厦",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-82369017",
        "established_on": "2014-06-05",
        "staff_count": 25,
        "description": (
            "从事可行性研究、社会稳定风险评估和乡村振兴项目咨询，"
            "熟悉沿海滩涂开发和农业园区项目的群众利益诉求。"
        ),
        "admission_route": "merit",
        "qualifications": [
            {
                "name": "工程咨询单位资信（建筑、农业林业）",
                "grade": "乙",
                "certificate_no": "乙232022010502",
                "issuer": "江苏省工程咨询协会",
                "expires_on": "2028-12-31",
            }
        ],
        "services": [
            {
                "category": "SSRA",
                "title": "重大项目社会稳定风险评估（邻避类、滩涂开发类）",
                "scope": (
                    "垃圾焚烧、污水处理、危废处置等邻避设施，以及沿海滩涂开发、"
                    "海上风电登陆点和大型农业园区等可能引发群体性诉求的项目。"
                ),
                "content": (
                    "开展利益相关者分析和公众意见调查，召开听证会或座谈会，"
                    "识别环境、补偿、生计等风险，评判风险等级，提出沟通协商、"
                    "补偿安置和舆情应对措施，编制评估报告。"
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
                    "type": "negotiated",
                    "low_fen": 3000000,
                    "high_fen": 12000000,
                    "note": "按影响范围、调查样本量及是否召开听证会协商",
                },
                "time_limit_days": 25,
                "commitments": (
                    "资料齐全后25个工作日内提交报告；"
                    "调查样本和原始记录完整留存；"
                    "免费修改至评估主体认可。"
                ),
            }
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
        "name": "南京禾岩地质矿产咨询有限公司",
        "name_en": ("Nanjing Heyan Geology and Mineral Resources Consulting Co., Ltd."),
        "credit_code": "913201135862179781",
        "legal_representative": "吕成岩",
        "address": "南京市栖霞区仙林大道10号禾岩大厦9层",
        "city": "南京市",
        "is_local": False,
        "phone": "025-85671902",
        "established_on": "2008-12-01",
        "staff_count": 40,
        "description": (
            "从事矿产资源储量核实、压覆矿产资源评估和地质灾害评估，"
            "熟悉苏北盆地油气、岩盐和地热资源分布。经外来引进进驻本市。"
        ),
        "admission_route": "recruited",
        "qualifications": [
            {
                "name": "地质灾害防治单位资质（评估和治理工程勘查设计）",
                "grade": "甲",
                "certificate_no": "苏地灾资（甲）字〔2022〕第0037号",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2027-10-31",
            },
            {
                "name": "测绘资质（工程测量）",
                "grade": "乙",
                "certificate_no": "乙测资字32011402",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2029-11-30",
            },
        ],
        "services": [
            {
                "category": "MINERAL",
                "title": "建设项目压覆重要矿产资源调查评估",
                "scope": (
                    "位于已查明矿产地或矿业权范围附近的工业园区、交通干线、"
                    "输油输气管道、输电线路和大型建筑群等建设项目。"
                ),
                "content": (
                    "查询矿产地和矿业权数据库，界定压覆范围，"
                    "核实被压覆矿产资源的类型、储量和矿业权设置情况，"
                    "估算压覆资源量并分析对矿业权人的影响，提出补偿协商建议，"
                    "编制压覆矿产资源调查评估报告，配合自然资源主管部门审查；"
                    "确认不压覆的出具调查说明。"
                ),
                "legal_basis": (
                    "《中华人民共和国矿产资源法》（2024年修订）"
                    "关于建设项目压覆重要矿产资源的规定；"
                    "《国土资源部关于进一步做好建设项目压覆重要矿产资源审批管理工作"
                    "的通知》（国土资发〔2010〕137号）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价；"
                    "按项目用地面积、压覆矿种和矿业权数量确定。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 6000000,
                    "high_fen": 30000000,
                    "note": (
                        "按用地面积、压覆矿种及涉及矿业权数量协商；仅需出具不压覆说明的按下限收取"
                    ),
                },
                "time_limit_days": 30,
                "commitments": (
                    "资料齐全后30个工作日内提交报告；"
                    "免费修改至通过审查；协助建设单位与矿业权人沟通补"
                    "偿事宜。"
                ),
            }
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
            "经省住房城乡建设厅认定的一类施工图审查机构，"
            "由市住房城乡建设局通过政府采购确定为本市施工图联合审查服务机构，"
            "审查人员涵盖建筑、结构、给排水、暖通、电气、消防、"
            "人防和勘察专业。"
        ),
        "admission_route": "required",
        "qualifications": [
            {
                "name": ("施工图审查机构认定（一类：房屋建筑工程、市政基础设施工程）"),
                "grade": None,
                "certificate_no": "苏建审认〔2021〕第0903号",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": "2027-06-30",
            }
        ],
        "services": [
            {
                "category": "DRAWING",
                "title": "房屋建筑工程施工图联合审查",
                "scope": (
                    "本市范围内新建、改建、扩建房屋建筑工程的施工图设计文件审查，实行消防、"
                    "人防、技防等“多审合一”联合审图；含岩土工程勘察文件审查。"
                ),
                "content": (
                    "审查施工图是否符合工程建设强制性标准，"
                    "地基基础和主体结构的安全性，消防设计、"
                    "人防设计和节能设计是否符合标准，"
                    "勘察设计单位和注册执业人员是否按规定签章；"
                    "通过施工图联合审查系统在线出具审查意见，"
                    "复审合格后出具施工图审查合格书。"
                ),
                "legal_basis": (
                    "《建设工程质量管理条例》第十一条；《房屋建筑和市政基础设施工程施工图"
                    "设计文件审查管理办法》（住房城乡建设部令第13号）第十一条、第十三条；"
                    "《建设工程消防设计审查验收管理暂行规定》（住房城乡建设部令第51号）"
                ),
                "fee_basis": (
                    "纳入本市政府购买施工图审查服务范围的项目，"
                    "审查费由财政按合同支付，建设单位无需缴纳；"
                    "未纳入政府购买范围的项目实行市场调节价，"
                    "按总建筑面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "总建筑面积",
                    "price_fen": 60,
                    "floor_fen": 300000,
                    "cap_fen": None,
                },
                "time_limit_days": 10,
                "commitments": (
                    "一般项目自受理之日起10个工作日内、"
                    "大型项目15个工作日内出具审查意见；复审5个工作日内完成；"
                    "审查意见逐条注明依据的标准条文；全程网上审查，"
                    "不要求报送纸质图纸。"
                ),
            },
            {
                "category": "DRAWING",
                "title": "市政基础设施工程施工图审查",
                "scope": (
                    "城市道路、桥梁、隧道、给水排水、燃气、"
                    "热力和园林景观等市政基础设施工程的施工图设计文件审"
                    "查。"
                ),
                "content": (
                    "审查结构安全、工程建设强制性标准执行情况和消防、抗震设计，"
                    "核查勘察成果与设计的一致性，在线出具审查意见和审查合格书。"
                ),
                "legal_basis": (
                    "《建设工程质量管理条例》第十一条；《房屋建筑和市政基础设施工程施工图"
                    "设计文件审查管理办法》（住房城乡建设部令第13号）第十一条、第十三条"
                ),
                "fee_basis": (
                    "纳入本市政府购买施工图审查服务范围的项目，"
                    "审查费由财政按合同支付，建设单位无需缴纳；"
                    "未纳入的项目实行市场调节价，"
                    "按工程概算建安费的比例计收。"
                ),
                "fee_standard": {
                    "type": "rate",
                    "base_unit": "wan_yuan",
                    "base_label": "工程概算建安费",
                    "rate": "0.08",
                    "floor_fen": 500000,
                    "cap_fen": 30000000,
                },
                "time_limit_days": 15,
                "commitments": (
                    "自受理之日起15个工作日内出具审查意见；复审5个工作日内完成；"
                    "重大技术问题组织专家论证，时间不计入审查时限并书面告知。"
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
            "市气象主管机构所属公益二类事业单位，"
            "承担全市防雷装置检测和雷电灾害风险评估，"
            "配备接地电阻测试仪、SPD测试仪和土壤电阻率测试仪等检测设备，"
            "按必须进驻原则进驻。"
        ),
        "admission_route": "required",
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
                    "新建、改建、扩建建（构）筑物防雷装置的隐蔽工程分段"
                    "检测和竣工检测，含易燃易爆建设工程和场所。"
                ),
                "content": (
                    "按《建筑物防雷设计规范》（GB 50057）和《建筑物防雷装置检测技术规范》"
                    "（GB/T 21431）对接闪器、引下线、接地装置、"
                    "等电位连接和电涌保护器进行分段跟踪检测和竣工检测，"
                    "出具防雷装置检测报告，作为竣工验收资料。"
                ),
                "legal_basis": (
                    "《中华人民共和国气象法》第三十一条；"
                    "《气象灾害防御条例》第二十三条、第二十四条；"
                    "《国务院关于优化建设工程防雷许可的决定》"
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
                    "floor_fen": 150000,
                    "cap_fen": None,
                },
                "time_limit_days": 5,
                "commitments": (
                    "每次分段检测在约定时间到场；竣工检测完成后5个工作日内出"
                    "具报告；检测不合格项书面告知并免费复检一次。"
                ),
            },
            {
                "category": "LIGHTNING",
                "title": "防雷装置定期检测",
                "scope": (
                    "已投入使用的建（构）筑物和设施的防雷装置定期检测："
                    "爆炸和火灾危险环境场所每半年一次，其他场所每年一次。"
                ),
                "content": (
                    "检测接地电阻、接闪器和引下线状况、等电位连接和电涌保护器性能，"
                    "记录检测点数据，出具定期检测报告并提出整改意见。"
                ),
                "legal_basis": (
                    "《中华人民共和国气象法》第三十一条；《气象灾害防御条例》"
                    "第二十三条；《防雷减灾管理办法》（中国气象局令第24号修订）"
                ),
                "fee_basis": "实行市场调节价，按检测点数计收，设每次最低收费。",
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "point",
                    "base_label": "检测点数",
                    "price_fen": 8000,
                    "floor_fen": 50000,
                    "cap_fen": None,
                },
                "time_limit_days": 5,
                "commitments": (
                    "预约后3个工作日内到场检测；"
                    "检测完成后5个工作日内出具报告；"
                    "检测到期前30日短信提醒。"
                ),
            },
            {
                "category": "LIGHTNING",
                "title": "雷电灾害风险评估",
                "scope": (
                    "大型建设工程、重点工程、爆炸和火灾危险环境及人"
                    "员密集场所等项目的雷电灾害风险评估。"
                ),
                "content": (
                    "收集项目所在地雷电活动资料和闪电定位数据，分析项目雷击风险，"
                    "计算雷击损害风险值，提出防雷类别和防护措施建议，"
                    "编制雷电灾害风险评估报告。"
                ),
                "legal_basis": (
                    "《气象灾害防御条例》第二十三条；《防雷减灾管理办法》（中国气象局令第24号修订）"
                ),
                "fee_basis": (
                    "实行市场调节价，由双方按照《中介服务收费管理办法》"
                    "（计价格〔1999〕2255号）的原则协商确定并明码标价。"
                ),
                "fee_standard": {
                    "type": "negotiated",
                    "low_fen": 1000000,
                    "high_fen": 5000000,
                    "note": "按项目规模、用地面积及易燃易爆场所情况协商",
                },
                "time_limit_days": 15,
                "commitments": ("资料齐全后15个工作日内出具评估报告；免费修改至通过评审。"),
            },
        ],
    },
    {
        "name": "盐城市拓维房产测绘有限公司",
        "name_en": "Yancheng Tuowei Real Estate Surveying Co., Ltd.",
        "credit_code": "91320902549585624K",
        "legal_representative": "沈维新",
        "address": "盐城市亭湖区人民中路118号拓维大楼",
        "city": "盐城市",
        "is_local": True,
        "phone": "0515-88129876",
        "established_on": "2000-09-07",
        "staff_count": 55,
        "description": (
            "由市不动产登记主管部门指定承担全市房产测绘成果的机构，"
            "测绘成果直接对接不动产登记系统，按必须进驻原则进驻。"
        ),
        "admission_route": "required",
        "qualifications": [
            {
                "name": "测绘资质（界线与不动产测绘、工程测量）",
                "grade": "乙",
                "certificate_no": "乙测资字32093002",
                "issuer": "江苏省自然资源厅",
                "expires_on": "2029-08-31",
            }
        ],
        "services": [
            {
                "category": "PROPERTY",
                "title": "房屋面积预测算",
                "scope": (
                    "申请商品房预售许可的新建商品房项目，按施工图和规划许可进行房屋面积预测算。"
                ),
                "content": (
                    "依据审查合格的施工图和规划许可文件，按《房产测量规范》（GB/T "
                    "17986）计算各户套内建筑面积、分摊共有建筑面积和建筑面积，"
                    "编制房屋面积预测算报告，作为预售许可和网签备案的依据。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十二条、第二十七条；"
                    "《房产测绘管理办法》（建设部、国家测绘局令第83号）"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002〕3号）"
                    "和《测绘生产成本费用定额》（财建〔2009〕17号），按预测建筑面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "预测建筑面积",
                    "price_fen": 50,
                    "floor_fen": 100000,
                    "cap_fen": None,
                },
                "time_limit_days": 7,
                "commitments": (
                    "资料齐全后7个工作日内出具预测算报告；"
                    "成果直接推送不动产登记系统；计算差错免费更正。"
                ),
            },
            {
                "category": "PROPERTY",
                "title": "房屋竣工面积实测",
                "scope": (
                    "竣工验收后办理不动产首次登记的新建房屋，以及存量房屋面积测量和变更测量。"
                ),
                "content": (
                    "现场实地测量房屋边长和层高，核算各户套内建筑面积、"
                    "分摊面积和总建筑面积，对比预测算面积差异，绘制房产分户图，"
                    "出具房产测绘成果报告。"
                ),
                "legal_basis": (
                    "《中华人民共和国测绘法》第二十二条、第二十七条；《房产测绘管理办法》"
                    "（建设部、国家测绘局令第83号）；《不动产登记暂行条例实施细则》"
                ),
                "fee_basis": (
                    "实行市场调节价，参照《测绘工程产品价格》（国测财字〔2002〕3号）"
                    "和《测绘生产成本费用定额》（财建〔2009〕17号），按实测建筑面积计收。"
                ),
                "fee_standard": {
                    "type": "per_unit",
                    "unit": "m2",
                    "base_label": "实测建筑面积",
                    "price_fen": 120,
                    "floor_fen": 200000,
                    "cap_fen": None,
                },
                "time_limit_days": 10,
                "commitments": (
                    "具备实测条件后10个工作日内出具成果报告；"
                    "面积误差超出规范限差的免费重测；"
                    "成果报告附测量人员签名并可在线核验。"
                ),
            },
        ],
    },
]


# The approval items (审批事项) the categories serve, as city lists of intermediary services
# (中介服务事项清单) are organised, each with its approving department and legal basis
# (苏州姑苏区 http://222.92.48.29:8302/gszwfw/wjzwdt/qjdgs/zjfwsx.html and 应城 lists).
# Departments are those of 盐城市 where the city approves.
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
        "code": "MINERAL",
        "name": "建设项目压覆重要矿产资源审批",
        "name_en": ("Approval of construction over important mineral deposits"),
        "department": "江苏省自然资源厅",
        "legal_basis": (
            "《中华人民共和国矿产资源法》第三十三条；《国土资源部关于进一"
            "步做好建设项目压覆重要矿产资源审批管理工作的通知》（国土资发"
            "〔2010〕137号）"
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
]

# Per category: the approval items it serves, whether the applicant may prepare the
# material itself (申请人可自行编制), and who commissions it.
# - DRAWING is commissioned by the approving department at public cost: the city buys the
#   drawing review by government procurement (国办发〔2019〕11号; the category's own
#   description), so enterprises do not order it.
# - Self-preparation: social stability risk analysis (发改投资〔2012〕2492号: the project
#   unit analyses, the approving side assesses) and energy-saving reports.
# - COST, TENDER, SUPERVISION and FIRE serve no approval item: cost consulting, tendering
#   agency, works supervision and fire-equipment testing are no approval's precondition
#   (江苏省网上中介服务超市管理办法 limits the marketplace to those that are); OHA neither,
#   since the health authority no longer approves pre-assessments except radiological ones.
#   A rewrite of the demo catalogue that replaces them is commit 941e350 (reverted: the
#   search tests pin the current items).
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
    "SSRA": {
        "approval_items": ["GOV-FS", "ENT-APPROVAL"],
        "self_prepare_allowed": True,
        "commissioned_by": "applicant",
    },
    "SURVEY": {
        "approval_items": ["PLAN", "PLAN-CHECK"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "PROPERTY": {
        "approval_items": ["REGISTRATION"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "DRAWING": {
        "approval_items": ["PERMIT"],
        "self_prepare_allowed": False,
        "commissioned_by": "approving_department",
    },
    "LIGHTNING": {
        "approval_items": ["LIGHTNING"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "COST": {"approval_items": [], "self_prepare_allowed": False, "commissioned_by": "applicant"},
    "TENDER": {"approval_items": [], "self_prepare_allowed": False, "commissioned_by": "applicant"},
    "SUPERVISION": {
        "approval_items": [],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "SEISMIC": {
        "approval_items": ["SEISMIC"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "OHA": {"approval_items": [], "self_prepare_allowed": False, "commissioned_by": "applicant"},
    "FIRE": {"approval_items": [], "self_prepare_allowed": False, "commissioned_by": "applicant"},
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
    "MINERAL": {
        "approval_items": ["MINERAL"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
    "ARCH": {
        "approval_items": ["ARCH"],
        "self_prepare_allowed": False,
        "commissioned_by": "applicant",
    },
}
