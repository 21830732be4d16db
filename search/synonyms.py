"""The field's abbreviations and synonyms, kept as data.

Enterprises say "环评" and the price documents say "环境影响评价"; both must find the same
listings. Each group below is a set of interchangeable phrases, first the full name. A
group that names a catalogue category carries its code: every listing of that category
then matches the group, whatever words its agency chose, so "稳评" finds a listing titled
"社会稳定风险评估（征地拆迁类项目）". Narrower phrases (安全预评价 is one kind of 安全评价)
are not synonyms and stay out: they still find their listings through the category's own
abbreviations, which are indexed with every listing.

Both engines read this module: the embedded engine expands queries with it and teaches
its word segmenter every phrase, and the Meilisearch engine turns it into the index's
``synonyms`` setting, both directions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

__all__ = [
    "SYNONYM_GROUPS",
    "SynonymGroup",
    "groups_by_category",
    "groups_by_phrase",
    "meilisearch_synonyms",
]


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Interchangeable phrases; ``category`` is the code of the category they name, if any."""

    key: str  # stable identifier, used in index terms; never shown
    phrases: tuple[str, ...]  # the full name first
    category: str | None = None


SYNONYM_GROUPS: tuple[SynonymGroup, ...] = (
    # An environmental impact assessment *is* its report, 报告书 or 报告表 by the size of
    # the impact: asking for 环评 is asking for either.
    SynonymGroup(
        "eia",
        (
            "环境影响评价",
            "环评",
            "环境评价",
            "环境影响评估",
            "环境影响评价报告",
            "环境影响报告书",
            "环境影响报告表",
            "环评文件",
        ),
        "EIA",
    ),
    SynonymGroup("eia_acceptance", ("竣工环境保护验收", "环保验收", "环保竣工验收")),
    SynonymGroup("safety", ("安全评价", "安评"), "SAFETY"),
    SynonymGroup("energy", ("节能评估", "能评", "节能审查", "节能评价", "节能报告"), "ENERGY"),
    SynonymGroup("swc", ("水土保持", "水保"), "SWC"),
    SynonymGroup("swc_plan", ("水土保持方案", "水保方案", "水土保持方案编制"), "SWC"),
    SynonymGroup(
        "gha",
        ("地质灾害危险性评估", "地灾", "地灾评估", "地质灾害评估", "地质灾害危险性评价"),
        "GHA",
    ),
    SynonymGroup("ssra", ("社会稳定风险评估", "稳评", "社稳评估", "社会稳定风险分析"), "SSRA"),
    SynonymGroup("survey", ("建设工程规划测绘", "规划测绘", "规划测量", "建设工程测绘"), "SURVEY"),
    SynonymGroup("survey_joint", ("多测合一", "联合测绘")),
    SynonymGroup("property", ("房产测绘", "房测", "房产面积测绘", "房屋面积测绘"), "SURVEY"),
    SynonymGroup(
        "drawing", ("施工图审查", "图审", "施工图设计文件审查", "审图", "施工图联合审查"), "DRAWING"
    ),
    SynonymGroup("lightning", ("雷电防护", "防雷"), "LIGHTNING"),
    SynonymGroup(
        "lightning_test",
        ("防雷装置检测", "防雷检测", "雷电防护装置检测", "防雷设施检测"),
        "LIGHTNING",
    ),
    SynonymGroup("lightning_risk", ("雷电灾害风险评估", "雷评", "雷击风险评估")),
    SynonymGroup(
        "special",
        ("特种设备监督检验", "监督检验", "特检", "电梯监检", "特种设备检验"),
        "SPECIAL",
    ),
    SynonymGroup("seismic", ("地震安全性评价", "震评", "地震安评", "地震安全评价"), "SEISMIC"),
    SynonymGroup(
        "oha",
        ("职业病危害评价", "职评", "职业卫生评价", "职业病危害评估", "职业卫生评估"),
        "OHA",
    ),
    SynonymGroup("wra", ("水资源论证", "取水论证", "水资源论证报告"), "WRA"),
    SynonymGroup("flood", ("洪水影响评价", "防洪评价", "防洪影响评价", "洪评"), "FLOOD"),
    SynonymGroup("forest", ("使用林地可行性报告", "林地可研", "使用林地", "占用林地"), "FOREST"),
    SynonymGroup("reclaim", ("土地复垦方案", "复垦方案", "土地复垦"), "RECLAIM"),
    SynonymGroup("sea", ("海域使用论证", "海域论证", "用海论证"), "SEA"),
    SynonymGroup(
        "nav",
        ("通航安全评估", "通航评估", "通航安全影响论证", "航道通航条件影响评价"),
        "NAV",
    ),
    SynonymGroup("arch", ("考古调查勘探", "考古勘探", "文物勘探", "考古调查"), "ARCH"),
    SynonymGroup(
        "feasibility",
        ("可行性研究", "可研", "可行性研究报告", "项目申请报告", "可研报告"),
        "FEASIBILITY",
    ),
)


@cache
def groups_by_phrase() -> Mapping[str, tuple[SynonymGroup, ...]]:
    """Each phrase (as written here) → the groups it belongs to."""
    found: dict[str, list[SynonymGroup]] = {}
    for group in SYNONYM_GROUPS:
        for phrase in group.phrases:
            found.setdefault(phrase, []).append(group)
    return {phrase: tuple(groups) for phrase, groups in found.items()}


@cache
def groups_by_category() -> Mapping[str, tuple[SynonymGroup, ...]]:
    """Category code → the groups that name it."""
    found: dict[str, list[SynonymGroup]] = {}
    for group in SYNONYM_GROUPS:
        if group.category:
            found.setdefault(group.category, []).append(group)
    return {code: tuple(groups) for code, groups in found.items()}


def meilisearch_synonyms() -> dict[str, list[str]]:
    """The ``synonyms`` setting of a Meilisearch index: every phrase → all the others."""
    synonyms: dict[str, list[str]] = {}
    for group in SYNONYM_GROUPS:
        for phrase in group.phrases:
            others = synonyms.setdefault(phrase, [])
            for other in group.phrases:
                if other != phrase and other not in others:
                    others.append(other)
    return synonyms
