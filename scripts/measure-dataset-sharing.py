#!/usr/bin/env python3
"""Runs two `sweep-cli bench dataset DATA --hold` processes at once and prints each one's
resident (Rss) and proportional (Pss) memory for the mapped dataset cache, read from
/proc/PID/smaps while both map it: Pss splits shared pages between the processes, so two that
share one copy show Pss ≈ half the cache each.

usage: scripts/measure-dataset-sharing.py SWEEP_CLI DATA_YAML [bench dataset options…]
"""
import subprocess
import sys


def cache_memory(pid):
    rss = pss = 0
    in_cache = False
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            fields = line.split()
            if fields and "-" in fields[0] and not fields[0].endswith(":"):
                in_cache = line.rstrip().endswith(".dscache")
            elif in_cache and fields[0] in ("Rss:", "Pss:"):
                if fields[0] == "Rss:":
                    rss += int(fields[1])
                else:
                    pss += int(fields[1])
    return rss, pss


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    command = [sys.argv[1], "bench", "dataset", sys.argv[2], "--hold"] + sys.argv[3:]
    workers = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for number, worker in enumerate(workers, 1):
        for line in worker.stdout:
            print(f"worker {number}: {line.rstrip()}")
            if line.startswith("holding"):
                break
    total_rss = total_pss = 0
    for number, worker in enumerate(workers, 1):
        rss, pss = cache_memory(worker.pid)
        total_rss += rss
        total_pss += pss
        print(f"worker {number} (pid {worker.pid}): cache Rss {rss // 1024} MiB, Pss {pss // 1024} MiB")
    print(f"both: Rss {total_rss // 1024} MiB, Pss {total_pss // 1024} MiB")
    for worker in workers:
        worker.stdin.close()
        worker.wait()


if __name__ == "__main__":
    main()
