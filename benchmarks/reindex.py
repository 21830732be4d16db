"""A full search reindex from a database: what every web process does at startup.

What it measures
    On the database at ``--database-url`` (one ``benchmarks/generate.py`` filled, say),
    the two steps of a full reindex of the embedded engine, wall clock, in this process:
    reading every published item's search document from the database
    (``build_all_documents``: items, agencies, categories, rating and on-time signals) and
    building the index from them (``EmbeddedEngine.rebuild``). Memory is the growth of the
    process's peak resident set (``ru_maxrss``) over both steps, from a process that has
    imported everything it needs: it counts the documents, the index and the segmenter's
    dictionary. The CPU seconds of each step (``time.process_time``, every thread of the
    process) are printed too: on a shared machine the wall clock mostly measures the
    others' load, the CPU time what the reindex costs. ``marketplace reindex`` runs the
    first step and, with Meilisearch configured, sends the documents there instead of
    building the embedded index.

How to run
    From the repository root::

        .venv/bin/python benchmarks/reindex.py --database-url sqlite:///tmp/scale.sqlite3

Target: under 60 s and 500 MB for 100,000 items. The exit status is 0 when both are met.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# Run as a script, this folder comes first on sys.path and its search.py would shadow the
# search package: take it off.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tortoise import Tortoise  # noqa: E402

from marketplace.core.database import tortoise_config  # noqa: E402
from marketplace.search.documents import build_all_documents  # noqa: E402
from search import EmbeddedEngine  # noqa: E402

TARGET_S = 60.0
TARGET_MB = 500.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _reindex(url: str) -> dict[str, float | int]:
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    try:
        before_mb = _peak_mb()
        cpu_started = time.process_time()
        started = time.perf_counter()
        documents = await build_all_documents()
        read_s = time.perf_counter() - started
        read_cpu_s = time.process_time() - cpu_started
        engine = EmbeddedEngine()
        cpu_started = time.process_time()
        started = time.perf_counter()
        await engine.rebuild(documents)
        build_s = time.perf_counter() - started
        build_cpu_s = time.process_time() - cpu_started
    finally:
        await Tortoise.close_connections()
    return {
        "items": len(documents),
        "read_s": round(read_s, 1),
        "build_s": round(build_s, 1),
        "total_s": round(read_s + build_s, 1),
        "read_cpu_s": round(read_cpu_s, 1),
        "build_cpu_s": round(build_cpu_s, 1),
        "total_cpu_s": round(read_cpu_s + build_cpu_s, 1),
        "memory_growth_mb": round(_peak_mb() - before_mb, 1),
        "peak_rss_mb": round(_peak_mb(), 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args(argv)
    result = asyncio.run(_reindex(args.database_url))
    print(json.dumps(result))
    met = result["total_s"] < TARGET_S and result["memory_growth_mb"] < TARGET_MB
    print(f"target (< {TARGET_S:g} s, < {TARGET_MB:g} MB):", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
