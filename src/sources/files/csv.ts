// RFC 4180 CSV records from text chunks: quoted fields may hold commas, doubled quotes and newlines
// (console lines and tracebacks do).

export class CsvRecordReader {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  private quotePending = false;
  private sawAny = false;

  constructor(private readonly onRecord: (fields: string[]) => void) {}

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      this.sawAny = true;
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
        } else if (ch === '"') {
          this.quotePending = true;
          continue;
        } else {
          this.field += ch;
          continue;
        }
      }
      if (ch === '"' && this.field === '') {
        this.inQuotes = true;
      } else if (ch === ',') {
        this.record.push(this.field);
        this.field = '';
      } else if (ch === '\n') {
        this.finishRecord();
      } else if (ch !== '\r') {
        this.field += ch;
      }
    }
  }

  /** Flushes the last record; returns false when the file ended inside a quoted field. */
  end(): boolean {
    const closedCleanly = !this.inQuotes || this.quotePending;
    if (this.sawAny && (this.field !== '' || this.record.length > 0)) {
      this.finishRecord();
    }
    return closedCleanly;
  }

  private finishRecord(): void {
    this.record.push(this.field);
    this.field = '';
    this.inQuotes = false;
    this.quotePending = false;
    const record = this.record;
    this.record = [];
    if (!(record.length === 1 && record[0] === '')) {
      this.onRecord(record);
    }
  }
}
