/**
 * The function: a menu of the zoo (the library's registry; functions of one or two variables) and a field to type
 * one in. Typing validates at every keystroke with the library's compiler; a mistake shows its message and the
 * expression with a caret under the column, and the map keeps the last function that compiled.
 */
import { functions, type Objective } from './lib.js';
import { buildObjective } from './objective.js';
import type { PlaygroundState } from './state.js';

const CUSTOM = '';

/** Zoo entries the map can draw: fixed functions of one or two variables. */
export const drawableZoo = functions.filter((f) => !f.schema).filter((f) => {
  const dim = f.create().dim;
  return dim === 1 || dim === 2;
});

export class FunctionPanel {
  readonly select: HTMLSelectElement;
  readonly input: HTMLInputElement;
  readonly error: HTMLElement;
  readonly formula: HTMLElement;

  constructor(root: HTMLElement, private onFunction: (fn: PlaygroundState['fn'], objective: Objective) => void) {
    const selectLabel = document.createElement('label');
    selectLabel.textContent = 'Function ';
    this.select = document.createElement('select');
    this.select.dataset.testid = 'function-select';
    this.select.append(new Option('(typed in below)', CUSTOM));
    for (const f of drawableZoo) this.select.append(new Option(`${f.name} — ${f.summary}`, f.name));
    selectLabel.append(this.select);

    const inputLabel = document.createElement('label');
    inputLabel.htmlFor = 'function-input';
    inputLabel.textContent = 'or type f (variables x, y; or one variable) =';
    this.input = document.createElement('input');
    this.input.id = 'function-input';
    this.input.type = 'text';
    this.input.spellcheck = false;
    this.input.autocomplete = 'off';
    this.input.dataset.testid = 'function-input';
    this.input.placeholder = 'e.g. (x - 3)^2 + 8*(y - 5)^4 + sqrt(x) + sin(x*y)';
    this.input.setAttribute('aria-describedby', 'function-error');

    this.error = document.createElement('pre');
    this.error.id = 'function-error';
    this.error.className = 'function-error';
    this.error.dataset.testid = 'function-error';
    this.error.setAttribute('role', 'alert');
    this.formula = document.createElement('div');
    this.formula.className = 'formula';
    this.formula.dataset.testid = 'function-formula';
    root.append(selectLabel, inputLabel, this.input, this.error, this.formula);

    this.select.addEventListener('change', () => {
      if (this.select.value === CUSTOM) return this.input.focus();
      this.choose({ zoo: this.select.value });
    });
    this.input.addEventListener('input', () => this.choose({ expr: this.input.value }));
  }

  /** Shows a function of the state without announcing it. */
  show(fn: PlaygroundState['fn'], objective: Objective | null): void {
    this.select.value = 'zoo' in fn ? fn.zoo : CUSTOM;
    if ('expr' in fn) this.input.value = fn.expr;
    else if (document.activeElement !== this.input) this.input.value = '';
    this.error.textContent = '';
    this.input.removeAttribute('aria-invalid');
    this.formula.textContent = objective?.meta?.formula ? `f = ${objective.meta.formula}` : '';
  }

  private choose(fn: PlaygroundState['fn']): void {
    const built = buildObjective(fn);
    if (!built.ok) {
      this.input.setAttribute('aria-invalid', 'true');
      this.error.textContent = built.caret ? `${built.message}\n${built.caret}` : built.message;
      this.error.dataset.column = built.column === undefined ? '' : String(built.column);
      return;
    }
    if ('zoo' in fn) this.select.value = fn.zoo;
    else this.select.value = CUSTOM;
    this.onFunction(fn, built.objective);
  }
}
