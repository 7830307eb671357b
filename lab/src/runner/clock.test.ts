import { msUntilSecondOfMinute } from './clock';

describe('msUntilSecondOfMinute', () => {
  const at = (iso: string) => Date.parse(iso);

  it('waits to the next occurrence of that second, within the minute or in the next one', () => {
    expect(msUntilSecondOfMinute(at('2026-04-04T05:35:20.250Z'), 50)).toBe(29_750);
    expect(msUntilSecondOfMinute(at('2026-04-04T05:35:55Z'), 50)).toBe(55_000);
    expect(msUntilSecondOfMinute(at('2026-04-04T05:35:50Z'), 50)).toBe(0);
  });

  it('takes a second before the minute (negative) as that many seconds before it', () => {
    expect(msUntilSecondOfMinute(at('2026-04-04T05:35:40Z'), -15)).toBe(5_000);
  });
});
