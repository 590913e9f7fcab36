/*
 * The loops a C programmer would write for the four measures, compiled by build.sh with gcc -Ofast -march=native so
 * that gcc vectorizes them and calls glibc's vector logarithm (libmvec, _ZGV*_log*). -Ofast also lets gcc reassociate
 * the sum: the float loops accumulate in float vectors, as written. Natural log; no zero handling (like the
 * TensorPrimitives composition, they are only meant for strictly positive inputs). Every function takes (p, q, n) so
 * the benchmark calls them all through one function-pointer type; entropy ignores q.
 */
#include <math.h>
#include <stddef.h>

#define KERNELS_EXPORT __attribute__((visibility("default")))

KERNELS_EXPORT double kernels_gcc_entropy_f32(const float *p, const float *q, size_t n)
{
    (void)q;
    float sum = 0.0f;
    for (size_t i = 0; i < n; i++)
        sum -= p[i] * logf(p[i]);
    return sum;
}

KERNELS_EXPORT double kernels_gcc_cross_entropy_f32(const float *p, const float *q, size_t n)
{
    float sum = 0.0f;
    for (size_t i = 0; i < n; i++)
        sum -= p[i] * logf(q[i]);
    return sum;
}

KERNELS_EXPORT double kernels_gcc_kl_f32(const float *p, const float *q, size_t n)
{
    float sum = 0.0f;
    for (size_t i = 0; i < n; i++)
        sum += p[i] * logf(p[i] / q[i]);
    return sum;
}

KERNELS_EXPORT double kernels_gcc_js_f32(const float *p, const float *q, size_t n)
{
    float sum = 0.0f;
    for (size_t i = 0; i < n; i++)
    {
        float m = 0.5f * (p[i] + q[i]);
        sum += p[i] * logf(p[i] / m) + q[i] * logf(q[i] / m);
    }
    return 0.5f * sum;
}

KERNELS_EXPORT double kernels_gcc_entropy_f64(const double *p, const double *q, size_t n)
{
    (void)q;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum -= p[i] * log(p[i]);
    return sum;
}

KERNELS_EXPORT double kernels_gcc_cross_entropy_f64(const double *p, const double *q, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum -= p[i] * log(q[i]);
    return sum;
}

KERNELS_EXPORT double kernels_gcc_kl_f64(const double *p, const double *q, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += p[i] * log(p[i] / q[i]);
    return sum;
}

KERNELS_EXPORT double kernels_gcc_js_f64(const double *p, const double *q, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
    {
        double m = 0.5 * (p[i] + q[i]);
        sum += p[i] * log(p[i] / m) + q[i] * log(q[i] / m);
    }
    return 0.5 * sum;
}
