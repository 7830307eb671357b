import { TtlCache } from './ttl-cache';

it('returns a value until its TTL passes', () => {
  let now = 1000;
  const cache = new TtlCache<string>(500, () => now);
  cache.set('k', 'v');
  now = 1499;
  expect(cache.get('k')).toBe('v');
  now = 1500;
  expect(cache.get('k')).toBeUndefined();
  expect(cache.size).toBe(0);
});

it('evicts the oldest entry beyond the size bound', () => {
  const cache = new TtlCache<number>(10_000, () => 0, 2);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('c', 3);
  expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
});

it('a TTL of 0 disables caching', () => {
  const cache = new TtlCache<number>(0);
  cache.set('a', 1);
  expect(cache.get('a')).toBeUndefined();
});
