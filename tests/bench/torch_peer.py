"""PyTorch peer of tests/bench/train.bench.ts: the same MLP (d -> 32 -> 16 -> 1, ReLU), Adam,
BCEWithLogitsLoss(pos_weight = neg/pos), batch 512, on the same training rows, on the CPU.
Prints JSON: samples per second (median and fastest epoch after the first), torch version and threads.
Usage: python3 torch_peer.py x.f32 y.u8 rows features epochs [batch validation_rows]
With batch and validation_rows: the first rows - validation_rows train and the rest are scored
after every epoch, as the page validates each epoch (the budget of train-click.bench.ts);
totalSeconds covers it all after loading: standardising, the epochs and their validation."""
import json
import sys
import time

import numpy as np
import torch

x_path, y_path, n, d, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
batch = int(sys.argv[6]) if len(sys.argv) > 6 else 512
validation_rows = int(sys.argv[7]) if len(sys.argv) > 7 else 0
began = time.perf_counter()
x = torch.from_numpy(np.fromfile(x_path, dtype=np.float32).reshape(n, d))
y = torch.from_numpy(np.fromfile(y_path, dtype=np.uint8).astype(np.float32)).reshape(n, 1)
x = (x - x.mean(0)) / x.std(0)
x_val, y_val = x[n - validation_rows :], y[n - validation_rows :]
x, y = x[: n - validation_rows], y[: n - validation_rows]
n = n - validation_rows

torch.manual_seed(42)
model = torch.nn.Sequential(
    torch.nn.Linear(d, 32), torch.nn.ReLU(), torch.nn.Linear(32, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1)
)
positives = float(y.sum())
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([(n - positives) / positives]))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

seconds = []
validation_seconds = 0.0
for epoch in range(epochs):
    start = time.perf_counter()
    order = torch.randperm(n)
    for s in range(0, n, batch):
        idx = order[s : s + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
    seconds.append(time.perf_counter() - start)
    if validation_rows:
        start = time.perf_counter()
        with torch.no_grad():
            torch.sigmoid(model(x_val))
        validation_seconds += time.perf_counter() - start
total = time.perf_counter() - began

steady = sorted(seconds[1:]) if len(seconds) > 1 else seconds
median = steady[len(steady) // 2]
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "samplesPerSecond": n / median, "bestSamplesPerSecond": n / min(steady), "epochSeconds": seconds, "validationSeconds": validation_seconds, "totalSeconds": total}))
