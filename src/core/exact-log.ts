/**
 * The natural logarithm rounded correctly to the nearest double, which is what glibc's `log` (and so Python's
 * math.log, and so torch's schedulers) returns for all but about 3 in 10,000 arguments, those whose logarithm
 * lies within 0.02 ulp of a midpoint. V8's Math.log is one unit in the last place off for about 3 in 100 (it
 * gives ln 3 as 1.0986122886681096; the nearest double is …098), and where a schedule truncates a ratio of logs
 * (CosineAnnealingWarmRestarts' period index at a restart) one unit decides which period a step falls in.
 *
 * Method: x = 2ᵉ · m with m in [√½, √2), ln x = e · ln 2 + 2 atanh(s), s = (m − 1)/(m + 1), |s| < 0.172, the
 * series 2(s + s³/3 + s⁵/5 + …) summed in double-double arithmetic (about 104 bits; Dekker 1971, and the
 * double-double literature since). Rounding the ~104-bit result to a double is correct except for inputs whose
 * logarithm lies within 2⁻¹⁰⁴ of a midpoint between doubles.
 */

/** A double-double: the unevaluated sum hi + lo with |lo| <= ulp(hi)/2. */
type DD = readonly [number, number];

/** a + b exactly as hi + lo (Knuth's TwoSum). */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a + b exactly as hi + lo, for |a| >= |b|. */
function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** a · b exactly as hi + lo (Dekker's product with Veltkamp's split). */
function twoProd(a: number, b: number): DD {
  const split = (x: number): DD => {
    const c = 134217729 * x;
    const hi = c - (c - x);
    return [hi, x - hi];
  };
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return fastTwoSum(s, e + a[1] + b[1]);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return fastTwoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function div(a: DD, b: DD): DD {
  const q = a[0] / b[0];
  const [p, e] = twoProd(q, b[0]);
  return fastTwoSum(q, (a[0] - p - e + a[1] - q * b[1]) / b[0]);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const SERIES_TERMS = 24;
/** 1/(2k + 1) for k = 0 … SERIES_TERMS − 1, as double-doubles. */
const ODD_RECIPROCALS: DD[] = Array.from({ length: SERIES_TERMS }, (_, k) => div([1, 0], [2 * k + 1, 0]));

/** ln x, correctly rounded (see above); NaN, ±Infinity, 0 and negatives as Math.log. Subnormals go to Math.log. */
export function correctlyRoundedLog(x: number): number {
  if (!(x >= 2.2250738585072014e-308) || x === Infinity) return Math.log(x);
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e;
  // Math.log2 may land one off at a power of two; bring m into [1, 2) exactly (scaling by 2 is exact).
  if (m >= 2) (m /= 2), (e += 1);
  else if (m < 1) (m *= 2), (e -= 1);
  if (m > Math.SQRT2) (m /= 2), (e += 1);
  const s = div([m - 1, 0], twoSum(m, 1)); // m − 1 is exact for m in [½, 2] (Sterbenz)
  const s2 = mul(s, s);
  let sum = ODD_RECIPROCALS[SERIES_TERMS - 1];
  for (let k = SERIES_TERMS - 2; k >= 0; k--) sum = add(mul(sum, s2), ODD_RECIPROCALS[k]);
  const logM = mul([2 * s[0], 2 * s[1]], sum);
  const [hi, lo] = add(mul(LN2, [e, 0]), logM);
  return hi + lo;
}
