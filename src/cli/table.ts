import Table from 'cli-table3';

/**
 * A compact terminal table: a rule under the header, no rules between rows. With `colWidths`, long cells wrap at
 * word boundaries to fit.
 */
export function makeTable(head: string[], colWidths?: number[]): InstanceType<typeof Table> {
  return new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
  });
}
