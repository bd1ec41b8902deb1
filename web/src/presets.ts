/**
 * The seed experiments as presets: the notebook's two functions with its six optimizer settings (taken from the
 * library's own list, src/cli/notebook-experiments.ts), notes 003's divergent parabola and wavy function, the
 * saddle, the plateau, Adam with and without bias correction, and Rosenbrock. Each says in one sentence what to
 * look for.
 */
import { complexSettings, notebookSettings, torchAdam, type OptimizerSetting } from './lib.js';
import type { PlaygroundState, RacerConfig } from './state.js';

export interface Preset {
  id: string;
  title: string;
  /** What to look for, in one sentence. */
  look: string;
  state: PlaygroundState;
}

function racer(s: OptimizerSetting): RacerConfig {
  return { name: s.optimizer, options: { ...(s.options as RacerConfig['options']) }, label: s.label };
}

const sgd = (lr: number, label = `SGD lr=${lr}`): RacerConfig => ({ name: 'SGD', options: { lr }, label });

export const presets: readonly Preset[] = [
  {
    id: 'notebook-complex',
    title: 'Notebook: complex_sum from (5, −2)',
    look: 'SGD and momentum need a tiny lr (0.0002) on the quartic wall, while the adaptive methods take 0.1 and race into the rippled valley.',
    state: { fn: { zoo: 'seed-complex' }, view: [[0, 10], [-5, 10]], start: [5, -2], racers: complexSettings.map(racer), steps: 100, speed: 20 },
  },
  {
    id: 'notebook-quadratic',
    title: 'Notebook: square_sum 5x² + y² from (5, 5)',
    look: 'Plain SGD crawls along the shallow y direction, momentum overshoots and swings, RMSProp and Adam head almost straight for the minimum, and Adagrad stalls after a few steps as its accumulated squares shrink the step (the notebook remarks on it).',
    state: { fn: { zoo: 'seed-quadratic' }, view: [[-7, 7], [-7, 7]], start: [5, 5], racers: notebookSettings.map(racer), steps: 100, speed: 20 },
  },
  {
    id: 'parabola-diverges',
    title: 'Divergence: (θ − 5)² with α = 1.2',
    look: 'With α = 1.2 every step overshoots the minimum by more than it started, so the iterates bounce outwards until the run diverges; α = 0.1 walks straight in.',
    state: { fn: { zoo: 'parabola' }, view: [[-5, 15]], start: [0], racers: [sgd(1.2, 'SGD α=1.2'), sgd(0.1, 'SGD α=0.1')], steps: 100, speed: 10 },
  },
  {
    id: 'wavy',
    title: 'Wavy function: α = 0.1 vs α = 0.01 from x₀ = 2',
    look: 'The small step settles into the global minimum of its basin; the large one jumps between ripples.',
    state: { fn: { zoo: 'wavy' }, view: [[-10, 20]], start: [2], racers: [sgd(0.1, 'SGD α=0.1'), sgd(0.01, 'SGD α=0.01')], steps: 100, speed: 10 },
  },
  {
    id: 'saddle',
    title: 'Saddle from (1, 0.001)',
    look: 'Descent slides towards the saddle point and stalls where the gradient nearly vanishes, until the tiny offset in y grows and it escapes; momentum and Adam escape sooner. The saddle has no minimum, so an escaped run falls for ever: momentum\'s is reported as diverged.',
    state: {
      fn: { zoo: 'saddle' },
      view: [[-2, 2], [-2, 2]],
      start: [1, 0.001],
      racers: [sgd(0.05, 'SGD'), { name: 'SGD', options: { lr: 0.05, momentum: 0.9 }, label: 'Momentum 0.9' }, { name: 'Adam', options: { lr: 0.05 } }],
      steps: 150,
      speed: 20,
    },
  },
  {
    id: 'plateau',
    title: 'Plateau: tanh(x²/4 + y²) from (4, 1)',
    look: 'The gradient on the plateau is about 5e−4: SGD barely moves, while Adam and RMSprop rescale the step and walk off the plateau into the well.',
    state: {
      fn: { zoo: 'plateau' },
      view: [[-5, 5], [-5, 5]],
      start: [4, 1],
      racers: [sgd(0.5, 'SGD'), { name: 'Adam', options: { lr: 0.1 } }, { name: 'RMSprop', options: { lr: 0.05 } }],
      steps: 200,
      speed: 30,
    },
  },
  {
    id: 'adam-bias',
    title: 'Adam with and without bias correction',
    look: 'Without bias correction the first steps are scaled by (1 − β₁)/√(1 − β₂): the notebook’s Adam starts slower than torch’s.',
    state: {
      fn: { zoo: 'seed-quadratic' },
      view: [[-7, 7], [-7, 7]],
      start: [5, 5],
      racers: [racer(notebookSettings[5]), racer(torchAdam)],
      steps: 100,
      speed: 20,
    },
  },
  {
    id: 'rosenbrock',
    title: 'Rosenbrock from (−1.2, 1)',
    look: 'Everyone reaches the banana-shaped valley quickly; following its curved floor to (1, 1) is the slow part.',
    state: {
      fn: { zoo: 'rosenbrock' },
      view: [[-2, 2], [-1, 3]],
      start: [-1.2, 1],
      racers: [{ name: 'Adam', options: { lr: 0.02 } }, { name: 'SGD', options: { lr: 0.0005, momentum: 0.9 }, label: 'Momentum 0.9' }],
      steps: 1000,
      speed: 100,
    },
  },
];

/** The page's first view: the notebook's complex function with its six settings racing from (5, −2). */
export const defaultPreset: Preset = presets[0];

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
