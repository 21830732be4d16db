"""Embedded search engine: index build time, memory and query latency at 100,000 listings.

What it measures
    A synthetic catalogue of ``--items`` service items (default 100,000) across
    ``--agencies`` agencies (default 5,000) is generated from the demo catalogue's own
    vocabulary with a fixed seed: every listing takes a demo listing of its category as
    a model, and its title, scope and content are rebuilt from that category's demo
    clauses, reshuffled, with districts, industries and qualifiers of the region spliced
    in, so texts have the demo's length and wording but are not copies of each other.
    Agencies get generated names (region + brand + trade + 有限公司), a city (about half
    in 盐城市, the rest external) and one to three categories; listings get a time limit
    near their model's, the model's fee standard, and a rating for three in four.

    Then, for the embedded engine (``search.embedded``):

    - build: the time ``EmbeddedEngine.from_documents`` takes for the whole catalogue,
      wall clock, in this process, single-threaded;
    - memory, two ways. (1) The peak of the memory Python and numpy allocate *during*
      the build, traced by ``tracemalloc`` (numpy reports its buffers to it) in a second
      build, since tracing slows allocation; the documents, generated before, are not
      counted, and neither is the segmenter's dictionary, which lives in Rust (about
      60 MB, loaded once per process). The index's size once built is what tracemalloc
      still sees held after it. (2) The growth of the process's peak resident set
      (``ru_maxrss``) over the first build, which counts everything, the segmenter
      included. The process's overall peak, the generated documents and the
      interpreter included, is printed too. The target applies to (1) and (2);
    - queries: a fixed mix of queries (abbreviations, full names, pinyin and initials,
      Latin typos, Chinese with a place name, filters, every sort, empty queries with
      facets, a deep page), each run ``--rounds`` times after one warm-up round;
      latency is the wall time of ``search`` as the application would call it (facets,
      highlighting and the page's hits included), and p50/p95/p99 are over all runs.

How to run
    From the repository root::

        .venv/bin/python benchmarks/search.py [--items 100000] [--agencies 5000] [--rounds 20]

The results are printed and written to ``benchmarks/results/search-<timestamp>.json``.
Targets: p95 under 10 ms, build under 60 s, build memory under 500 MB; the exit status
is 0 when all three are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import platform
import random
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on sys.path, and this file's name would
# shadow the ``search`` package it measures: take the folder off before importing it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from marketplace.catalog import demo_data  # noqa: E402
from marketplace.search.documents import estimated_fee_range  # noqa: E402
from search.documents import SearchDocument  # noqa: E402
from search.embedded import EmbeddedEngine  # noqa: E402
from search.engine import SearchQuery  # noqa: E402

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SEED = 20261125
TARGET_P95_MS = 10.0
TARGET_BUILD_S = 60.0
TARGET_MEMORY_MB = 500.0

LOCAL_CITY = "盐城市"
EXTERNAL_CITIES = (
    "南京市", "苏州市", "无锡市", "常州市", "南通市", "扬州市", "泰州市", "淮安市",
    "连云港市", "宿迁市", "徐州市", "镇江市", "杭州市", "上海市", "合肥市", "济南市",
)  # fmt: skip
DISTRICTS = (
    "亭湖区", "盐都区", "大丰区", "东台市", "建湖县", "射阳县", "阜宁县", "滨海县", "响水县",
    "盐南高新区", "城南新区", "经济技术开发区", "沿海工业园区", "化工园区",
)  # fmt: skip
INDUSTRIES = (
    "新能源装备", "汽车零部件", "电子信息", "食品加工", "纺织服装", "机械制造", "港口物流",
    "海上风电", "光伏组件", "锂电池材料", "医药中间体", "精细化工", "仓储物流", "市政道路",
    "房地产开发", "学校医院", "水利工程", "农业设施",
)  # fmt: skip
QUALIFIERS = ("", "", "", "（县域）", "（园区项目）", "（加急）", "（简易程序）", "（全过程）")
BRAND_CHARS = "青禾澄源澜汀启衡泰岚知筑远芯景朴川安禾蓝屿朗岩岱晟匠图岚弘诚信岳润焱卫沐坤合古海拓维"
TRADES = {
    "EIA": "环境科技咨询", "SAFETY": "安全技术咨询", "ENERGY": "节能科技", "SWC": "水利科技咨询",
    "GHA": "地质勘察", "SSRA": "社会风险评估咨询", "SURVEY": "测绘地理信息",
    "PROPERTY": "房产测绘", "DRAWING": "施工图审查", "LIGHTNING": "气象防灾技术服务",
    "COST": "工程造价咨询", "TENDER": "招标代理", "SUPERVISION": "工程监理",
    "SEISMIC": "地震工程技术", "OHA": "职业卫生技术服务", "FIRE": "消防技术服务",
    "WRA": "水务工程咨询", "FLOOD": "水利规划设计", "MINERAL": "地质矿产咨询",
    "ARCH": "考古勘探", "FOREST": "林业调查规划", "RECLAIM": "土地整治咨询",
    "FEASIBILITY": "工程咨询", "SPECIAL": "特种设备检验", "SEA": "海洋科技咨询",
    "NAV": "航运技术咨询",
}  # fmt: skip
_CLAUSE_END = re.compile(r"(?<=[；。，、])")


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE_END.split(text) if part]


def generate_catalogue(n_items: int, n_agencies: int, seed: int = SEED) -> list[SearchDocument]:
    """A deterministic synthetic catalogue built from the demo catalogue's vocabulary."""
    rng = random.Random(seed)
    categories = {c["code"]: c for c in demo_data.CATEGORIES}
    models: dict[str, list[dict[str, Any]]] = {code: [] for code in categories}
    for agency in demo_data.AGENCIES:
        for service in agency["services"]:
            models[service["category"]].append(service)
    scope_clauses = {
        code: [c for s in items for c in _clauses(s["scope"])] for code, items in models.items()
    }
    content_clauses = {
        code: [c for s in items for c in _clauses(s["content"])] for code, items in models.items()
    }
    codes = list(categories)

    agencies = []
    used_names: set[str] = set()
    for number in range(n_agencies):
        own = rng.sample(codes, rng.choice((1, 1, 2, 3)))
        is_local = rng.random() < 0.55
        city = LOCAL_CITY if is_local else rng.choice(EXTERNAL_CITIES)
        while True:
            brand = "".join(rng.sample(BRAND_CHARS, 2))
            region = city.removesuffix("市") if rng.random() < 0.7 else "江苏"
            name = f"{region}{brand}{TRADES[own[0]]}有限公司"
            if name not in used_names:
                used_names.add(name)
                break
        agencies.append((number + 1, name, city, is_local, own))

    documents = []
    for item_id in range(1, n_items + 1):
        agency_id, agency_name, city, is_local, own = agencies[(item_id - 1) % n_agencies]
        code = rng.choice(own)
        category = categories[code]
        model = rng.choice(models[code])
        district = rng.choice(DISTRICTS)
        industry = rng.choice(INDUSTRIES)
        title = f"{model['title']}{rng.choice(QUALIFIERS)}"
        if rng.random() < 0.3:
            title = f"{industry}项目{title}"
        scope = "".join(rng.sample(scope_clauses[code], min(3, len(scope_clauses[code]))))
        scope = f"{district}{industry}等建设项目。{scope}"
        content_pool = content_clauses[code]
        content = "".join(rng.sample(content_pool, min(len(content_pool), rng.randint(4, 8))))
        fee_low, fee_high = estimated_fee_range(model["fee_standard"])
        rated = rng.random() < 0.75
        documents.append(
            SearchDocument(
                id=item_id,
                title=title,
                scope=scope,
                content=content,
                category_code=code,
                category_name=category["name"],
                category_abbreviations=tuple(category["abbreviations"]),
                market_type=category["market_type"],
                agency_id=agency_id,
                agency_name=agency_name,
                agency_city=city,
                agency_is_local=is_local,
                time_limit_days=max(1, model["time_limit_days"] + rng.randint(-5, 5)),
                fee_type=model["fee_standard"]["type"],
                fee_low_fen=fee_low,
                fee_high_fen=fee_high,
                rating=round(rng.uniform(2.5, 5.0), 1) if rated else None,
                rating_count=rng.randint(1, 200) if rated else 0,
                on_time_rate=round(rng.uniform(0.6, 1.0), 3) if rated else None,
            )
        )
    return documents


QUERIES: tuple[tuple[str, SearchQuery], ...] = (
    ("abbreviation 环评", SearchQuery(q="环评")),
    ("abbreviation 安评", SearchQuery(q="安评")),
    ("abbreviation 水保", SearchQuery(q="水保")),
    ("abbreviation 稳评", SearchQuery(q="稳评")),
    ("abbreviation 图审", SearchQuery(q="图审")),
    ("abbreviation 地灾", SearchQuery(q="地灾")),
    ("full name 环境影响评价", SearchQuery(q="环境影响评价")),
    ("full name 地质灾害危险性评估", SearchQuery(q="地质灾害危险性评估")),
    ("full name 水土保持方案", SearchQuery(q="水土保持方案")),
    ("phrase 建设项目安全预评价", SearchQuery(q="建设项目安全预评价")),
    ("pinyin huanping", SearchQuery(q="huanping")),
    ("pinyin fanglei", SearchQuery(q="fanglei")),
    ("initials hp", SearchQuery(q="hp")),
    ("typo huanpign", SearchQuery(q="huanpign")),
    ("typo shuibaoo", SearchQuery(q="shuibaoo")),
    ("place 防雷检测 盐城", SearchQuery(q="防雷检测 盐城")),
    ("place 环评 南京", SearchQuery(q="环评 南京")),
    ("place 测绘 东台", SearchQuery(q="测绘 东台")),
    ("filter 环评 local ≤20 days", SearchQuery(q="环评", local=True, max_days=20)),
    (
        "filter categories + fee type",
        SearchQuery(categories=("EIA", "SAFETY"), fee_type="negotiated"),
    ),
    ("filter min rating 4.5", SearchQuery(q="评价", min_rating=4.5)),
    ("sort fee 测绘", SearchQuery(q="测绘", sort="fee")),
    ("sort rating, empty q", SearchQuery(sort="rating")),
    ("sort time limit 评价 p3", SearchQuery(q="评价", sort="time_limit", page=3)),
    ("empty q, facets", SearchQuery()),
    ("empty q, market type absent", SearchQuery(market_type="absent")),
    ("empty q, page 50", SearchQuery(page=50)),
    ("no match", SearchQuery(q="量子计算")),
)


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


async def _measure_queries(engine: EmbeddedEngine, rounds: int) -> dict[str, Any]:
    for _, query in QUERIES:  # warm-up: first-use caches (pinyin, typo lists)
        await engine.search(query)
    all_ms: list[float] = []
    per_query: dict[str, dict[str, Any]] = {}
    for name, query in QUERIES:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            result = await engine.search(query)
            times.append((time.perf_counter() - started) * 1000)
        all_ms.extend(times)
        per_query[name] = {
            "total": result.total,
            "p50_ms": round(statistics.median(times), 3),
            "max_ms": round(max(times), 3),
        }
    return {
        "runs": len(all_ms),
        "p50_ms": round(_percentile(all_ms, 0.50), 3),
        "p95_ms": round(_percentile(all_ms, 0.95), 3),
        "p99_ms": round(_percentile(all_ms, 0.99), 3),
        "max_ms": round(max(all_ms), 3),
        "per_query": per_query,
    }


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--no-memory", action="store_true", help="skip the traced build")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    documents = generate_catalogue(args.items, args.agencies)
    generate_s = time.perf_counter() - started
    text_chars = sum(len(d.title) + len(d.scope) + len(d.content) for d in documents)
    print(
        f"generated {len(documents):,} listings of {args.agencies:,} agencies in "
        f"{generate_s:.1f} s ({text_chars / len(documents):.0f} characters of text each)"
    )
    rss_before_mb = _maxrss_mb()

    gc.collect()
    started = time.perf_counter()
    engine = EmbeddedEngine.from_documents(documents)
    build_s = time.perf_counter() - started
    rss_after_build_mb = _maxrss_mb()
    print(f"build: {build_s:.1f} s")

    queries = asyncio.run(_measure_queries(engine, args.rounds))
    del engine
    gc.collect()

    memory: dict[str, Any] = {
        "process_max_rss_before_build_mb": round(rss_before_mb, 1),
        "process_max_rss_after_build_mb": round(rss_after_build_mb, 1),
        "build_max_rss_growth_mb": round(rss_after_build_mb - rss_before_mb, 1),
        "process_max_rss_mb": round(_maxrss_mb(), 1),
    }
    if not args.no_memory:
        tracemalloc.start()
        traced = EmbeddedEngine.from_documents(documents)
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        memory["build_peak_mb"] = round(peak / 2**20, 1)
        memory["index_held_mb"] = round(held / 2**20, 1)
        del traced

    results = {
        "benchmark": "search-embedded",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "catalogue": {
            "items": len(documents),
            "agencies": args.agencies,
            "seed": SEED,
            "text_chars_per_item": round(text_chars / len(documents)),
        },
        "build_s": round(build_s, 2),
        "memory": memory,
        "queries": queries,
        "targets": {
            "p95_ms": TARGET_P95_MS,
            "build_s": TARGET_BUILD_S,
            "memory_mb": TARGET_MEMORY_MB,
        },
    }
    met = (
        queries["p95_ms"] < TARGET_P95_MS
        and build_s < TARGET_BUILD_S
        and memory.get("build_peak_mb", 0) < TARGET_MEMORY_MB
        and memory["build_max_rss_growth_mb"] < TARGET_MEMORY_MB
    )
    results["targets_met"] = met

    print()
    print(f"{'query':40} {'total':>8} {'p50 ms':>8} {'max ms':>8}")
    for name, row in queries["per_query"].items():
        print(f"{name:40} {row['total']:>8,} {row['p50_ms']:>8.2f} {row['max_ms']:>8.2f}")
    print()
    print(f"{'measure':40} {'value':>12} {'target':>10}")
    print(f"{'build (s)':40} {build_s:>12.1f} {'< 60':>10}")
    if "build_peak_mb" in memory:
        print(f"{'build peak, tracemalloc (MB)':40} {memory['build_peak_mb']:>12.1f} {'< 500':>10}")
        print(f"{'index held after build (MB)':40} {memory['index_held_mb']:>12.1f}")
    print(f"{'build max RSS growth (MB)':40} {memory['build_max_rss_growth_mb']:>12.1f}")
    print(f"{'process max RSS, documents included (MB)':40} {memory['process_max_rss_mb']:>12.1f}")
    print(f"{'query p50 (ms)':40} {queries['p50_ms']:>12.2f}")
    print(f"{'query p95 (ms)':40} {queries['p95_ms']:>12.2f} {'< 10':>10}")
    print(f"{'query p99 (ms)':40} {queries['p99_ms']:>12.2f}")
    print(f"{'targets met':40} {'yes' if met else 'NO':>12}")

    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"search-{stamp}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(f"\nwritten to {path}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
