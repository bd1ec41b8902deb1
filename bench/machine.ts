/** What a results file records about where it was measured, so numbers from different machines are not compared blindly. */
import os from 'node:os';

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  memoryGB: number;
  date: string;
  note: string;
}

export const SHARED_NOTE = 'the machine is shared and noisy: timings vary from run to run; compare ratios measured in the same run';

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    platform: `${os.platform()} ${os.arch()}`,
    memoryGB: Math.round(os.totalmem() / 1e9),
    date: new Date().toISOString(),
    note: SHARED_NOTE,
  };
}
