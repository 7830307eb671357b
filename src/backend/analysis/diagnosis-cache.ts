// A dashboard refresh sends many queries over the same range: they share one diagnosis. Identical
// requests in flight share one promise; results live for a short TTL, per data source instance.
import { runDiagnosis, type Diagnosis } from '../../diagnosis/run-diagnosis';
import { SourceInputError, type SourceRequest } from '../../sources/source';
import type { AppInstance } from '../app-instance';
import { PluginRequestError } from '../protocol/plugin-types';
import { sourceFor } from './instance-source';

const TTL_MS = 15_000;
const MAX_ENTRIES = 32;

interface Entry {
  expires: number;
  promise: Promise<Diagnosis>;
}

const caches = new WeakMap<AppInstance, Map<string, Entry>>();

export interface CacheStats {
  hits: number;
  misses: number;
}
export const cacheStats: CacheStats = { hits: 0, misses: 0 };

function keyOf(request: SourceRequest): string {
  return JSON.stringify([request.window?.from, request.window?.to, request.binMs, [...(request.paths ?? [])].sort(), [...(request.instances ?? [])].sort()]);
}

async function diagnoseUncached(instance: AppInstance, request: SourceRequest): Promise<Diagnosis> {
  try {
    return await runDiagnosis(sourceFor(instance), request);
  } catch (error) {
    if (error instanceof SourceInputError) {
      throw new PluginRequestError(error.message, 400, 'downstream');
    }
    throw error;
  }
}

export function diagnose(instance: AppInstance, request: SourceRequest, now = Date.now()): Promise<Diagnosis> {
  let cache = caches.get(instance);
  if (!cache) {
    cache = new Map();
    caches.set(instance, cache);
  }
  const key = keyOf(request);
  const hit = cache.get(key);
  if (hit && hit.expires > now) {
    cacheStats.hits++;
    return hit.promise;
  }
  cacheStats.misses++;
  // The signal is not passed down: a shared result must not die with the first caller.
  const promise = diagnoseUncached(instance, { ...request, signal: undefined });
  cache.set(key, { expires: now + TTL_MS, promise });
  promise.catch(() => cache!.delete(key));
  while (cache.size > MAX_ENTRIES) {
    cache.delete(cache.keys().next().value as string);
  }
  return promise;
}
