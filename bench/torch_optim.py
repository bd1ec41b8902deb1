"""Times one step of torch.optim's Adam, AdamW or SGD on one thread, for bench/optim.ts.

Reads the request as JSON on stdin:
  {"scheme": {"warmup": w, "steps": s, "repeats": r}, "seed": k,
   "case": {"optimizer": "Adam", "options": {"lr": 0.001}, "n": 1000000, "dtype": "float32"}}
and prints one JSON object on stdout: torch's version and threads, and the median over the repeats of the
mean ms per step, after w warm-up steps (the scheme of bench/timing.ts). The optimizer runs with torch's
defaults otherwise, which in 1.13 on the CPU is the single-tensor (for-each off) implementation.
Without torch it prints {"skipped": reason} and exits 0, so the caller can say why the column is empty.
"""
import json
import statistics
import sys
import time

try:
    import torch
except ImportError as error:
    print(json.dumps({"skipped": f"torch cannot be imported by {sys.executable}: {error}"}))
    sys.exit(0)

DTYPES = {"float32": torch.float32, "float64": torch.float64}


def time_case(case, scheme, seed):
    generator = torch.Generator().manual_seed(seed)
    dtype = DTYPES[case["dtype"]]
    param = torch.nn.Parameter(torch.rand(case["n"], dtype=dtype, generator=generator) * 2 - 1)
    param.grad = torch.rand(case["n"], dtype=dtype, generator=generator) * 2 - 1
    optimizer = getattr(torch.optim, case["optimizer"])([param], **case["options"])
    for _ in range(scheme["warmup"]):
        optimizer.step()
    runs_ms = []
    for _ in range(scheme["repeats"]):
        start = time.perf_counter()
        for _ in range(scheme["steps"]):
            optimizer.step()
        runs_ms.append((time.perf_counter() - start) * 1e3 / scheme["steps"])
    return {"medianMs": statistics.median(runs_ms), "runsMs": runs_ms}


def main():
    request = json.load(sys.stdin)
    torch.set_num_threads(1)
    timing = time_case(request["case"], request["scheme"], request["seed"])
    print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "timing": timing}))


if __name__ == "__main__":
    main()
