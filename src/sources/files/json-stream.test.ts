import fc from 'fast-check';
import { JsonSyntaxError, JsonValueScanner, type JsonPathStep } from './json-stream';

function scanRows(text: string, cuts: number[]) {
  const rows: unknown[] = [];
  const names: unknown[] = [];
  const scanner = new JsonValueScanner(
    (p) => (p.length === 4 && p[0].key === 'tables' && p[2].key === 'rows') || (p.length === 3 && p[2].key === 'name'),
    (p: readonly JsonPathStep[], value) => (p.length === 4 ? rows : names).push(JSON.parse(value))
  );
  let last = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.push(text.slice(last, cut));
    last = cut;
  }
  scanner.push(text.slice(last));
  scanner.end();
  return { rows, names };
}

describe('JsonValueScanner', () => {
  it('hands back exactly the selected values wherever the chunks are cut', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 12 }),
        fc.string(),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        (rows, name, rawCuts, pretty) => {
          const doc = { stats: { a: [1, { rows: ['not me'] }] }, tables: [{ rows, name: `${name}"}{[`, columns: [{ name: 'x', type: 'string' }] }] };
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
          const cuts = rawCuts.map((c) => c % (text.length + 1));
          const result = scanRows(text, cuts);
          expect(result.rows).toEqual(JSON.parse(JSON.stringify(rows)));
          expect(result.names).toEqual([`${name}"}{[`]);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('reports a truncated document with where it stopped, after handing back what was complete', () => {
    const rows: unknown[] = [];
    const scanner = new JsonValueScanner(
      (p) => p.length === 1,
      (_p, text) => rows.push(JSON.parse(text))
    );
    scanner.push('[{"a":1},{"a":2},{"a":');
    expect(() => scanner.end()).toThrow(JsonSyntaxError);
    expect(() => scanner.end()).toThrow(/truncated/);
    expect(rows).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('rejects mismatched brackets instead of guessing', () => {
    const scanner = new JsonValueScanner(
      () => false,
      () => undefined
    );
    expect(() => scanner.push('{"a":[1,2}')).toThrow(/unexpected '}'/);
  });
});
