#!/usr/bin/env python3
"""Regenerate ``marketplace/data/divisions.tsv`` from the areacodes summary table.

Usage: ``scripts/divisions.py result.csv [DATE]``, where ``result.csv`` is the summary of
https://github.com/yescallop/areacodes (CC0), which collects the county-level and higher
administrative division codes published by the Ministry of Civil Affairs (民政部
《中华人民共和国县级以上行政区划代码》) from 1981 on, each with the years it was in use.
DATE is the date of the source written into the file's header.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "marketplace" / "data" / "divisions.tsv"


def main(source: str, date: str) -> None:
    rows = []
    with open(source, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rows.append((row["代码"], row["启用时间"], row["变更/弃用时间"], row["名称"]))
    rows.sort()
    last_year = max(int(r[1]) for r in rows)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            "# 中华人民共和国县级以上行政区划代码, current and historical (民政部), as collected\n"
            "# by https://github.com/yescallop/areacodes (CC0), source dated "
            f"{date}, data to the end of {last_year}.\n"
            "# code, first year in use, year it changed or was abolished (empty: in use), name.\n"
            "# Regenerate with scripts/divisions.py.\n"
        )
        for code, since, until, name in rows:
            out.write(f"{code}\t{since}\t{until}\t{name}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "unknown")
