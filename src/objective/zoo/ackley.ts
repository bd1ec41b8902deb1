/**
 * Ackley's function (Ackley 1987), in the VLSE's form with a = 20, b = 0.2, c = 2π, here in two variables:
 *
 *   f(x) = −a exp(−b r) − exp(s) + a + e,   r = √(Σ x_i² / d),  s = Σ cos(c x_i) / d
 *   ∂f/∂x_i = a b exp(−b r) x_i / (d r) + exp(s) (c/d) sin(c x_i)
 *
 * A nearly flat outer region riddled with small ripples around a deep funnel; global minimum 0 at the origin, domain
 * [−32.768, 32.768]². At the origin r has no derivative (the funnel is a cone there); the gradient is taken as 0,
 * the one subgradient that makes the minimum stationary.
 */
import { box, vlse, zooObjective, type ZooObjective } from './zoo-function.js';

const A = 20;
const B = 0.2;
const C = 2 * Math.PI;

function valueAndGrad(x: ArrayLike<number>, g: Float64Array): number {
  const d = x.length;
  let squares = 0;
  let cosines = 0;
  for (let i = 0; i < d; i++) {
    squares += x[i] * x[i];
    cosines += Math.cos(C * x[i]);
  }
  const r = Math.sqrt(squares / d);
  const cone = Math.exp(-B * r);
  const ripple = Math.exp(cosines / d);
  const coneFactor = r === 0 ? 0 : (A * B * cone) / (d * r);
  for (let i = 0; i < d; i++) g[i] = coneFactor * x[i] + ((ripple * C) / d) * Math.sin(C * x[i]);
  return -A * cone - ripple + A + Math.E;
}

export function ackley(): ZooObjective {
  return zooObjective(
    2,
    {
      name: 'ackley',
      formula: '-20 exp(-0.2 sqrt((x^2 + y^2)/2)) - exp((cos(2 pi x) + cos(2 pi y))/2) + 20 + e',
      tex: '-20\\, e^{-0.2\\sqrt{(x^2 + y^2)/2}} - e^{(\\cos 2\\pi x + \\cos 2\\pi y)/2} + 20 + e',
      variables: ['x', 'y'],
      domain: box(2, -32.768, 32.768),
      minima: [{ x: [0, 0], value: 0, kind: 'global', note: 'not differentiable at the origin (a cone); the gradient there is taken as 0' }],
      starts: [[15, -10]],
      startsSource: 'ours: a point of the rippled outer region',
      source: vlse('ackley.html'),
    },
    valueAndGrad,
  );
}
