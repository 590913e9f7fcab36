"""NumPy arrays as the library's rows: a pointer, rows, columns and a row stride, without copying where the data
already is rows of contiguous values (any axis whose elements are adjacent in memory), with one copy otherwise."""

import ctypes

import numpy as np

_F4 = np.dtype(np.float32)
_F8 = np.dtype(np.float64)


def floating(*arrays):
    """The element type the library computes in: float32 when every input is float32, else float64 (integers,
    booleans and float16 are widened, as SciPy does with 1.0 * pk)."""
    return _F4 if all(a.dtype == _F4 for a in arrays) else _F8


def as_array(x, dtype):
    a = np.asarray(x)
    if a.dtype != dtype:
        if a.dtype.kind not in "biuf":
            raise TypeError(f"kernels: expected an array of numbers, got dtype {a.dtype}")
        a = a.astype(dtype)
    return a


def address(a):
    """The address of a's first element. ctypes' buffer protocol is 3x faster than ``a.ctypes.data`` (which builds
    the array interface dict); it needs a writable contiguous buffer of at least one byte, else the slow way."""
    try:
        return ctypes.addressof(ctypes.c_char.from_buffer(a))
    except (TypeError, ValueError, BufferError):
        return a.ctypes.data


class Rows:
    """Rows of ``columns`` adjacent values, ``stride`` elements apart, starting at ``address``; ``shape`` is the
    shape of the scores (the input's shape without the axis); ``keep`` holds the array the address points into."""

    __slots__ = ("address", "rows", "columns", "stride", "shape", "keep")

    def __init__(self, keep, rows, columns, stride, shape):
        self.keep = keep
        self.address = address(keep) if keep.size else None
        self.rows = rows
        self.columns = columns
        self.stride = stride
        self.shape = shape


def rows_along(a, axis):
    """``a`` (already of the computing dtype) with ``axis`` as the columns."""
    if a.ndim == 0:
        raise ValueError("kernels: a 0-d array has no axis to score along; pass a vector")
    axis = _axis(axis, a.ndim)
    moved = np.moveaxis(a, axis, -1)
    shape = moved.shape[:-1]
    columns = moved.shape[-1]
    count = int(np.prod(shape, dtype=np.int64))
    stride = _row_stride(moved) if columns > 1 else _row_stride_single(moved)
    if stride is None:
        moved = np.ascontiguousarray(moved)
        stride = columns
    return Rows(moved, count, columns, stride, shape)


def _axis(axis, ndim):
    if not isinstance(axis, (int, np.integer)):
        raise TypeError(f"kernels: axis must be an int, got {axis!r}")
    if not -ndim <= axis < ndim:
        raise np.AxisError(axis, ndim)
    return int(axis) % ndim


def _row_stride(moved):
    """The distance between rows in elements if the leading dimensions collapse into one evenly spaced sequence of
    rows whose values are adjacent; None when a copy is needed."""
    itemsize = moved.itemsize
    if moved.strides[-1] != itemsize:
        return None
    return _leading_stride(moved, itemsize)


def _row_stride_single(moved):
    # One column: the value's own stride does not matter, only the rows' spacing.
    return _leading_stride(moved, moved.itemsize)


def _leading_stride(moved, itemsize):
    columns = moved.shape[-1]
    dims = [(n, s) for n, s in zip(moved.shape[:-1], moved.strides[:-1]) if n != 1]
    if not dims:
        return columns
    for (n_outer, s_outer), (n_inner, s_inner) in zip(dims, dims[1:]):
        if s_outer != s_inner * n_inner:
            return None
    step = dims[-1][1]
    if step <= 0 or step % itemsize or step // itemsize < columns:
        return None
    return step // itemsize


def one_row(q, shape, axis):
    """If ``q`` broadcast to ``shape`` is the same row for every row (it varies only along ``axis``), that row as a
    contiguous vector; else None."""
    b = np.moveaxis(np.broadcast_to(q, shape), _axis(axis, len(shape)), -1)
    if b.ndim > 1 and all(s == 0 or n == 1 for n, s in zip(b.shape[:-1], b.strides[:-1])):
        return np.ascontiguousarray(b[(0,) * (b.ndim - 1)])
    return None
