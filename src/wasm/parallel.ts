/**
 * Opt-in multi-threaded optimizer steps: Adam, AdamW and SGD whose large parameters step on several cores.
 *
 *   const team = await StepTeam.create({ threads: 2 });      // the main thread + 1 worker
 *   const w = team.parameter(10_000_000);                   // θ and g in a shared WebAssembly.Memory
 *   const opt = new ParallelAdam([w], { lr: 1e-3 }, team);
 *   ... write ∇f into w.grad; opt.step(); ...
 *   await team.close();
 *
 * The classes are torch's Adam / AdamW / SGD (same options, state dict, schedulers); only `update` differs: a
 * parameter made by `team.parameter` steps through the team (src/wasm/parallel-team.ts), split into 16-byte-
 * aligned slices, one per thread, each running the single-threaded wasm kernel on its slice. The step is
 * elementwise, so the result is bit-identical to the single-threaded kernel (test/optim/wasm-parallel.test.ts).
 * Any other parameter steps as in the base class.
 *
 * The user's rule: parameters that should step in parallel are allocated by `team.parameter(...)`; write into
 * `p.data` and `p.grad`, never replace them (a replaced array steps on one thread through the usual path). Below
 * the team's `minLength` (default: the break-even measured by bench/parallel.ts, see src/wasm/README.md) a
 * step stays on the main thread, in shared memory.
 * Node-only and opt-in: nothing in src/optim or src/browser.ts imports this file.
 */
import type { FloatArray } from '../core/float-array.js';
import { zerosLike } from '../core/float-array.js';
import type { Parameter } from '../core/parameter.js';
import { Adam, adamScalars, adamUpdate, type AdamOptions, type AdamState } from '../optim/adam.js';
import { AdamW, type AdamWOptions } from '../optim/adamw.js';
import type { ParamGroup, ParamGroupInput } from '../optim/optimizer.js';
import { SGD, type SGDOptions, type SGDState } from '../optim/sgd.js';
import type { StepTeam } from './parallel-team.js';

export { StepTeam, DEFAULT_MIN_LENGTH, type TeamOptions } from './parallel-team.js';
export { parallelSupported } from './parallel-module.js';

/**
 * Adam's update on the team when θ and g are the team's: the algorithm of `adamKernel` (src/optim/adam.ts),
 *   m_t ← β₁ m_{t-1} + (1 − β₁) g_t,  v_t ← β₂ v_{t-1} + (1 − β₂) g_t²,
 *   θ_t ← θ_{t-1} − γ/(1 − β₁ᵗ) · m_t / (√v̂_t / √(1 − β₂ᵗ) + ε),
 * run slice by slice. Returns false (nothing done) where the parameter is not the team's or its memory is full.
 */
function adamOnTeam(team: StepTeam, p: Parameter, grad: FloatArray, state: AdamState, group: AdamOptions, decoupled: boolean): boolean {
  if (!team.holds(p.data, grad)) return false;
  // The state moves into θ's shared memory once (copied); from then on it is already there.
  const m = team.adopt(p.data, state.expAvg);
  const v = m && team.adopt(p.data, state.expAvgSq);
  if (group.amsgrad && state.maxExpAvgSq === undefined) state.maxExpAvgSq = zerosLike(p.data);
  const vMax = group.amsgrad && v ? team.adopt(p.data, state.maxExpAvgSq!) : null;
  if (m === null || v === null || (group.amsgrad && vMax === null)) return false;
  state.expAvg = m;
  state.expAvgSq = v;
  if (vMax !== null) state.maxExpAvgSq = vMax;
  state.step += 1;
  team.adam(p.data, grad, m, v, vMax, adamScalars(group, state.step, decoupled));
  return true;
}

/** torch.optim.Adam whose team parameters step on the team's threads. */
export class ParallelAdam extends Adam {
  constructor(params: Parameter[] | ParamGroupInput<AdamOptions>[], options: Partial<AdamOptions> | undefined, readonly team: StepTeam) {
    super(params, options);
  }

  protected override update(p: Parameter, grad: FloatArray, state: AdamState, group: ParamGroup<AdamOptions>): void {
    if (!adamOnTeam(this.team, p, grad, state, group, false)) adamUpdate(p, grad, state, group, false);
  }
}

/** torch.optim.AdamW (decoupled decay) whose team parameters step on the team's threads. */
export class ParallelAdamW extends AdamW {
  constructor(params: Parameter[] | ParamGroupInput<AdamWOptions>[], options: Partial<AdamWOptions> | undefined, readonly team: StepTeam) {
    super(params, options);
  }

  protected override update(p: Parameter, grad: FloatArray, state: AdamState, group: ParamGroup<AdamWOptions>): void {
    if (!adamOnTeam(this.team, p, grad, state, group, true)) adamUpdate(p, grad, state, group, true);
  }
}

/**
 * torch.optim.SGD whose team parameters step on the team's threads: `sgdKernel`'s algorithm (src/optim/sgd.ts),
 *   b_t ← μ b_{t-1} + (1 − τ) g_t (b₁ = g₁),  g_t ← g_t + μ b_t (Nesterov) or b_t,  θ_t ← θ_{t-1} − γ g_t,
 * slice by slice.
 */
export class ParallelSGD extends SGD {
  constructor(params: Parameter[] | ParamGroupInput<SGDOptions>[], options: Partial<SGDOptions> | undefined, readonly team: StepTeam) {
    super(params, options);
  }

  protected override update(p: Parameter, grad: FloatArray, state: SGDState, group: ParamGroup<SGDOptions>): void {
    if (this.team.holds(p.data, grad)) {
      const first = group.momentum !== 0 && state.momentumBuffer === null;
      const buf = group.momentum === 0 ? null : this.team.adopt(p.data, state.momentumBuffer ?? zerosLike(p.data));
      if (group.momentum === 0 || buf !== null) {
        if (buf !== null) state.momentumBuffer = buf;
        this.team.sgd(p.data, grad, buf, first, group);
        return;
      }
    }
    super.update(p, grad, state, group);
  }
}
