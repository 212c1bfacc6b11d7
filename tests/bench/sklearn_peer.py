#!/usr/bin/python3
"""Peer timings for tests/bench/metrics.bench.ts: scikit-learn on the same 1e6 scores.

Usage: sklearn_peer.py SCORES.f64 LABELS.u8 [REPEATS]
Prints one JSON object: median seconds for roc_curve(drop_intermediate=False) and for
roc_auc_score + average_precision_score, plus the figures so the bench can check agreement.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve


def median_time(fn, repeats):
    times = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times)), result


def main():
    scores = np.fromfile(sys.argv[1], dtype="<f8")
    labels = np.fromfile(sys.argv[2], dtype=np.uint8).astype(np.int64)
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    roc_s, roc = median_time(lambda: roc_curve(labels, scores, drop_intermediate=False), repeats)
    both_s, both = median_time(
        lambda: (roc_auc_score(labels, scores), average_precision_score(labels, scores)), repeats
    )
    print(json.dumps({
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "n": int(scores.size),
        "rocCurveSeconds": roc_s,
        "aucApSeconds": both_s,
        "rocPoints": int(roc[0].size),
        "rocAuc": float(both[0]),
        "averagePrecision": float(both[1]),
    }))


if __name__ == "__main__":
    main()
