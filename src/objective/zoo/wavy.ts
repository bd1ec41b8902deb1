/**
 * The "bad function" of notes 003:
 *
 *   f(x) = (x − 5)² + 50 sin x + 50,   f′(x) = 2(x − 5) + 50 cos x
 *
 * A parabola with ripples deep enough to make local minima: f′ = 0 needs |cos x| = |x − 5| / 25 ≤ 1, so every
 * stationary point lies in [−20, 30], and there are nine minima in all, one per period; the five in the plot interval
 * [−10, 20] are listed. They were found by us (no publication lists them): Newton's method on f′ from each sign change
 * of f′ on a 0.001 grid. The notes report that α = 0.1 "wanders over the hills" (near a minimum f″ ≈ 52 and α f″ > 2,
 * so no minimum is stable) while α = 0.01 settles, in the global minimum. They give no start point. Ours, x₀ = 2,
 * lies in the global minimum's basin (about [1.5, 7.5] for α = 0.01), where that claim holds: from there α = 0.01
 * settles at 4.7235 and α = 0.1 roams over [−4, 14]. From x₀ = 0 (their start for the parabola) α = 0.01 would
 * settle in the local minimum near −1.315 instead.
 */
import { zooObjective, type ZooObjective } from './zoo-function.js';

const howFound = 'ours: Newton’s method on f′ from each sign change of f′ on a 0.001 grid';

export function wavy(): ZooObjective {
  return zooObjective(
    1,
    {
      name: 'wavy',
      formula: '(x - 5)^2 + 50 sin(x) + 50',
      tex: '(x - 5)^2 + 50 \\sin x + 50',
      variables: ['x'],
      domain: [[-10, 20]],
      minima: [
        { x: [4.723451159615183], value: 0.07953852515387894, kind: 'global', note: howFound },
        { x: [-7.337855920693229], value: 158.73580282161032, kind: 'local', note: howFound },
        { x: [-1.3154128028542758], value: 41.50611475191913, kind: 'local', note: howFound },
        { x: [10.76296373669893], value: 34.55835448023538, kind: 'local', note: howFound },
        { x: [16.78775699324591], value: 144.85818668162025, kind: 'local', note: howFound },
      ],
      starts: [[2]],
      startsSource: 'ours: notes 003 give none; x₀ = 2 is in the global basin, where their claim (α = 0.01 finds the global minimum, α = 0.1 wanders) holds',
      source: 'notes 003 (gradient descent), "an example with a bad function"; minima and plot interval are ours',
    },
    (p, g) => {
      const x = p[0];
      const d = x - 5;
      g[0] = 2 * d + 50 * Math.cos(x);
      return d * d + 50 * Math.sin(x) + 50;
    },
  );
}
