"""Runs `compare logits` and PyTorch's timings (bench_logits.py) in one sitting, alternating, and prints the ratio
PyTorch / ours per op at k = 10 and 1000 (float32, one thread; ratio > 1: ours is faster).
Usage, from the repository root: /usr/bin/python3 benchmarks/pytorch/run_logits.py [--quick]"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
quick = "--quick" in sys.argv[1:]


def torch_times():
    out = subprocess.run([sys.executable, os.path.join(here, "bench_logits.py"), "1", "1.0" if quick else "2.0"],
                         check=True, capture_output=True, text=True).stdout
    print(out.strip())
    return {(p[0], int(p[1])): float(p[2]) for p in (line.split() for line in out.splitlines() if not line.startswith("#"))}


def ours():
    env = dict(os.environ, DOTNET_TieredCompilation="0")  # fully optimized code from the first call
    args = ["dotnet", "run", "-c", "Release", "--project", os.path.join(root, "benchmarks", "Kernels.Benchmarks"), "--",
            "compare", "logits"] + (["--quick"] if quick else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env, cwd=root).stdout
    print(out.strip())
    times = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 9 and cells[1].isdigit():
            times[(cells[0], int(cells[1]))] = (float(cells[2]), float(cells[7]))
    return times


before = torch_times()
mine = ours()
after = torch_times()
print()
print("| op | k | PyTorch ns/el | ours ns/el | PyTorch / ours | ours / Σe^x limit |")
print("|---|---:|---:|---:|---:|---:|")
for key, (ns, limit) in mine.items():
    torch_ns = min(before.get(key, float("nan")), after.get(key, float("nan")))
    print(f"| {key[0]} | {key[1]} | {torch_ns:.2f} | {ns:.2f} | {torch_ns / ns:.2f}× | {ns / limit:.1f}× |")
