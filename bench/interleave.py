#!/usr/bin/env python3
"""Interleaved start-up timing: runs each command once per round, round after round, so that a
load that comes and goes on a shared machine falls on all of them alike (hyperfine runs all of one
command, then all of the next). Prints each command's median wall time and median CPU time (user +
system, from wait4), and their ratios to the first command's.

    bench/interleave.py RUNS 'node -e 0' 'node bin/ckafka.js --help' ...

Each command is split like a shell word list (no shell runs it); stdin, stdout and stderr are
/dev/null, as hyperfine -N gives them. Two warm-up runs of each come first; a failing run stops it.
"""
import os
import shlex
import statistics
import sys
import time


def run(argv, devnull):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{shlex.join(argv)}: exit status {status >> 8}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs, commands = int(sys.argv[1]), [shlex.split(c) for c in sys.argv[2:]]
    devnull = os.open(os.devnull, os.O_RDWR)
    for argv in commands:
        run(argv, devnull)
        run(argv, devnull)
    results = [[] for _ in commands]
    for _ in range(runs):
        for i, argv in enumerate(commands):
            results[i].append(run(argv, devnull))
    medians = [(statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for r in results]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"median of {runs} interleaved runs; load average {load} after\n")
    print("| command | wall | × first | CPU (user+sys) | × first |\n| --- | --- | --- | --- | --- |")
    for command, (wall, cpu) in zip(sys.argv[2:], medians):
        print(f"| `{command}` | {wall:.1f} ms | {wall / medians[0][0]:.2f} | {cpu:.1f} ms | {cpu / medians[0][1]:.2f} |")


main()
