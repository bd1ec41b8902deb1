"""Times one step of a torch.optim optimizer (Adam, AdamW, SGD, ASGD, Rprop, ...) or of
torch.nn.utils.clip_grad_norm_ ("optimizer": "clip_grad_norm_") on one thread, for bench/optim.ts and bench/references.ts.

Reads the request as JSON on stdin:
  {"scheme": {"warmup": w, "steps": s, "repeats": r}, "seed": k,
   "case": {"optimizer": "Adam", "options": {"lr": 0.001}, "n": 1000000, "dtype": "float32",
            "foreach": false, "tensors": 1}}
and prints one JSON object on stdout: torch's version and threads, the allocator settings it ran under, and the
median over the repeats of the mean ms per step, after w warm-up steps (the scheme of bench/timing.ts).
"foreach" (optional) is passed to the optimizer as is; left out, torch picks, which in 1.13 on the CPU is the
single-tensor for-loop. "tensors" (optional, default 1) splits the n parameters into that many separate
tensors of nearly equal length, each its own allocation, as a model's layers would be.
Without torch it prints {"skipped": reason} and exits 0, so the caller can say why the column is empty.

Why the allocator settings are reported: torch 1.13's CPU Adam allocates temporaries as large as the parameter
in every step. glibc serves blocks above its mmap threshold (dynamic, at most 32 MiB on 64-bit) with a fresh
mmap, so a 40 MB temporary costs ~10,000 page faults per step unless MALLOC_MMAP_THRESHOLD_ and
MALLOC_TRIM_THRESHOLD_ (read by glibc at start-up, hence set by the caller for this process) keep it mapped.
"""
import json
import os
import statistics
import sys
import time

try:
    import torch
except ImportError as error:
    print(json.dumps({"skipped": f"torch cannot be imported by {sys.executable}: {error}"}))
    sys.exit(0)

DTYPES = {"float32": torch.float32, "float64": torch.float64}
MALLOC_VARIABLES = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "GLIBC_TUNABLES")


def make_params(case, generator):
    """The same seeded values as one flat tensor, then cut into `tensors` separately allocated pieces."""
    dtype = DTYPES[case["dtype"]]
    data = torch.rand(case["n"], dtype=dtype, generator=generator) * 2 - 1
    grad = torch.rand(case["n"], dtype=dtype, generator=generator) * 2 - 1
    pieces = case.get("tensors", 1)
    if pieces == 1:
        param = torch.nn.Parameter(data)
        param.grad = grad
        return [param]
    params = []
    # tensor_split: lengths differ by at most one; clone so that each piece owns its memory, as a layer's would.
    for d, g in zip(torch.tensor_split(data, pieces), torch.tensor_split(grad, pieces)):
        param = torch.nn.Parameter(d.clone())
        param.grad = g.clone()
        params.append(param)
    return params


def time_case(case, scheme, seed):
    generator = torch.Generator().manual_seed(seed)
    params = make_params(case, generator)
    options = dict(case["options"])
    if case.get("foreach") is not None:
        options["foreach"] = case["foreach"]
    if case["optimizer"] == "clip_grad_norm_":
        def step():
            torch.nn.utils.clip_grad_norm_(params, **options)
    else:
        step = getattr(torch.optim, case["optimizer"])(params, **options).step
    for _ in range(scheme["warmup"]):
        step()
    runs_ms = []
    for _ in range(scheme["repeats"]):
        start = time.perf_counter()
        for _ in range(scheme["steps"]):
            step()
        runs_ms.append((time.perf_counter() - start) * 1e3 / scheme["steps"])
    return {"medianMs": statistics.median(runs_ms), "runsMs": runs_ms}


def main():
    request = json.load(sys.stdin)
    torch.set_num_threads(1)
    timing = time_case(request["case"], request["scheme"], request["seed"])
    malloc = {name: os.environ[name] for name in MALLOC_VARIABLES if name in os.environ}
    print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "malloc": malloc, "timing": timing}))


if __name__ == "__main__":
    main()
