/**
 * The playground page: wires the panels, the map and the charts to one state object and runs the animation.
 *
 * UI approach: plain TypeScript and the DOM, no framework. The page has a dozen controls and two drawing
 * surfaces; its pictures are SVG strings from the library and one canvas, which a virtual DOM would only diff
 * for nothing. Without preact or lit the site is the library plus a few kilobytes, and nothing stands between a
 * reader and the code that calls the library.
 *
 * Flow: an edit changes `state` → `invalidate` schedules one redraw on the next animation frame (the race is
 * recomputed with the library's minimize, the map's SVG redrawn when its inputs changed) → the URL follows. The
 * animation only moves `step` and redraws the overlay, the readout and, when the step changes, the charts.
 */
import { drawCharts, drawReadout } from './charts.js';
import { exportGif, exportJson, exportPng } from './export.js';
import { FunctionPanel } from './function-panel.js';
import type { Objective } from './lib.js';
import { attachMapControls } from './map-controls.js';
import { MapView } from './map-view.js';
import { buildObjective, defaultStart, defaultView } from './objective.js';
import { OptimizerPanel } from './optimizer-panel.js';
import { defaultPreset, findPreset, presets } from './presets.js';
import { raceLength, runRace, type RaceRun } from './race.js';
import { cloneState, type PlaygroundState } from './state.js';
import { decodeState, encodeState } from './url-state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: PlaygroundState = cloneState(defaultPreset.state);
let objective: Objective;
let runs: RaceRun[] = [];
let step = 0;
let playing = false;
let started = false;
let lastChartStep = -1;
let lastChartAt = 0;
const dirty = { map: false, race: false, panel: false };
let frameAsked = false;

const map = new MapView($('map'));
const functionPanel = new FunctionPanel($('function-panel'), (fn, built) => {
  const dimChanged = built.dim !== objective.dim;
  state.fn = fn;
  objective = built;
  if ('zoo' in fn || dimChanged) {
    state.view = defaultView(built);
    state.start = defaultStart(built, state.view);
  }
  functionPanel.formula.textContent = built.meta?.formula ? `f = ${built.meta.formula}` : '';
  invalidate({ map: true, race: true });
});
const panel = new OptimizerPanel($('racers'), { state: () => state, changed: (structural) => invalidate({ race: true, map: true, panel: structural }) });
const readout = $<HTMLTableSectionElement>('readout');
const statusLine = $('status-line');
const message = $('message');

/** Adopts a whole new state (a preset, a link): everything is rebuilt. */
function load(next: PlaygroundState): void {
  const built = buildObjective(next.fn);
  if (!built.ok) throw new Error(`playground: a state that was checked does not build: ${built.message}`);
  state = next;
  objective = built.objective;
  functionPanel.show(state.fn, objective);
  step = 0;
  started = false;
  playing = false;
  syncTransport();
  invalidate({ map: true, race: true, panel: true });
}

function invalidate(what: Partial<typeof dirty>): void {
  Object.assign(dirty, what);
  if (!frameAsked) {
    frameAsked = true;
    requestAnimationFrame(frame);
  }
}

let contourMs = 0;
let frameMs = 0;
let fps = 0;
let framesThisSecond = 0;
let secondStarted = performance.now();
let lastTime = performance.now();

function redraw(): void {
  if (dirty.race) {
    runs = runRace(objective, state);
    step = Math.min(step, raceLength(runs));
  }
  if (dirty.map || dirty.race) contourMs = map.render(objective, state, runs);
  if (dirty.panel) panel.render(runs);
  else if (dirty.race) panel.showErrors(runs);
  if (dirty.map || dirty.race) {
    lastChartStep = -1;
    history.replaceState(null, '', encodeState(state));
    $('start-readout').textContent = `start (${state.start.map((v) => v.toPrecision(4)).join(', ')})`;
    $('map').dataset.start = JSON.stringify(state.start);
    $('map').dataset.view = JSON.stringify(state.view);
  }
  dirty.map = dirty.race = dirty.panel = false;
}

function frame(now: number): void {
  frameAsked = false;
  redraw();
  const dt = Math.min(100, now - lastTime);
  lastTime = now;
  const end = raceLength(runs);
  if (playing) {
    step = Math.min(end, step + (state.speed * dt) / 1000);
    if (step >= end) {
      playing = false;
      syncTransport();
    }
    framesThisSecond += 1;
    if (now - secondStarted >= 1000) {
      fps = (framesThisSecond * 1000) / (now - secondStarted);
      framesThisSecond = 0;
      secondStarted = now;
    }
  }
  const shown = Math.floor(step);
  const drawStarted = performance.now();
  map.draw(runs, shown);
  // Charts at most every 50 ms while running: they are SVG, a millisecond or two each.
  if (shown !== lastChartStep && (!playing || now - lastChartAt > 50)) {
    drawCharts($('loss-chart'), $('lr-chart'), objective, runs, shown);
    drawReadout(readout, runs, shown, started);
    lastChartStep = shown;
    lastChartAt = now;
  }
  // The work of this frame (overlay, and readout and charts when the step changed), averaged while playing.
  const work = performance.now() - drawStarted;
  frameMs = playing ? 0.9 * frameMs + 0.1 * work : work;
  statusLine.textContent = `map ${contourMs.toFixed(1)} ms · frame ${frameMs.toFixed(1)} ms · step ${shown}/${end}${playing ? ` · ${fps.toFixed(0)} fps` : ''}`;
  statusLine.dataset.frameMs = frameMs.toFixed(2);
  statusLine.dataset.contourMs = contourMs.toFixed(2);
  statusLine.dataset.fps = fps.toFixed(1);
  if (playing) invalidate({});
}

function syncTransport(): void {
  $<HTMLButtonElement>('run').disabled = playing;
  $<HTMLButtonElement>('pause').disabled = !playing;
  document.body.dataset.playing = String(playing);
}

// Transport: Run continues from where the race is (from the start once it has finished), Step pauses and adds one.
$('run').addEventListener('click', () => {
  if (step >= raceLength(runs)) step = 0;
  playing = started = true;
  framesThisSecond = 0;
  secondStarted = lastTime = performance.now();
  syncTransport();
  invalidate({});
});
$('pause').addEventListener('click', () => {
  playing = false;
  syncTransport();
  invalidate({});
});
$('step').addEventListener('click', () => {
  playing = false;
  started = true;
  step = Math.min(raceLength(runs), Math.floor(step) + 1);
  syncTransport();
  invalidate({});
});
$('reset').addEventListener('click', () => {
  playing = started = false;
  step = 0;
  syncTransport();
  invalidate({});
});

// Speed: a log slider from 1 to 1000 steps a second.
const speed = $<HTMLInputElement>('speed');
const showSpeed = () => {
  speed.value = String(Math.round((Math.log10(state.speed) / 3) * 1000));
  $('speed-value').textContent = `${state.speed} steps/s`;
};
speed.addEventListener('input', () => {
  state.speed = Number((10 ** ((Number(speed.value) / 1000) * 3)).toPrecision(2));
  $('speed-value').textContent = `${state.speed} steps/s`;
  history.replaceState(null, '', encodeState(state));
});
const steps = $<HTMLInputElement>('steps');
steps.addEventListener('change', () => {
  const n = Number(steps.value);
  if (Number.isInteger(n) && n >= 1 && n <= 5000) {
    state.steps = n;
    invalidate({ race: true });
  } else steps.value = String(state.steps);
});

attachMapControls(
  map,
  {
    view: () => state.view.map(([lo, hi]) => [lo, hi] as [number, number]),
    start: () => [...state.start],
    setView: (view) => {
      state.view = view.map(([lo, hi]) => [Number(lo.toPrecision(6)), Number(hi.toPrecision(6))] as [number, number]);
      invalidate({ map: true });
    },
    setStart: (start) => {
      state.start = start;
      step = 0;
      started = true;
      playing = true;
      syncTransport();
      invalidate({ race: true });
    },
  },
  $('zoom-in'),
  $('zoom-out'),
);
$('zoom-reset').addEventListener('click', () => {
  state.view = defaultView(objective);
  invalidate({ map: true });
});

// Presets.
const presetSelect = $<HTMLSelectElement>('preset-select');
presetSelect.append(new Option('(choose an experiment)', ''));
for (const p of presets) presetSelect.append(new Option(p.title, p.id));
presetSelect.addEventListener('change', () => {
  const p = findPreset(presetSelect.value);
  if (!p) return;
  $('preset-look').textContent = p.look;
  load(cloneState(p.state));
  refreshControls();
});

function refreshControls(): void {
  showSpeed();
  steps.value = String(state.steps);
}

$('export-png').addEventListener('click', () => void exportPng(map));
$('export-gif').addEventListener('click', () => void exportGif(map, runs));
$('export-json').addEventListener('click', () => exportJson(state, runs));

/** The state of the URL, or the defaults with a message when the link is bad. */
function fromUrl(): void {
  const decoded = decodeState(location.hash);
  message.hidden = decoded.kind !== 'bad';
  if (decoded.kind === 'bad') message.textContent = `This link could not be restored (${decoded.message}); showing the default experiment.`;
  if (decoded.kind === 'ok') load(decoded.state);
  else {
    load(cloneState(defaultPreset.state));
    $('preset-look').textContent = defaultPreset.look;
    presetSelect.value = defaultPreset.id;
  }
  refreshControls();
}

window.addEventListener('hashchange', () => {
  if (location.hash !== encodeState(state)) fromUrl();
});
objective = (buildObjective(defaultPreset.state.fn) as { ok: true; objective: Objective }).objective;
fromUrl();
