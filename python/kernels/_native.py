"""The ctypes binding of libkernels (kernels.h): the library, its prototypes, kernels_options and the errors."""

import ctypes
import os

_HERE = os.path.dirname(os.path.abspath(__file__))
_PATH = os.environ.get("KERNELS_LIBRARY", os.path.join(_HERE, "libkernels.so"))

try:
    lib = ctypes.CDLL(_PATH)
except OSError as error:  # pragma: no cover - the message is the point
    raise ImportError(
        f"kernels: cannot load the shared library {_PATH} ({error}). Build it first: bash python/build.sh "
        "(needs the .NET 10 SDK and clang), or point KERNELS_LIBRARY at a libkernels.so."
    ) from None

# kernels_measure
ENTROPY = 1
CROSS_ENTROPY = 2
KULLBACK_LEIBLER = 3
JENSEN_SHANNON_DIVERGENCE = 4
JENSEN_SHANNON_DISTANCE = 5
HELLINGER = 6
TOTAL_VARIATION = 7
PEARSON_CHI_SQUARE = 8
NEYMAN_CHI_SQUARE = 9
BHATTACHARYYA_COEFFICIENT = 10
BHATTACHARYYA_DISTANCE = 11
RENYI_ENTROPY = 12
RENYI_DIVERGENCE = 13
TSALLIS_ENTROPY = 14
MILLER_MADOW_ENTROPY = 15
GAUSSIAN_KULLBACK_LEIBLER = 16
ENTROPY_FROM_LOGITS = 17
CROSS_ENTROPY_FROM_LOGITS = 18
KULLBACK_LEIBLER_FROM_LOG_PROBABILITIES = 19
MUTUAL_INFORMATION = 20
CONDITIONAL_ENTROPY = 21

ONE_INPUT = frozenset({ENTROPY, RENYI_ENTROPY, TSALLIS_ENTROPY, MILLER_MADOW_ENTROPY, ENTROPY_FROM_LOGITS})

# kernels_reduction
REDUCTIONS = {"sum": 0, "mean": 1}


class Options(ctypes.Structure):
    """kernels_options, field for field."""

    _fields_ = [
        ("base", ctypes.c_double),
        ("alpha", ctypes.c_double),
        ("label_smoothing", ctypes.c_double),
        ("p_row_stride", ctypes.c_int64),
        ("q_row_stride", ctypes.c_int64),
        ("q_rows", ctypes.c_int64),
        ("normalize", ctypes.c_int32),
        ("threads", ctypes.c_int32),
        ("has_ignore_index", ctypes.c_int32),
        ("ignore_index", ctypes.c_int32),
    ]


class KernelsError(ValueError):
    """A call libkernels refused; the message is the one the .NET API throws (which argument, what was expected).
    ``status`` is the kernels_status: 1 invalid argument, 2 out of range, 3 internal error."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


_last_error = lib.kernels_last_error
_last_error.restype = ctypes.c_char_p
_last_error.argtypes = []


def fail(status):
    """The exception for a non-zero status (call on the thread that made the failing call)."""
    message = _last_error().decode("utf-8", "replace")
    if status == 3:
        raise RuntimeError(message)
    raise KernelsError(status, message)


_P = ctypes.c_void_p
_N = ctypes.c_int64
_I = ctypes.c_int
_O = ctypes.POINTER(Options)


def _bind(name, *argtypes):
    function = getattr(lib, name)
    function.restype = ctypes.c_int
    function.argtypes = list(argtypes)
    return function


# measure, p, q, n, options, result
vector = {"f8": _bind("kernels_vector_f64", _I, _P, _P, _N, _O, _P), "f4": _bind("kernels_vector_f32", _I, _P, _P, _N, _O, _P)}
# measure, p, q, rows, columns, options, destination
rows = {"f8": _bind("kernels_rows_f64", _I, _P, _P, _N, _N, _O, _P), "f4": _bind("kernels_rows_f32", _I, _P, _P, _N, _N, _O, _P)}
# measure, p, q, rows, columns, reduction, options, double* result
rows_reduce = {"f8": _bind("kernels_rows_reduce_f64", _I, _P, _P, _N, _N, _I, _O, _P), "f4": _bind("kernels_rows_reduce_f32", _I, _P, _P, _N, _N, _I, _O, _P)}
# targets, logits, rows, columns, options, destination
classes = {"f8": _bind("kernels_cross_entropy_classes_f64", _P, _P, _N, _N, _O, _P), "f4": _bind("kernels_cross_entropy_classes_f32", _P, _P, _N, _N, _O, _P)}
classes_reduce = {"f8": _bind("kernels_cross_entropy_classes_reduce_f64", _P, _P, _N, _N, _I, _O, _P), "f4": _bind("kernels_cross_entropy_classes_reduce_f32", _P, _P, _N, _N, _I, _O, _P)}
classes_weighted = {"f8": _bind("kernels_cross_entropy_classes_weighted_f64", _P, _P, _P, _N, _N, _O, _P), "f4": _bind("kernels_cross_entropy_classes_weighted_f32", _P, _P, _P, _N, _N, _O, _P)}
classes_weighted_reduce = {"f8": _bind("kernels_cross_entropy_classes_weighted_reduce_f64", _P, _P, _P, _N, _N, _I, _O, _P), "f4": _bind("kernels_cross_entropy_classes_weighted_reduce_f32", _P, _P, _P, _N, _N, _I, _O, _P)}
# mean1, log_variance1, mean2, log_variance2, n, options, result
gaussian_pair = {"f8": _bind("kernels_gaussian_pair_f64", _P, _P, _P, _P, _N, _O, _P), "f4": _bind("kernels_gaussian_pair_f32", _P, _P, _P, _P, _N, _O, _P)}
gaussian_pair_rows = {"f8": _bind("kernels_gaussian_pair_rows_f64", _P, _P, _P, _P, _N, _N, _O, _P), "f4": _bind("kernels_gaussian_pair_rows_f32", _P, _P, _P, _P, _N, _N, _O, _P)}
gaussian_pair_reduce = {"f8": _bind("kernels_gaussian_pair_reduce_f64", _P, _P, _P, _P, _N, _N, _I, _O, _P), "f4": _bind("kernels_gaussian_pair_reduce_f32", _P, _P, _P, _P, _N, _N, _I, _O, _P)}
# measure, joint, rows, columns, options, result
joint = {"f8": _bind("kernels_joint_f64", _I, _P, _N, _N, _O, _P), "f4": _bind("kernels_joint_f32", _I, _P, _N, _N, _O, _P)}

_version = lib.kernels_version
_version.restype = ctypes.c_char_p
_version.argtypes = []
version = _version().decode()

_vector_bits = lib.kernels_vector_bits
_vector_bits.restype = ctypes.c_int
_vector_bits.argtypes = []
vector_bits = _vector_bits()
