#!/usr/bin/env python3
"""Writes the sample data `kernels demo` scores (deterministic: fixed seed; plain Python, no packages).

predictions.csv  5,000 rows x 10 classes: a toy classifier's predicted class probabilities (header p0..p9)
targets.csv      the matching one-hot targets (header t0..t9)
logits.npy       the classifier's logits, float32, shape (5000, 10)
histograms.npy   90 days x 32 bins of counts (float64): days 1-60 drawn from the reference, then a slow drift
reference.csv    the reference distribution's expected counts for one day (one row, header b0..b31)
"""
import math, random, struct

random.seed(20261125)
ROWS, CLASSES = 5000, 10

def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]

def write_npy(path, rows, cols, values, dtype):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%d, %d), }" % (dtype, rows, cols)
    total = 10 + len(header) + 1
    header += " " * ((64 - total % 64) % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1"))
        f.write(struct.pack("<%d%s" % (len(values), "f" if dtype == "<f4" else "d"), *values))

logits, predictions, targets = [], [], []
for _ in range(ROWS):
    truth = random.randrange(CLASSES)
    confusion = random.randrange(CLASSES)
    z = [random.gauss(0.0, 1.0) for _ in range(CLASSES)]
    z[truth] += random.uniform(0.5, 4.0)
    z[confusion] += random.uniform(0.0, 2.0)
    logits.extend(z)
    predictions.append(softmax(z))
    targets.append([1.0 if c == truth else 0.0 for c in range(CLASSES)])

with open("predictions.csv", "w") as f:
    f.write(",".join("p%d" % c for c in range(CLASSES)) + "\n")
    for row in predictions:
        f.write(",".join("%.6g" % v for v in row) + "\n")
with open("targets.csv", "w") as f:
    f.write(",".join("t%d" % c for c in range(CLASSES)) + "\n")
    for row in targets:
        f.write(",".join("%g" % v for v in row) + "\n")
write_npy("logits.npy", ROWS, CLASSES, logits, "<f4")

DAYS, BINS, PER_DAY = 90, 32, 2000

def distribution(shift, width):
    w = [math.exp(-0.5 * ((b - 12.0 - shift) / width) ** 2) + 0.6 * math.exp(-0.5 * ((b - 22.0) / 3.0) ** 2) + 0.01 for b in range(BINS)]
    s = sum(w)
    return [v / s for v in w]

reference = distribution(0.0, 4.0)
counts = []
for day in range(DAYS):
    drift = max(0, day - 59) / 30.0
    p = distribution(3.0 * drift, 4.0 + 2.0 * drift)
    day_counts = [0.0] * BINS
    cumulative = [sum(p[: b + 1]) for b in range(BINS)]
    for _ in range(PER_DAY):
        u = random.random()
        b = next((i for i, c in enumerate(cumulative) if u <= c), BINS - 1)
        day_counts[b] += 1.0
    counts.extend(day_counts)
write_npy("histograms.npy", DAYS, BINS, counts, "<f8")
with open("reference.csv", "w") as f:
    f.write(",".join("b%d" % b for b in range(BINS)) + "\n")
    f.write(",".join("%.6g" % (PER_DAY * v) for v in reference) + "\n")
