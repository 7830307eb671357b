import fc from 'fast-check';
import { isFromNewerBuild, migrateQuery, MIGRATION_STEPS, needsMigration } from './migrate';
import { QUERY_MODEL_VERSION, QUERY_TYPES } from './query';

describe('migrateQuery', () => {
  it('has one step per version change', () => {
    expect(MIGRATION_STEPS).toHaveLength(QUERY_MODEL_VERSION);
  });

  describe('v0 (unversioned) → v1', () => {
    it('defaults a missing queryType to series and a blank bin to auto', () => {
      expect(migrateQuery({ refId: 'A', bin: '' } as never)).toEqual({ refId: 'A', queryType: 'series', bin: 'auto', version: 1 });
    });

    it('splits comma-separated paths and instances into trimmed lists', () => {
      const migrated = migrateQuery({ refId: 'B', queryType: 'clusters', paths: ' /api/slow, /health ,', instances: 'lw0sdlwk000001' } as never);
      expect(migrated).toMatchObject({ paths: ['/api/slow', '/health'], instances: ['lw0sdlwk000001'], version: 1 });
    });

    it('splits hand-written metric lists of series and platform-metrics queries', () => {
      expect(migrateQuery({ refId: 'E', queryType: 'metrics', metrics: 'CpuPercentage, MemoryPercentage', instances: 'lw0sdlwk000001' } as never)).toEqual({
        refId: 'E',
        queryType: 'metrics',
        metrics: ['CpuPercentage', 'MemoryPercentage'],
        instances: ['lw0sdlwk000001'],
        bin: 'auto',
        version: 1,
      });
      expect((migrateQuery({ refId: 'F', queryType: 'series', metrics: ['p95', ' p99'] } as never) as { metrics?: string[] }).metrics).toEqual(['p95', 'p99']);
    });

    it('turns a bin given in seconds into a duration', () => {
      expect(migrateQuery({ refId: 'C', queryType: 'series', bin: 60 } as never).bin).toBe('60s');
    });

    it('keeps every type-specific field and the hide flag', () => {
      const stored = { refId: 'D', hide: true, queryType: 'logs', table: 'platform', search: 'SIGKILL' };
      expect(migrateQuery(stored as never)).toEqual({ ...stored, bin: 'auto', version: 1 });
    });
  });

  it('leaves current queries untouched', () => {
    const query = { refId: 'A', queryType: 'markers' as const, kinds: ['restart' as const], version: QUERY_MODEL_VERSION };
    expect(needsMigration(query)).toBe(false);
    expect(migrateQuery(query)).toBe(query);
  });

  it('leaves queries from a newer build alone and says so', () => {
    const query = { refId: 'A', queryType: 'series', version: QUERY_MODEL_VERSION + 1, futureField: 1 };
    expect(isFromNewerBuild(query)).toBe(true);
    expect(migrateQuery(query)).toBe(query);
  });

  it('is idempotent and always reaches the current version (property)', () => {
    const stored = fc.record(
      {
        refId: fc.string(),
        queryType: fc.constantFrom(...QUERY_TYPES),
        paths: fc.oneof(fc.string(), fc.array(fc.string())),
        bin: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 3600 }), fc.constantFrom('auto', '1m', '30s')),
      },
      { requiredKeys: ['refId'] }
    );
    fc.assert(
      fc.property(stored, (query) => {
        const once = migrateQuery(query as never);
        expect(once.version).toBe(QUERY_MODEL_VERSION);
        expect(migrateQuery(once)).toEqual(once);
        expect(once.paths?.every((path) => path === path.trim() && path !== '') ?? true).toBe(true);
      })
    );
  });
});
