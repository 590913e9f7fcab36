"""Kernels: information-theory measures (entropy, cross-entropy, Kullback-Leibler, Jensen-Shannon and more) on
NumPy arrays, through libkernels, the Kernels library's NativeAOT build with a C ABI (see kernels.h).

SciPy's functions, same signatures and answers, faster and never NaN where SciPy's float32 is::

    kernels.entropy(pk, qk=None, base=None, axis=0)          # scipy.stats.entropy
    kernels.jensenshannon(p, q, base=None, axis=0)           # scipy.spatial.distance.jensenshannon

The library's own measures take values as given (normalize=True for SciPy's convention), score along the last axis
by default (one score per row: the layout read without copying), and can reduce over rows (reduction="sum" or
"mean"). PyTorch-style ``cross_entropy(logits, target, ...)`` scores model outputs with log-sum-exp.

Inputs: anything NumPy turns into an array of numbers. float32 stays float32 (summed in double inside), everything
else is computed in float64. Rows whose values are adjacent in memory are read in place (any strides between rows);
other layouts (e.g. axis=0 of a C-ordered matrix) are copied once. Errors are ``KernelsError`` (a ValueError) with
the library's message.
"""

import ctypes

import numpy as np

from . import _native as _n
from ._layout import Rows, address, as_array, floating, one_row, rows_along
from ._native import KernelsError

__all__ = [
    "KernelsError", "entropy", "jensenshannon", "cross_entropy",
    "shannon_entropy", "shannon_cross_entropy", "kullback_leibler", "jensen_shannon_divergence",
    "jensen_shannon_distance", "hellinger", "total_variation", "pearson_chi_square", "neyman_chi_square",
    "bhattacharyya_coefficient", "bhattacharyya_distance", "renyi_entropy", "renyi_divergence", "tsallis_entropy",
    "miller_madow_entropy", "gaussian_kullback_leibler", "mutual_information", "conditional_entropy",
    "entropy_from_logits", "kullback_leibler_from_log_probabilities", "version", "vector_bits",
]

version = _n.version
"""libkernels' version."""

vector_bits = _n.vector_bits
"""The widest SIMD vectors the kernels use on this machine (512, 256, 128 or 0)."""

_F4 = np.dtype(np.float32)
_F8 = np.dtype(np.float64)
_KEY = {_F4: "f4", _F8: "f8"}
_RESULT = {_F4: ctypes.c_float, _F8: ctypes.c_double}
_LOGITS = frozenset({_n.ENTROPY_FROM_LOGITS, _n.CROSS_ENTROPY_FROM_LOGITS, _n.KULLBACK_LEIBLER_FROM_LOG_PROBABILITIES})
_options_cache = {}


def _options(base=None, normalize=False, alpha=0.0, threads=0, label_smoothing=0.0, p_stride=0, q_stride=0,
             q_rows=0, ignore_index=None):
    key = (base, normalize, alpha, threads, label_smoothing, p_stride, q_stride, q_rows, ignore_index)
    options = _options_cache.get(key)
    if options is None:
        options = _n.Options(
            base=0.0 if base is None else float(base), alpha=float(alpha), label_smoothing=float(label_smoothing),
            p_row_stride=p_stride, q_row_stride=q_stride, q_rows=q_rows, normalize=1 if normalize else 0,
            threads=int(threads), has_ignore_index=0 if ignore_index is None else 1,
            ignore_index=0 if ignore_index is None else int(ignore_index))
        if len(_options_cache) < 4096:
            _options_cache[key] = options
    return options


def _scipy_base(base):
    if base is not None and base <= 0:
        raise ValueError("`base` must be a positive number or `None`.")


def _reduction(reduction):
    if reduction in (None, "none"):
        return None
    try:
        return _n.REDUCTIONS[reduction]
    except (KeyError, TypeError):
        raise ValueError(f"reduction is {reduction!r}; it must be 'none', 'sum' or 'mean'") from None


def _score(measure, p, q=None, *, axis=-1, base=None, normalize=False, alpha=0.0, keepdims=False, reduction=None,
           threads=0, label_smoothing=0.0):
    """One score per vector along ``axis`` (or their sum or mean): the shared path of every p/q measure."""
    two = measure not in _n.ONE_INPUT
    # One contiguous vector (or pair) of float64 or float32: straight to the single-vector function. This path is
    # the per-call overhead, so it does only what it must (~1 µs on top of the ctypes call).
    if (type(p) is np.ndarray and p.ndim == 1 and not keepdims and (reduction is None or reduction == "none")
            and measure not in _LOGITS and p.flags.c_contiguous):
        key = _KEY.get(p.dtype)
        if key is not None and (not two or (type(q) is np.ndarray and q.dtype == p.dtype and q.shape == p.shape
                                            and q.flags.c_contiguous)):
            result = _RESULT[p.dtype]()
            status = _n.vector[key](measure, address(p), address(q) if two else None, p.shape[0],
                                    _options(base, normalize, alpha), ctypes.addressof(result))
            if status:
                _n.fail(status)
            return p.dtype.type(result.value)

    p = np.asarray(p)
    if two:
        if q is None:
            raise TypeError("kernels: this measure needs q")
        q = np.asarray(q)
        dtype = floating(p, q)
    else:
        dtype = floating(p)
    p = as_array(p, dtype)
    key = _KEY[dtype]
    reduce = _reduction(reduction)
    if two:
        q = as_array(q, dtype)
        if p.ndim == 1 and q.ndim == 1 and p.shape != q.shape:
            raise ValueError(f"kernels: p has {p.shape[0]} elements and q has {q.shape[0]}; they must have the same length")
        if p.ndim == 1 and q.ndim == 1 and reduce is None and not keepdims and measure not in _LOGITS:
            p, q = np.ascontiguousarray(p), np.ascontiguousarray(q)
            return _score(measure, p, q, axis=axis, base=base, normalize=normalize, alpha=alpha)
    elif p.ndim == 1 and reduce is None and not keepdims and measure not in _LOGITS:
        return _score(measure, np.ascontiguousarray(p), axis=axis, base=base, normalize=normalize, alpha=alpha)

    q_rows = 0
    if two and q.shape != p.shape:
        shape = np.broadcast_shapes(p.shape, q.shape)
        row = one_row(q, shape, axis)
        if p.shape != shape:
            p = np.broadcast_to(p, shape)
        if row is not None:
            q, q_rows = row, 1
        else:
            q = np.broadcast_to(q, shape)
    P = rows_along(p, axis)
    if two:
        Q = Rows(q, 1, q.shape[0], q.shape[0], ()) if q_rows == 1 else rows_along(q, axis)
    if P.columns == 0 and measure not in _LOGITS:
        # Every measure of nothing is 0 (SciPy agrees: its sums over an empty axis are 0).
        out = np.zeros(P.shape, dtype)
        return _finish(out, axis, keepdims) if reduce is None else np.float64(0.0 if reduce == 0 else np.nan if P.rows == 0 else 0.0)
    options = _options(base, normalize, alpha, threads, label_smoothing, P.stride, Q.stride if two else 0, q_rows)
    if reduce is not None:
        result = ctypes.c_double()
        status = _n.rows_reduce[key](measure, P.address, Q.address if two else None, P.rows, P.columns, reduce,
                                     options, ctypes.addressof(result))
        if status:
            _n.fail(status)
        return np.float64(result.value)
    out = np.empty(P.shape, dtype)
    status = _n.rows[key](measure, P.address, Q.address if two else None, P.rows, P.columns, options,
                          address(out) if out.size else None)
    if status:
        _n.fail(status)
    return _finish(out, axis, keepdims)


def _finish(out, axis, keepdims):
    if keepdims:
        out = np.expand_dims(out, axis)
    return out[()] if out.ndim == 0 else out


# ---- SciPy's functions ----------------------------------------------------------------------------------------

def entropy(pk, qk=None, base=None, axis=0, *, keepdims=False):
    """scipy.stats.entropy: H(pk) = -sum pk log pk, or D(pk || qk) = sum pk log(pk/qk) when qk is given, with pk and qk
    each normalized to sum 1 along ``axis`` (in the same pass), in base ``base`` (natural log for None). pk and qk
    broadcast against each other as in SciPy; a qk that is one row for all is read once."""
    _scipy_base(base)
    measure = _n.ENTROPY if qk is None else _n.KULLBACK_LEIBLER
    return _score(measure, pk, qk, axis=axis, base=base, normalize=True, keepdims=keepdims)


def jensenshannon(p, q, base=None, axis=0, *, keepdims=False):
    """scipy.spatial.distance.jensenshannon: the Jensen-Shannon distance sqrt(JS(p/sum p, q/sum q)) along ``axis``, in
    base ``base``. Never NaN and never negative inside (each element's pair term is clamped at 0), also in float32
    where SciPy's is NaN or far off for nearly equal inputs (scipy#20083)."""
    _scipy_base(base)
    return _score(_n.JENSEN_SHANNON_DISTANCE, p, q, axis=axis, base=base, normalize=True, keepdims=keepdims)


# ---- the library's measures: values as given unless normalize=True; one score per row (axis=-1) --------------

def shannon_entropy(p, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """H(p) = -sum p log p along ``axis``. reduction="sum"/"mean" combines the scores over rows."""
    return _score(_n.ENTROPY, p, axis=axis, base=base, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def shannon_cross_entropy(p, q, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """H(p, q) = -sum p log q along ``axis`` (p = 0 contributes 0; p > 0 against q = 0 gives inf)."""
    return _score(_n.CROSS_ENTROPY, p, q, axis=axis, base=base, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def kullback_leibler(p, q, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """D(p || q) = sum p log(p/q) along ``axis``, accurate where p ~ q; exactly +0 when p = q."""
    return _score(_n.KULLBACK_LEIBLER, p, q, axis=axis, base=base, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def jensen_shannon_divergence(p, q, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """JS(p, q) = D(p||m)/2 + D(q||m)/2, m = (p + q)/2, never negative."""
    return _score(_n.JENSEN_SHANNON_DIVERGENCE, p, q, axis=axis, base=base, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def jensen_shannon_distance(p, q, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """sqrt(JS(p, q)); with normalize=True this is jensenshannon (SciPy's), along the last axis by default."""
    return _score(_n.JENSEN_SHANNON_DISTANCE, p, q, axis=axis, base=base, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def hellinger(p, q, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Hellinger distance sqrt(sum (sqrt p - sqrt q)^2 / 2)."""
    return _score(_n.HELLINGER, p, q, axis=axis, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def total_variation(p, q, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Total variation distance sum |p - q| / 2."""
    return _score(_n.TOTAL_VARIATION, p, q, axis=axis, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def pearson_chi_square(p, q, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Pearson chi^2 = sum (p - q)^2 / q (scipy.stats.chisquare's statistic with f_obs=p, f_exp=q)."""
    return _score(_n.PEARSON_CHI_SQUARE, p, q, axis=axis, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def neyman_chi_square(p, q, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Neyman chi^2 = sum (p - q)^2 / p."""
    return _score(_n.NEYMAN_CHI_SQUARE, p, q, axis=axis, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def bhattacharyya_coefficient(p, q, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Bhattacharyya coefficient sum sqrt(p q)."""
    return _score(_n.BHATTACHARYYA_COEFFICIENT, p, q, axis=axis, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def bhattacharyya_distance(p, q, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Bhattacharyya distance -log sum sqrt(p q) (inf for disjoint supports)."""
    return _score(_n.BHATTACHARYYA_DISTANCE, p, q, axis=axis, base=base, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def renyi_entropy(p, alpha, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Renyi entropy of order alpha >= 0, log(sum p^alpha)/(1 - alpha), with its limits at 1 and inf."""
    return _score(_n.RENYI_ENTROPY, p, axis=axis, base=base, alpha=alpha, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def renyi_divergence(p, q, alpha, base=None, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Renyi divergence of order alpha >= 0, log(sum p^alpha q^(1-alpha))/(alpha - 1), with its limits."""
    return _score(_n.RENYI_DIVERGENCE, p, q, axis=axis, base=base, alpha=alpha, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def tsallis_entropy(p, alpha, *, axis=-1, normalize=False, keepdims=False, reduction="none", threads=0):
    """Tsallis entropy (1 - sum p^alpha)/(alpha - 1); alpha = 1 gives Shannon's entropy in nats."""
    return _score(_n.TSALLIS_ENTROPY, p, axis=axis, alpha=alpha, normalize=normalize, keepdims=keepdims, reduction=reduction, threads=threads)


def miller_madow_entropy(counts, base=None, *, axis=-1, keepdims=False, reduction="none", threads=0):
    """Entropy estimated from counts with the Miller-Madow bias correction (a negative count is an error)."""
    return _score(_n.MILLER_MADOW_ENTROPY, counts, axis=axis, base=base, keepdims=keepdims, reduction=reduction, threads=threads)


def entropy_from_logits(logits, base=None, *, axis=-1, keepdims=False, reduction="none", threads=0):
    """Entropy of softmax(logits) along ``axis``, by log-sum-exp (never a raw softmax): [0, 0, -inf] gives ln 2."""
    return _score(_n.ENTROPY_FROM_LOGITS, logits, axis=axis, base=base, keepdims=keepdims, reduction=reduction, threads=threads)


def kullback_leibler_from_log_probabilities(log_p, log_q, base=None, *, axis=-1, keepdims=False, reduction="none", threads=0):
    """D(p || q) = sum e^a (a - b) from log-probabilities a = log p, b = log q (a = -inf contributes 0)."""
    return _score(_n.KULLBACK_LEIBLER_FROM_LOG_PROBABILITIES, log_p, log_q, axis=axis, base=base, keepdims=keepdims, reduction=reduction, threads=threads)


def gaussian_kullback_leibler(mean, log_variance, mean2=None, log_variance2=None, base=None, *, axis=-1,
                              keepdims=False, reduction="none", threads=0):
    """KL(N(mean, e^log_variance) || N(0, 1)) summed along ``axis`` (a VAE's KL term), or against
    N(mean2, e^log_variance2) when both are given."""
    if (mean2 is None) != (log_variance2 is None):
        raise TypeError("kernels: give both mean2 and log_variance2, or neither")
    if mean2 is None:
        return _score(_n.GAUSSIAN_KULLBACK_LEIBLER, mean, log_variance, axis=axis, base=base, keepdims=keepdims,
                      reduction=reduction, threads=threads)
    arrays = [np.asarray(a) for a in (mean, log_variance, mean2, log_variance2)]
    dtype = floating(*arrays)
    arrays = [as_array(a, dtype) for a in arrays]
    shape = np.broadcast_shapes(*(a.shape for a in arrays))
    arrays = [np.ascontiguousarray(np.moveaxis(np.broadcast_to(a, shape), axis, -1)) for a in arrays]
    key = _KEY[dtype]
    columns = arrays[0].shape[-1]
    lead = arrays[0].shape[:-1]
    count = int(np.prod(lead, dtype=np.int64))
    pointers = [address(a) if a.size else None for a in arrays]
    reduce = _reduction(reduction)
    options = _options(base, threads=threads)
    if columns == 0:
        out = np.zeros(lead, dtype)
        return _finish(out, axis, keepdims) if reduce is None else np.float64(0.0)
    if reduce is not None:
        result = ctypes.c_double()
        status = _n.gaussian_pair_reduce[key](*pointers, count, columns, reduce, options, ctypes.addressof(result))
        if status:
            _n.fail(status)
        return np.float64(result.value)
    out = np.empty(lead, dtype)
    status = _n.gaussian_pair_rows[key](*pointers, count, columns, options, address(out) if out.size else None)
    if status:
        _n.fail(status)
    return _finish(out, axis, keepdims)


def _joint(measure, joint, base):
    joint = np.asarray(joint)
    dtype = floating(joint)
    joint = np.ascontiguousarray(as_array(joint, dtype))
    if joint.ndim != 2:
        raise ValueError(f"kernels: a joint table must be 2-d (rows are X, columns Y), got shape {joint.shape}")
    result = _RESULT[dtype]()
    rows, columns = joint.shape
    if joint.size == 0:
        return dtype.type(0.0)
    status = _n.joint[_KEY[dtype]](measure, address(joint), rows, columns, _options(base), ctypes.addressof(result))
    if status:
        _n.fail(status)
    return dtype.type(result.value)


def mutual_information(joint, base=None):
    """I(X; Y) of a joint table of probabilities or counts (X indexes rows, Y columns)."""
    return _joint(_n.MUTUAL_INFORMATION, joint, base)


def conditional_entropy(joint, base=None):
    """H(Y | X) of a joint table (X indexes rows), normalized as mutual_information."""
    return _joint(_n.CONDITIONAL_ENTROPY, joint, base)


# ---- PyTorch's cross_entropy ------------------------------------------------------------------------------------

def cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0, *, base=None,
                  threads=0):
    """torch.nn.functional.cross_entropy on NumPy arrays: ``input`` holds logits of shape (C,), (N, C) or
    (N, C, d1, ...) (classes along axis 1); ``target`` is class indices (integers, shape without the class axis;
    ``ignore_index`` rows score 0 and are not counted by "mean") or class probabilities (floats, the shape of input).
    ``label_smoothing`` mixes the target with the uniform distribution as PyTorch does. ``weight`` (class-index
    targets only) holds one weight per class, PyTorch's semantics: "mean" divides by Σ weight[target]. reduction is "mean", "sum" or
    "none". ``base`` (an extension) gives the loss in bits etc. instead of nats."""
    logits = np.asarray(input)
    dtype = floating(logits)
    logits = as_array(logits, dtype)
    target = np.asarray(target)
    class_axis = 0 if logits.ndim == 1 else 1
    reduce = _reduction(reduction)
    key = _KEY[dtype]
    if target.dtype.kind in "f":
        if weight is not None:
            raise ValueError("kernels.cross_entropy: weight= applies to class-index targets (integers) only here; "
                             "for probability targets, scale the target rows by the weights before the call")
        if target.shape != logits.shape:
            raise ValueError(f"kernels.cross_entropy: probability targets must have the shape of input {logits.shape}, got {target.shape}")
        result = _score(_n.CROSS_ENTROPY_FROM_LOGITS, as_array(target, dtype), logits, axis=class_axis, base=base,
                        reduction=reduction, threads=threads, label_smoothing=label_smoothing)
        return dtype.type(result) if reduce is not None else result
    if target.dtype.kind not in "iub":
        raise TypeError(f"kernels.cross_entropy: target must hold class indices (integers) or probabilities (floats), got dtype {target.dtype}")
    expected = logits.shape[:class_axis] + logits.shape[class_axis + 1:]
    if target.shape != expected:
        raise ValueError(f"kernels.cross_entropy: class-index targets for input of shape {logits.shape} must have shape {expected}, got {target.shape}")
    L = rows_along(logits, class_axis)
    if target.size and (target.min() < np.iinfo(np.int32).min or target.max() > np.iinfo(np.int32).max):
        raise ValueError("kernels.cross_entropy: a class index does not fit in 32 bits")
    targets = np.ascontiguousarray(target, dtype=np.int32).reshape(-1)
    options = _options(base, threads=threads, label_smoothing=label_smoothing, p_stride=L.stride, ignore_index=ignore_index)
    pointer = address(targets) if targets.size else None
    weights = None
    if weight is not None:
        weights = np.ascontiguousarray(np.asarray(weight), dtype=dtype)
        if weights.shape != (L.columns,):
            raise ValueError(f"kernels.cross_entropy: weight must hold one value per class, shape ({L.columns},), got {weights.shape}")
    if reduce is not None:
        result = ctypes.c_double()
        if weights is not None:
            status = _n.classes_weighted_reduce[key](pointer, L.address, address(weights) if weights.size else None, L.rows,
                                                     L.columns, reduce, options, ctypes.addressof(result))
        else:
            status = _n.classes_reduce[key](pointer, L.address, L.rows, L.columns, reduce, options, ctypes.addressof(result))
        if status:
            _n.fail(status)
        return dtype.type(result.value)
    out = np.empty(L.rows, dtype)
    if weights is not None:
        status = _n.classes_weighted[key](pointer, L.address, address(weights) if weights.size else None, L.rows, L.columns,
                                          options, address(out) if out.size else None)
    else:
        status = _n.classes[key](pointer, L.address, L.rows, L.columns, options, address(out) if out.size else None)
    if status:
        _n.fail(status)
    out = out.reshape(L.shape)
    return out[()] if out.ndim == 0 else out
