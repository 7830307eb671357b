// Dictionary encoding for repeated strings (paths, instances, hosts): each distinct value gets an id.

/** Value that stands for every string beyond a dictionary's limit. */
export const OVERFLOW_VALUE = '(other)';

export class StringDictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  /** `limit` bounds the number of ids (e.g. 65 535 for a Uint16 column); the last id is `(other)`. */
  constructor(private readonly limit = Number.MAX_SAFE_INTEGER) {}

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      const key = this.values.length >= this.limit - 1 ? OVERFLOW_VALUE : value;
      id = this.ids.get(key);
      if (id === undefined) {
        id = this.values.length;
        this.values.push(key);
        this.ids.set(key, id);
      }
    }
    return id;
  }
}
