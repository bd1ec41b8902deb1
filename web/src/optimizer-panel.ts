/**
 * The racers: one card per optimizer with its colour, registry menu, hyperparameter fields (from the registry's
 * schema) and an optional learning-rate schedule, plus an "Add" row. Cards are rebuilt when the list changes
 * (add, remove, another optimizer, a preset); a field edit only updates the state, so focus stays where it is.
 */
import { optimizers, schedulers, type SchedulerSpec } from './lib.js';
import { optionFields } from './option-fields.js';
import { racerLabel, type RaceRun } from './race.js';
import type { PlaygroundState, RacerConfig } from './state.js';

export interface PanelHooks {
  state(): PlaygroundState;
  /** Something changed: recompute the race (structural: the cards were rebuilt too). */
  changed(structural: boolean): void;
}

/** Schedules a page can set up with fields alone: no function options, no nested schedulers, no metric. */
export const pageSchedulers = schedulers.filter(
  (s) => !s.children && s.name !== 'ReduceLROnPlateau' && !Object.values(s.schema).some((o) => o.kind === 'function'),
);

export const MAX_RACERS = 8;

function button(text: string, testid: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.dataset.testid = testid;
  b.title = title;
  return b;
}

function menu(names: readonly string[], selected: string, testid: string, label: string, none?: string): HTMLSelectElement {
  const select = document.createElement('select');
  select.dataset.testid = testid;
  select.setAttribute('aria-label', label);
  if (none) select.append(new Option(none, ''));
  for (const n of names) select.append(new Option(n, n, false, n === selected));
  if (none && !selected) select.value = '';
  return select;
}

export class OptimizerPanel {
  private errors: HTMLElement[] = [];

  constructor(readonly root: HTMLElement, private hooks: PanelHooks) {}

  /** Rebuilds every card. */
  render(runs: readonly RaceRun[]): void {
    const state = this.hooks.state();
    this.root.replaceChildren();
    this.errors = [];
    state.racers.forEach((r, i) => this.root.append(this.card(r, i, runs[i]?.colour ?? '#000000')));
    const add = document.createElement('div');
    add.className = 'add-racer';
    const pick = menu(optimizers.map((o) => o.name), 'Adam', 'add-optimizer-select', 'optimizer to add');
    const go = button('Add optimizer', 'add-optimizer', 'add this optimizer to the race, with the registry’s defaults');
    go.disabled = state.racers.length >= MAX_RACERS;
    go.addEventListener('click', () => {
      state.racers.push({ name: pick.value, options: { lr: pick.value === 'SGD' ? 0.01 : 0.1 } });
      this.hooks.changed(true);
    });
    add.append(pick, go);
    this.root.append(add);
    this.showErrors(runs);
  }

  /** Shows each card's rejection message (an option the library refused), or nothing. */
  showErrors(runs: readonly RaceRun[]): void {
    this.errors.forEach((el, i) => (el.textContent = runs[i]?.error ?? ''));
  }

  private card(r: RacerConfig, i: number, colour: string): HTMLElement {
    const state = this.hooks.state();
    const card = document.createElement('fieldset');
    card.className = 'racer';
    card.dataset.testid = `racer-${i}`;
    card.style.setProperty('--run-colour', colour);
    const legend = document.createElement('legend');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    legend.append(swatch, racerLabel(r));
    card.append(legend);

    const head = document.createElement('div');
    head.className = 'racer-head';
    const pick = menu(optimizers.map((o) => o.name), r.name, `racer-${i}-optimizer`, `optimizer ${i + 1}`);
    pick.addEventListener('change', () => {
      state.racers[i] = { name: pick.value, options: { lr: r.options.lr ?? 0.01 } };
      this.hooks.changed(true);
    });
    const remove = button('Remove', `racer-${i}-remove`, 'remove this optimizer from the race');
    remove.addEventListener('click', () => {
      state.racers.splice(i, 1);
      this.hooks.changed(true);
    });
    head.append(pick, remove);
    card.append(head);

    const entry = optimizers.find((o) => o.name === r.name);
    const details = document.createElement('details');
    details.open = state.racers.length <= 3;
    const summary = document.createElement('summary');
    summary.textContent = 'hyperparameters';
    details.append(summary);
    if (entry) details.append(optionFields(entry.schema, r.options, () => this.hooks.changed(false), `racer-${i}`));

    const schedRow = document.createElement('div');
    schedRow.className = 'schedule-row';
    const schedLabel = document.createElement('label');
    schedLabel.textContent = 'schedule';
    const sched = menu(pageSchedulers.map((s) => s.name), r.schedule?.name ?? '', `racer-${i}-schedule`, `schedule of optimizer ${i + 1}`, 'constant lr');
    sched.addEventListener('change', () => {
      if (sched.value) r.schedule = { name: sched.value } as SchedulerSpec & RacerConfig['schedule'];
      else delete r.schedule;
      this.hooks.changed(true);
    });
    schedLabel.append(sched);
    schedRow.append(schedLabel);
    details.append(schedRow);
    const schedEntry = r.schedule && pageSchedulers.find((s) => s.name === r.schedule?.name);
    if (schedEntry && r.schedule) {
      const { name: _name, ...given } = r.schedule;
      details.append(
        optionFields(schedEntry.schema, given, (key, value) => {
          if (!r.schedule) return;
          if (value === undefined || !(key in given)) delete r.schedule[key];
          else r.schedule[key] = given[key];
          this.hooks.changed(false);
        }, `racer-${i}-schedule`),
      );
    }
    card.append(details);
    const error = document.createElement('div');
    error.className = 'racer-error';
    error.setAttribute('role', 'alert');
    error.dataset.testid = `racer-${i}-error`;
    this.errors.push(error);
    card.append(error);
    return card;
  }
}
