// What the Resource Manager readers (site configuration, deployment history) share: the options,
// one WebSiteManagementClient per reader, and a reading reused for a while unless it failed.
import { WebSiteManagementClient } from '@azure/arm-appservice';
import type { TokenCredential } from '@azure/core-auth';
import type { SiteResource } from './site-config-reader';

export interface ArmReaderOptions {
  credential: TokenCredential;
  /** Resource Manager origin, e.g. https://management.azure.com. */
  endpoint: string;
  resource: SiteResource;
  tlsCa?: string;
  /** Values that must never appear in a note (credential secrets). */
  secrets?: string[];
  /** How long one reading is reused, default 5 min (every dashboard refresh runs a diagnosis). */
  cacheTtlMs?: number;
  now?: () => number;
}

const DEFAULT_CACHE_TTL_MS = 300_000;

export function webSiteClient(options: ArmReaderOptions): WebSiteManagementClient {
  return new WebSiteManagementClient(options.credential, options.resource.subscriptionId, {
    endpoint: options.endpoint,
    credentials: { scopes: [`${options.endpoint}/.default`] },
    retryOptions: { maxRetries: 1 },
    ...(options.tlsCa ? { tlsOptions: { ca: options.tlsCa } } : {}),
  });
}

/** Reuses one reading for the TTL; a reading that `failed` (token, network, refusal) is dropped. */
export class CachedReading<T> {
  private cached?: { at: number; reading: Promise<T> };

  constructor(
    private readonly options: Pick<ArmReaderOptions, 'cacheTtlMs' | 'now'>,
    private readonly failed: (result: T) => boolean
  ) {}

  get(read: () => Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS)) {
      return this.cached.reading;
    }
    const reading = read();
    this.cached = { at: now, reading };
    void reading.then((result) => {
      if (this.failed(result) && this.cached?.reading === reading) {
        this.cached = undefined;
      }
    });
    return reading;
  }
}
