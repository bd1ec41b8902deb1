/**
 * Notes 003's paraboloid z = 4x² + 16y²: "all gradient lines are perpendicular to the level lines, so moving along
 * the antigradient one cannot jump onto the minimum in one step, since the gradient points somewhere else entirely".
 * The section measures it: the angle between −∇f and the direction to the minimum at the start and along the
 * path, the closest any step along −∇f from the start can get to the minimum, and the bent or zig-zag paths of
 * gradient descent; the picture draws −∇f as arrows at points of one level line, beside dashed lines to the minimum.
 */
import { minimize, type Trace } from '../../engine/minimize.js';
import { distance, stepLengths } from '../../engine/trace-stats.js';
import { getFunction } from '../../objective/zoo/registry.js';
import type { ZooObjective } from '../../objective/zoo/zoo-function.js';
import { antigradientArrows, contourPlotWithArrows, equalAspectBox, type Arrow } from '../../viz/arrows.js';
import { runFigures } from '../../viz/figures.js';
import { runColour } from '../../viz/palette.js';
import { chartFigure } from './chart-figure.js';
import { claim, num, point } from './claim.js';
import type { Claim, DemoSection } from './section.js';

export const paraboloidRates = [0.01, 0.045] as const;
export const paraboloidSteps = 50;
/** Steps of the zig-zag run shown in the table. */
export const paraboloidTableSteps = [0, 1, 2, 3, 4, 5, 6, 8, 10, 20, 30] as const;
/** The level line the arrows stand on, f = 100: the ellipse x = 5 cos φ, y = 2.5 sin φ. */
const LEVEL = 100;
const ARROW_ANGLES = [20, 55, 90, 125, 160, 200, 235, 270, 305, 340];

/** The angle in degrees between −∇f(p) and the direction from p to the minimum at the origin. */
export function antigradientAngle(f: ZooObjective, p: readonly number[]): number {
  const g = new Float64Array(2);
  f.valueAndGrad(p, g);
  const cos = (g[0] * p[0] + g[1] * p[1]) / (Math.hypot(g[0], g[1]) * Math.hypot(p[0], p[1]));
  return (Math.acos(Math.min(1, Math.max(-1, cos))) * 180) / Math.PI;
}

/** Points of the level line f = c of 4x² + 16y²: (√(c/4) cos φ, √(c/16) sin φ). */
function levelPoint(c: number, degrees: number): [number, number] {
  const phi = (degrees * Math.PI) / 180;
  return [Math.sqrt(c / 4) * Math.cos(phi), Math.sqrt(c / 16) * Math.sin(phi)];
}

export interface ParaboloidRuns {
  f: ZooObjective;
  start: number[];
  runs: Array<{ alpha: number; trace: Trace }>;
}

export function paraboloidRuns(): ParaboloidRuns {
  const f = getFunction('paraboloid');
  const start = f.meta.starts[0];
  return { f, start, runs: paraboloidRates.map((alpha) => ({ alpha, trace: minimize(f, start, { optimizer: { name: 'SGD', lr: alpha }, maxSteps: paraboloidSteps }) })) };
}

function claims({ f, start, runs }: ParaboloidRuns): Claim[] {
  // Perpendicular: the tangent of the level line at φ is (−a sin φ, b cos φ), a = √(c/4), b = √(c/16).
  const g = new Float64Array(2);
  const cosines = Array.from({ length: 24 }, (_, k) => {
    const phi = (k * 15 * Math.PI) / 180;
    const p = levelPoint(LEVEL, k * 15);
    f.valueAndGrad(p, g);
    const t = [-Math.sqrt(LEVEL / 4) * Math.sin(phi), Math.sqrt(LEVEL / 16) * Math.cos(phi)];
    return Math.abs(g[0] * t[0] + g[1] * t[1]) / (Math.hypot(g[0], g[1]) * Math.hypot(t[0], t[1]));
  });
  const angle = antigradientAngle(f, start);
  // The ray x₀ − s∇f(x₀), s ≥ 0, comes closest to the origin at distance ‖x₀‖ sin(angle).
  const closest = distance(start, [0, 0]) * Math.sin((angle * Math.PI) / 180);
  const offAxis = ARROW_ANGLES.filter((d) => d % 90 !== 0).map((d) => antigradientAngle(f, levelPoint(LEVEL, d)));
  const onAxis = [0, 90, 180, 270].map((d) => antigradientAngle(f, levelPoint(LEVEL, d)));
  const paths = runs.map(({ alpha, trace }) => {
    const length = stepLengths(trace).reduce((a, b) => a + b, 0);
    const flips = trace.points.slice(1).filter((p, k) => Math.sign(p[1]) !== Math.sign(trace.points[k][1])).length;
    return { alpha, ratio: length / distance(start, trace.points[trace.points.length - 1]), flips };
  });
  return [
    claim(
      '"All gradient lines are directed perpendicular to the level lines" (notes 003, the paraboloid 4x² + 16y²).',
      Math.max(...cosines) < 1e-12,
      `|cos(∇f, tangent of the level line f = ${LEVEL})| at 24 points around it: at most ${num(Math.max(...cosines))}`,
    ),
    claim(
      '"Moving along the antigradient one cannot jump onto the minimum in one step, since the gradient points somewhere else entirely" (notes 003).',
      angle > 1 && closest > 1,
      `at the start ${point(start)} the angle between −∇f = ${point([-8 * start[0], -32 * start[1]])} and the direction to the minimum is ${num(angle)}°; ` +
        `no step length along −∇f gets closer to the minimum than ${num(closest)} (the start is ${num(distance(start, [0, 0]))} away). ` +
        `On the level line f = ${LEVEL} the angle is ${num(Math.min(...offAxis))}°–${num(Math.max(...offAxis))}° off the axes, ${num(Math.max(...onAxis))}° only on them`,
    ),
    claim(
      'So gradient descent does not head straight for the minimum: its path bends (small α) or zig-zags across the valley (larger α).',
      paths.every((p) => p.ratio > 1.05) && paths[paths.length - 1].flips >= 3,
      paths.map((p) => `α = ${p.alpha}: path ${num(p.ratio)}× the straight distance, y changes sign ${p.flips} times`).join('; '),
    ),
  ];
}

export const paraboloidSection: DemoSection = {
  id: 'paraboloid',
  title: 'Why the antigradient misses the minimum: the paraboloid 4x² + 16y²',
  seed: 'notes 003 (003_673ddad77e31dcee.txt), "Пример с трёхмерной функцией": the paraboloid z = 4x² + 16y², gradient lines perpendicular to the level lines',
  async build(ctx) {
    const computed = paraboloidRuns();
    const { f, start, runs } = computed;
    const labelled = runs.map(({ alpha, trace }) => ({ label: `gradient descent α = ${alpha}`, trace }));
    const box = [[-7, 7], [-7, 7]] as const;
    const figures = await runFigures(f, labelled, { prefix: 'paraboloid', box, quick: ctx.quick });
    const points = ARROW_ANGLES.map((d) => levelPoint(LEVEL, d));
    const arrows: Arrow[] = [
      ...points.map((p): Arrow => ({ from: p, to: [0, 0], colour: '#999999', dashed: true })),
      ...antigradientArrows(f, points, 2.2, runColour(0)),
    ];
    const plot = { title: '−∇f (arrows) and the way to the minimum (dashed)', resolution: ctx.quick ? 60 : 150, levels: { levels: [1, 10, 40, LEVEL, 250, 500] }, id: 'paraboloid-arrows' };
    const svg = contourPlotWithArrows(f, [], arrows, { ...plot, box: equalAspectBox(f, [], plot, [-6.5, 6.5]) });
    figures.unshift(
      await chartFigure(
        'paraboloid-arrows',
        svg,
        'Level lines of 4x² + 16y² (f = 1, 10, 40, 100, 250, 500) with −∇f drawn as arrows at ten points of the level line f = 100',
        'Each arrow is −∇f, perpendicular to the level line it starts on; the dashed line from the same point goes to the minimum. They agree only on the axes: everywhere else a step along −∇f passes beside the minimum.',
      ),
    );
    const zigzag = runs[runs.length - 1];
    return {
      title: this.title,
      seed: this.seed,
      text:
        'Notes 003 point out on the paraboloid 4x² + 16y² that the gradient is perpendicular to the level lines, which are ellipses, so −∇f does not aim at the minimum and one step cannot land on it. ' +
        `From (5, 5) the antigradient misses the direction to the minimum by ${num(antigradientAngle(f, start))}°, so even the best step length along it stops well beside the minimum. ` +
        'In the arrow picture compare each arrow with the dashed line to the minimum; in the contour plot see how gradient descent curves (α = 0.01) or zig-zags across the narrow direction (α = 0.045) instead of going straight, and in the table how the angle changes along the zig-zag.',
      figures,
      table: {
        columns: ['t', 'x_t', 'y_t', 'f(x_t, y_t)', 'angle between −∇f and the direction to the minimum (°)'],
        rows: paraboloidTableSteps.map((t) => {
          const p = zigzag.trace.points[t];
          return [t, p[0], p[1], zigzag.trace.values[t], antigradientAngle(f, p)];
        }),
      },
      config: { function: 'paraboloid', start, steps: paraboloidSteps, runs: paraboloidRates.map((lr) => ({ optimizer: 'SGD', lr })), arrows: { level: LEVEL, anglesDegrees: ARROW_ANGLES }, table: `the α = ${zigzag.alpha} run` },
      claims: claims(computed),
    };
  },
};
