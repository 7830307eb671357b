// What the Resource Manager readers (site configuration, deployment history, the site record for
// metrics) share: the options, one WebSiteManagementClient per reader, a reading reused for a while
// unless it failed, and how a refused or failed request is put into words.
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

function webSiteClient(options: ArmReaderOptions): WebSiteManagementClient {
  return new WebSiteManagementClient(options.credential, options.resource.subscriptionId, {
    endpoint: options.endpoint,
    credentials: { scopes: [`${options.endpoint}/.default`] },
    retryOptions: { maxRetries: 1 },
    ...(options.tlsCa ? { tlsOptions: { ca: options.tlsCa } } : {}),
  });
}

/** Reuses one reading for the TTL; a reading that `failed` (token, network, refusal) is dropped. */
class CachedReading<T> {
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

/** A reader of one site's Resource Manager data; `readNow` never throws, failures become notes. */
export abstract class ArmReader<T> {
  protected readonly client: WebSiteManagementClient;
  private readonly cache: CachedReading<T>;

  /** `failed` tells a reading not worth reusing (token, network, refusal). */
  constructor(
    protected readonly options: ArmReaderOptions,
    failed: (result: T) => boolean
  ) {
    this.client = webSiteClient(options);
    this.cache = new CachedReading(options, failed);
  }

  /** Never throws; reused for the cache TTL. */
  read(signal?: AbortSignal): Promise<T> {
    return this.cache.get(() => this.readNow(signal));
  }

  protected abstract readNow(signal?: AbortSignal): Promise<T>;

  /** `azure:<site>` or `azure:<site>/slots/<slot>`, naming where a reading came from. */
  protected siteLabel(): string {
    const { site, slot } = this.options.resource;
    return `azure:${site}${slot ? `/slots/${slot}` : ''}`;
  }

  /**
   * A failed request in one line, secrets removed: 403 says which role is missing (`forbiddenHint`),
   * 404 that the site is unknown, anything else its status (and, `withCode`, the error code) and message.
   */
  protected explain(error: unknown, forbiddenHint: string, withCode = false): string {
    const raw = (error as { statusCode?: unknown })?.statusCode;
    const status = typeof raw === 'number' ? raw : undefined;
    if (status === 403) {
      return `403 Forbidden: ${forbiddenHint}`;
    }
    if (status === 404) {
      return '404 Not Found: no such site or slot in this subscription and resource group';
    }
    const code = withCode ? (error as { code?: unknown })?.code : undefined;
    let message = error instanceof Error ? error.message : String(error);
    for (const secret of this.options.secrets ?? []) {
      message = message.split(secret).join('<redacted>');
    }
    return `${status !== undefined ? `HTTP ${status} ` : ''}${typeof code === 'string' ? `${code}: ` : ''}${message.split('\n')[0].slice(0, 300)}`;
  }
}
