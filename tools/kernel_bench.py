#!/usr/bin/python3
"""Start-up and round-trip times of the HopfieldLab kernel beside ipykernel, measured in the same run.

usage: kernel_bench.py [--starts N] [--round-trips N]   (JUPYTER_PATH must hold both kernelspecs)

Start to first result: from launching the kernel process until the result of `1 + 1` arrives.
Round trip: one trivial cell (`1 + 1`), request sent to result and idle received, measured twice in one
kernel: over cells 11 to 10+N (what a notebook session feels like) and again after 300 cells, when the JVM has
compiled its hot paths (javac inside JShell, ZeroMQ, JSON) to machine code. Medians are printed as a
Markdown table with the ratio HopfieldLab / ipykernel (below 1 means faster).
"""
import argparse
import platform
import statistics
import subprocess
import time

from jupyter_client.manager import KernelManager

KERNELS = [("hopfield", "HopfieldLab (Java)"), ("python3", "ipykernel (Python)")]


def one_cell(client, code="1 + 1"):
    reply = client.execute_interactive(code, timeout=120, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise SystemExit(f"benchmark cell failed: {reply['content']}")


def start_to_first_result(name):
    began = time.perf_counter()
    manager = KernelManager(kernel_name=name)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
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


def round_trips(name, count):
    """Median round trips over cells 11 to 10+count, and over as many cells after STEADY_AFTER_CELLS."""
    manager = KernelManager(kernel_name=name)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
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
    args = parser.parse_args()
    start = {}
    trip = {}
    steady = {}
    for round_number in range(args.starts):  # interleaved, so drift on a shared machine hits both alike
        for name, _ in KERNELS:
            start.setdefault(name, []).append(start_to_first_result(name))
    for name, _ in KERNELS:
        trip[name], steady[name] = round_trips(name, args.round_trips)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"Kernel benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {cpu}, {java}, "
          f"Python {platform.python_version()}; medians of {args.starts} starts and {args.round_trips} round trips\n")
    print("| measure | HopfieldLab (Java) ms | ipykernel (Python) ms | ratio Java / Python |")
    print("|---|---:|---:|---:|")
    rows = [("kernel start to first result", {n: statistics.median(v) for n, v in start.items()}),
            ("trivial cell round trip (cells 11 on)", trip),
            (f"trivial cell round trip (after {STEADY_AFTER_CELLS} cells)", steady)]
    for label, values in rows:
        hopfield, python = values["hopfield"] * 1000, values["python3"] * 1000
        print(f"| {label} | {hopfield:.1f} | {python:.1f} | {hopfield / python:.2f} |")


if __name__ == "__main__":
    main()
