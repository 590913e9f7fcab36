/* The C ABI of libkernels checked from C: values against closed forms, status codes, kernels_last_error() (its text
 * and that it is per thread), options (base, normalize, strides, one reference row, threads), reductions, logits and
 * class targets. Build and run (python/build.sh has put the library in python/kernels/):
 *
 *     gcc -std=c11 -O2 -Wall -Wextra -Werror -Isrc/Kernels.Native/include tests/native/test_kernels.c \
 *         -Lpython/kernels -lkernels -Wl,-rpath,'$ORIGIN/../../python/kernels' -lm -lpthread -o test_kernels
 *     ./test_kernels [junit.xml]
 *
 * Exit status 0 when every check passes; with a path, a JUnit XML report (one testcase per check) is written. */
#define _POSIX_C_SOURCE 200809L
#include "kernels.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CASES 256

typedef struct { char name[128]; char failure[512]; } test_case;
static test_case cases[MAX_CASES];
static int case_count, failure_count;

static void record(const char* name, int ok, const char* detail) {
    test_case* c = &cases[case_count < MAX_CASES ? case_count++ : MAX_CASES - 1];
    snprintf(c->name, sizeof c->name, "%s", name);
    c->failure[0] = 0;
    if (!ok) {
        snprintf(c->failure, sizeof c->failure, "%s", detail);
        failure_count++;
        fprintf(stderr, "FAIL %s: %s\n", name, detail);
    }
}

/* |got - want| <= tol * max(1, |want|), with NaN == NaN and inf == inf of the same sign. */
static void check_close(const char* name, double got, double want, double tol) {
    char detail[512];
    int ok = (isnan(want) && isnan(got)) || (isinf(want) && got == want)
             || (isfinite(want) && fabs(got - want) <= tol * fmax(1.0, fabs(want)));
    snprintf(detail, sizeof detail, "got %.17g, expected %.17g (tolerance %g)", got, want, tol);
    record(name, ok, detail);
}

static void check_status(const char* name, int got, int want) {
    char detail[512];
    snprintf(detail, sizeof detail, "status %d, expected %d; last error: %s", got, want, kernels_last_error());
    record(name, got == want, detail);
}

/* The call failed with `status` and the message names `fragment`. */
static void check_error(const char* name, int got, int want, const char* fragment) {
    char detail[512];
    const char* message = kernels_last_error();
    snprintf(detail, sizeof detail, "status %d (expected %d), message \"%s\" (expected to contain \"%s\")", got, want,
             message, fragment);
    record(name, got == want && strstr(message, fragment) != NULL, detail);
}

static void* other_thread(void* unused) {
    (void)unused;
    static char seen[512];
    /* A fresh thread has no error yet, whatever the main thread did. */
    snprintf(seen, sizeof seen, "%s", kernels_last_error());
    double r;
    kernels_options o = {0};
    o.base = -1.0;
    double p[2] = {0.5, 0.5};
    kernels_vector_f64(KERNELS_ENTROPY, p, NULL, 2, &o, &r);
    return seen;
}

static double entropy_of(const double* p, int n) {
    double h = 0;
    for (int i = 0; i < n; i++) if (p[i] > 0) h -= p[i] * log(p[i]);
    return h;
}

static double kl_of(const double* p, const double* q, int n) {
    double d = 0;
    for (int i = 0; i < n; i++) if (p[i] > 0) d += p[i] * log(p[i] / q[i]);
    return d;
}

static void write_junit(const char* path) {
    FILE* f = fopen(path, "w");
    if (!f) { perror(path); return; }
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<testsuite name=\"libkernels C ABI\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">\n",
            case_count, failure_count);
    for (int i = 0; i < case_count; i++) {
        fprintf(f, "  <testcase classname=\"native.test_kernels\" name=\"%s\"", cases[i].name);
        if (cases[i].failure[0]) {
            fprintf(f, ">\n    <failure message=\"");
            for (const char* s = cases[i].failure; *s; s++) {
                switch (*s) {
                    case '<': fputs("&lt;", f); break;
                    case '>': fputs("&gt;", f); break;
                    case '&': fputs("&amp;", f); break;
                    case '"': fputs("&quot;", f); break;
                    default: fputc(*s, f);
                }
            }
            fprintf(f, "\"/>\n  </testcase>\n");
        } else {
            fprintf(f, "/>\n");
        }
    }
    fprintf(f, "</testsuite>\n");
    fclose(f);
}

int main(int argc, char** argv) {
    const double p[4] = {0.5, 0.25, 0.125, 0.125};
    const double q[4] = {0.25, 0.25, 0.25, 0.25};
    const float pf[4] = {0.5f, 0.25f, 0.125f, 0.125f};
    const float qf[4] = {0.25f, 0.25f, 0.25f, 0.25f};
    double r = 0;
    float rf = 0;
    kernels_options o = {0};

    record("version is major.minor.patch", strchr(kernels_version(), '.') != NULL, kernels_version());
    record("last_error is empty before any failure", strcmp(kernels_last_error(), "") == 0, kernels_last_error());
    int bits = kernels_vector_bits();
    printf("libkernels %s, kernels run %d-bit vectors\n", kernels_version(), bits);
    record("vector bits is 0, 128, 256 or 512", bits == 0 || bits == 128 || bits == 256 || bits == 512, "");

    /* One vector: the closed forms. H(p) = 1.75 bits; D(p || uniform) = 2 - 1.75 = 0.25 bits. */
    check_status("entropy f64 status", kernels_vector_f64(KERNELS_ENTROPY, p, NULL, 4, NULL, &r), KERNELS_OK);
    check_close("entropy f64 in nats", r, entropy_of(p, 4), 1e-15);
    o.base = 2;
    kernels_vector_f64(KERNELS_ENTROPY, p, NULL, 4, &o, &r);
    check_close("entropy f64 in bits", r, 1.75, 1e-15);
    kernels_vector_f64(KERNELS_KULLBACK_LEIBLER, p, q, 4, &o, &r);
    check_close("KL f64 in bits", r, 0.25, 1e-15);
    kernels_vector_f64(KERNELS_CROSS_ENTROPY, p, q, 4, &o, &r);
    check_close("cross-entropy f64 in bits", r, 2.0, 1e-15);
    check_status("entropy f32 status", kernels_vector_f32(KERNELS_ENTROPY, pf, NULL, 4, &o, &rf), KERNELS_OK);
    check_close("entropy f32 in bits", rf, 1.75, 1e-7);
    kernels_vector_f32(KERNELS_KULLBACK_LEIBLER, pf, qf, 4, &o, &rf);
    check_close("KL f32 in bits", rf, 0.25, 1e-7);
    kernels_vector_f32(KERNELS_JENSEN_SHANNON_DIVERGENCE, pf, pf, 4, &o, &rf);
    record("JS f32 of p with itself is +0", rf == 0.0f && !signbit(rf), "");
    o.base = 0;
    kernels_vector_f64(KERNELS_TOTAL_VARIATION, p, q, 4, NULL, &r);
    check_close("total variation", r, 0.25, 1e-15);
    o.alpha = 2;
    kernels_vector_f64(KERNELS_RENYI_ENTROPY, p, NULL, 4, &o, &r);
    check_close("Renyi entropy of order 2", r, -log(0.25 + 0.0625 + 2 * 0.015625), 1e-15);
    o.alpha = 0;

    /* Normalize: SciPy's entropy(pk, qk) scales both to sum 1. */
    const double counts[4] = {4, 2, 1, 1};
    const double flat[4] = {3, 3, 3, 3};
    o.normalize = 1;
    kernels_vector_f64(KERNELS_KULLBACK_LEIBLER, counts, flat, 4, &o, &r);
    check_close("normalized KL = KL of the distributions", r, kl_of(p, q, 4), 1e-15);
    kernels_vector_f64(KERNELS_HELLINGER, counts, flat, 4, &o, &r);
    double hellinger;
    kernels_vector_f64(KERNELS_HELLINGER, p, q, 4, NULL, &hellinger);
    check_close("normalized Hellinger (a batch of one row)", r, hellinger, 1e-15);
    o.normalize = 0;

    /* Edge cases. */
    const double zero_q[2] = {0.0, 1.0}, half[2] = {0.5, 0.5};
    kernels_vector_f64(KERNELS_KULLBACK_LEIBLER, half, zero_q, 2, NULL, &r);
    check_close("KL with q = 0 where p > 0 is +inf", r, INFINITY, 0);
    check_status("empty vector status", kernels_vector_f64(KERNELS_ENTROPY, NULL, NULL, 0, NULL, &r), KERNELS_OK);
    check_close("empty vector gives 0", r, 0.0, 0);

    /* Rows: 3 rows of 4 inside a matrix 6 wide, each against one reference row. */
    double wide[18];
    for (int row = 0; row < 3; row++)
        for (int c = 0; c < 6; c++) wide[row * 6 + c] = c < 4 ? p[(c + row) % 4] : NAN;
    double scores[3] = {0};
    o.p_row_stride = 6;
    o.q_rows = 1;
    o.threads = 1;
    check_status("rows with stride and one q row", kernels_rows_f64(KERNELS_KULLBACK_LEIBLER, wide, q, 3, 4, &o, scores), KERNELS_OK);
    for (int row = 0; row < 3; row++) check_close("each row's KL (NaN padding never read)", scores[row], kl_of(p, q, 4), 1e-15);
    double total = 0;
    kernels_rows_reduce_f64(KERNELS_KULLBACK_LEIBLER, wide, q, 3, 4, KERNELS_MEAN, &o, &total);
    check_close("mean over rows", total, kl_of(p, q, 4), 1e-15);
    float scores_f[3];
    float wide_f[18];
    for (int i = 0; i < 18; i++) wide_f[i] = (float)wide[i];
    kernels_rows_f32(KERNELS_ENTROPY, wide_f, NULL, 3, 4, &o, scores_f);
    check_close("rows f32 entropy", scores_f[2], entropy_of(p, 4), 1e-7);
    o.p_row_stride = 0;
    o.q_rows = 0;

    /* Logits: entropy of logits [0, 0, -inf] is ln 2; softmax is shift-invariant even at 1000. */
    const double logits[6] = {0.0, 0.0, -INFINITY, 1000.0, 1000.0, 0.0};
    kernels_rows_f64(KERNELS_ENTROPY_FROM_LOGITS, logits, NULL, 2, 3, NULL, scores);
    check_close("entropy of logits [0, 0, -inf]", scores[0], log(2.0), 1e-15);
    check_close("entropy of logits [1000, 1000, 0]", scores[1], log(2.0), 1e-12);
    const int32_t targets[2] = {1, -100};
    o.has_ignore_index = 1;
    o.ignore_index = -100;
    check_status("class targets status", kernels_cross_entropy_classes_f64(targets, logits, 2, 3, &o, scores), KERNELS_OK);
    check_close("cross-entropy against class 1 of [0, 0, -inf]", scores[0], log(2.0), 1e-15);
    check_close("an ignored row scores 0", scores[1], 0.0, 0);
    kernels_cross_entropy_classes_reduce_f64(targets, logits, 2, 3, KERNELS_MEAN, &o, &r);
    check_close("mean over the rows not ignored", r, log(2.0), 1e-15);
    o.has_ignore_index = 0;

    /* Errors: status codes and the .NET messages. */
    r = 12345;
    o.base = -1;
    check_error("a negative base is out of range", kernels_vector_f64(KERNELS_ENTROPY, p, NULL, 4, &o, &r), KERNELS_OUT_OF_RANGE, "-1");
    record("a failed call leaves the result alone", r == 12345, "");
    o.base = 2;
    check_error("a base for a measure without a log", kernels_vector_f64(KERNELS_HELLINGER, p, q, 4, &o, &r), KERNELS_INVALID_ARGUMENT, "takes no log base");
    o.base = 0;
    check_error("an unknown measure", kernels_vector_f64(99, p, q, 4, NULL, &r), KERNELS_INVALID_ARGUMENT, "measure is 99");
    check_error("a NULL q", kernels_vector_f64(KERNELS_KULLBACK_LEIBLER, p, NULL, 4, NULL, &r), KERNELS_INVALID_ARGUMENT, "q is NULL");
    check_error("a negative length", kernels_vector_f64(KERNELS_ENTROPY, p, NULL, -1, NULL, &r), KERNELS_OUT_OF_RANGE, "n is -1");
    check_error("q_rows neither 1 nor the rows of p", kernels_rows_f64(KERNELS_KULLBACK_LEIBLER, wide, q, 3, 4, &(kernels_options){.q_rows = 2}, scores), KERNELS_INVALID_ARGUMENT, "q_rows is 2");
    check_error("a stride below the columns (the .NET message)", kernels_rows_f64(KERNELS_ENTROPY, wide, NULL, 3, 4, &(kernels_options){.p_row_stride = 3}, scores), KERNELS_OUT_OF_RANGE, "RowStride");
    const int32_t bad_targets[2] = {1, 3};
    check_error("a class index out of range names the row", kernels_cross_entropy_classes_f64(bad_targets, logits, 2, 3, NULL, scores), KERNELS_OUT_OF_RANGE, "3");
    check_error("a reduction that is neither sum nor mean", kernels_rows_reduce_f64(KERNELS_ENTROPY, p, NULL, 1, 4, 7, NULL, &r), KERNELS_OUT_OF_RANGE, "reduction");
    check_error("normalize refused for logits", kernels_rows_f64(KERNELS_ENTROPY_FROM_LOGITS, logits, NULL, 2, 3, &(kernels_options){.normalize = 1}, scores), KERNELS_INVALID_ARGUMENT, "Normalize");
    check_error("an alpha the library refuses", kernels_vector_f64(KERNELS_RENYI_ENTROPY, p, NULL, 4, &(kernels_options){.alpha = -1}, &r), KERNELS_OUT_OF_RANGE, "-1");
    char before[512];
    snprintf(before, sizeof before, "%s", kernels_last_error());
    kernels_vector_f64(KERNELS_ENTROPY, p, NULL, 4, NULL, &r);
    record("a successful call leaves last_error alone", strcmp(before, kernels_last_error()) == 0, kernels_last_error());

    pthread_t thread;
    void* seen = NULL;
    pthread_create(&thread, NULL, other_thread, NULL);
    pthread_join(thread, &seen);
    record("another thread starts with no error", strcmp((const char*)seen, "") == 0, (const char*)seen);
    record("another thread's failure does not replace this thread's message", strcmp(before, kernels_last_error()) == 0, kernels_last_error());

    /* A large batch on every core gives exactly the single-thread answer. */
    enum { ROWS = 4096, COLS = 64 };
    double* big = malloc(sizeof(double) * ROWS * COLS);
    double* one = malloc(sizeof(double) * ROWS);
    double* many = malloc(sizeof(double) * ROWS);
    unsigned seed = 12345;
    for (int i = 0; i < ROWS * COLS; i++) { seed = seed * 1103515245u + 12345u; big[i] = (seed >> 8) / 16777216.0; }
    kernels_rows_f64(KERNELS_ENTROPY, big, NULL, ROWS, COLS, &(kernels_options){.threads = 1}, one);
    kernels_rows_f64(KERNELS_ENTROPY, big, NULL, ROWS, COLS, &(kernels_options){.threads = 0}, many);
    record("threads do not change the results", memcmp(one, many, sizeof(double) * ROWS) == 0, "");
    kernels_vector_f64(KERNELS_ENTROPY, big + 7 * COLS, NULL, COLS, NULL, &r);
    check_close("a batch row equals the vector call", one[7], r, 1e-15);
    free(big); free(one); free(many);

    if (argc > 1) write_junit(argv[1]);
    printf("%d checks, %d failed\n", case_count, failure_count);
    return failure_count == 0 ? 0 : 1;
}
