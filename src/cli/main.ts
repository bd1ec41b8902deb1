#!/usr/bin/env node
/**
 * The `descent` command line. Each command parses its arguments, calls the library and prints; errors caused by
 * the user's input become one line on stderr and exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DescentError } from '../core/errors.js';
import { formatDemo, runDemo } from './demo.js';
import { formatOptimizerHelp, formatOptimizerList } from './optimizers.js';
import { formatCurve, formatScheduleHelp, formatScheduleList, scheduleCurve } from './schedules.js';
import { fail } from '../core/errors.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function buildProgram(): Command {
  const program = new Command('descent')
    .description('Gradient-based optimization for machine learning: torch.optim semantics, experiments and reports.')
    .version(version, '-v, --version')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('demo')
    .description("run the seed notebook's six optimizer settings on 5x^2 + y^2 from (5, 5) and print the results")
    .action(() => {
      console.log(formatDemo(runDemo()));
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

  return program;
}

function numberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) fail('descent', `--${flag} needs a number, got ${JSON.stringify(text)}`);
  return value;
}

export function main(argv: string[]): number {
  try {
    buildProgram().parse(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof DescentError) {
      console.error(`descent: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
