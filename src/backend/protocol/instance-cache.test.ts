import { InstanceCache } from './instance-cache';
import type { DataSourceInstanceSettings } from './plugin-types';

function settings(uid: string, lastUpdatedMS: number): DataSourceInstanceSettings {
  return { id: 7, uid, name: uid, url: '', jsonData: Buffer.from('{}'), decryptedSecureJsonData: {}, lastUpdatedMS };
}

describe('InstanceCache', () => {
  it('builds once per uid and settings version, disposing the replaced instance', () => {
    const built: string[] = [];
    const disposed: string[] = [];
    const cache = new InstanceCache(
      (s) => {
        const name = `${s?.uid}@${s?.lastUpdatedMS}`;
        built.push(name);
        return name;
      },
      (instance) => disposed.push(instance)
    );
    expect(cache.get(settings('a', 1))).toEqual({ instance: 'a@1', cacheHit: false });
    expect(cache.get(settings('a', 1))).toEqual({ instance: 'a@1', cacheHit: true });
    expect(cache.get(settings('b', 1)).cacheHit).toBe(false);
    expect(cache.get(settings('a', 2))).toEqual({ instance: 'a@2', cacheHit: false });
    expect(built).toEqual(['a@1', 'b@1', 'a@2']);
    expect(disposed).toEqual(['a@1']);
    cache.disposeAll();
    expect(disposed.sort()).toEqual(['a@1', 'a@2', 'b@1']);
    expect(cache.size).toBe(0);
  });

  it('keeps retrying invalid new settings instead of serving the old ones', () => {
    let attempts = 0;
    const cache = new InstanceCache((s) => {
      attempts++;
      if (s && s.lastUpdatedMS === 2) {
        throw new Error('bad settings');
      }
      return s?.lastUpdatedMS;
    });
    cache.get(settings('a', 1));
    expect(() => cache.get(settings('a', 2))).toThrow('bad settings');
    expect(() => cache.get(settings('a', 2))).toThrow('bad settings');
    expect(attempts).toBe(3);
  });

  it('shares one instance for requests without a data source', () => {
    const cache = new InstanceCache(() => ({}));
    const first = cache.get(undefined);
    expect(cache.get(undefined)).toEqual({ instance: first.instance, cacheHit: true });
  });
});
