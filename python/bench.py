"""Ours against SciPy and the NumPy composition on the same arrays, and the per-call overhead from Python.

    PYTHONPATH=python /usr/bin/python3 python/bench.py [--quick]

Prints the fastest of repeated calls (after a warm-up; the machine may be shared), the ratios, and the agreement with SciPy. Single vectors
run on one thread in every library, so the ratios compare kernels, not core counts."""

import ctypes
import sys
import time

import numpy as np
from scipy.spatial.distance import jensenshannon as scipy_jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy as scipy_entropy

import kernels
from kernels import _native

QUICK = "--quick" in sys.argv


def timed(function, repeat):
    """The fastest of ``repeat`` calls after a warm-up: on a shared machine the minimum is the call least disturbed."""
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return min(samples)


def interleaved(first, second, repeat):
    """The fastest of each, timed alternately so that both see the same load."""
    a, b = [], []
    for _ in range(repeat):
        for function, samples in ((first, a), (second, b)):
            start = time.perf_counter()
            function()
            samples.append(time.perf_counter() - start)
    return min(a), min(b)


def show(label, seconds):
    unit, scale = ("µs", 1e6) if seconds < 1e-3 else ("ms", 1e3)
    print(f"  {label:<52} {seconds * scale:9.2f} {unit}")
    return seconds


def main():
    print(f"kernels {kernels.version}, {kernels.vector_bits}-bit vectors; NumPy {np.__version__}")
    rng = np.random.default_rng(1)
    n = 1_000_000
    p, q = rng.random(n) + 1e-3, rng.random(n) + 1e-3
    repeat = 5 if QUICK else 30

    print(f"\nentropy(p, q) (relative entropy, normalized), {n:,} doubles")
    ours = show("kernels.entropy(p, q)", timed(lambda: kernels.entropy(p, q), repeat))
    theirs = show("scipy.stats.entropy(p, q)", timed(lambda: scipy_entropy(p, q), repeat))
    numpy = show("NumPy: sum(rel_entr(p/sum p, q/sum q))", timed(lambda: np.sum(rel_entr(p / p.sum(), q / q.sum())), repeat))
    relative = abs(kernels.entropy(p, q) - scipy_entropy(p, q)) / scipy_entropy(p, q)
    print(f"  ratio: {theirs / ours:.1f}x SciPy, {numpy / ours:.1f}x NumPy; |ours - SciPy| / SciPy = {relative:.1e}")

    print(f"\nentropy(p), {n:,} doubles")
    ours = show("kernels.entropy(p)", timed(lambda: kernels.entropy(p), repeat))
    theirs = show("scipy.stats.entropy(p)", timed(lambda: scipy_entropy(p), repeat))
    print(f"  ratio: {theirs / ours:.1f}x SciPy")

    print(f"\njensenshannon(p, q), {n:,} doubles")
    ours = show("kernels.jensenshannon(p, q)", timed(lambda: kernels.jensenshannon(p, q), repeat))
    theirs = show("scipy.spatial.distance.jensenshannon(p, q)", timed(lambda: scipy_jensenshannon(p, q), repeat))
    print(f"  ratio: {theirs / ours:.1f}x SciPy")

    rows, columns = 10_000, 100
    P, Q = rng.random((rows, columns)) + 1e-3, rng.random((rows, columns)) + 1e-3
    print(f"\nentropy(P, Q, axis=1), {rows:,} rows x {columns} (the batch path: rows read in place, all cores)")
    ours = show("kernels.entropy(P, Q, axis=1)", timed(lambda: kernels.entropy(P, Q, axis=1), repeat))
    theirs = show("scipy.stats.entropy(P, Q, axis=1)", timed(lambda: scipy_entropy(P, Q, axis=1), repeat))
    print(f"  ratio: {theirs / ours:.1f}x SciPy")

    print("\nper-call overhead (8 doubles)")
    small_p, small_q = p[:8].copy(), q[:8].copy()
    calls = 20_000 if QUICK else 200_000
    result = ctypes.c_double()
    function = _native.vector["f8"]
    address_p, address_q, out = small_p.ctypes.data, small_q.ctypes.data, ctypes.addressof(result)

    def loop(call):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - start) / calls

    raw = show("ctypes call of kernels_vector_f64 alone", min(loop(lambda: function(3, address_p, address_q, 8, None, out)) for _ in range(3)))
    ours = show("kernels.kullback_leibler(p, q)", min(loop(lambda: kernels.kullback_leibler(small_p, small_q)) for _ in range(3)))
    show("kernels.entropy(p, q) (SciPy's signature)", min(loop(lambda: kernels.entropy(small_p, small_q)) for _ in range(3)))
    show("scipy.stats.entropy(p, q)", min(loop(lambda: scipy_entropy(small_p, small_q)) for _ in range(3 if not QUICK else 1)))
    print(f"  the wrapper adds {(ours - raw) * 1e6:.2f} µs to the bare ctypes call")

    print(f"\n1M doubles from Python against the library's own call (kernels_vector_f64 through ctypes, no wrapper)")
    address_p, address_q = p.ctypes.data, q.ctypes.data
    bare, wrapped = interleaved(lambda: function(3, address_p, address_q, n, None, out),
                                lambda: kernels.kullback_leibler(p, q), 4 * repeat)
    show("kernels_vector_f64(KULLBACK_LEIBLER) bare", bare)
    show("kernels.kullback_leibler(p, q)", wrapped)
    print(f"  wrapped / bare = {wrapped / bare:.3f}")

    print("\nfloat32, nearly equal inputs (scipy#20083): p = ones, q = ones with every 3rd the next float32 up")
    for size in (1_000, 100_000):
        a = np.full(size, 1.0, dtype=np.float32)
        b = a.copy()
        b[::3] = np.nextafter(np.float32(1), np.float32(2))
        exact = exact_jensenshannon_of_bumped_ones(size, 3)
        with np.errstate(all="ignore"):
            scipy32 = scipy_jensenshannon(a, b)
            scipy64 = scipy_jensenshannon(a.astype(np.float64), b.astype(np.float64))
        ours = kernels.jensenshannon(a, b)
        print(f"  n = {size:>7,}: exact {exact:.6e}; ours (float32) {ours:.6e} ({(ours - exact) / exact:+.1e}); "
              f"SciPy float32 {scipy32:.6e} ({(scipy32 - exact) / exact:+.0%}); "
              f"SciPy float64 {scipy64:.6e} ({(scipy64 - exact) / exact:+.1%})")


def exact_jensenshannon_of_bumped_ones(n, every):
    """The exact distance for those inputs in 50-digit arithmetic (the same reference as python/tests)."""
    import mpmath

    mpmath.mp.dps = 50
    bumped = len(range(0, n, every))
    one, up = mpmath.mpf(1), mpmath.mpf(1) + mpmath.mpf(2) ** -23
    sum_p, sum_q = n * one, (n - bumped) * one + bumped * up

    def pair(p, q):
        m = (p + q) / 2
        return p * mpmath.log(p / m) + q * mpmath.log(q / m)

    return float(mpmath.sqrt(((n - bumped) * pair(one / sum_p, one / sum_q) + bumped * pair(one / sum_p, up / sum_q)) / 2))


if __name__ == "__main__":
    main()
