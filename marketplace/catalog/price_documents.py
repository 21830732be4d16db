"""Fee standards of the national price documents the catalogue's fee bases refer to.

Every one of these schedules was a government-guided price (政府指导价) and has been
market-regulated since 发改价格〔2015〕299号; agencies still publish their fees "with
reference to" them. These are the documents' own tables, as fee standards
(``marketplace.catalog.fees`` shapes) that an item can use as they are or with its own
discount and minimum: ``{**EIA_REPORT_BOOK, "discount_max_pct": "20"}``.

Sources read (2026-12; the documents' own text is not online at the issuing bodies any
more, so these are copies of it, cross-checked where two copies exist):

- 计价格〔2002〕125号 附件1 表1 and 附件2 表1-2: http://www.zj-benz.cn/xwzx/269305.html ,
  https://wddqw.com/doc/1e0668f81b37f111f18583d049649b6648d709fa.html ,
  http://tzhj119.com/p-article_detail/id-77.html (this copy misprints 15—36 and 75—100;
  the two others agree on 15—35 and 75—110). 表2 (environmental sensitivity) was cut off
  in every copy read except a secondary summary (http://jsduobang.com/afdglxt/action/
  ShowInfo.php?classid=11&id=957) that gives its two rows, 敏感 1.2 and 一般 0.8.
- 发改价格〔2007〕670号 附表二 (基价表) and its interpolation rule with the worked example
  X = 35,000 万元 → 629.5 万元: https://www.xiaomilidoc.com/p-10360721.html ; the
  profession factors: http://ask.fsou.com/html/text/chl/1089/108980_3.html and
  http://www.bjjspx.com/page443?article_id=883 (these two number the table 附表二 and
  附表三); complexity and altitude factors (附件 1.0.9):
  https://www.wanglu.net/thread/t12-157138-2.html .
- 计价格〔2002〕1980号 附件 (rates, 注1 the 30 % for the tender documents alone, 注2 the
  worked example 6,000 万元 → 22.55 万元): http://www.hycyzb.com/zcfg/index.php?cid=21
  and http://a0rc.cn/displaynews.html?id=3654043132232512&mdId=com_114 ; 发改价格〔2011〕534号
  (the rates above 5 亿元 and the caps per tender) as quoted by
  http://www.janettabridal.com/price/zbsf/ and http://dfrtw.com/zhuangxiugongsi/163840.html :
  the text of 534号 itself was not found, only these quotations of it, which agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

__all__ = [
    "EIA_REPORT_BOOK",
    "SUPERVISION",
    "TENDER_AGENCY_GOODS",
    "TENDER_AGENCY_SERVICES",
    "TENDER_AGENCY_WORKS",
]

_WAN = 1_000_000  # fen in one 万元


def _wan(amount: str) -> int:
    """万元 as written in a document's table ("16.5") → fen."""
    return int(Decimal(amount) * _WAN)


def _option(key: str, value: str, label: str, label_en: str) -> dict[str, str]:
    return {"key": key, "value": value, "label": label, "label_en": label_en}


# --- 计价格〔2002〕125号: 建设项目环境影响咨询收费标准 -----------------------------------

# 附件1 表1, 编制环境影响报告书（含大纲）: 估算投资额 in 亿元 → fee in 万元, "5~6" below
# 0.3 亿, "6~15" from 0.3 to 2 亿 … and "110" above 100 亿 (no further rise). 注3: within
# a bracket the fee is interpolated (插入法); 注1: the lower figure excludes, the upper
# includes, so the bracket "0.3以下 5~6" runs from 5 万元 at nothing to 6 万元 at 0.3 亿.
# The base here is in 万元 (0.3 亿元 = 3,000 万元).
_EIA_POINTS = [("0", "5"), ("3000", "6"), ("20000", "15"), ("100000", "35")]
_EIA_POINTS += [("500000", "75"), ("1000000", "110")]

EIA_REPORT_BOOK: Mapping[str, Any] = {
    "type": "interpolated",
    "source": "计价格〔2002〕125号",
    "base_unit": "wan_yuan",
    "base_label": "估算投资额",
    "points": [{"base": base, "fee_fen": _wan(fee)} for base, fee in _EIA_POINTS],
    # 注4: the table's fee times the industry and the sensitivity factor is the base price
    "factors": [
        {
            "key": "industry",
            "name": "行业调整系数",
            "name_en": "Industry adjustment factor",
            "options": [  # 附件2 表1
                _option(
                    "chemical",
                    "1.2",
                    "化工、冶金、有色、黄金、煤炭、矿产、纺织、化纤、轻工、医药、区域",
                    "Chemicals, metallurgy, non-ferrous metals, gold, coal, minerals, textiles, "
                    "chemical fibres, light industry, pharmaceuticals, regional",
                ),
                _option(
                    "petrochemical",
                    "1.1",
                    "石化、石油天然气、水利、水电、旅游",
                    "Petrochemicals, oil and gas, water conservancy, hydropower, tourism",
                ),
                _option(
                    "general",
                    "1.0",
                    "林业、畜牧、渔业、农业、交通、铁道、民航、管线运输、建材、市政、烟草、兵器",
                    "Forestry, livestock, fisheries, agriculture, transport, railways, civil "
                    "aviation, pipelines, building materials, municipal works, tobacco, ordnance",
                ),
                _option(
                    "machinery",
                    "0.8",
                    "邮电、广播电视、航空、机械、船舶、航天、电子、勘探、社会服务、火电",
                    "Post and telecoms, broadcasting, aviation, machinery, shipbuilding, "
                    "aerospace, electronics, exploration, social services, thermal power",
                ),
                _option(
                    "grain",
                    "0.6",
                    "粮食、建筑、信息产业、仓储",
                    "Grain, construction, information industry, warehousing",
                ),
            ],
        },
        {
            "key": "sensitivity",
            "name": "环境敏感程度调整系数",
            "name_en": "Environmental sensitivity factor",
            # 附件2 表2 has two rows and no neutral value: the ordinary case is the default
            "default": "ordinary",
            "options": [
                _option("sensitive", "1.2", "敏感", "Sensitive area"),
                _option("ordinary", "0.8", "一般", "Ordinary area"),
            ],
        },
    ],
}


# --- 发改价格〔2007〕670号: 建设工程监理与相关服务收费管理规定 -----------------------------

# 附表二 施工监理服务收费基价表: 计费额 (万元) → 收费基价 (万元). Between two points the
# base price is interpolated in a straight line (附件 1.0.8); 注: below 500 万元 it is 3.3 %
# of the amount, above 1,000,000 万元 1.039 % of it. (1.039 % of 1,000,000 万元 is
# 10,390 万元, 0.1 万元 below the table's last point: the fee is kept at the last point
# until the rate overtakes it, so the fee never falls as the amount grows.)
_SUPERVISION_POINTS = [
    ("500", "16.5"),
    ("1000", "30.1"),
    ("3000", "78.1"),
    ("5000", "120.8"),
    ("8000", "181.0"),
    ("10000", "218.6"),
    ("20000", "393.4"),
    ("40000", "708.2"),
    ("60000", "991.4"),
    ("80000", "1255.8"),
    ("100000", "1507.0"),
    ("200000", "2712.5"),
    ("400000", "4882.6"),
    ("600000", "6835.6"),
    ("800000", "8658.4"),
    ("1000000", "10390.1"),
]

# 施工监理服务收费专业调整系数表 (group: works, value)
_PROFESSIONS = [
    (
        "mining_metal",
        "0.9",
        "矿山采选：黑色、有色、黄金、化学、非金属及其他矿采选工程",
        "Mining: ferrous, non-ferrous, gold, chemical, non-metallic and other ores",
    ),
    (
        "mining_coal",
        "1.0",
        "矿山采选：选煤及其他煤炭工程",
        "Mining: coal preparation and other coal works",
    ),
    ("mining_shaft", "1.1", "矿山采选：矿井工程、铀矿采选工程", "Mining: shafts, uranium mining"),
    ("processing_smelting", "0.9", "加工冶炼：冶炼工程", "Processing: smelting"),
    ("processing_marine", "1.0", "加工冶炼：船舶水工工程", "Processing: shipyard marine works"),
    ("processing_general", "1.0", "加工冶炼：各类加工工程", "Processing: manufacturing plants"),
    ("processing_nuclear", "1.2", "加工冶炼：核加工工程", "Processing: nuclear processing"),
    ("petro_oil", "0.9", "石油化工：石油工程", "Petrochemical: oil works"),
    (
        "petro_chemical",
        "1.0",
        "石油化工：化工、石化、化纤、医药工程",
        "Petrochemical: chemicals, petrochemicals, chemical fibres, pharmaceuticals",
    ),
    ("petro_nuclear", "1.2", "石油化工：核化工工程", "Petrochemical: nuclear chemical works"),
    (
        "power_wind",
        "0.9",
        "水利电力：风力发电、其他水利工程",
        "Water and power: wind power, other water works",
    ),
    (
        "power_thermal",
        "1.0",
        "水利电力：火电工程、送变电工程",
        "Water and power: thermal power, transmission and substations",
    ),
    (
        "power_hydro",
        "1.2",
        "水利电力：核能、水电、水库工程",
        "Water and power: nuclear, hydropower, reservoirs",
    ),
    (
        "transport_airfield",
        "0.9",
        "交通运输：机场场道、助航灯光工程",
        "Transport: airfield pavements, navigation lighting",
    ),
    (
        "transport_road",
        "1.0",
        "交通运输：铁路、公路、城市道路、轻轨及机场空管工程",
        "Transport: railways, highways, urban roads, light rail, air traffic control",
    ),
    (
        "transport_bridge",
        "1.1",
        "交通运输：水运、地铁、桥梁、隧道、索道工程",
        "Transport: waterways, metro, bridges, tunnels, ropeways",
    ),
    ("building_landscape", "0.8", "建筑市政：园林绿化工程", "Building and municipal: landscaping"),
    (
        "building",
        "1.0",
        "建筑市政：建筑、人防、市政公用工程",
        "Building and municipal: buildings, civil air defence, municipal utilities",
    ),
    (
        "building_telecom",
        "1.0",
        "建筑市政：邮政、电信、广播电视工程",
        "Building and municipal: post, telecoms, broadcasting",
    ),
    ("farming", "0.9", "农业林业：农业工程", "Agriculture and forestry: agriculture"),
    ("forestry", "0.9", "农业林业：林业工程", "Agriculture and forestry: forestry"),
]

SUPERVISION: Mapping[str, Any] = {
    "type": "interpolated",
    "source": "发改价格〔2007〕670号",
    "base_unit": "wan_yuan",
    "base_label": "施工监理服务收费计费额",
    "points": [{"base": base, "fee_fen": _wan(fee)} for base, fee in _SUPERVISION_POINTS],
    "below_rate": "3.3",
    "above_rate": "1.039",
    # 附件 1.0.5: 基准价 = 基价 × 专业调整系数 × 工程复杂程度调整系数 × 高程调整系数
    "factors": [
        {
            "key": "profession",
            "name": "专业调整系数",
            "name_en": "Profession adjustment factor",
            "default": "building",
            "options": [_option(*row) for row in _PROFESSIONS],
        },
        {
            "key": "complexity",
            "name": "工程复杂程度调整系数",
            "name_en": "Complexity adjustment factor",
            "options": [  # 附件 1.0.9 (2)
                _option("simple", "0.85", "一般（Ⅰ级）", "Ordinary (grade I)"),
                _option("fairly_complex", "1.0", "较复杂（Ⅱ级）", "Fairly complex (grade II)"),
                _option("complex", "1.15", "复杂（Ⅲ级）", "Complex (grade III)"),
            ],
        },
        {
            "key": "altitude",
            "name": "高程调整系数",
            "name_en": "Altitude adjustment factor",
            # 附件 1.0.9 (3); above 4,001 m the factor is negotiated, so not listed here
            "options": [
                _option("below_2001", "1.0", "海拔2001m以下", "Below 2,001 m"),
                _option("from_2001", "1.1", "海拔2001m～3000m", "2,001-3,000 m"),
                _option("from_3001", "1.2", "海拔3001m～3500m", "3,001-3,500 m"),
                _option("from_3501", "1.3", "海拔3501m～4000m", "3,501-4,000 m"),
            ],
        },
    ],
}


# --- 计价格〔2002〕1980号 as amended by 发改价格〔2011〕534号: 招标代理服务收费 -------------

# 1980号 附件: 差额定率累进, 中标金额 in 万元, rates for 货物 / 服务 / 工程 招标 up to
# 10,000 万元 and 0.05 % from there; 534号 keeps everything up to 5 亿元 and lowers the
# rest to 0.035 % (5-10 亿), 0.008 % (10-50 亿), 0.006 % (50-100 亿) and 0.004 % (above),
# and caps one tender's fee at 350 / 300 / 450 万元 (goods / services / works).
_TENDER_EDGES = ("100", "500", "1000", "5000", "10000", "50000", "100000", "500000", "1000000")
_TENDER_534_RATES = ("0.05", "0.035", "0.008", "0.006", "0.004")
_TENDER_SCOPE = {
    "key": "scope",
    "name": "服务范围",
    "name_en": "Scope of the service",
    "options": [
        _option("full", "1.0", "招标代理服务全过程", "The whole tendering process"),
        # 1980号 附件 注1
        _option(
            "documents_only",
            "0.3",
            "单独提供编制招标文件（有标底的含标底）服务",
            "Preparing the tender documents (and the base price, if any) alone",
        ),
    ],
}


def _tender(rates_to_5000: tuple[str, ...], rate_5000_to_10000: str, cap_wan: str) -> dict:
    rates = (*rates_to_5000, rate_5000_to_10000, *_TENDER_534_RATES)
    edges: tuple[str | None, ...] = (*_TENDER_EDGES, None)
    return {
        "type": "tiered",
        "source": "计价格〔2002〕1980号、发改价格〔2011〕534号",
        "base_unit": "wan_yuan",
        "base_label": "中标金额",
        "bands": [{"up_to": edge, "rate": rate} for edge, rate in zip(edges, rates, strict=True)],
        "cap_fen": _wan(cap_wan),
        "factors": [_TENDER_SCOPE],
    }


TENDER_AGENCY_GOODS: Mapping[str, Any] = _tender(("1.5", "1.1", "0.8", "0.5"), "0.25", "350")
TENDER_AGENCY_SERVICES: Mapping[str, Any] = _tender(("1.5", "0.8", "0.45", "0.25"), "0.1", "300")
TENDER_AGENCY_WORKS: Mapping[str, Any] = _tender(("1.0", "0.7", "0.55", "0.35"), "0.2", "450")
