#!/usr/bin/env node
/**
 * The `descent` command line. Each command parses its arguments, calls the library and prints; errors caused by
 * the user's input become one line on stderr and exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DescentError } from '../core/errors.js';
import type { DemoFlags } from './demo.js';
import { formatOptimizerHelp, formatOptimizerList } from './optimizers.js';
import { formatFunctionHelp, formatFunctionList } from './functions.js';
import { formatCurve, formatScheduleHelp, formatScheduleList, scheduleCurve } from './schedules.js';
import { fail } from '../core/errors.js';
import type { RunFlags } from './run.js';
import type { SweepFlags } from './sweep.js';
import type { TrainFlags } from './train.js';
import type { DemoSection } from './demo/section.js';

/** Set by a command that ends with a code other than 0 without an error (demo: a claim that does not hold). */
let exitCode = 0;

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The commands that run things (demo, run, sweep, train, datasets) load their modules when they run, so that
 * `descent --version` or `descent optimizers` does not load the viz, data and worker layers. `sections` is the
 * demo's list, loaded only when the command line is about the demo (for its help text).
 */
function buildProgram(sections: readonly DemoSection[] = []): Command {
  const program = new Command('descent')
    .description('Gradient-based optimization for machine learning: torch.optim semantics, experiments and reports.')
    .version(version, '-v, --version')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('demo')
    .description("reproduce every experiment and claim of the seeds as an HTML report with plots and animated GIFs")
    .option('--out <dir>', 'where to write the report', 'descent-out/demo')
    .option('--only <ids>', 'run only these sections, comma-separated (e.g. parabola,amsgrad)')
    .option('--quick', 'fewer animation frames and coarser contour grids (the numbers are the same)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', () => `\nSections: ${sections.map((s) => s.id).join(', ')}`)
    .action(async (flags: DemoFlags) => {
      const { demoCommand } = await import('./demo.js');
      exitCode = await demoCommand(flags);
    });

  program
    .command('optimizers')
    .argument('[name]', 'show the options of one optimizer')
    .description('list the optimizers, or the options of one (defaults, valid ranges, meaning)')
    .action((name?: string) => {
      console.log(name === undefined ? formatOptimizerList() : formatOptimizerHelp(name));
    });

  program
    .command('schedules')
    .argument('[name]', 'show the options of one scheduler')
    .description('list the learning-rate schedulers, or the options of one')
    .action((name?: string) => {
      console.log(name === undefined ? formatScheduleList() : formatScheduleHelp(name));
    });

  program
    .command('functions')
    .argument('[name]', 'show one function in full')
    .allowUnknownOption()
    .allowExcessArguments()
    .description("list the zoo of test functions (formula, domain, global minimum), or one function in full; a family's options as flags, e.g. rosenbrock-nd --dim 3")
    .action((name: string | undefined, _opts: unknown, command: Command) => {
      console.log(name === undefined ? formatFunctionList() : formatFunctionHelp(name, command.args.slice(1)));
    });

  program
    .command('schedule')
    .argument('<name>', 'scheduler name, e.g. StepLR')
    .option('--lr <number>', 'initial learning rate', '0.1')
    .option('--steps <number>', 'number of steps to show', '30')
    .option('--metrics <list>', 'comma-separated metric per step (ReduceLROnPlateau)')
    .option('--json', 'print JSON instead of a table')
    .allowUnknownOption()
    .allowExcessArguments()
    .description("print a schedule's learning rate per step; the scheduler's own options as flags, e.g. StepLR --step-size 5 --gamma 0.5")
    .action((name: string, opts: { lr: string; steps: string; metrics?: string; json?: boolean }, command: Command) => {
      const curve = scheduleCurve({
        name,
        lr: numberFlag('lr', opts.lr),
        steps: numberFlag('steps', opts.steps),
        flags: command.args.slice(1),
        metrics: opts.metrics?.split(',').map((m) => numberFlag('metrics', m)),
      });
      console.log(opts.json ? JSON.stringify(curve) : formatCurve(curve));
    });

  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('run')
    .argument('[file]', 'experiment file, YAML or JSON')
    .description('run optimizers side by side on one function; write results.json, results.csv, pictures and an HTML report')
    .option('--function <f>', 'quick form: a zoo name (rosenbrock, "rosenbrock-nd dim=10") or an expression ("(x-3)^2 + 8*(y-5)^4")')
    .option('--start <point>', 'quick form: a start point, e.g. -1.5,2 (repeat for several; default: the function\'s)', collect, [])
    .option('--optimizer <spec>', 'quick form: an optimizer and its options, e.g. "adam lr=0.05" (repeat for several)', collect, [])
    .option('--schedule <spec>', 'quick form: a schedule for every optimizer, e.g. "StepLR stepSize=5 gamma=0.5"')
    .option('--steps <n>', 'quick form: most steps per run (default 100)')
    .option('--tol <x>', 'quick form: stop when the stopping quantity falls below tol')
    .option('--stop <rule>', 'quick form: value-change (|f_t - f_{t-1}| < tol, the default) or grad-norm')
    .option('--seed <n>', 'quick form: seed for anything random (random start points)')
    .option('--variables <names>', 'quick form: the order of an expression\'s variables, e.g. x,y')
    .option('--bounds <boxes>', 'quick form: box bounds, one low,high per variable, separated by ;, e.g. "-2,2;-1,3"')
    .option('--name <name>', 'the experiment\'s name (default: the file\'s name, or the function\'s)')
    .option('--out <dir>', 'where to write results (default: descent-out/<experiment name>)')
    .option('--json', 'print the results as JSON on stdout instead of the table')
    .option('--no-report', 'write results.json and results.csv only: no pictures, no HTML report (faster)')
    .option('-q, --quiet', 'print nothing but errors (and --json output)')
    .option('--verbose', 'report each run as it finishes, on stderr')
    .addHelpText(
      'after',
      `
A known zoo name given to --function is that function (its first word, followed by option=value words for a
family such as rosenbrock-nd); a single other word is an unknown function; anything else is compiled as an
expression. Option values in --optimizer and --schedule are read by the option's type: "adam betas=0.9,0.99 amsgrad".

Examples:
  descent run experiment.yaml --out results/
  descent run --function rosenbrock --start -1.5,2 --optimizer "adam lr=0.05" --optimizer "sgd lr=0.001 momentum=0.9" --steps 500
  descent run --function "(x-3)^2 + 8*(y-5)^4" --start 0,0 --optimizer "adam lr=0.1" --json`,
    )
    .action(async (file: string | undefined, flags: RunFlags) => {
      const { runCommand } = await import('./run.js');
      await runCommand(file, flags);
    });

  program
    .command('sweep')
    .argument('<file>', 'sweep file, YAML or JSON (see README, "Sweeps")')
    .description('grid or random search over optimizer options, on all cores; ranks the configurations and writes results, pictures and a report (resumable)')
    .option('--out <dir>', 'where to write results (default: descent-out/<sweep name>)')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--fresh', 'discard the runs already in <out>/results.jsonl and start over')
    .option('--top <n>', 'configurations shown in the table (default 20)')
    .option('--json', 'print the results as JSON on stdout instead of the table')
    .option('-q, --quiet', 'print nothing but errors (and --json output)')
    .option('--verbose', 'report each run as it finishes, on stderr')
    .addHelpText('after', '\nAn interrupted sweep (Ctrl-C, a kill) resumes when run again with the same --out: finished runs are kept in results.jsonl.')
    .action(async (file: string, flags: SweepFlags) => {
      const { sweepCommand } = await import('./sweep.js');
      exitCode = await sweepCommand(file, flags);
    });

  program
    .command('train')
    .argument('[file]', 'training file, YAML or JSON (see README, "Training models")')
    .description('fit a model to a data set (named, or a CSV or JSON file); write the history, the loss curves and an HTML report')
    .option('--data <set>', 'a named data set (see descent datasets) or a .csv / .json file')
    .option('--target <column>', 'the column to predict (default for a named set: its own)')
    .option('--features <columns>', 'input columns, comma-separated (default: the named set\'s, or every other column)')
    .option('--model <spec>', 'linear, logistic, softmax or mlp, with options, e.g. "mlp hidden=16,16 activation=tanh l2=0.001" (default: linear, logistic or softmax by the task)')
    .option('--optimizer <spec>', 'an optimizer and its options, e.g. "adam lr=0.01" (default "sgd lr=0.01")')
    .option('--schedule <spec>', 'a learning-rate schedule, stepped per epoch, e.g. "StepLR stepSize=5 gamma=0.5" or "ReduceLROnPlateau patience=2"')
    .option('--schedule-step <when>', 'epoch (default) or step: when the schedule steps')
    .option('--early-stopping <spec>', 'stop when the validation loss stops improving, e.g. "patience=5 minDelta=0 restoreBest"')
    .option('--epochs <n>', 'passes over the training rows (default 50)')
    .option('--batch-size <n>', 'rows per step: 1 stochastic, all the rows batch, 32-256 mini-batch (default 32; LBFGS: all the rows)')
    .option('--scale <kind>', 'feature scaling fitted on the training rows: standard (default), minmax or none')
    .option('--missing <policy>', 'rows with missing cells: drop (default), or fill with the mean, median or mode')
    .option('--validation <fraction>', 'fraction of rows held out for validation (default 0.2)')
    .option('--test <fraction>', 'fraction of rows held out for the final test (default 0)')
    .option('--metrics <names>', 'comma-separated: mse, rmse, mae, r2 (regression), accuracy (classification)')
    .option('--seed <n>', 'seed of the split and the shuffling (default 0)')
    .option('--dtype <type>', 'float64 (default) or float32')
    .option('--name <name>', 'the run\'s name (default: the file\'s name, or data-model)')
    .option('--out <dir>', 'where to write results (default: descent-out/<name>)')
    .option('--json', 'print the history as JSON on stdout instead of the table')
    .option('--no-report', 'write history.json and history.csv only: no pictures, no HTML report')
    .option('-q, --quiet', 'print nothing but errors (and --json output)')
    .option('--verbose', 'report each epoch as it finishes, on stderr')
    .addHelpText(
      'after',
      `
Examples:
  descent train --data cars --target Miles_per_Gallon --model linear --optimizer "sgd lr=0.01" --batch-size 32 --epochs 50 --out out/cars
  descent train --data penguins --model "mlp hidden=16" --optimizer "adam lr=0.01" --early-stopping "patience=5 restoreBest"
  descent train examples/train/cars.yaml`,
    )
    .action(async (file: string | undefined, flags: TrainFlags) => {
      const { trainCommand } = await import('./train.js');
      await trainCommand(file, flags);
    });

  program
    .command('datasets')
    .description('list the named data sets for descent train (task, rows, default target and features, source)')
    .action(async () => {
      const { formatDatasetList } = await import('./datasets.js');
      console.log(formatDatasetList());
    });

  return program;
}

function numberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) fail('descent', `--${flag} needs a number, got ${JSON.stringify(text)}`);
  return value;
}

export async function main(argv: string[]): Promise<number> {
  try {
    exitCode = 0;
    const sections = argv[0] === 'demo' ? (await import('./demo/sections.js')).demoSections : [];
    await buildProgram(sections).parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof DescentError) {
      // One line per problem (an experiment file may have several).
      for (const line of error.message.split('\n')) console.error(`descent: ${line}`);
      return 2;
    }
    throw error;
  }
}

// A reader that closes the pipe early (`descent functions | head`) is not an error of ours: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
