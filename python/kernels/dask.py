"""Scoring Dask arrays of rows: each block of rows is scored by libkernels on whichever worker holds it.

    import dask.array as da, kernels.dask
    p = da.from_array(np.load("p.npy", mmap_mode="r"), chunks=(100_000, -1))   # rows x columns, bigger than memory
    scores = kernels.dask.score_rows("kullback_leibler", p, reference_row, base=2)  # a lazy Dask array, one per row
    scores.mean().compute()

Workers import ``kernels`` (put python/ on their PYTHONPATH, or install the package there). Each block is one call
into the library with threads=1 by default, so Dask's own scheduling spreads the work (pass threads=0 to let each
block use every core of its worker as well).
"""

import numpy as np

import kernels

_MEASURES = {
    "shannon_entropy": (kernels.shannon_entropy, 1),
    "renyi_entropy": (kernels.renyi_entropy, 1),
    "tsallis_entropy": (kernels.tsallis_entropy, 1),
    "miller_madow_entropy": (kernels.miller_madow_entropy, 1),
    "entropy_from_logits": (kernels.entropy_from_logits, 1),
    "shannon_cross_entropy": (kernels.shannon_cross_entropy, 2),
    "kullback_leibler": (kernels.kullback_leibler, 2),
    "jensen_shannon_divergence": (kernels.jensen_shannon_divergence, 2),
    "jensen_shannon_distance": (kernels.jensen_shannon_distance, 2),
    "hellinger": (kernels.hellinger, 2),
    "total_variation": (kernels.total_variation, 2),
    "pearson_chi_square": (kernels.pearson_chi_square, 2),
    "neyman_chi_square": (kernels.neyman_chi_square, 2),
    "bhattacharyya_coefficient": (kernels.bhattacharyya_coefficient, 2),
    "bhattacharyya_distance": (kernels.bhattacharyya_distance, 2),
    "renyi_divergence": (kernels.renyi_divergence, 2),
    "kullback_leibler_from_log_probabilities": (kernels.kullback_leibler_from_log_probabilities, 2),
    "gaussian_kullback_leibler": (kernels.gaussian_kullback_leibler, 2),
}


def _score_block(p_block, q_block=None, *, measure, kwargs):
    function, inputs = _MEASURES[measure]
    if inputs == 1:
        return function(p_block, **kwargs)
    return function(p_block, q_block, **kwargs)


def score_rows(measure, p, q=None, *, threads=1, **kwargs):
    """One score per row of the 2-d Dask array ``p`` (rows x columns), lazily, as a 1-d Dask array chunked like p's
    rows. ``measure`` names a function of ``kernels`` (e.g. "kullback_leibler", "shannon_entropy",
    "entropy_from_logits"); ``q`` is a Dask array of the same shape, or one reference row (NumPy, length columns)
    that every row is scored against. Other keywords (base=, alpha=, normalize=) go to the measure. Columns are
    brought into one chunk (a row is never split: its score needs all of it)."""
    import dask.array as da

    if measure not in _MEASURES:
        raise ValueError(f"kernels.dask: unknown measure {measure!r}; one of {', '.join(sorted(_MEASURES))}")
    function, inputs = _MEASURES[measure]
    p = da.asarray(p)
    if p.ndim != 2:
        raise ValueError(f"kernels.dask: p must be 2-d (rows x columns), got shape {p.shape}")
    if p.numblocks[1] != 1:
        p = p.rechunk({1: -1})
    kwargs = dict(kwargs, threads=threads, axis=-1)
    if inputs == 1:
        if q is not None:
            raise TypeError(f"kernels.dask: {measure} takes no q")
        return da.map_blocks(_score_block, p, measure=measure, kwargs=kwargs, drop_axis=1, dtype=p.dtype)
    if q is None:
        raise TypeError(f"kernels.dask: {measure} needs q")
    if isinstance(q, da.Array) and q.ndim == 2:
        if q.shape != p.shape:
            raise ValueError(f"kernels.dask: q has shape {q.shape}, p {p.shape}; q must be p's shape or one row")
        q = q.rechunk(p.chunks)
        dtype = np.result_type(p.dtype, q.dtype, np.float32)
        return da.map_blocks(_score_block, p, q, measure=measure, kwargs=kwargs, drop_axis=1, dtype=dtype)
    row = np.asarray(q)
    if row.shape != (p.shape[1],):
        raise ValueError(f"kernels.dask: a reference row must have {p.shape[1]} values, got shape {row.shape}")
    dtype = np.result_type(p.dtype, row.dtype, np.float32)
    # The row travels with each task (it is small); every block scores its rows against it.
    return da.map_blocks(_score_block, p, row[None, :], measure=measure, kwargs=kwargs, drop_axis=1, dtype=dtype)
