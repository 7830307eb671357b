// One instance per data source, as the SDK's instancemgmt does: keyed by uid, rebuilt when
// Grafana reports newer settings (lastUpdatedMS), the old one disposed.
import type { DataSourceInstanceSettings } from './plugin-types';

export interface CachedInstance<TInstance> {
  instance: TInstance;
  cacheHit: boolean;
}

interface Entry<TInstance> {
  lastUpdatedMS: number;
  instance: TInstance;
}

// Requests without a data source (app-level calls) share one instance under this key.
const NO_DATA_SOURCE_KEY = '';

export class InstanceCache<TInstance> {
  private readonly entries = new Map<string, Entry<TInstance>>();

  constructor(
    private readonly create: (settings: DataSourceInstanceSettings | undefined) => TInstance,
    private readonly dispose: (instance: TInstance) => void = () => undefined
  ) {}

  get(settings: DataSourceInstanceSettings | undefined): CachedInstance<TInstance> {
    const key = settings ? settings.uid || `id:${settings.id}` : NO_DATA_SOURCE_KEY;
    const lastUpdatedMS = settings?.lastUpdatedMS ?? 0;
    const existing = this.entries.get(key);
    if (existing && existing.lastUpdatedMS === lastUpdatedMS) {
      return { instance: existing.instance, cacheHit: true };
    }
    // Build first: when the new settings are invalid the error propagates and the next
    // request tries again rather than being served stale settings.
    const instance = this.create(settings);
    if (existing) {
      this.dispose(existing.instance);
    }
    this.entries.set(key, { lastUpdatedMS, instance });
    return { instance, cacheHit: false };
  }

  get size(): number {
    return this.entries.size;
  }

  disposeAll(): void {
    for (const entry of this.entries.values()) {
      this.dispose(entry.instance);
    }
    this.entries.clear();
  }
}
