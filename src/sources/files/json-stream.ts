// An incremental JSON scanner: feeds on text chunks and hands back, as complete JSON text, only the
// values a caller selects by position (e.g. each row of `tables[i].rows`). A 1 GB export is never
// parsed whole: memory holds one selected value at a time plus one chunk.

/** Where a value sits: the chain of enclosing containers, each with the key or index inside it. */
export interface JsonPathStep {
  container: 'object' | 'array';
  /** The key (objects) or index (arrays) of the child the scanner is inside now. */
  key: string | number;
}

interface Frame {
  container: 'object' | 'array';
  key: string | number;
  expectKey: boolean;
}

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

export class JsonValueScanner {
  private readonly stack: Frame[] = [];
  private buffer = '';
  private position = 0;
  private inString = false;
  private escaped = false;
  private stringIsKey = false;
  private keyText = '';
  private captureStart = -1;
  private captureDepth = -1;
  private inLiteral = false;
  private sawRoot = false;
  private consumed = 0;
  private keyStart = 0;

  constructor(
    private readonly select: (path: readonly JsonPathStep[]) => boolean,
    private readonly onValue: (path: readonly JsonPathStep[], text: string) => void
  ) {}

  /** Characters consumed so far (for error messages). */
  get offset(): number {
    return this.consumed + this.position;
  }

  push(chunk: string): void {
    this.buffer += chunk;
    const text = this.buffer;
    for (; this.position < text.length; this.position++) {
      this.step(text, text.charCodeAt(this.position));
    }
    // Keep only what an unfinished capture or key still needs.
    let keepFrom = this.captureStart >= 0 ? this.captureStart : this.position;
    if (this.inString && this.stringIsKey) {
      keepFrom = Math.min(keepFrom, this.keyStart);
    }
    this.buffer = text.slice(keepFrom);
    this.consumed += keepFrom;
    this.position -= keepFrom;
    this.keyStart -= keepFrom;
    if (this.captureStart >= 0) {
      this.captureStart -= keepFrom;
    }
  }

  /** Call after the last chunk; throws when the document ended early (a truncated file). */
  end(): void {
    if (this.inLiteral) {
      this.finishLiteral(this.buffer, this.position);
    }
    if (this.inString || this.stack.length > 0 || !this.sawRoot) {
      throw new JsonSyntaxError(`unexpected end of JSON at character ${this.offset} (truncated file?)`);
    }
  }

  private path(): JsonPathStep[] {
    return this.stack.map(({ container, key }) => ({ container, key }));
  }

  private step(text: string, code: number): void {
    if (this.inString) {
      if (this.escaped) {
        this.escaped = false;
      } else if (code === 92 /* \ */) {
        this.escaped = true;
      } else if (code === 34 /* " */) {
        this.inString = false;
        if (this.stringIsKey) {
          this.keyText = JSON.parse(text.slice(this.keyStart, this.position + 1));
        } else {
          this.valueEnded(text, this.position + 1);
        }
      }
      return;
    }
    if (this.inLiteral) {
      if (code === 44 || code === 93 || code === 125 || code <= 32) {
        this.finishLiteral(text, this.position);
      } else {
        return;
      }
    }
    switch (code) {
      case 32:
      case 9:
      case 10:
      case 13:
        return;
      case 123 /* { */:
      case 91 /* [ */:
        this.valueStarts(text);
        this.stack.push({ container: code === 123 ? 'object' : 'array', key: code === 123 ? '' : 0, expectKey: code === 123 });
        return;
      case 125 /* } */:
      case 93 /* ] */: {
        const frame = this.stack.pop();
        if (!frame || (frame.container === 'object') !== (code === 125)) {
          throw new JsonSyntaxError(`unexpected '${String.fromCharCode(code)}' at character ${this.offset}`);
        }
        this.valueEnded(text, this.position + 1);
        return;
      }
      case 58 /* : */: {
        const top = this.stack[this.stack.length - 1];
        if (!top || top.container !== 'object' || !top.expectKey) {
          throw new JsonSyntaxError(`unexpected ':' at character ${this.offset}`);
        }
        top.key = this.keyText;
        top.expectKey = false;
        return;
      }
      case 44 /* , */: {
        const top = this.stack[this.stack.length - 1];
        if (!top) {
          throw new JsonSyntaxError(`unexpected ',' at character ${this.offset}`);
        }
        if (top.container === 'object') {
          top.expectKey = true;
        } else {
          top.key = (top.key as number) + 1;
        }
        return;
      }
      case 34 /* " */: {
        const top = this.stack[this.stack.length - 1];
        this.inString = true;
        this.stringIsKey = Boolean(top && top.container === 'object' && top.expectKey);
        if (this.stringIsKey) {
          this.keyStart = this.position;
        } else {
          this.valueStarts(text);
        }
        return;
      }
      default:
        this.valueStarts(text);
        this.inLiteral = true;
    }
  }

  private valueStarts(_text: string): void {
    this.sawRoot = true;
    if (this.captureStart < 0 && this.select(this.path())) {
      this.captureStart = this.position;
      this.captureDepth = this.stack.length;
    }
  }

  private finishLiteral(text: string, endExclusive: number): void {
    this.inLiteral = false;
    this.valueEnded(text, endExclusive);
  }

  private valueEnded(text: string, endExclusive: number): void {
    if (this.captureStart >= 0 && this.stack.length === this.captureDepth) {
      const captured = text.slice(this.captureStart, endExclusive);
      const path = this.path();
      this.captureStart = -1;
      this.captureDepth = -1;
      this.onValue(path, captured);
    }
  }
}
