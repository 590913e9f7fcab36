/*
 * kernels.h - the C interface of libkernels, the Kernels library (information-theory measures as SIMD folds)
 * published with .NET NativeAOT as a shared library (libkernels.so). Build it with
 *
 *     dotnet publish src/Kernels.Native -c Release -r linux-x64 -o out     (or: bash python/build.sh)
 *
 * and link with  -Lout -lkernels  (or dlopen it). Every function is thread-safe and reentrant.
 *
 * SEMANTICS (the same as the .NET API; see docs/ and the repository's SEMANTICS):
 *   - natural log unless options->base says otherwise; (p, q) = (target/reference, model): D(p || q);
 *   - values are used as given unless options->normalize is set (SciPy's convention: p and q each scaled to sum 1);
 *   - p_i = 0 contributes 0; p_i > 0 against q_i = 0 gives +inf; NaN anywhere gives NaN; empty input gives 0;
 *   - float input is summed in double; float functions return float results, reductions return double.
 *
 * ERRORS: every function returns a kernels_status. Only KERNELS_OK writes the result. On failure
 * kernels_last_error() returns the message the .NET API would have thrown (which argument, which index, what was
 * expected), in UTF-8, valid until the calling thread's next failing call. Successful calls leave it unchanged.
 * No exception or signal ever crosses this interface.
 *
 * MEMORY: the library never keeps or frees your pointers. A call allocates nothing unless it fails or uses several
 * threads (options->threads other than 1 on a batch large enough to split, about 65,000 elements or more).
 *
 * SIZES: lengths are int64_t, but one vector or matrix holds at most 2^31 - 1 elements: score larger data in chunks.
 */
#ifndef KERNELS_H
#define KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What every function returns. */
typedef enum kernels_status {
    KERNELS_OK = 0,
    KERNELS_INVALID_ARGUMENT = 1, /* lengths or shapes that do not match, a NULL pointer, an unknown measure, an
                                     option the measure does not take */
    KERNELS_OUT_OF_RANGE = 2,     /* a log base, order alpha, columns, stride, label smoothing, reduction or class
                                     index outside what is allowed */
    KERNELS_INTERNAL_ERROR = 3    /* anything else (out of memory); the message says what */
} kernels_status;

/* The measures. p is the target/reference, q the model/approximation. "(p)" measures read no q (pass NULL). */
typedef enum kernels_measure {
    KERNELS_ENTROPY = 1,                     /* (p) H(p) = -sum p log p */
    KERNELS_CROSS_ENTROPY = 2,               /* H(p, q) = -sum p log q */
    KERNELS_KULLBACK_LEIBLER = 3,            /* D(p||q) = sum p log(p/q), accurate where p ~ q; +0 when p = q */
    KERNELS_JENSEN_SHANNON_DIVERGENCE = 4,   /* JS = D(p||m)/2 + D(q||m)/2, m = (p+q)/2, never negative */
    KERNELS_JENSEN_SHANNON_DISTANCE = 5,     /* sqrt(JS); with normalize it is SciPy's jensenshannon */
    KERNELS_HELLINGER = 6,                   /* sqrt(sum (sqrt p - sqrt q)^2 / 2); no base */
    KERNELS_TOTAL_VARIATION = 7,             /* sum |p - q| / 2; no base */
    KERNELS_PEARSON_CHI_SQUARE = 8,          /* sum (p - q)^2 / q; no base */
    KERNELS_NEYMAN_CHI_SQUARE = 9,           /* sum (p - q)^2 / p; no base */
    KERNELS_BHATTACHARYYA_COEFFICIENT = 10,  /* sum sqrt(p q); no base */
    KERNELS_BHATTACHARYYA_DISTANCE = 11,     /* -log sum sqrt(p q) */
    KERNELS_RENYI_ENTROPY = 12,              /* (p) order options->alpha */
    KERNELS_RENYI_DIVERGENCE = 13,           /* order options->alpha */
    KERNELS_TSALLIS_ENTROPY = 14,            /* (p) index options->alpha; no base */
    KERNELS_MILLER_MADOW_ENTROPY = 15,       /* (p) entropy of counts with the Miller-Madow bias correction */
    KERNELS_GAUSSIAN_KULLBACK_LEIBLER = 16,  /* p = means, q = log-variances: D(N(mu, sigma^2) || N(0, 1)) */
    KERNELS_ENTROPY_FROM_LOGITS = 17,        /* (p) entropy of softmax(p), by log-sum-exp */
    KERNELS_CROSS_ENTROPY_FROM_LOGITS = 18,  /* p = target probabilities, q = logits; options->label_smoothing */
    KERNELS_KULLBACK_LEIBLER_FROM_LOG_PROBABILITIES = 19, /* p = log p, q = log q */
    KERNELS_MUTUAL_INFORMATION = 20,         /* kernels_joint_* only: I(X; Y) of a joint table rows x columns */
    KERNELS_CONDITIONAL_ENTROPY = 21         /* kernels_joint_* only: H(Y | X), X the row, Y the column */
} kernels_measure;

/* How the *_reduce functions combine the rows' scores (never over elements). */
typedef enum kernels_reduction {
    KERNELS_SUM = 0,
    KERNELS_MEAN = 1  /* for class targets: over the rows not ignored; NaN for no rows */
} kernels_reduction;

/*
 * Options. Zero-initialize (kernels_options o = {0};) and set what you need, or pass NULL for all defaults.
 */
typedef struct kernels_options {
    double base;            /* log base: 0 = natural log (nats), 2 = bits, 10, or any finite b > 0, b != 1.
                               Must be 0 for the measures marked "no base". */
    double alpha;           /* order of KERNELS_RENYI_* and index of KERNELS_TSALLIS_ENTROPY; ignored otherwise */
    double label_smoothing; /* epsilon in [0, 1] for the cross-entropies from logits (PyTorch's label_smoothing) */
    int64_t p_row_stride;   /* elements between the starts of consecutive rows of p (or of the logits); 0 = dense.
                               At least the column count: scores a slice of a wider row-major matrix in place. */
    int64_t q_row_stride;   /* the same for q; 0 = dense */
    int64_t q_rows;         /* rows of q: 0 or the row count of p (row i against row i), or 1 (every row against one
                               reference row of `columns` values) */
    int32_t normalize;      /* nonzero: SciPy's convention, each row of p and q scaled to sum 1, in the same pass; a
                               row that sums to 0 gives NaN. Refused for logits, log-probabilities, counts, Gaussians. */
    int32_t threads;        /* most threads for one batch call: 1 = the calling thread only (allocates nothing);
                               0 or -1 = every core for large batches. Results are bit-identical whatever it is. */
    int32_t has_ignore_index; /* nonzero: rows whose class target equals ignore_index score 0 and are not counted */
    int32_t ignore_index;   /* PyTorch's ignore_index (e.g. -100) */
} kernels_options;

/* ---- one vector (or a pair of vectors of the same length n) ------------------------------------------------- */

/* *result = measure(p[0..n), q[0..n)). q may be NULL for the "(p)" measures. The logits measures score the vector
 * as one row. KERNELS_MUTUAL_INFORMATION and KERNELS_CONDITIONAL_ENTROPY go to kernels_joint_* instead. */
int kernels_vector_f64(int measure, const double* p, const double* q, int64_t n,
                       const kernels_options* options, double* result);
int kernels_vector_f32(int measure, const float* p, const float* q, int64_t n,
                       const kernels_options* options, float* result);

/* ---- rows of a row-major matrix ------------------------------------------------------------------------------ */

/* destination[i] = measure(row i of p, row i of q) for i in [0, rows); p has `rows` rows of `columns` values,
 * options->p_row_stride apart; q has options->q_rows rows (see kernels_options). destination holds `rows` values. */
int kernels_rows_f64(int measure, const double* p, const double* q, int64_t rows, int64_t columns,
                     const kernels_options* options, double* destination);
int kernels_rows_f32(int measure, const float* p, const float* q, int64_t rows, int64_t columns,
                     const kernels_options* options, float* destination);

/* *result = the rows' scores summed or averaged (kernels_reduction), accumulated in double. */
int kernels_rows_reduce_f64(int measure, const double* p, const double* q, int64_t rows, int64_t columns,
                            int reduction, const kernels_options* options, double* result);
int kernels_rows_reduce_f32(int measure, const float* p, const float* q, int64_t rows, int64_t columns,
                            int reduction, const kernels_options* options, double* result);

/* ---- logits against class indices (PyTorch's cross_entropy with integer targets) ----------------------------- */

/* destination[i] = -log softmax(logits row i)[targets[i]] (with options->label_smoothing, options->base); a target
 * outside [0, columns) that is not the ignore index is KERNELS_OUT_OF_RANGE naming the row. p_row_stride applies
 * to the logits. */
int kernels_cross_entropy_classes_f64(const int32_t* targets, const double* logits, int64_t rows, int64_t columns,
                                      const kernels_options* options, double* destination);
int kernels_cross_entropy_classes_f32(const int32_t* targets, const float* logits, int64_t rows, int64_t columns,
                                      const kernels_options* options, float* destination);
int kernels_cross_entropy_classes_reduce_f64(const int32_t* targets, const double* logits, int64_t rows,
                                             int64_t columns, int reduction, const kernels_options* options,
                                             double* result);
int kernels_cross_entropy_classes_reduce_f32(const int32_t* targets, const float* logits, int64_t rows,
                                             int64_t columns, int reduction, const kernels_options* options,
                                             double* result);

/* The same with per-class weights w (weights holds `columns` values, finite and >= 0): PyTorch's
 * cross_entropy(weight=w, label_smoothing=, ignore_index=). Row i scores w[t]·(-log softmax_t) without smoothing; with
 * smoothing eps, (1 - eps)·w[t]·(-log softmax_t) + (eps/columns)·sum_j w[j]·(-log softmax_j). KERNELS_REDUCTION_MEAN
 * divides the sum by sum_i w[targets[i]] over the rows not ignored, as PyTorch's weighted mean does. */
int kernels_cross_entropy_classes_weighted_f64(const int32_t* targets, const double* logits, const double* weights,
                                               int64_t rows, int64_t columns, const kernels_options* options,
                                               double* destination);
int kernels_cross_entropy_classes_weighted_f32(const int32_t* targets, const float* logits, const float* weights,
                                               int64_t rows, int64_t columns, const kernels_options* options,
                                               float* destination);
int kernels_cross_entropy_classes_weighted_reduce_f64(const int32_t* targets, const double* logits,
                                                      const double* weights, int64_t rows, int64_t columns,
                                                      int reduction, const kernels_options* options, double* result);
int kernels_cross_entropy_classes_weighted_reduce_f32(const int32_t* targets, const float* logits,
                                                      const float* weights, int64_t rows, int64_t columns,
                                                      int reduction, const kernels_options* options, double* result);

/* ---- two diagonal Gaussians: D(N(mean1, e^log_variance1) || N(mean2, e^log_variance2)) ------------------------- */

int kernels_gaussian_pair_f64(const double* mean1, const double* log_variance1, const double* mean2,
                              const double* log_variance2, int64_t n, const kernels_options* options, double* result);
int kernels_gaussian_pair_f32(const float* mean1, const float* log_variance1, const float* mean2,
                              const float* log_variance2, int64_t n, const kernels_options* options, float* result);
int kernels_gaussian_pair_rows_f64(const double* mean1, const double* log_variance1, const double* mean2,
                                   const double* log_variance2, int64_t rows, int64_t columns,
                                   const kernels_options* options, double* destination);
int kernels_gaussian_pair_rows_f32(const float* mean1, const float* log_variance1, const float* mean2,
                                   const float* log_variance2, int64_t rows, int64_t columns,
                                   const kernels_options* options, float* destination);
int kernels_gaussian_pair_reduce_f64(const double* mean1, const double* log_variance1, const double* mean2,
                                     const double* log_variance2, int64_t rows, int64_t columns, int reduction,
                                     const kernels_options* options, double* result);
int kernels_gaussian_pair_reduce_f32(const float* mean1, const float* log_variance1, const float* mean2,
                                     const float* log_variance2, int64_t rows, int64_t columns, int reduction,
                                     const kernels_options* options, double* result);

/* ---- a joint probability table (rows x columns, dense, row-major) ----------------------------------------------- */

/* measure is KERNELS_MUTUAL_INFORMATION or KERNELS_CONDITIONAL_ENTROPY; only options->base is read. */
int kernels_joint_f64(int measure, const double* joint, int64_t rows, int64_t columns,
                      const kernels_options* options, double* result);
int kernels_joint_f32(int measure, const float* joint, int64_t rows, int64_t columns,
                      const kernels_options* options, float* result);

/* ---- the library ----------------------------------------------------------------------------------------------- */

/* The message of the calling thread's last failed call, "" if none failed; never NULL. Do not free it. */
const char* kernels_last_error(void);

/* "major.minor.patch"; a static string. */
const char* kernels_version(void);

/* The widest SIMD vectors the kernels use on this machine: 512 (AVX-512), 256 (AVX2), 128, or 0 (scalar only). */
int kernels_vector_bits(void);

#ifdef __cplusplus
}
#endif

#endif /* KERNELS_H */
