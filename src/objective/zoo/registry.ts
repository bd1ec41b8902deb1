/**
 * Every function of the zoo in one plain table: its name, a one-line summary, an option schema for the families
 * that take options (dim, condition, seed), and a factory. The command line, the experiment engine and the
 * playground read this table; nothing else lists the functions.
 */
import { fail, show } from '../../core/errors.js';
import { resolveOptions, type OptionSchema, type OptionsOf } from '../../core/options.js';
import { ackley } from './ackley.js';
import { beale } from './beale.js';
import { booth } from './booth.js';
import { sixHumpCamel, threeHumpCamel } from './camels.js';
import { easom } from './easom.js';
import { eggholder } from './eggholder.js';
import { goldsteinPrice } from './goldstein-price.js';
import { himmelblau } from './himmelblau.js';
import { illConditionedQuadratic, illConditionedQuadraticSchema } from './ill-conditioned-quadratic.js';
import { levi } from './levi.js';
import { matyas } from './matyas.js';
import { mccormick } from './mccormick.js';
import { plateau } from './plateau.js';
import { parabola, paraboloid, saddle, seedQuadratic } from './quadratics.js';
import { rastrigin, rastriginNd, rastriginNdSchema } from './rastrigin.js';
import { rosenbrock, rosenbrockNd, rosenbrockNdSchema } from './rosenbrock.js';
import { seedComplex } from './seed-complex.js';
import { styblinskiTang, styblinskiTangNd, styblinskiTangNdSchema } from './styblinski-tang.js';
import { wavy } from './wavy.js';
import type { ZooObjective } from './zoo-function.js';

export interface FunctionEntry {
  /** Registry name, lower-case with hyphens, e.g. `six-hump-camel`. */
  readonly name: string;
  readonly summary: string;
  /** The options of a family (`rosenbrock-nd`'s dim, …); absent for a function that takes none. */
  readonly schema?: OptionSchema;
  /** Builds the function; options are validated against the schema. */
  create(options?: Record<string, unknown>): ZooObjective;
}

function single(name: string, summary: string, make: () => ZooObjective): FunctionEntry {
  const create = (options?: Record<string, unknown>) => {
    if (options !== undefined && (options === null || typeof options !== 'object' || Object.keys(options).length > 0)) {
      fail(name, `takes no options, got ${show(options)}`);
    }
    return make();
  };
  return Object.freeze({ name, summary, create });
}

function family<S extends OptionSchema>(name: string, summary: string, schema: S, make: (options: OptionsOf<S>) => ZooObjective): FunctionEntry {
  const create = (options?: Record<string, unknown>) => make(resolveOptions(name, schema, options));
  return Object.freeze({ name, summary, schema, create });
}

export const functions: readonly FunctionEntry[] = Object.freeze([
  single('seed-quadratic', 'the seed notebook’s first function, from (5, 5)', seedQuadratic),
  single('seed-complex', 'the seed notebook’s second function: a quartic valley with sin(xy) ripples, from (5, −2)', seedComplex),
  single('parabola', 'notes 003’s first example, from θ = 0 (α = 1.2 diverges)', parabola),
  single('wavy', 'notes 003’s "bad function": a parabola with ripples deep enough for local minima', wavy),
  single('paraboloid', 'notes 003’s paraboloid, whose gradient does not point at the minimum', paraboloid),
  single('saddle', 'a saddle, no minimum: descent stalls near the origin', saddle),
  single('plateau', 'a well in a tanh plateau, where the gradient all but vanishes', plateau),
  single('rosenbrock', 'the banana valley: easy to reach, slow to follow', rosenbrock),
  single('beale', 'a valley with sharp ridges near the corners', beale),
  single('booth', 'a convex quadratic, condition number 9', booth),
  single('matyas', 'a convex quadratic with a long flat diagonal trough, condition number 25', matyas),
  single('himmelblau', 'four global minima of equal value 0', himmelblau),
  single('three-hump-camel', 'a global minimum between two local ones', threeHumpCamel),
  single('six-hump-camel', 'two global and four local minima', sixHumpCamel),
  single('goldstein-price', 'a product of quartics spanning six orders of magnitude', goldsteinPrice),
  single('mccormick', 'a sine-tilted quadratic with a closed-form minimum', mccormick),
  single('styblinski-tang', 'separable quartic: four minima, one global', styblinskiTang),
  single('rastrigin', 'an egg-box of local minima over a bowl', rastrigin),
  single('ackley', 'a funnel in a rippled, nearly flat plain', ackley),
  single('levi', 'Lévy N.13: fine ripples over a bowl', levi),
  single('eggholder', 'deep irregular basins; the global minimum is on the edge of the domain', eggholder),
  single('easom', 'one narrow well in a plain flat to rounding', easom),
  family('rosenbrock-nd', 'Rosenbrock in d variables', rosenbrockNdSchema, rosenbrockNd),
  family('rastrigin-nd', 'Rastrigin in d variables', rastriginNdSchema, rastriginNd),
  family('styblinski-tang-nd', 'Styblinski–Tang in d variables: 2^d minima', styblinskiTangNdSchema, styblinskiTangNd),
  family('ill-conditioned-quadratic', 'a rotated quadratic with a chosen condition number', illConditionedQuadraticSchema, illConditionedQuadratic),
]);

/** Looks a function's entry up by name, ignoring case. */
export function getFunctionEntry(name: string): FunctionEntry {
  const found = functions.find((f) => f.name === String(name).toLowerCase());
  if (!found) fail('function', `unknown function ${show(name)} (known: ${functions.map((f) => f.name).join(', ')})`);
  return found;
}

/** Builds a function of the zoo by name (ignoring case), e.g. `getFunction('rosenbrock-nd', { dim: 50 })`. */
export function getFunction(name: string, options?: Record<string, unknown>): ZooObjective {
  return getFunctionEntry(name).create(options);
}
