/** `descent optimizers [name]`: the registry as a table, or one optimizer's options with defaults, ranges and help. */
import { getOptimizer, optimizers } from '../optim/registry.js';
import { formatEntryList, formatEntryOptions } from './registry-help.js';

export function formatOptimizerList(): string {
  return formatEntryList(optimizers);
}

export function formatOptimizerHelp(name: string): string {
  return formatEntryOptions(getOptimizer(name));
}
