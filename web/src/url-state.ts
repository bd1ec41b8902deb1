/**
 * The state in the URL's hash, so a link reproduces the view: the state as JSON, base64url-encoded (compact, and
 * safe in any URL). On load it is validated in two layers: its shape by the zod schema of state.ts, then its meaning
 * by the library itself (the function builds, the start fits it, every optimizer and schedule accepts its options).
 * A bad link yields a message and the caller falls back to the defaults.
 */
import { DescentError, minimize } from './lib.js';
import { buildObjective } from './objective.js';
import { stateSchema, type PlaygroundState } from './state.js';

const PREFIX = '#s=';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeState(state: PlaygroundState): string {
  return PREFIX + toBase64Url(JSON.stringify(state));
}

export type Decoded = { kind: 'none' } | { kind: 'ok'; state: PlaygroundState } | { kind: 'bad'; message: string };

/** The state in a hash (`#s=…`); `none` when the hash holds no state. */
export function decodeState(hash: string): Decoded {
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(hash.slice(PREFIX.length)));
  } catch {
    return { kind: 'bad', message: 'the link’s state is not readable (it may have been cut short)' };
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'bad', message: `the link’s state is malformed at ${issue.path.join('.') || 'the top'}: ${issue.message}` };
  }
  const problem = checkMeaning(parsed.data);
  return problem ? { kind: 'bad', message: problem } : { kind: 'ok', state: parsed.data };
}

/** What the library says is wrong with a well-shaped state, or null. */
export function checkMeaning(state: PlaygroundState): string | null {
  const built = buildObjective(state.fn);
  if (!built.ok) return `the link’s function does not build: ${built.message}`;
  const { dim } = built.objective;
  if (state.start.length !== dim) return `the link’s start has ${state.start.length} coordinates, the function ${dim}`;
  if (state.view.length !== dim) return `the link’s view has ${state.view.length} ranges, the function ${dim} variables`;
  for (const r of state.racers) {
    try {
      // Zero steps: the optimizer and schedule are built (so their options are validated) and nothing runs.
      minimize(built.objective, state.start, { optimizer: { ...r.options, name: r.name }, ...(r.schedule ? { schedule: r.schedule } : {}), maxSteps: 0 });
    } catch (e) {
      if (e instanceof DescentError) return `the link’s ${r.name}: ${e.message}`;
      throw e;
    }
  }
  return null;
}
