#!/usr/bin/env bash
# The C ABI and the Python package in CI:  .ci/python-and-c.sh RESULTS_DIR
# Installs what it needs from Debian when missing (clang for NativeAOT, gcc, NumPy, SciPy, pytest, Dask, mpmath), builds
# libkernels into python/kernels/ (python/build.sh), compiles and runs the C test (tests/native/test_kernels.c)
# and runs pytest on python/tests. Writes one JUnit XML file per suite into RESULTS_DIR (native.xml, python.xml)
# and exits non-zero when anything fails.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
results="${1:?usage: .ci/python-and-c.sh RESULTS_DIR}"
mkdir -p "$results"
status=0
python=/usr/bin/python3

missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
[ -x "$python" ] || missing+=(python3)
for module in numpy scipy pytest dask distributed mpmath; do
  [ -x "$python" ] && "$python" -c "import $module" >/dev/null 2>&1 || missing+=("python3-$module")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "python-and-c: installing ${missing[*]} from Debian"
  as_root=()
  [ "$(id -u)" -ne 0 ] && as_root=(sudo)
  "${as_root[@]}" apt-get install -y "${missing[@]}" >"$results/apt.log" 2>&1 \
    || { "${as_root[@]}" apt-get update >>"$results/apt.log" 2>&1 && "${as_root[@]}" apt-get install -y "${missing[@]}" >>"$results/apt.log" 2>&1; } \
    || { tail -5 "$results/apt.log"; echo "python-and-c: could not install ${missing[*]}"; }
fi

# A suite that could not even start still leaves a JUnit file, so the failure is counted.
failed_suite() {
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="%s" tests="1" failures="0" errors="1" skipped="0">\n  <testcase classname="%s" name="%s"><error message="%s"/></testcase>\n</testsuite>\n' \
    "$1" "$1" "$2" "$3" >"$results/$1.xml"
}

if ! bash python/build.sh >"$results/build.log" 2>&1; then
  tail -30 "$results/build.log"
  echo "python-and-c: python/build.sh FAILED"
  failed_suite native build "python/build.sh failed: see build.log"
  failed_suite python build "python/build.sh failed: see build.log"
  exit 1
fi
echo "python-and-c: libkernels built ($(grep -o 'x86-64-v[0-9]' "$results/build.log" | head -1))"

binary="$results/test_kernels"
if gcc -std=c11 -O2 -Wall -Wextra -Werror -Isrc/Kernels.Native/include tests/native/test_kernels.c \
     -Lpython/kernels -lkernels -Wl,-rpath,"$PWD/python/kernels" -lm -lpthread -o "$binary" >"$results/native.log" 2>&1 \
   && "$binary" "$results/native.xml" >>"$results/native.log" 2>&1; then
  echo "python-and-c: C test $(tail -1 "$results/native.log")"
else
  tail -30 "$results/native.log"
  [ -f "$results/native.xml" ] || failed_suite native compile "the C test did not compile or crashed: see native.log"
  echo "python-and-c: C test FAILED"
  status=1
fi

if "$python" -m pytest -q -p no:cacheprovider python/tests --junitxml="$results/python.xml" >"$results/python.log" 2>&1; then
  echo "python-and-c: pytest $(tail -1 "$results/python.log")"
else
  tail -40 "$results/python.log"
  [ -f "$results/python.xml" ] || failed_suite python pytest "pytest did not run: see python.log"
  echo "python-and-c: pytest FAILED"
  status=1
fi
exit $status
