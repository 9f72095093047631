#!/usr/bin/python3
"""Start-up and round-trip times of the HopfieldLab kernel beside ipykernel, measured in the same run.

usage: kernel_bench.py [--starts N] [--round-trips N] [--pause S] [--warm-up-ab]
       (JUPYTER_PATH must hold both kernelspecs)

Start to first result: from launching the kernel process until the result of `1 + 1` arrives.
Round trip: one trivial cell (`1 + 1`), request sent to result and idle received, measured twice in one
kernel: over cells 11 to 10+N (what a notebook session feels like) and again after 300 cells, when the JVM has
compiled its hot paths (javac inside JShell, ZeroMQ, JSON) to machine code. Medians are printed as a
Markdown table with the ratio HopfieldLab / ipykernel (below 1 means faster).

--pause S adds a row: the same round trips over cells 11 on, in a kernel left alone for S seconds after its
first result (a user reading the notebook; the kernel's background warm-up runs in such pauses).
--warm-up-ab adds a column: the HopfieldLab kernel with its background warm-up switched off
(-Dhopfield.backgroundWarmUp=off), measured in the same run, interleaved with the other two.
"""
import argparse
import os
import platform
import statistics
import subprocess
import time

from jupyter_client.manager import KernelManager

KERNELS = [("hopfield", "HopfieldLab (Java)"), ("python3", "ipykernel (Python)")]
# (key, kernelspec, extra JVM options): the same kernel with the background warm-up off
WARM_UP_OFF = ("hopfield-warm-up-off", "hopfield", "-Dhopfield.backgroundWarmUp=off")
JVM_OPTIONS = {"hopfield": "-Dhopfield.backgroundWarmUp=on", WARM_UP_OFF[0]: WARM_UP_OFF[2]}
SPEC = {"hopfield": "hopfield", "python3": "python3", WARM_UP_OFF[0]: WARM_UP_OFF[1]}


def start(key):
    """A started kernel and its ready client; JVM options reach the kernel through JAVA_TOOL_OPTIONS."""
    manager = KernelManager(kernel_name=SPEC[key])
    env = dict(os.environ)
    if key in JVM_OPTIONS and ab_run:
        env["JAVA_TOOL_OPTIONS"] = JVM_OPTIONS[key]
    manager.start_kernel(env=env)
    client = manager.client()
    client.start_channels()
    return manager, client


ab_run = False


def one_cell(client, code="1 + 1"):
    reply = client.execute_interactive(code, timeout=120, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise SystemExit(f"benchmark cell failed: {reply['content']}")


def start_to_first_result(name):
    began = time.perf_counter()
    manager, client = start(name)
    try:
        client.wait_for_ready(timeout=120)
        one_cell(client)
        return time.perf_counter() - began
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


STEADY_AFTER_CELLS = 300


def timed_cells(client, count):
    times = []
    for _ in range(count):
        began = time.perf_counter()
        one_cell(client)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def after_pause(name, count, pause):
    """Median round trips over cells 11 to 10+count in a kernel left alone for `pause` s after its first result."""
    manager, client = start(name)
    try:
        client.wait_for_ready(timeout=120)
        one_cell(client)
        time.sleep(pause)
        for _ in range(9):
            one_cell(client)
        return timed_cells(client, count)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def round_trips(name, count):
    """Median round trips over cells 11 to 10+count, and over as many cells after STEADY_AFTER_CELLS."""
    manager, client = start(name)
    try:
        client.wait_for_ready(timeout=120)
        for _ in range(10):  # the first cells load and compile what every later cell uses
            one_cell(client)
        early = timed_cells(client, count)
        for _ in range(max(0, STEADY_AFTER_CELLS - 10 - count)):
            one_cell(client)
        return early, timed_cells(client, count)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--round-trips", type=int, default=100)
    parser.add_argument("--pause", type=float, default=0, help="seconds; adds the after-a-pause row")
    parser.add_argument("--warm-up-ab", action="store_true", help="adds the kernel with its warm-up off")
    args = parser.parse_args()
    global ab_run
    ab_run = args.warm_up_ab
    keys = ["hopfield"] + ([WARM_UP_OFF[0]] if ab_run else []) + ["python3"]
    starts = {}
    trip = {}
    steady = {}
    paused = {}
    for round_number in range(args.starts):  # interleaved, so drift on a shared machine hits all alike
        for name in keys:
            starts.setdefault(name, []).append(start_to_first_result(name))
    for name in keys:
        trip[name], steady[name] = round_trips(name, args.round_trips)
    if args.pause > 0:
        for name in keys:
            paused[name] = after_pause(name, args.round_trips, args.pause)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"Kernel benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {cpu}, {java}, "
          f"Python {platform.python_version()}; medians of {args.starts} starts and {args.round_trips} round trips\n")
    off_header = " HopfieldLab, warm-up off, ms |" if ab_run else ""
    print(f"| measure | HopfieldLab (Java) ms |{off_header} ipykernel (Python) ms | ratio Java / Python |")
    print("|---|---:|" + ("---:|" if ab_run else "") + "---:|---:|")
    rows = [("kernel start to first result", {n: statistics.median(v) for n, v in starts.items()}),
            ("trivial cell round trip (cells 11 on)", trip),
            (f"trivial cell round trip (after {STEADY_AFTER_CELLS} cells)", steady)]
    if paused:
        rows.append((f"trivial cell round trip (cells 11 on, kernel left alone {args.pause:g} s after its first result)",
                     paused))
    for label, values in rows:
        hopfield, python = values["hopfield"] * 1000, values["python3"] * 1000
        off = f" {values[WARM_UP_OFF[0]] * 1000:.1f} |" if ab_run else ""
        print(f"| {label} | {hopfield:.1f} |{off} {python:.1f} | {hopfield / python:.2f} |")


if __name__ == "__main__":
    main()
