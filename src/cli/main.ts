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

  return program;
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
