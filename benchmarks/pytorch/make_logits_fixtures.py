"""Writes tests/Kernels.Tests/Data/logits-family-torch.json: PyTorch's float64 answers for class-weighted
cross-entropy (weight=, label_smoothing=, ignore_index=) and binary cross-entropy with logits (pos_weight=), on
small fixed inputs with edge rows. Run with /usr/bin/python3 (Debian's python3-torch, 1.13) from the repository root;
the test suite reads the JSON and never needs torch."""
import json
import math

import torch
import torch.nn.functional as F

torch.manual_seed(11)


def floats(t):
    return [x if math.isfinite(x) else ("NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity"))
            for x in t.flatten().tolist()]


cases = []
for columns, rows in [(5, 7), (3, 4), (40, 6)]:
    logits = torch.randn(rows, columns, dtype=torch.float64) * 4.0
    logits[1, columns - 1] = 30.0  # a confident row
    targets = torch.randint(0, columns, (rows,))
    targets[2] = -100  # ignored
    weights = torch.rand(columns, dtype=torch.float64) * 2.0
    weights[0] = 0.0  # a class that weighs nothing
    targets[3] = 0
    for smoothing in [0.0, 0.1, 1.0]:
        args = dict(weight=weights, label_smoothing=smoothing, ignore_index=-100)
        cases.append(dict(
            op="cross-entropy", columns=columns, logits=floats(logits), targets=targets.tolist(),
            weights=floats(weights), smoothing=smoothing, ignoreIndex=-100,
            none=floats(F.cross_entropy(logits, targets, reduction="none", **args)),
            sum=F.cross_entropy(logits, targets, reduction="sum", **args).item(),
            mean=F.cross_entropy(logits, targets, reduction="mean", **args).item()))

for columns, rows in [(6, 5), (1, 3), (33, 4)]:
    logits = torch.randn(rows, columns, dtype=torch.float64) * 6.0
    logits[0, 0] = 60.0
    logits[0, columns - 1] = -60.0
    targets = torch.rand(rows, columns, dtype=torch.float64)
    targets[1] = (targets[1] > 0.5).double()
    for pos_weight in [None, torch.rand(columns, dtype=torch.float64) * 3.0]:
        loss = F.binary_cross_entropy_with_logits(logits, targets, pos_weight=pos_weight, reduction="none").sum(1)
        cases.append(dict(
            op="binary-cross-entropy", columns=columns, logits=floats(logits), targets=floats(targets),
            weights=None if pos_weight is None else floats(pos_weight), none=floats(loss),
            sum=loss.sum().item(), mean=loss.mean().item()))

with open("tests/Kernels.Tests/Data/logits-family-torch.json", "w") as f:
    json.dump(dict(torch=torch.__version__, cases=cases), f, indent=1)
print(f"{len(cases)} cases from torch {torch.__version__}")
