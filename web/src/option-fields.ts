/**
 * A form field for each option of a registry schema (optimizer or scheduler): numbers as fields, with a slider
 * where the range allows one (the learning rate on a log scale), booleans as checkboxes, choices as menus, pairs
 * (Adam's betas) as two fields. The schema is the library's; the page neither lists options nor re-states their
 * ranges or defaults. Options the page cannot edit (lists, functions) keep their defaults.
 */
import { checkOptions, describeSpec, type OptionSchema, type OptionSpec } from './lib.js';
import type { OptionValue } from './state.js';

export type OptionChange = (key: string, value: OptionValue | undefined) => void;

let uid = 0;

function numberInput(value: number | null, label: string, testid: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'number';
  input.step = 'any';
  input.value = value === null ? '' : String(value);
  input.setAttribute('aria-label', label);
  input.dataset.testid = testid;
  return input;
}

/** A slider for numbers with a usable range: log-spaced for the learning rate, linear for bounded options. */
function slider(key: string, spec: OptionSpec & { kind: 'number' }, value: number, field: HTMLInputElement, emit: (v: number) => void): HTMLInputElement | null {
  const log = key === 'lr' || key === 'maxLr' || key === 'baseLr';
  const bounded = spec.min !== undefined && spec.max !== undefined && !spec.integer;
  if (!log && !bounded) return null;
  const s = document.createElement('input');
  s.type = 'range';
  s.min = '0';
  s.max = '1000';
  s.tabIndex = -1; // the number field is the keyboard's way in; the slider is for the mouse
  s.setAttribute('aria-hidden', 'true');
  const [lo, hi] = log ? [Math.log10(1e-5), Math.log10(10)] : [spec.min as number, spec.max as number];
  const toSlider = (v: number) => String(Math.round(((log ? Math.log10(Math.max(v, 1e-5)) : v) - lo) / (hi - lo) * 1000));
  s.value = toSlider(value);
  s.addEventListener('input', () => {
    const t = lo + (Number(s.value) / 1000) * (hi - lo);
    const v = Number((log ? 10 ** t : t).toPrecision(3));
    field.value = String(v);
    emit(v);
  });
  field.addEventListener('input', () => {
    if (field.value !== '') s.value = toSlider(Number(field.value));
  });
  return s;
}

/** The options form; `given` holds the explicit options (the rest show the schema's defaults). */
export function optionFields(schema: OptionSchema, given: Record<string, OptionValue>, onChange: OptionChange, testPrefix: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'option-fields';
  const errors = new Map<string, HTMLElement>();
  const showProblems = () => {
    const { problems } = checkOptions(schema, given);
    for (const [key, el] of errors) el.textContent = problems.filter((p) => p.key === key || p.key.startsWith(`${key}[`)).map((p) => p.message).join('; ');
  };
  const set = (key: string, value: OptionValue | undefined) => {
    const spec = schema[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(spec.default)) delete given[key];
    else given[key] = value;
    showProblems();
    onChange(key, value);
  };

  for (const [key, spec] of Object.entries(schema)) {
    if (spec.kind === 'list' || spec.kind === 'function') continue;
    const current = (key in given ? given[key] : spec.default) as OptionValue;
    const row = document.createElement('div');
    row.className = `field field-${spec.kind}`;
    const id = `opt-${++uid}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = key;
    label.title = `${spec.description} (${describeSpec(spec)}; default ${JSON.stringify(spec.default)})`;
    row.append(label);
    const testid = `${testPrefix}-${key}`;
    if (spec.kind === 'number' || spec.kind === 'nullable-number') {
      const input = numberInput(current as number | null, key, testid);
      input.id = id;
      const emit = (v: number) => set(key, v);
      input.addEventListener('input', () => {
        if (input.value === '') set(key, spec.kind === 'nullable-number' ? null : undefined);
        else if (Number.isFinite(Number(input.value))) emit(Number(input.value));
      });
      const s = spec.kind === 'number' ? slider(key, spec, current as number, input, emit) : null;
      row.append(...(s ? [s, input] : [input]));
    } else if (spec.kind === 'boolean') {
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = id;
      input.checked = current === true;
      input.dataset.testid = testid;
      input.addEventListener('change', () => set(key, input.checked));
      row.append(input);
    } else if (spec.kind === 'choice') {
      const select = document.createElement('select');
      select.id = id;
      select.dataset.testid = testid;
      for (const v of spec.values) select.append(new Option(v === null ? '(none)' : v, JSON.stringify(v), false, v === current));
      select.addEventListener('change', () => set(key, JSON.parse(select.value) as string | null));
      row.append(select);
    } else if (spec.kind === 'pair') {
      const pair = [...(current as number[])];
      [0, 1].forEach((k) => {
        const input = numberInput(pair[k], `${key}[${k}]`, `${testid}-${k}`);
        if (k === 0) input.id = id;
        input.addEventListener('input', () => {
          if (input.value === '' || !Number.isFinite(Number(input.value))) return;
          pair[k] = Number(input.value);
          set(key, [...pair]);
        });
        row.append(input);
      });
    }
    const error = document.createElement('div');
    error.className = 'field-error';
    error.setAttribute('role', 'alert');
    errors.set(key, error);
    row.append(error);
    box.append(row);
  }
  showProblems();
  return box;
}
