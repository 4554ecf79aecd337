#!/usr/bin/env python3
"""Line coverage per source folder from gcovr's JSON summary (scripts/coverage).

core/ is split by its sub-folders (core/engine, core/radio, ...); runtime/, ui/ and app/ are one
row each, their sub-folders (app/commands) counted with them. Prints a table, lowest first.
"""
import json
import sys


def folder_of(path: str) -> str:
    parts = path.split("/")
    return "/".join(parts[:2]) if parts[0] == "core" and len(parts) > 2 else parts[0]


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        summary = json.load(f)
    folders: dict[str, list[int]] = {}
    for entry in summary["files"]:
        covered_total = folders.setdefault(folder_of(entry["filename"]), [0, 0])
        covered_total[0] += entry["line_covered"]
        covered_total[1] += entry["line_total"]
    rows = sorted(folders.items(), key=lambda kv: kv[1][0] / max(kv[1][1], 1))
    print(f"{'folder':<16} {'lines':>7} {'covered':>8} {'%':>6}")
    for name, (covered, total) in rows:
        print(f"{name:<16} {total:>7} {covered:>8} {100.0 * covered / max(total, 1):>6.1f}")
    covered = sum(c for c, _ in folders.values())
    total = sum(t for _, t in folders.values())
    print(f"{'all':<16} {total:>7} {covered:>8} {100.0 * covered / max(total, 1):>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
