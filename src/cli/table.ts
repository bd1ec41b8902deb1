import Table from 'cli-table3';

/** A compact terminal table: a rule under the header, no rules between rows. */
export function makeTable(head: string[]): InstanceType<typeof Table> {
  return new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}
