/**
 * One section of `descent demo`'s report: a seed experiment, its pictures and table, and the claims of the seed
 * it checks. A claim is stated in the seed's words and checked on the numbers the section computed, so the report
 * (and the test suite) can say which claims hold; a claim that fails is shown as failing, never hidden.
 */
import type { ReportSection } from '../../viz/report.js';

export interface DemoContext {
  /** Fewer GIF frames and coarser grids, for tests; the numbers (trajectories, tables, claims) are the same. */
  quick: boolean;
}

export interface Claim {
  /** What the seed says, e.g. "with alpha = 1.2 gradient descent diverges". */
  claim: string;
  holds: boolean;
  /** The numbers that decide it, e.g. "|theta_25 - 5| = 4.8e2, growing every step". */
  evidence: string;
  /**
   * What the numbers were found to show when the section was written (default true). A seed's claim that the
   * experiment honestly refutes is kept, shown as not holding, with `expected: false`; the demo fails (exit code
   * 1) only when a claim's outcome differs from what is expected, which is a change in the library, not a finding.
   */
  expected?: boolean;
}

/** A claim whose outcome is not the expected one: a regression to look into. */
export function isSurprise(c: Claim): boolean {
  return c.holds !== (c.expected ?? true);
}

export interface DemoSectionResult extends ReportSection {
  claims: Claim[];
}

export interface DemoSection {
  /** Short identifier, used as the prefix of the section's figure files (e.g. `parabola` → `parabola-path.png`). */
  id: string;
  /** The section's title in the report. */
  title: string;
  /** The seed it reproduces, e.g. `notes 003 (000_…txt): choosing the learning rate`. */
  seed: string;
  build(ctx: DemoContext): Promise<DemoSectionResult>;
}
