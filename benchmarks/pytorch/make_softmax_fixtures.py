"""Writes tests/Kernels.Tests/Data/softmax-torch.json: PyTorch's float64 answers for F.softmax(z, 1) and
F.log_softmax(z, 1) on fixed rows that reach the edge cases (−∞ logits, a row of all −∞, NaN, +∞, ties at the
maximum, a confident row, huge equal logits, one column) and on random rows. Run with /usr/bin/python3 (Debian's
python3-torch, 1.13) from the repository root; the test suite reads the JSON and never needs torch."""
import json
import math

import torch
import torch.nn.functional as F

torch.manual_seed(13)
inf, nan = math.inf, math.nan


def floats(t):
    return [x if math.isfinite(x) else ("NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity"))
            for x in t.flatten().tolist()]


edge_rows = [
    [0.0, 0.0, -inf],
    [1000.0, 1000.0, 0.0],
    [-inf, -inf, -inf],
    [1.0, nan, 2.0],
    [inf, 0.0, 1.0],
    [inf, inf, -inf],
    [3.0, 3.0, 3.0],
    [50.0, 0.0, -50.0],
    [-1e300, 0.0, 1e-300],
    [-745.0, 0.0, -700.0],
]
cases = [dict(columns=3, logits=floats(torch.tensor(edge_rows, dtype=torch.float64)))]
cases.append(dict(columns=1, logits=floats(torch.tensor([[5.0], [-inf], [nan], [0.0]], dtype=torch.float64))))
for columns, rows in [(7, 5), (40, 3), (129, 2)]:
    z = torch.randn(rows, columns, dtype=torch.float64) * 5.0
    z[0, 0] = -inf
    z[1, columns - 1] = 40.0
    cases.append(dict(columns=columns, logits=floats(z)))

for case in cases:
    z = torch.tensor([float(x) for x in case["logits"]], dtype=torch.float64).reshape(-1, case["columns"])
    case["softmax"] = floats(F.softmax(z, 1))
    case["logSoftmax"] = floats(F.log_softmax(z, 1))

with open("tests/Kernels.Tests/Data/softmax-torch.json", "w") as f:
    json.dump(dict(torch=torch.__version__, cases=cases), f, indent=1)
print(f"{len(cases)} cases from torch {torch.__version__}")
