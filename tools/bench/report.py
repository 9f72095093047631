#!/usr/bin/python3
"""Merges the JMH JSON and the numpy JSON files of one ./hopfield bench run into one Markdown report.

usage: report.py FILE...   (JMH result files and numpy_bench.py outputs, in any order)
The machine is shared, so each side runs more than once, alternating; per workload the best Java time
and the best numpy time (over both OpenBLAS settings) are compared.
"""
import datetime
import json
import platform
import subprocess
import sys

# documented practical peaks of this machine kind, quiet (shared/PERFORMANCE.md), for reference
DOCUMENTED_PEAK = {"f64": 222.0, "f32": 508.0}
FEATURES = 784
# Where the Java side uses a different exact algorithm from numpy's obvious one, said next to the figure.
METHOD_NOTES = {
    "hebbian storage N=1000 K=100":
        "HopfieldLab stores +-1 patterns by counting bits, T_ij = K - 2 popcount(bits_i XOR bits_j) "
        "(exact, the same float64 N x N matrix; other patterns take the multiply-add path); "
        "numpy computes spins.T @ spins (OpenBLAS syrk) on the same +-1 float64 inputs.",
    "synchronous step N=1000 K=100":
        "HopfieldLab reads only the upper triangle of the symmetric Hebbian matrix (as BLAS dsymv does), "
        "half of the 8 MB; numpy's T @ sigma reads all of it.",
    "DSL recall classical sync N=1000 K=100 steps=1 (update + energy)":
        "the products X sigma of +1/-1 patterns and spins count bits, N - 2 popcount(bits_mu XOR bits_sigma) "
        "(exact, the same integers; X^T h is multiplied); numpy multiplies the same float64 inputs.",
}


def workload(entry):
    name = entry["benchmark"].rsplit(".", 2)
    cls, method = name[-2], name[-1]
    p = entry.get("params", {})
    if cls == "SoftmaxStepBenchmark":
        return f"softmax step {p['dtype']} K={p['memories']} B={p['batch']}"
    if cls == "DslRecallBenchmark":
        if method == "classicalSync":
            return "DSL recall classical sync N=1000 K=100 steps=1 (update + energy)"
        kind = {"softmaxSync": "sync", "softmaxOde": "ode"}[method]
        return f"DSL recall softmax {kind} f64 K={p['memories']} steps={p['steps']} (update + energy)"
    return {
        ("ClassicalBenchmark", "storage"): "hebbian storage N=1000 K=100",
        ("ClassicalBenchmark", "syncStep"): "synchronous step N=1000 K=100",
        ("DenseBenchmark", "cubicSweep"): "dense x^3 sweep N=784 K=1000",
        ("DenseBenchmark", "exponentialSweep"): "exponential sweep N=784 K=1000",
        ("DenseBenchmark", "eulerStep"): "ODE Euler step N=784 K=1000",
    }.get((cls, method), f"{cls}.{method}")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[1].strip() if len(out) > 1 else (out[0] if out else "unknown JDK")


def blas_label(run):
    blas = run["blas"]
    setting = "OPENBLAS_CORETYPE=%s" % blas["OPENBLAS_CORETYPE"] if blas.get("OPENBLAS_CORETYPE") \
        else "OPENBLAS_CORETYPE/L2_SIZE unset"
    return "%s kernel (%s)" % (blas.get("corename", "?"), setting)


def main():
    jmh_runs = []
    runs = []
    for path in sys.argv[1:]:
        with open(path) as f:
            data = json.load(f)
        (jmh_runs if isinstance(data, list) else runs).append(data)
    java = {}
    for jmh in jmh_runs:
        for e in jmh:
            name = workload(e)
            java[name] = min(java.get(name, float("inf")), e["primaryMetric"]["score"])
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()

    print(f"HopfieldLab vs numpy, {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; {cpu_model()}, {cores} cores; "
          f"{java_version()}; numpy {runs[0]['numpy']}; best of {len(jmh_runs)} JMH and {len(runs)} numpy runs, alternating")
    print()
    print("| workload | java ms | numpy ms | ratio |")
    print("|---|---:|---:|---:|")
    wins = {}
    labels = []
    for run in runs:
        if blas_label(run) not in labels:
            labels.append(blas_label(run))
    ratios = []
    notes = []
    for name in [w for w in runs[0]["ms"] if w in java]:
        times = [(run["ms"][name], blas_label(run)) for run in runs if name in run["ms"]]
        numpy_ms, label = min(times)
        wins[label] = wins.get(label, 0) + 1
        ratio = java[name] / numpy_ms
        ratios.append(ratio)
        mark = ""
        if name in METHOD_NOTES:
            note = METHOD_NOTES[name]
            others = [run["also"][name] for run in runs if name in run.get("also", {})]
            if others:
                other_ms = min(o["ms"] for o in others)
                note += " %s on the same inputs: %.3f ms (ratio java / it %.2f)." % (
                    others[0]["how"], other_ms, java[name] / other_ms)
            notes.append(note)
            mark = " (%s)" % ("*" * len(notes))
        print(f"| {name}{mark} | {java[name]:.3f} | {numpy_ms:.3f} | {ratio:.2f} |")
    print()
    for i, note in enumerate(notes, 1):
        print("(%s) %s" % ("*" * i, note))
        print()
    print("ratio = java / numpy; below 1 Java is faster. numpy: the faster of %s per workload (%s)." % (
        " and ".join(labels),
        ", ".join(f"{label} faster on {n}" for label, n in wins.items())))
    print("Rows at or below the 0.8 goal: %d of %d." % (sum(r <= 0.8 for r in ratios), len(ratios)))
    print()
    peak = {d: max(r["peak_gflops"][d] for r in runs) for d in ("f64", "f32")}
    print("Batch 64 throughput (4 K N B flops per step: scores and weighted sum; exp not counted). "
          "Peak = numpy 2048^3 GEMM in this run; documented quiet-machine peak %.0f / %.0f GFLOP/s (f64 / f32)."
          % (DOCUMENTED_PEAK["f64"], DOCUMENTED_PEAK["f32"]))
    print()
    print("| workload | java GFLOP/s | numpy GFLOP/s | GEMM peak now | java % of peak now | java % of documented peak |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in java:
        if not name.startswith("softmax step") or not name.endswith("B=64"):
            continue
        dtype = name.split()[2]
        k = int(name.split("K=")[1].split()[0])
        flops = 4.0 * k * FEATURES * 64
        numpy_ms = min(run["ms"][name] for run in runs)
        jg = flops / java[name] / 1e6
        ng = flops / numpy_ms / 1e6
        print(f"| {name} | {jg:.0f} | {ng:.0f} | {peak[dtype]:.0f} | {100 * jg / peak[dtype]:.0f}% "
              f"| {100 * jg / DOCUMENTED_PEAK[dtype]:.0f}% |")


if __name__ == "__main__":
    main()
