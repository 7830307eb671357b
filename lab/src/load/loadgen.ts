import { assertLoopbackUrl } from './loopback';
import { ClientResult, LoadPlan, LoadStream, validatePlan } from './plan';

export interface LoadProgress {
  elapsedS: number;
  sent: number;
  ok: number;
  timeouts: number;
  errors: number;
  status5xx: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a load plan against a loopback target and returns every client-side result.
 * Each request carries AbortSignal.timeout, so a client timeout closes the connection
 * (the proxy then logs 499). Stops starting requests at the request cap or the wall-time
 * cap, whichever comes first.
 */
export async function runLoad(plan: LoadPlan, onProgress?: (p: LoadProgress) => void): Promise<ClientResult[]> {
  validatePlan(plan);
  const base = assertLoopbackUrl(plan.baseUrl);
  const started = Date.now();
  // At the wall-time cap no new request starts; those in flight end by their own timeout.
  let wallCapReached = false;
  const wallTimer = setTimeout(() => (wallCapReached = true), plan.maxWallS * 1000);
  const results: ClientResult[] = [];
  const progress: LoadProgress = { elapsedS: 0, sent: 0, ok: 0, timeouts: 0, errors: 0, status5xx: 0 };
  const ticker = onProgress
    ? setInterval(() => onProgress({ ...progress, elapsedS: (Date.now() - started) / 1000 }), 5000)
    : undefined;

  const budgetLeft = () => progress.sent < plan.maxRequests && !wallCapReached;

  async function oneRequest(stream: LoadStream): Promise<void> {
    progress.sent += 1;
    const startMs = Date.now();
    const headers: Record<string, string> = { 'user-agent': `incident-lab-loadgen/1 (${stream.name})` };
    if (stream.affinity) {
      headers.cookie = `ARRAffinity=${stream.affinity}`;
    }
    // The per-request timeout signal goes straight to fetch: composing it with
    // AbortSignal.any let it be garbage-collected before firing (seen in Node 20).
    const signal = AbortSignal.timeout(stream.timeoutMs);
    try {
      const res = await fetch(new URL(stream.path, base), { headers, signal });
      await res.arrayBuffer();
      results.push({ stream: stream.name, path: stream.path, startMs, endMs: Date.now(), status: res.status, outcome: 'response' });
      if (res.status >= 500) {progress.status5xx += 1;}
      else {progress.ok += 1;}
    } catch (err) {
      const isTimeout = err instanceof Error && err.name === 'TimeoutError';
      if (isTimeout) {progress.timeouts += 1;}
      else {progress.errors += 1;}
      results.push({
        stream: stream.name,
        path: stream.path,
        startMs,
        endMs: Date.now(),
        status: 0,
        outcome: isTimeout ? 'timeout' : 'error',
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
    }
  }

  async function client(stream: LoadStream): Promise<void> {
    await sleep(Math.max(0, started + stream.startS * 1000 - Date.now()));
    while (budgetLeft() && Date.now() < started + stream.endS * 1000) {
      await oneRequest(stream);
      if (stream.pauseMs > 0) {await sleep(stream.pauseMs);}
    }
  }

  const clients = plan.streams.flatMap((s) => Array.from({ length: s.concurrency }, () => client(s)));
  try {
    await Promise.all(clients);
  } finally {
    clearTimeout(wallTimer);
    if (ticker) {clearInterval(ticker);}
  }
  return results;
}
