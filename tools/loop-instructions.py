#!/usr/bin/env python3
"""Instructions in the fast loop of each method in a JIT disassembly (DOTNET_JitDisasm + DOTNET_JitStdOutFile).

The fast loop is the first backward jump's range: from the label it jumps to, through the jump itself. Prints,
per method listing, the instruction count and a breakdown by mnemonic class, e.g.

  DOTNET_TieredCompilation=0 DOTNET_JitDisasm='Run512 RunVector' DOTNET_JitStdOutFile=d.txt <program>
  python3 tools/loop-instructions.py d.txt
"""
import re
import sys
from collections import Counter

CLASSES = [
    ("div", re.compile(r"^v?div")),
    ("fma", re.compile(r"^vfn?m(add|sub)")),
    ("load", re.compile(r"^vmov(u|a)p[sd]\s+[xyz]mm\d+, [xyz]mmword ptr")),
    ("broadcast", re.compile(r"^vbroadcasts[sd]|^vpbroadcast")),
    ("move", re.compile(r"^vmov(a|u)p[sd]|^vmovdq")),
    ("convert", re.compile(r"^vcvt|^vextract")),
    ("compare/mask", re.compile(r"^vcmp|^vpcmp|^kortest|^vptest|^vblendv|^vpternlog|^k")),
    ("fp arith", re.compile(r"^v(add|sub|mul|max|min)(p|s)[sd]")),
    ("int/bit", re.compile(r"^vp|^v(and|or|xor)")),
    ("scalar/branch", re.compile(r"^(j|cmp|lea|mov|add|sub|inc|test|xor)")),
]


def classify(line):
    for name, pattern in CLASSES:
        if pattern.search(line):
            return name
    return "other"


def loops(path):
    listing, lines = None, []
    for raw in open(path, encoding="utf-8", errors="replace"):
        if raw.startswith("; Assembly listing for method"):
            if listing:
                yield listing, lines
            signature = raw.split("method", 1)[1]
            element = "float" if "[float]" in signature else "double" if "[double]" in signature else "?"
            name = re.sub(r"^\s*Kernels\.Terms\+|\[Kernels\.Support\.FoldModes\+\w+\]", "", signature.split("(")[0]).strip()
            listing, lines = f"{name} {element}", []
        elif listing:
            lines.append(raw.rstrip("\n"))
    if listing:
        yield listing, lines


def fast_loop(lines):
    labels = {}
    for index, line in enumerate(lines):
        match = re.match(r"^(G_M\d+_IG\d+):", line)
        if match:
            labels[match.group(1)] = index
    for index, line in enumerate(lines):
        match = re.match(r"^\s+j\w+\s+(G_M\d+_IG\d+)", line)
        if match and match.group(1) in labels and labels[match.group(1)] < index:
            return lines[labels[match.group(1)]:index + 1]
    return []


def instructions(block):
    for line in block:
        text = line.strip()
        if not text or text.startswith(";") or text.startswith("align") or re.match(r"^G_M\d+_IG\d+:", text):
            continue
        yield text.split(";")[0].strip()


for method, lines in loops(sys.argv[1]):
    body = list(instructions(fast_loop(lines)))
    counts = Counter(classify(i) for i in body)
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    print(f"{method}: {len(body)} instructions ({detail})")
