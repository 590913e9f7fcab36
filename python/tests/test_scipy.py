"""kernels.entropy and kernels.jensenshannon against SciPy's own answers: values, shapes, axes, dtypes, broadcasting,
layouts that are read in place and layouts that are copied."""

import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon as scipy_jensenshannon
from scipy.stats import entropy as scipy_entropy

import kernels

RNG = np.random.default_rng(20261207)


def close(ours, theirs, rtol=1e-13, atol=1e-15):
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=atol)


def weights(*shape):
    """Probability-like weights with exact zeros mixed in (SciPy normalizes them; so do we)."""
    w = RNG.random(shape)
    w[RNG.random(shape) < 0.1] = 0.0
    return w


@pytest.mark.parametrize("n", [1, 2, 7, 64, 1000, 100_003])
def test_entropy_of_one_vector(n):
    p = weights(n) + 1e-3
    close(kernels.entropy(p), scipy_entropy(p))


@pytest.mark.parametrize("n", [1, 7, 1000, 100_003])
@pytest.mark.parametrize("base", [None, 2, 10, 3.5])
def test_relative_entropy_and_distance_of_one_pair(n, base):
    p, q = weights(n) + 1e-3, weights(n) + 1e-3
    close(kernels.entropy(p, q, base=base), scipy_entropy(p, q, base=base))
    close(kernels.jensenshannon(p, q, base=base), scipy_jensenshannon(p, q, base=base), rtol=1e-12)


def test_scalar_result_is_a_numpy_scalar_like_scipys():
    p = weights(10)
    ours, theirs = kernels.entropy(p), scipy_entropy(p)
    assert type(ours) is type(theirs) is np.float64


@pytest.mark.parametrize("shape,axis", [((6, 9), 0), ((6, 9), 1), ((6, 9), -1), ((3, 4, 5), 0), ((3, 4, 5), 1),
                                        ((3, 4, 5), 2), ((2, 3, 4, 5), -2)])
def test_matrices_along_every_axis(shape, axis):
    p, q = weights(*shape) + 1e-3, weights(*shape) + 1e-3
    close(kernels.entropy(p, axis=axis), scipy_entropy(p, axis=axis))
    close(kernels.entropy(p, q, axis=axis), scipy_entropy(p, q, axis=axis))
    close(kernels.jensenshannon(p, q, axis=axis), scipy_jensenshannon(p, q, axis=axis), rtol=1e-12)
    close(kernels.jensenshannon(p, q, axis=axis, keepdims=True),
          scipy_jensenshannon(p, q, axis=axis, keepdims=True), rtol=1e-12)


def test_the_default_axis_is_scipys_axis_0():
    p, q = weights(5, 8) + 1e-3, weights(5, 8) + 1e-3
    assert kernels.entropy(p).shape == scipy_entropy(p).shape == (8,)
    close(kernels.entropy(p, q), scipy_entropy(p, q))
    close(kernels.jensenshannon(p, q), scipy_jensenshannon(p, q), rtol=1e-12)


def test_broadcasting_one_reference_row_and_a_column_of_rows():
    p = weights(50, 16) + 1e-3
    row = weights(16) + 1e-3
    close(kernels.entropy(p, row, axis=1), scipy_entropy(p, row, axis=1))
    close(kernels.jensenshannon(p, row[None, :], axis=1), scipy_jensenshannon(p, row[None, :], axis=1), rtol=1e-12)
    column = weights(50, 1) + 1e-3
    close(kernels.entropy(p, column, axis=0), scipy_entropy(p, column, axis=0))
    # p is the one broadcast: SciPy broadcasts either side.
    close(kernels.entropy(row[None, :], p, axis=1), scipy_entropy(row[None, :], p, axis=1))


@pytest.mark.parametrize("layout", ["sliced columns", "every other row", "transposed", "negative strides",
                                    "fortran", "every other element"])
def test_non_contiguous_layouts_give_scipys_answers(layout):
    base = weights(40, 30) + 1e-3
    other = weights(40, 30) + 1e-3
    view = {
        "sliced columns": lambda a: a[:, 3:25],
        "every other row": lambda a: a[::2],
        "transposed": lambda a: a.T,
        "negative strides": lambda a: a[::-1, ::-1],
        "fortran": np.asfortranarray,
        "every other element": lambda a: a[:, ::2],
    }[layout]
    p, q = view(base), view(other)
    for axis in (0, 1):
        close(kernels.entropy(p, q, axis=axis), scipy_entropy(p, q, axis=axis))
        close(kernels.jensenshannon(p, q, axis=axis), scipy_jensenshannon(p, q, axis=axis), rtol=1e-12)


def test_integer_and_list_inputs_are_widened_to_float64_as_scipy_does():
    counts = [4, 2, 1, 1, 0]
    close(kernels.entropy(counts, base=2), scipy_entropy(counts, base=2))
    close(kernels.entropy(np.array(counts, dtype=np.int16), [1, 1, 1, 1, 1]), scipy_entropy(counts, [1, 1, 1, 1, 1]))
    assert kernels.entropy(counts).dtype == np.float64


def test_float32_stays_float32_and_is_accurate():
    p = (weights(10_000) + 1e-3).astype(np.float32)
    q = (weights(10_000) + 1e-3).astype(np.float32)
    exact = scipy_entropy(p.astype(np.float64), q.astype(np.float64))
    ours = kernels.entropy(p, q)
    assert ours.dtype == np.float32
    assert abs(ours - exact) <= 4 * np.spacing(np.float32(exact))
    assert abs(kernels.entropy(p) - scipy_entropy(p.astype(np.float64))) <= 4 * np.spacing(np.float32(9.0))


def exact_jensenshannon_of_bumped_ones(n, every):
    """sqrt(JS(p/sum p, q/sum q)) for p = n ones and q the same with every `every`-th value the next float32 after 1,
    in 50-digit arithmetic (mpmath; two distinct pairs, each counted): the exact answer for the float32 inputs."""
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 50
    bumped = len(range(0, n, every))
    one, up = mpmath.mpf(1), mpmath.mpf(1) + mpmath.mpf(2) ** -23
    sum_p, sum_q = n * one, (n - bumped) * one + bumped * up

    def pair(p, q):
        m = (p + q) / 2
        return p * mpmath.log(p / m) + q * mpmath.log(q / m)

    js = ((n - bumped) * pair(one / sum_p, one / sum_q) + bumped * pair(one / sum_p, up / sum_q)) / 2
    return float(mpmath.sqrt(js))


@pytest.mark.parametrize("n", [1000, 100_000])
def test_float32_jensenshannon_of_nearly_equal_inputs_is_not_nan_scipy_20083(n):
    # scipy#20083: float32 inputs that are nearly equal give NaN (a negative divergence under the square root) or
    # an answer far off. Ours sums clamped pair terms in double: within 1e-6 relative of the exact value here.
    p = np.full(n, 1.0, dtype=np.float32)
    q = p.copy()
    q[::3] = np.nextafter(np.float32(1), np.float32(2))
    exact = exact_jensenshannon_of_bumped_ones(n, 3)
    ours = kernels.jensenshannon(p, q)
    assert ours.dtype == np.float32 and np.isfinite(ours)
    assert abs(ours - exact) <= 1e-6 * exact, (ours, exact)
    with np.errstate(all="ignore"):
        scipys = scipy_jensenshannon(p, q)
    print(f"float32 jensenshannon, n = {n}: exact {exact:.9e}, ours {ours:.9e}, SciPy {scipys}")


def test_float32_matches_where_scipys_float32_is_right():
    p, q = weights(200, 50).astype(np.float32) + 1e-3, weights(200, 50).astype(np.float32) + 1e-3
    exact = scipy_jensenshannon(p.astype(np.float64), q.astype(np.float64), axis=1)
    np.testing.assert_allclose(kernels.jensenshannon(p, q, axis=1), exact, rtol=2e-6)


def test_edge_cases_follow_scipy():
    # p > 0 where q = 0: +inf.
    assert kernels.entropy([0.5, 0.5], [1.0, 0.0]) == scipy_entropy([0.5, 0.5], [1.0, 0.0]) == np.inf
    # zeros in p contribute nothing
    close(kernels.entropy([0.0, 1.0, 1.0]), scipy_entropy([0.0, 1.0, 1.0]))
    # NaN propagates
    assert np.isnan(kernels.entropy([np.nan, 1.0])) and np.isnan(scipy_entropy([np.nan, 1.0]))
    # a row summing to 0 normalizes to NaN in both
    assert np.isnan(kernels.entropy([0.0, 0.0])) and np.isnan(scipy_entropy([0.0, 0.0]))
    # equal inputs: exactly 0
    p = weights(100) + 1e-3
    assert kernels.entropy(p, p) == 0.0 and kernels.jensenshannon(p, p) == 0.0


def test_an_empty_axis_gives_zeros_like_scipy():
    close(kernels.entropy(np.zeros((3, 0)), axis=1), scipy_entropy(np.zeros((3, 0)), axis=1))
    assert kernels.entropy(np.zeros((0, 4)), axis=1).shape == (0,)


def test_base_errors_like_scipy():
    with pytest.raises(ValueError, match="`base` must be a positive number or `None`."):
        kernels.entropy([1, 2], base=-2)
    with pytest.raises(ValueError, match="`base` must be a positive number or `None`."):
        kernels.jensenshannon([1, 2], [2, 1], base=0)
    # base 1 has no logarithm: SciPy divides by log 1 = 0; the library refuses with its message.
    with pytest.raises(kernels.KernelsError, match="log base"):
        kernels.entropy([1, 2], base=1)


def test_shape_errors_name_both_lengths():
    with pytest.raises(ValueError, match="p has 3 elements and q has 2"):
        kernels.entropy([1, 2, 3], [1, 2])
    with pytest.raises(ValueError):
        kernels.jensenshannon(np.ones((3, 4)), np.ones((3, 5)), axis=1)
    with pytest.raises(np.AxisError):
        kernels.entropy(np.ones((3, 4)), axis=2)
