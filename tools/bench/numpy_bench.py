#!/usr/bin/python3
"""numpy side of ./hopfield bench: the same workloads and shapes as the JMH benchmarks in bench/.

Prints one JSON object: {"blas": {...which OpenBLAS kernel ran...}, "peak_gflops": {...}, "ms": {workload: ms}}.
Each time is the best over several repeats of the mean of a few calls (as timeit recommends).
"""
import ctypes
import json
import os
import sys
import time

import numpy as np

FEATURES = 784


def best_ms(fn, min_total=0.4, repeats=7):
    fn()  # warm caches and the BLAS thread pool
    calls = 1
    while True:  # enough calls per repeat that the clock's resolution does not matter
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        if time.perf_counter() - start > min_total / repeats or calls > 1 << 16:
            break
        calls *= 2
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls)
    return best * 1e3


def openblas_info():
    info = {"OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
            "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE")}
    try:
        from threadpoolctl import threadpool_info
        for pool in threadpool_info():
            if pool.get("internal_api") == "openblas":
                info.update(library=pool.get("filepath"), corename=pool.get("architecture"),
                            threads=pool.get("num_threads"), version=pool.get("version"))
                return info
    except ImportError:
        pass
    # without threadpoolctl: ask the OpenBLAS that numpy loaded, found in this process's memory map
    with open("/proc/self/maps") as maps:
        libs = sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line})
    for lib in libs:
        try:
            handle = ctypes.CDLL(lib)
            handle.openblas_get_corename.restype = ctypes.c_char_p
            handle.openblas_get_config.restype = ctypes.c_char_p
            info.update(library=lib, corename=handle.openblas_get_corename().decode(),
                        config=handle.openblas_get_config().decode(),
                        threads=handle.openblas_get_num_threads())
            return info
        except (OSError, AttributeError):
            continue
    info["library"] = "no OpenBLAS found in the process (numpy.show_config() tells which BLAS numpy uses)"
    return info


def softmax_step(x, beta, q):
    if q.ndim == 1:  # one query: two matrix-vector products
        s = beta * (x @ q)
        s = np.exp(s - s.max())
        return (s / s.sum()) @ x
    s = beta * (q @ x.T)
    s -= s.max(axis=1, keepdims=True)
    np.exp(s, out=s)
    s /= s.sum(axis=1, keepdims=True)
    return s @ x


def cubic_sweep(xt, cube_sums, sigma, h, order):
    # (a + c)^3 - (a - c)^3 = 6 a^2 c + 2 c^3: two numpy calls per neuron instead of six
    flips = 0
    for i in order:
        c = xt[i]
        s = sigma[i]
        rest = h - s * c
        d = 6.0 * np.dot(rest * rest, c) + 2.0 * cube_sums[i]
        new = 1.0 if d > 0 else (-1.0 if d < 0 else s)
        if new != s:
            sigma[i] = new
            h += (new - s) * c
            flips += 1
    return flips


def exponential_sweep(xt, beta, sigma, h, order):
    flips = 0
    for i in order:
        c = xt[i]
        s = sigma[i]
        rest = h - s * c
        up = beta * (rest + c)
        down = beta * (rest - c)
        top = max(up.max(), down.max())
        d = np.exp(up - top).sum() - np.exp(down - top).sum()
        new = 1.0 if d > 0 else (-1.0 if d < 0 else s)
        if new != s:
            sigma[i] = new
            h += (new - s) * c
            flips += 1
    return flips


# ---- what network.recall(query) computes in the DSL (DslRecallBenchmark): the initial state and its energy,
# then per step the update, the convergence measure and the energy of the new state. Written the smart way:
# a product computed for one purpose is reused for the others (X xi for the energy and the next step).

def softmax_parts(h, beta):
    m = h.max()
    e = np.exp(beta * (h - m))
    z = e.sum()
    return e / z, m + np.log(z) / beta  # softmax weights, log-sum-exp / beta


def moved(new, old):
    return np.abs(new - old).max() / max(1.0, np.abs(new).max())


def dsl_softmax_sync_recall(x, beta, query, steps):
    # identity features, softmax memories: E = |xi|^2 / 2 - lse(beta X xi) / beta
    xi = query.copy()
    h = x @ xi
    p, lse = softmax_parts(h, beta)
    trajectory, energies = [xi], [0.5 * (xi @ xi) - lse]
    for _ in range(steps):
        new_xi = p @ x
        new_h = x @ new_xi
        change = max(moved(new_xi, xi), moved(new_h, h))
        xi, h = new_xi, new_h
        p, lse = softmax_parts(h, beta)
        trajectory.append(xi)
        energies.append(0.5 * (xi @ xi) - lse)
    return xi, p, energies, change


def dsl_softmax_ode_recall(x, beta, query, steps, dt=0.05, tau=(1.0, 0.1)):
    # Euler steps of tau_f dv/dt = X^T softmax(beta h) - v, tau_h dh/dt = X v - h; X v of the new state serves
    # the energy now and the drive of the next step. E = |v|^2 / 2 + h . p - lse / beta - p . X v
    v = query.copy()
    xv = x @ v
    h = xv.copy()
    p, lse = softmax_parts(h, beta)
    trajectory, energies = [v], [0.5 * (v @ v) + h @ p - lse - p @ xv]
    for _ in range(steps):
        pull = p @ x
        force_v, force_h = pull - v, xv - h
        v = v + dt / tau[0] * force_v
        h = h + dt / tau[1] * force_h
        residual = max(np.abs(force_v).max() / max(1.0, np.abs(v).max()),
                       np.abs(force_h).max() / max(1.0, np.abs(h).max()))
        p, lse = softmax_parts(h, beta)
        xv = x @ v
        trajectory.append(v)
        energies.append(0.5 * (v @ v) + h @ p - lse - p @ xv)
    return v, p, energies, residual


def dsl_classical_sync_recall(x, diag, query, steps):
    # sign features, F(h) = h^2: every spin takes the sign of sum_mu (r + c)^2 - (r - c)^2 = 4 (X^T h - diag sigma),
    # r = h - c sigma_i (the textbook rule without self-coupling), a tie keeps the spin; E = -|X sigma|^2
    sigma = query.copy()
    h = x @ sigma
    trajectory, energies = [sigma], [-(h @ h)]
    for _ in range(steps):
        drops = 4.0 * (x.T @ h - diag * sigma)
        new = np.where(drops > 0, 1.0, np.where(drops < 0, -1.0, sigma))
        flips = int((new != sigma).sum())
        sigma = new
        h = x @ sigma
        trajectory.append(sigma)
        energies.append(-(h @ h))
    return sigma, energies, flips


def main():
    rng = np.random.default_rng(1)
    ms = {}
    beta = 1.0 / np.sqrt(FEATURES)
    for k in (1000, 10000):
        x64 = rng.standard_normal((k, FEATURES))
        x32 = x64.astype(np.float32)
        for b in (1, 64):
            q64 = rng.standard_normal((b, FEATURES))
            if b == 1:
                q64 = q64[0]
            q32 = q64.astype(np.float32)
            ms[f"softmax step f64 K={k} B={b}"] = best_ms(lambda: softmax_step(x64, beta, q64))
            ms[f"softmax step f32 K={k} B={b}"] = best_ms(lambda: softmax_step(x32, np.float32(beta), q32))

    spins = np.where(rng.random((100, 1000)) < 0.5, -1.0, 1.0)
    t = spins.T @ spins
    sigma0 = np.where(rng.random(1000) < 0.5, -1.0, 1.0)
    ms["hebbian storage N=1000 K=100"] = best_ms(lambda: spins.T @ spins)

    def sync():
        h = t @ sigma0
        return np.where(h > 0, 1.0, np.where(h < 0, -1.0, sigma0))
    ms["synchronous step N=1000 K=100"] = best_ms(sync)
    also = {}
    try:
        # not numpy, but what a Python user who knows T is symmetric would call: it reads half of T, as the Java side
        from scipy.linalg.blas import dsymv
        t_fortran = np.asfortranarray(t)

        def sync_symmetric():
            h = dsymv(1.0, t_fortran, sigma0)
            return np.where(h > 0, 1.0, np.where(h < 0, -1.0, sigma0))
        also["synchronous step N=1000 K=100"] = {"how": "scipy.linalg.blas.dsymv", "ms": best_ms(sync_symmetric)}
    except ImportError:
        pass

    x = np.where(rng.random((1000, FEATURES)) < 0.5, -1.0, 1.0)
    xt = np.ascontiguousarray(x.T)  # prepared once, outside the timing (the Java side transposes per call)
    cube_sums = (xt ** 3).sum(axis=1)
    start = x[0].copy()
    start[rng.random(FEATURES) < 0.2] *= -1
    fields0 = x @ start
    order = rng.permutation(FEATURES)
    ms["dense x^3 sweep N=784 K=1000"] = best_ms(
        lambda: cubic_sweep(xt, cube_sums, start.copy(), fields0.copy(), order), min_total=1.0)
    ms["exponential sweep N=784 K=1000"] = best_ms(
        lambda: exponential_sweep(xt, 0.05, start.copy(), fields0.copy(), order), min_total=1.0)

    g = rng.standard_normal(FEATURES)
    f = rng.standard_normal(1000)
    state = {"v": np.zeros(FEATURES), "h": np.zeros(1000)}

    def euler():
        v, h = state["v"], state["h"]
        pull = x.T @ f
        drive = x @ g
        v += 0.1 * (pull - v)
        h += 0.1 * (drive - h)
    ms["ODE Euler step N=784 K=1000"] = best_ms(euler)

    # DslRecallBenchmark: a whole recall, initial energy + `steps` x (update + energy of the new state)
    for k in (1000, 10000):
        xk = rng.standard_normal((k, FEATURES))
        query = rng.standard_normal(FEATURES)
        for steps in (1, 10):
            ms[f"DSL recall softmax sync f64 K={k} steps={steps} (update + energy)"] = best_ms(
                lambda: dsl_softmax_sync_recall(xk, beta, query, steps))
            ms[f"DSL recall softmax ode f64 K={k} steps={steps} (update + energy)"] = best_ms(
                lambda: dsl_softmax_ode_recall(xk, beta, query, steps))
    spin_query = spins[0].copy()
    spin_query[rng.random(1000) < 0.2] *= -1
    diag = (spins * spins).sum(axis=0)  # prepared once, like the network's cached pattern columns
    ms["DSL recall classical sync N=1000 K=100 steps=1 (update + energy)"] = best_ms(
        lambda: dsl_classical_sync_recall(spins, diag, spin_query, 1))

    # practical peak now: large square products, 2 n^3 flops each
    peak = {}
    for name, dtype in (("f64", np.float64), ("f32", np.float32)):
        a = rng.standard_normal((2048, 2048)).astype(dtype)
        peak[name] = 2 * 2048 ** 3 / (best_ms(lambda: a @ a, min_total=1.0, repeats=5) * 1e-3) / 1e9

    json.dump({"blas": openblas_info(), "numpy": np.__version__, "peak_gflops": peak, "ms": ms, "also": also},
              sys.stdout)
    print()


if __name__ == "__main__":
    main()
