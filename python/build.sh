#!/usr/bin/env bash
# Builds libkernels (the NativeAOT shared library of src/Kernels.Native) into python/kernels/, where the Python
# package loads it:   bash python/build.sh   then   PYTHONPATH=python python3 -c "import kernels"
# Needs the .NET 10 SDK and clang (NativeAOT links with it: apt-get install -y clang). The instruction set follows
# this machine: x86-64-v4 (AVX-512) where the CPU has it, else x86-64-v3 (AVX2 + FMA); IlcInstructionSet=... in the
# environment overrides it (e.g. x86-64-v3 for a library that must also run on AVX2-only machines).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
if [ -z "${IlcInstructionSet:-}" ]; then
  if grep -q -m1 -w avx512f /proc/cpuinfo 2>/dev/null && grep -q -m1 -w avx512bw /proc/cpuinfo \
      && grep -q -m1 -w avx512vl /proc/cpuinfo && grep -q -m1 -w avx512dq /proc/cpuinfo; then
    IlcInstructionSet=x86-64-v4
  else
    IlcInstructionSet=x86-64-v3
  fi
fi
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  echo "python/build.sh: NativeAOT needs clang (apt-get install -y clang)" >&2
  exit 1
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "python/build.sh: publishing libkernels for $IlcInstructionSet (about 1-2 minutes)"
dotnet publish "$repo/src/Kernels.Native/Kernels.Native.csproj" -c Release -r linux-x64 \
  -p:IlcInstructionSet="$IlcInstructionSet" -o "$out" -nologo -v quiet
cp "$out/libkernels.so" "$here/kernels/libkernels.so"
cp "$repo/src/Kernels.Native/include/kernels.h" "$here/kernels/kernels.h"
echo "python/build.sh: $here/kernels/libkernels.so"
