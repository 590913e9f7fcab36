"""Times PyTorch's CPU kernels on the shapes of `compare logits` (float32, 4M elements per call, k = 10 and 1000,
steady state, one thread) and prints one line per op: `op k ns_per_element`. Run with /usr/bin/python3 after
`apt-get install -y python3-torch` (Debian's PyTorch 1.13). PyTorch is never a dependency of the build or the tests.

The ops are the keys of benchmarks/Kernels.Benchmarks/CompareLogits.cs, each PyTorch's equivalent per-row score:
  ce         F.cross_entropy(z, t, reduction='none')
  ce-smooth  the same with label_smoothing=0.1
  ce-weight  the same with weight=w
  entropy    -(softmax(z) * log_softmax(z)).sum(1)
  kl         F.kl_div(b, a, log_target=True, reduction='none').sum(1)   (D(p||q) with a = log p, b = log q)
  bce        F.binary_cross_entropy_with_logits(z, y, reduction='none').sum(1)
  bce-posw   the same with pos_weight=w
"""
import sys
import time

import torch
import torch.nn.functional as F

ELEMENTS = 1 << 22


def ns_per_element(call, seconds):
    for _ in range(3):
        call()
    best = None
    deadline = time.perf_counter() + seconds
    samples = []
    while time.perf_counter() < deadline or len(samples) < 5:
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1e9 / ELEMENTS)
    samples.sort()
    return samples[len(samples) // 2]


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    torch.set_num_threads(threads)
    capability = next((line.strip() for line in torch.__config__.show().splitlines() if "CPU capability" in line), "CPU capability: ?")
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}, {capability}")
    for k in (10, 1000):
        rows = ELEMENTS // k
        g = torch.Generator().manual_seed(k)
        z = (torch.rand(rows, k, generator=g) - 0.5) * 8.0
        a = torch.log_softmax(torch.rand(rows, k, generator=g) * 6.0, dim=1)
        b = torch.log_softmax(z, dim=1)
        y = (torch.rand(rows, k, generator=g) > 0.5).float()
        t = torch.randint(0, k, (rows,), generator=g)
        w = 0.5 + torch.rand(k, generator=g)
        ops = {
            "ce": lambda: F.cross_entropy(z, t, reduction="none"),
            "ce-smooth": lambda: F.cross_entropy(z, t, reduction="none", label_smoothing=0.1),
            "ce-weight": lambda: F.cross_entropy(z, t, reduction="none", weight=w),
            "entropy": lambda: -(torch.softmax(z, 1) * torch.log_softmax(z, 1)).sum(1),
            "kl": lambda: F.kl_div(b, a, log_target=True, reduction="none").sum(1),
            "bce": lambda: F.binary_cross_entropy_with_logits(z, y, reduction="none").sum(1),
            "bce-posw": lambda: F.binary_cross_entropy_with_logits(z, y, pos_weight=w, reduction="none").sum(1),
        }
        with torch.no_grad():
            for key, call in ops.items():
                print(f"{key} {k} {ns_per_element(call, seconds):.4f}", flush=True)


if __name__ == "__main__":
    main()
