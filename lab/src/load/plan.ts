/** A bounded load plan: every stream has a time window, and the whole plan has hard caps. */
export interface LoadStream {
  /** Label used in progress output and client results. */
  name: string;
  /** Path plus query, e.g. "/slow?ms=2000". */
  path: string;
  /** Seconds after load start when the stream's clients begin. */
  startS: number;
  /** Seconds after load start after which no new request is sent. */
  endS: number;
  /** Number of clients looping in parallel. */
  concurrency: number;
  /** Client-side timeout per request (AbortSignal.timeout). */
  timeoutMs: number;
  /** Pause between one client's requests. */
  pauseMs: number;
  /** ARRAffinity cookie value that pins the client to an instance. */
  affinity?: string;
}

export interface LoadPlan {
  baseUrl: string;
  streams: LoadStream[];
  maxRequests: number;
  maxWallS: number;
}

export interface ClientResult {
  stream: string;
  path: string;
  startMs: number;
  endMs: number;
  /** HTTP status, or 0 when the client aborted (timeout) or the connection failed. */
  status: number;
  outcome: 'response' | 'timeout' | 'error';
  error?: string;
}

/** Repeated bursts: `count` windows of `lengthS` seconds, one every `everyS` seconds from `firstS`. */
export function bursts(
  base: Omit<LoadStream, 'startS' | 'endS' | 'name'> & { name: string },
  firstS: number,
  everyS: number,
  lengthS: number,
  count: number,
): LoadStream[] {
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    name: `${base.name}#${i + 1}`,
    startS: firstS + i * everyS,
    endS: firstS + i * everyS + lengthS,
  }));
}

export function validatePlan(plan: LoadPlan): void {
  if (!(plan.maxRequests > 0) || !(plan.maxWallS > 0)) {
    throw new Error(`load plan needs positive caps (maxRequests=${plan.maxRequests}, maxWallS=${plan.maxWallS})`);
  }
  plan.streams.forEach((s, i) => {
    const where = `stream ${i} ("${s.name}")`;
    if (!s.path.startsWith('/')) {
      throw new Error(`${where}: path "${s.path}" must start with "/"`);
    }
    if (!(s.endS > s.startS) || s.startS < 0) {
      throw new Error(`${where}: window ${s.startS}..${s.endS} s is empty or negative`);
    }
    if (!(s.concurrency >= 1 && s.concurrency <= 200)) {
      throw new Error(`${where}: concurrency ${s.concurrency} outside 1..200`);
    }
    if (!(s.timeoutMs >= 1)) {
      throw new Error(`${where}: timeoutMs ${s.timeoutMs} must be positive`);
    }
  });
}
