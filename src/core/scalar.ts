/** Small scalar math shared by optimizers and schedules. */

/** Adam's bias correction 1 − βᵗ: how far an exponential average started at zero falls short after t steps. */
export function biasCorrection(beta: number, t: number): number {
  return 1 - beta ** t;
}
