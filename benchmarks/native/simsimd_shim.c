/*
 * A thin C ABI over SimSIMD's KL and JS kernels, compiled by build.sh against the headers of the simsimd npm package
 * (fetched at build time, never committed). Header-only with static dispatch: -march=native makes SimSIMD pick the
 * best kernel this compiler can target on this machine (its simsimd_kl_f32 calls simsimd_kl_f32_skylake when AVX-512
 * is on, else its serial loop; the f64 kernels are serial everywhere). kernels_simsimd_target says which one.
 *
 * SimSIMD returns KL in nats and, for JS, the distance sqrt(JSD); the shim squares it back so that the benchmark
 * compares divergences. Both kernels add an epsilon (SIMSIMD_F32_DIVISION_EPSILON, 1e-7) to their inputs.
 */
#include <stddef.h>
#include <simsimd/simsimd.h>

#define KERNELS_EXPORT __attribute__((visibility("default")))

KERNELS_EXPORT const char *kernels_simsimd_target(void)
{
#if SIMSIMD_TARGET_SKYLAKE
    return "simsimd 6.5.5, f32: skylake (AVX-512) kernels, f64: serial";
#else
    return "simsimd 6.5.5, f32 and f64: serial kernels (no AVX-512 target)";
#endif
}

KERNELS_EXPORT double kernels_simsimd_kl_f32(const float *p, const float *q, size_t n)
{
    simsimd_distance_t d;
    simsimd_kl_f32(p, q, n, &d);
    return d;
}

KERNELS_EXPORT double kernels_simsimd_js_f32(const float *p, const float *q, size_t n)
{
    simsimd_distance_t d;
    simsimd_js_f32(p, q, n, &d);
    return d * d;
}

KERNELS_EXPORT double kernels_simsimd_kl_f64(const double *p, const double *q, size_t n)
{
    simsimd_distance_t d;
    simsimd_kl_f64(p, q, n, &d);
    return d;
}

KERNELS_EXPORT double kernels_simsimd_js_f64(const double *p, const double *q, size_t n)
{
    simsimd_distance_t d;
    simsimd_js_f64(p, q, n, &d);
    return d * d;
}
