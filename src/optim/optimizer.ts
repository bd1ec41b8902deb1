/**
 * The optimizer base: param groups, lazily created per-parameter state, and the torch-shaped state dict.
 *
 * A subclass holds only its math: a schema (defaults, ranges, help), `initState` (the typed state of one
 * parameter) and `update` (one step of one parameter, which calls the file's pure fused kernel).
 * Semantics follow torch.optim 1.13: groups carry their own options (changeable between steps), a parameter
 * whose grad is null is skipped, and `step(closure)` returns the closure's loss.
 */
import { fail, show } from '../core/errors.js';
import { arrayLike, isFloatArray, type FloatArray } from '../core/float-array.js';
import { decodeNumber, encodeNumber, isJsonNumber, type JsonNumber } from '../core/json-number.js';
import { resolveOptions, type OptionSchema, type OptionsOf } from '../core/options.js';
import { Parameter, checkGradient } from '../core/parameter.js';

/** A group as the user writes it: its parameters and any options that differ from the optimizer's defaults. */
export type ParamGroupInput<O> = { params: Parameter[] } & Partial<O> & SchedulerKeys;

/**
 * A group as the optimizer holds it: every option resolved. Schedulers add the keys below (torch's
 * `initial_lr`, `max_lr`, …), which are saved in the state dict, as in torch.
 */
export type ParamGroup<O> = O & { params: Parameter[] } & SchedulerKeys;

/** Keys that learning-rate schedulers keep in a group. */
export interface SchedulerKeys {
  initialLr?: number;
  maxLr?: number;
  minLr?: number;
  baseMomentum?: number;
  maxMomentum?: number;
}

/** A closure re-evaluates the model and its gradients and returns the loss. */
export type Closure = () => number;

/** JSON form of state: numbers, arrays of numbers (typed arrays), arrays of those, null, booleans. */
export type StateValue = JsonNumber | boolean | null | StateValue[];

/** The plain, JSON-serialisable form of an optimizer, shaped like torch's `state_dict()` with camelCase keys. */
export interface OptimizerStateDict {
  /** Per-parameter state, keyed by the parameter's index across all groups in order. */
  state: Record<string, Record<string, StateValue>>;
  /** Each group's options, with its parameters replaced by their indices. */
  paramGroups: Array<Record<string, unknown> & { params: number[] }>;
}

/**
 * What code that handles any optimizer (registry, schedulers, engine) may rely on: the groups' learning rate and
 * momentum-like options, stepping and the state dict. Every `Optimizer` subclass satisfies it.
 */
export interface OptimizerLike {
  readonly name: string;
  readonly paramGroups: readonly GroupView[];
  step(closure?: Closure): number | undefined;
  zeroGrad(setToNone?: boolean): void;
  stateDict(): OptimizerStateDict;
  loadStateDict(dict: OptimizerStateDict): void;
}

/** The options of a group that schedulers read and write. */
export interface GroupView extends SchedulerKeys {
  params: Parameter[];
  lr: number;
  momentum?: number;
  betas?: [number, number];
}

/** Keys a group may carry that are not options of the schema. */
const GROUP_KEYS = ['params', 'initialLr', 'maxLr', 'minLr', 'baseMomentum', 'maxMomentum'];

export abstract class Optimizer<S extends OptionSchema = OptionSchema, State extends object = object> {
  readonly name: string;
  readonly schema: S;
  readonly defaults: OptionsOf<S>;
  readonly paramGroups: ParamGroup<OptionsOf<S>>[] = [];
  /** Per-parameter state, created at a parameter's first step. */
  readonly state = new Map<Parameter, State>();

  protected constructor(
    name: string,
    schema: S,
    params: readonly Parameter[] | readonly ParamGroupInput<OptionsOf<S>>[],
    options: Partial<OptionsOf<S>> | undefined,
  ) {
    this.name = name;
    this.schema = schema;
    this.defaults = resolveOptions(name, schema, options);
    this.checkGroup(this.defaults);
    if (!Array.isArray(params) || params.length === 0) fail(name, 'got an empty parameter list');
    const groups = params.every((p) => p instanceof Parameter)
      ? [{ params: params as Parameter[] } as ParamGroupInput<OptionsOf<S>>]
      : (params as ParamGroupInput<OptionsOf<S>>[]);
    for (const group of groups) this.addParamGroup(group);
  }

  /** Checks that involve several options at once (e.g. nesterov needs momentum). Single options are checked by the schema. */
  protected checkGroup(_options: OptionsOf<S>): void {}

  /** The state of a parameter before its first step. */
  protected abstract initState(p: Parameter, group: ParamGroup<OptionsOf<S>>): State;

  /** One step for one parameter whose gradient is present. */
  protected abstract update(p: Parameter, grad: FloatArray, state: State, group: ParamGroup<OptionsOf<S>>): void;

  addParamGroup(group: ParamGroupInput<OptionsOf<S>>): void {
    if (group === null || typeof group !== 'object' || !Array.isArray(group.params)) {
      fail(this.name, `a param group must be an object with a params array, got ${show(group)}`);
    }
    const { params, ...rest } = group;
    if (params.length === 0) fail(this.name, 'a param group has no parameters');
    const seen = new Set(this.paramGroups.flatMap((g) => g.params));
    for (const p of params) {
      if (!(p instanceof Parameter)) fail(this.name, `params must be Parameter objects, got ${show(p)}`);
      if (seen.has(p)) fail(this.name, 'some parameters appear in more than one parameter group');
      seen.add(p);
      checkGradient(p, this.name);
    }
    const options = resolveOptions(this.name, this.schema, rest, this.defaults, GROUP_KEYS);
    this.checkGroup(options);
    const extras = Object.fromEntries(Object.entries(rest).filter(([key]) => !(key in this.schema)));
    this.paramGroups.push({ ...extras, ...options, params: [...params] } as ParamGroup<OptionsOf<S>>);
  }

  /** Sets every gradient to zero (or to null with `setToNone`, torch's `set_to_none`). */
  zeroGrad(setToNone = false): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (setToNone) p.grad = null;
        else p.grad?.fill(0);
      }
    }
  }

  /**
   * Performs one optimization step over every parameter with a gradient and returns the closure's loss.
   * Convention: a NaN or Inf gradient is not caught; it propagates into the parameters as in torch,
   * and the experiment layer reports the run as diverged.
   */
  step(closure?: Closure): number | undefined {
    const loss = closure ? closure() : undefined;
    // Indexed loops and no closures: a step allocates nothing (issue 8; test/optim/allocation.test.ts).
    const groups = this.paramGroups;
    for (let k = 0; k < groups.length; k++) {
      const group = groups[k];
      const params = group.params;
      for (let j = 0; j < params.length; j++) {
        const p = params[j];
        const grad = p.grad;
        if (grad === null) continue;
        if (!gradientMatches(p.data, grad)) checkGradient(p, this.name);
        let state = this.state.get(p);
        if (state === undefined) {
          state = this.initState(p, group);
          this.state.set(p, state);
        }
        this.update(p, grad, state, group);
      }
    }
    return loss;
  }

  /** All parameters, in the order their indices take in the state dict. */
  protected allParams(): Parameter[] {
    return this.paramGroups.flatMap((g) => g.params);
  }

  stateDict(): OptimizerStateDict {
    const index = new Map(this.allParams().map((p, i) => [p, i]));
    const state: OptimizerStateDict['state'] = {};
    for (const [p, s] of this.state) {
      const i = index.get(p);
      if (i === undefined) continue;
      state[String(i)] = Object.fromEntries(Object.entries(s).map(([key, value]) => [key, encodeState(value)]));
    }
    const paramGroups = this.paramGroups.map(({ params, ...options }) => ({
      ...structuredClone(options),
      params: params.map((p) => index.get(p)!),
    }));
    return { state, paramGroups };
  }

  /** Loads a state dict produced by `stateDict()` of an optimizer of the same kind over parameters of the same shapes. */
  loadStateDict(dict: OptimizerStateDict): void {
    const owner = `${this.name}.loadStateDict`;
    if (dict === null || typeof dict !== 'object' || !Array.isArray(dict.paramGroups) || typeof dict.state !== 'object') {
      fail(owner, 'expected an object with state and paramGroups');
    }
    if (dict.paramGroups.length !== this.paramGroups.length) {
      fail(owner, `the state dict has ${dict.paramGroups.length} param groups, the optimizer has ${this.paramGroups.length}`);
    }
    dict.paramGroups.forEach((saved, g) => {
      if (!Array.isArray(saved.params) || saved.params.length !== this.paramGroups[g].params.length) {
        fail(owner, `param group ${g} has ${show(saved.params?.length)} parameters in the state dict, ${this.paramGroups[g].params.length} in the optimizer`);
      }
    });
    const params = this.allParams();
    const loaded = new Map<Parameter, State>();
    for (const [key, raw] of Object.entries(dict.state)) {
      const p = params[Number(key)];
      if (p === undefined) fail(owner, `state refers to parameter ${show(key)}, which does not exist`);
      loaded.set(p, this.decodeState(raw, p, owner));
    }
    // Validate everything before changing anything, so a bad dict leaves the optimizer as it was.
    const groups = dict.paramGroups.map(({ params: _indices, ...saved }) => {
      const options = resolveOptions(owner, this.schema, saved, undefined, GROUP_KEYS);
      this.checkGroup(options);
      return { ...structuredClone(saved), ...options };
    });
    groups.forEach((options, g) => {
      const params = this.paramGroups[g].params;
      for (const key of Object.keys(this.paramGroups[g])) delete (this.paramGroups[g] as Record<string, unknown>)[key];
      Object.assign(this.paramGroups[g], options, { params });
    });
    this.state.clear();
    for (const [p, s] of loaded) this.state.set(p, s);
  }

  /** Rebuilds one parameter's typed state from its JSON form: arrays of numbers become arrays of the parameter's type. */
  protected decodeState(raw: Record<string, StateValue>, p: Parameter, owner: string): State {
    const state: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) state[key] = decodeState(value, p.data, owner, `state.${key}`);
    return state as State;
  }
}

/** The common case of `checkGradient`, checked without building its messages: same type, same length. */
function gradientMatches(data: FloatArray, grad: FloatArray): boolean {
  if (grad.length !== data.length) return false;
  return data instanceof Float32Array ? grad instanceof Float32Array : data instanceof Float64Array && grad instanceof Float64Array;
}

function encodeState(value: unknown): StateValue {
  if (isFloatArray(value)) return Array.from(value, encodeNumber);
  if (typeof value === 'number') return encodeNumber(value);
  if (Array.isArray(value)) return value.map(encodeState);
  if (typeof value === 'boolean' || value === null) return value;
  throw new Error(`cannot serialise optimizer state value ${show(value)}`);
}

function decodeState(value: StateValue, like: FloatArray, owner: string, path: string): unknown {
  if (Array.isArray(value)) {
    const numeric = value.length > 0 ? value.every(isJsonNumber) : like.length === 0;
    if (numeric) {
      const numbers = value.map((x) => decodeNumber(x)!);
      if (numbers.length !== like.length) fail(owner, `${path} has length ${numbers.length}, the parameter has length ${like.length}`);
      return arrayLike(like, numbers);
    }
    return value.map((v, i) => decodeState(v, like, owner, `${path}[${i}]`));
  }
  if (typeof value === 'boolean' || value === null) return value;
  const x = decodeNumber(value);
  if (x === undefined) fail(owner, `${path} is not a number or an array of numbers: ${show(value)}`);
  return x;
}
