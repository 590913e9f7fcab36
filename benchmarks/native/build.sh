#!/usr/bin/env bash
# Builds the native peers that `compare` loads when present (benchmarks only; the library never depends on them):
#   out/libkernels_gcc.so      gcc_loops.c with gcc -Ofast -march=native: plain loops vectorized onto glibc's vector
#                              log (libmvec); checked with objdump that _ZGV*_log* is called.
#   out/libkernels_simsimd.so  simsimd_shim.c over the C headers of SimSIMD's npm package (npm pack simsimd@6.5.5 into a
#                              temporary directory; SimSIMD's code is fetched here and never committed).
#   out/avx2/                  the same two built with -mavx2 -mfma instead of -march=native: the peers of the AVX2
#                              path (what a Zen 3 machine runs), for compare under DOTNET_EnableAVX512=0 with
#                              KERNELS_NATIVE_PEERS=benchmarks/native/out/avx2. SimSIMD has no AVX2 KL/JS kernel,
#                              so that build is its serial fallback.
# Usage: benchmarks/native/build.sh   (needs gcc; npm for the SimSIMD part, which is skipped without it)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/out"
simsimd_version=6.5.5

if ! command -v gcc >/dev/null; then
    echo "build.sh: gcc not found; compare will run without native peers." >&2
    exit 1
fi
mkdir -p "$out" "$out/avx2"

# gcc 12 prefers 256-bit vectors even where AVX-512 is there (-march=native gives icelake-server here); ask for 512-bit
# ones on such machines so the peer is the strongest gcc loop, and say which width was used.
width_flag=()
if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
    width_flag=(-mprefer-vector-width=512)
fi
gcc -Ofast -march=native "${width_flag[@]}" -fPIC -shared -o "$out/libkernels_gcc.so" "$here/gcc_loops.c" -lm
vector_logs="$(objdump -d "$out/libkernels_gcc.so" | grep -o '<_ZGV[a-zA-Z0-9]*_logf\?@plt>' | sort -u | tr -d '<>' | tr '\n' ' ')"
if [[ -z "$vector_logs" ]]; then
    echo "build.sh: gcc did not vectorize the loops onto glibc's vector log (no _ZGV*_log* call); removing the library." >&2
    rm -f "$out/libkernels_gcc.so"
    exit 1
fi
echo "gcc $(gcc -dumpfullversion) -Ofast -march=native ${width_flag[*]:-}: $out/libkernels_gcc.so calls $vector_logs"
printf 'gcc %s -Ofast -march=native %s, calls %s\n' "$(gcc -dumpfullversion)" "${width_flag[*]:-}" "$vector_logs" > "$out/gcc.txt"

gcc -Ofast -mavx2 -mfma -fPIC -shared -o "$out/avx2/libkernels_gcc.so" "$here/gcc_loops.c" -lm
avx2_logs="$(objdump -d "$out/avx2/libkernels_gcc.so" | grep -o '<_ZGV[a-zA-Z0-9]*_logf\?@plt>' | sort -u | tr -d '<>' | tr '\n' ' ')"
if [[ -z "$avx2_logs" ]]; then
    echo "build.sh: the -mavx2 gcc build did not call glibc's vector log; removing it." >&2
    rm -f "$out/avx2/libkernels_gcc.so"
else
    echo "gcc $(gcc -dumpfullversion) -Ofast -mavx2 -mfma: $out/avx2/libkernels_gcc.so calls $avx2_logs"
    printf 'gcc %s -Ofast -mavx2 -mfma, calls %s\n' "$(gcc -dumpfullversion)" "$avx2_logs" > "$out/avx2/gcc.txt"
fi

if ! command -v npm >/dev/null; then
    echo "build.sh: npm not found; SimSIMD skipped." >&2
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "simsimd@$simsimd_version" >/dev/null && tar xzf "simsimd-$simsimd_version.tgz")
# SimSIMD's own builds use -O3 with the target chosen per kernel; -march=native lets its static dispatch pick the
# widest kernel this machine runs.
gcc -O3 -march=native -fPIC -shared -DSIMSIMD_DYNAMIC_DISPATCH=0 -DSIMSIMD_NATIVE_F16=0 -DSIMSIMD_NATIVE_BF16=0 -I"$work/package/include" \
    -o "$out/libkernels_simsimd.so" "$here/simsimd_shim.c" -lm
echo "SimSIMD $simsimd_version: $out/libkernels_simsimd.so"
gcc -O3 -mavx2 -mfma -fPIC -shared -DSIMSIMD_DYNAMIC_DISPATCH=0 -DSIMSIMD_NATIVE_F16=0 -DSIMSIMD_NATIVE_BF16=0 -I"$work/package/include" \
    -o "$out/avx2/libkernels_simsimd.so" "$here/simsimd_shim.c" -lm
echo "SimSIMD $simsimd_version (-mavx2 -mfma): $out/avx2/libkernels_simsimd.so"
