"""The library's own measures, PyTorch-style cross_entropy, reductions, strides, threads and the error messages,
against NumPy compositions of the definitions (well-conditioned inputs, where the compositions are accurate)."""

import numpy as np
import pytest

import kernels

RNG = np.random.default_rng(7)


def dists(rows, columns, dtype=np.float64):
    w = RNG.random((rows, columns)) + 0.05
    return (w / w.sum(axis=1, keepdims=True)).astype(dtype)


P, Q = dists(33, 17), dists(33, 17)


def xlogy(x, y):
    return np.where(x == 0, 0.0, x * np.log(np.where(x == 0, 1.0, y)))


REFERENCES = {
    "shannon_cross_entropy": lambda p, q: -xlogy(p, q).sum(-1),
    "kullback_leibler": lambda p, q: (xlogy(p, p) - xlogy(p, q)).sum(-1),
    "jensen_shannon_divergence": lambda p, q: 0.5 * (xlogy(p, 2 * p / (p + q)) + xlogy(q, 2 * q / (p + q))).sum(-1),
    "jensen_shannon_distance": lambda p, q: np.sqrt(0.5 * (xlogy(p, 2 * p / (p + q)) + xlogy(q, 2 * q / (p + q))).sum(-1)),
    "hellinger": lambda p, q: np.sqrt(0.5 * ((np.sqrt(p) - np.sqrt(q)) ** 2).sum(-1)),
    "total_variation": lambda p, q: 0.5 * np.abs(p - q).sum(-1),
    "pearson_chi_square": lambda p, q: ((p - q) ** 2 / q).sum(-1),
    "neyman_chi_square": lambda p, q: ((p - q) ** 2 / p).sum(-1),
    "bhattacharyya_coefficient": lambda p, q: np.sqrt(p * q).sum(-1),
    "bhattacharyya_distance": lambda p, q: -np.log(np.sqrt(p * q).sum(-1)),
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_pair_measures_match_their_definitions(name):
    function = getattr(kernels, name)
    want = REFERENCES[name](P, Q)
    np.testing.assert_allclose(function(P, Q), want, rtol=1e-12)
    np.testing.assert_allclose(function(P[4], Q[4]), want[4], rtol=1e-12)
    np.testing.assert_allclose(function(P.astype(np.float32), Q.astype(np.float32)), want, rtol=2e-5)
    np.testing.assert_allclose(function(P.T, Q.T, axis=0), want, rtol=1e-12)
    np.testing.assert_allclose(function(P, Q, reduction="sum"), want.sum(), rtol=1e-12)
    np.testing.assert_allclose(function(P, Q, reduction="mean"), want.mean(), rtol=1e-12)
    np.testing.assert_allclose(function(P, Q[0]), REFERENCES[name](P, Q[None, 0]), rtol=1e-12)


def test_entropies_and_bases():
    h = -xlogy(P, P).sum(-1)
    np.testing.assert_allclose(kernels.shannon_entropy(P), h, rtol=1e-13)
    np.testing.assert_allclose(kernels.shannon_entropy(P, base=2), h / np.log(2), rtol=1e-13)
    np.testing.assert_allclose(kernels.renyi_entropy(P, 2.0), -np.log((P ** 2).sum(-1)), rtol=1e-12)
    np.testing.assert_allclose(kernels.tsallis_entropy(P, 2.0), 1 - (P ** 2).sum(-1), rtol=1e-12)
    np.testing.assert_allclose(kernels.renyi_divergence(P, Q, 0.5), -2 * np.log(np.sqrt(P * Q).sum(-1)), rtol=1e-12)
    counts = RNG.integers(0, 20, size=(5, 9)).astype(np.float64)
    n = counts.sum(-1)
    plug_in = np.log(n) - xlogy(counts, counts).sum(-1) / n
    np.testing.assert_allclose(kernels.miller_madow_entropy(counts), plug_in + ((counts > 0).sum(-1) - 1) / (2 * n), rtol=1e-12)


def test_values_are_used_as_given_unless_normalize():
    w = P * 3.0
    assert not np.allclose(kernels.shannon_entropy(w), kernels.shannon_entropy(P))
    np.testing.assert_allclose(kernels.shannon_entropy(w, normalize=True), kernels.shannon_entropy(P), rtol=1e-13)
    np.testing.assert_allclose(kernels.hellinger(w, Q * 7, normalize=True), kernels.hellinger(P, Q), rtol=1e-13)


def test_logits_measures():
    z = RNG.normal(size=(20, 11)) * 5
    log_softmax = z - np.log(np.exp(z - z.max(-1, keepdims=True)).sum(-1, keepdims=True)) - z.max(-1, keepdims=True)
    softmax = np.exp(log_softmax)
    np.testing.assert_allclose(kernels.entropy_from_logits(z), -(softmax * log_softmax).sum(-1), rtol=1e-12)
    assert kernels.entropy_from_logits([0.0, 0.0, -np.inf]) == pytest.approx(np.log(2), rel=1e-15)
    assert kernels.entropy_from_logits([1000.0, 1000.0, 0.0]) == pytest.approx(np.log(2), rel=1e-12)
    a, b = log_softmax, np.log(Q[:20, :11] / Q[:20, :11].sum(-1, keepdims=True))
    np.testing.assert_allclose(kernels.kullback_leibler_from_log_probabilities(a, b), (np.exp(a) * (a - b)).sum(-1), rtol=1e-11)


def torch_cross_entropy(z, target, ignore_index=-100, reduction="mean", label_smoothing=0.0, weight=None):
    """PyTorch's definition, written out in NumPy (class dim 1); weight= for class-index targets only."""
    z = np.moveaxis(z, 1, -1) if z.ndim > 1 else z[None]
    log_softmax = z - z.max(-1, keepdims=True)
    log_softmax = log_softmax - np.log(np.exp(log_softmax).sum(-1, keepdims=True))
    classes = z.shape[-1]
    if target.dtype.kind == "f":
        t = np.moveaxis(target, 1, -1) if target.ndim > 1 else target[None]
        t = t * (1 - label_smoothing) + label_smoothing / classes
        loss = -(t * log_softmax).sum(-1)
        return {"none": loss, "sum": loss.sum(), "mean": loss.mean()}[reduction]
    t = np.atleast_1d(target)
    keep = t != ignore_index
    safe = np.where(keep, t, 0)
    w = np.ones(classes) if weight is None else np.asarray(weight, dtype=np.float64)
    nll = -np.take_along_axis(log_softmax, safe[..., None], -1)[..., 0] * w[safe]
    smooth = -(log_softmax * w).sum(-1) / classes
    loss = np.where(keep, (1 - label_smoothing) * nll + label_smoothing * smooth, 0.0)
    return {"none": loss, "sum": loss.sum(), "mean": loss.sum() / np.where(keep, w[safe], 0.0).sum()}[reduction]


@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1])
def test_cross_entropy_with_class_indices_is_pytorchs(reduction, label_smoothing):
    z = RNG.normal(size=(16, 10)) * 3
    t = RNG.integers(0, 10, size=16)
    t[[2, 9]] = -100
    ours = kernels.cross_entropy(z, t, reduction=reduction, label_smoothing=label_smoothing)
    np.testing.assert_allclose(ours, torch_cross_entropy(z, t, reduction=reduction, label_smoothing=label_smoothing), rtol=1e-12)
    z32 = z.astype(np.float32)
    ours32 = kernels.cross_entropy(z32, t, reduction=reduction, label_smoothing=label_smoothing)
    assert np.asarray(ours32).dtype == np.float32
    np.testing.assert_allclose(ours32, torch_cross_entropy(z32.astype(np.float64), t, reduction=reduction, label_smoothing=label_smoothing), rtol=2e-6)


def test_cross_entropy_with_probabilities_and_spatial_dimensions():
    z = RNG.normal(size=(4, 5, 3, 2))
    target = RNG.random((4, 5, 3, 2))
    target /= target.sum(1, keepdims=True)
    np.testing.assert_allclose(kernels.cross_entropy(z, target, reduction="none", label_smoothing=0.2),
                               torch_cross_entropy(z, target, reduction="none", label_smoothing=0.2), rtol=1e-12)
    classes = RNG.integers(0, 5, size=(4, 3, 2))
    np.testing.assert_allclose(kernels.cross_entropy(z, classes, reduction="none"),
                               torch_cross_entropy(z, classes, reduction="none"), rtol=1e-12)
    np.testing.assert_allclose(kernels.cross_entropy(z[0, :, 0, 0], classes[0, 0, 0]),
                               torch_cross_entropy(z[0, :, 0, 0], np.array(classes[0, 0, 0]))[()], rtol=1e-12)


@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1])
def test_cross_entropy_with_class_weights_is_pytorchs(reduction, label_smoothing):
    z = RNG.normal(size=(16, 10)) * 3
    t = RNG.integers(0, 10, size=16)
    t[[2, 9]] = -100
    w = RNG.uniform(0.0, 3.0, size=10)
    w[4] = 0.0
    expected = torch_cross_entropy(z, t, reduction=reduction, label_smoothing=label_smoothing, weight=w)
    ours = kernels.cross_entropy(z, t, weight=w, reduction=reduction, label_smoothing=label_smoothing)
    np.testing.assert_allclose(ours, expected, rtol=1e-12)
    ours32 = kernels.cross_entropy(z.astype(np.float32), t, weight=w.astype(np.float32), reduction=reduction,
                                   label_smoothing=label_smoothing)
    assert np.asarray(ours32).dtype == np.float32
    expected32 = torch_cross_entropy(z.astype(np.float32).astype(np.float64), t, reduction=reduction,
                                     label_smoothing=label_smoothing, weight=w.astype(np.float32).astype(np.float64))
    np.testing.assert_allclose(ours32, expected32, rtol=2e-6)


def test_cross_entropy_errors():
    z = np.zeros((3, 4))
    with pytest.raises(ValueError, match="one value per class"):
        kernels.cross_entropy(z, np.array([0, 1, 2]), weight=np.ones(3))
    with pytest.raises(ValueError, match="class-index targets"):
        kernels.cross_entropy(z, np.full((3, 4), 0.25), weight=np.ones(4))
    with pytest.raises(kernels.KernelsError, match="weight"):
        kernels.cross_entropy(z, np.array([0, 1, 2]), weight=np.array([1.0, -1.0, 1.0, 1.0]))
    with pytest.raises(kernels.KernelsError, match=r"targets\[1\] is 7; a class index must be in \[0, 4\)"):
        kernels.cross_entropy(z, np.array([0, 7, 2]))
    with pytest.raises(ValueError, match="must have shape"):
        kernels.cross_entropy(z, np.array([0, 1]))
    with pytest.raises(ValueError, match="reduction is 'avg'"):
        kernels.cross_entropy(z, np.array([0, 1, 2]), reduction="avg")


def test_gaussians_and_joint_tables():
    mean, log_variance = RNG.normal(size=(6, 8)), RNG.normal(size=(6, 8)) * 0.3
    np.testing.assert_allclose(kernels.gaussian_kullback_leibler(mean, log_variance),
                               0.5 * (mean ** 2 + np.exp(log_variance) - 1 - log_variance).sum(-1), rtol=1e-12)
    m2, v2 = RNG.normal(size=(6, 8)), RNG.normal(size=(6, 8)) * 0.3
    ratio = np.exp(log_variance - v2)
    np.testing.assert_allclose(kernels.gaussian_kullback_leibler(mean, log_variance, m2, v2),
                               0.5 * (ratio - 1 - np.log(ratio) + (mean - m2) ** 2 / np.exp(v2)).sum(-1), rtol=1e-12)
    joint = RNG.random((4, 6))
    joint /= joint.sum()
    px, py = joint.sum(1, keepdims=True), joint.sum(0, keepdims=True)
    assert kernels.mutual_information(joint) == pytest.approx((joint * np.log(joint / (px * py))).sum(), rel=1e-12)
    assert kernels.conditional_entropy(joint, base=2) == pytest.approx(-(joint * np.log2(joint / px)).sum(), rel=1e-12)


def test_rows_with_strides_are_read_in_place_and_threads_do_not_change_results():
    wide = RNG.random((3000, 40)) + 0.01
    view = wide[:, 5:37]                        # rows 40 apart, 32 values each: no copy needed
    reference = view.copy()
    np.testing.assert_array_equal(kernels.shannon_entropy(view), kernels.shannon_entropy(reference))
    np.testing.assert_array_equal(kernels.shannon_entropy(view, threads=1), kernels.shannon_entropy(view, threads=0))
    big = RNG.random((20_000, 16))
    np.testing.assert_array_equal(kernels.kullback_leibler(big, big[::-1], threads=1),
                                  kernels.kullback_leibler(big, big[::-1], threads=0))


def test_errors_carry_the_librarys_messages():
    with pytest.raises(kernels.KernelsError, match="takes no log base") as info:
        kernels._score(kernels._n.HELLINGER, P, Q, base=2)  # the public hellinger() has no base= at all
    assert info.value.status == 1
    with pytest.raises(kernels.KernelsError) as info:
        kernels.renyi_entropy(P, -1.0)
    assert info.value.status == 2 and "-1" in str(info.value)
    with pytest.raises(kernels.KernelsError, match="Normalize"):
        kernels._score(kernels._n.ENTROPY_FROM_LOGITS, np.ones((2, 3)), normalize=True)
    with pytest.raises(kernels.KernelsError, match=r"counts\[1\] is -2"):
        kernels.miller_madow_entropy([1.0, -2.0, 3.0])
    with pytest.raises(TypeError, match="array of numbers"):
        kernels.shannon_entropy(np.array(["a", "b"]))
    with pytest.raises(ValueError, match="p has 3 elements and q has 4"):
        kernels.kullback_leibler([1, 2, 3], [1, 2, 3, 4])


def test_version_and_vector_width():
    assert kernels.version.count(".") == 2
    assert kernels.vector_bits in (0, 128, 256, 512)
