// Collects skipped rows by reason, keeping a few examples of each so the user can find them.
import { TableKind } from '../model/input';
import { RowIssueExample, RowIssueReason, RowIssues } from '../model/issues';

const EXAMPLES_PER_REASON = 5;

export class RowIssueCollector {
  private total = 0;
  private readonly byReason: Partial<Record<RowIssueReason, number>> = {};
  private readonly byTable: Partial<Record<TableKind, number>> = {};
  private readonly examples: RowIssueExample[] = [];

  /** Records `count` skipped rows (a table-level issue passes the table's row count and row -1). */
  add(kind: TableKind, table: string, row: number, reason: RowIssueReason, detail: string, count = 1): void {
    this.total += count;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + count;
    this.byTable[kind] = (this.byTable[kind] ?? 0) + count;
    const shown = this.examples.filter((example) => example.reason === reason).length;
    if (shown < EXAMPLES_PER_REASON) {
      this.examples.push({ table, row, reason, detail });
    }
  }

  snapshot(): RowIssues {
    return {
      total: this.total,
      byReason: { ...this.byReason },
      byTable: { ...this.byTable },
      examples: this.examples.map((example) => ({ ...example })),
    };
  }
}

export function emptyRowIssues(): RowIssues {
  return { total: 0, byReason: {}, byTable: {}, examples: [] };
}

/** Sums several issue reports (e.g. HTTP, console and platform) into one. */
export function mergeRowIssues(reports: RowIssues[]): RowIssues {
  const merged = emptyRowIssues();
  for (const report of reports) {
    merged.total += report.total;
    for (const [reason, count] of Object.entries(report.byReason) as Array<[RowIssueReason, number]>) {
      merged.byReason[reason] = (merged.byReason[reason] ?? 0) + count;
    }
    for (const [kind, count] of Object.entries(report.byTable) as Array<[TableKind, number]>) {
      merged.byTable[kind] = (merged.byTable[kind] ?? 0) + count;
    }
    merged.examples.push(...report.examples);
  }
  return merged;
}

/** Short label naming a table in issue examples: `http:PrimaryResult#0`. */
export function tableLabel(kind: TableKind, name: string, batch: number): string {
  return `${kind}:${name || 'table'}#${batch}`;
}
