// The 1.0.0 LogsQueryClient drops `abortSignal` and `onResponse` from the options it is given.
// A pipeline policy restores both: each call is tagged with a header (removed before sending);
// the policy attaches that call's abort signal and records the raw response, whose body keeps
// the exact REST shape (datetimes as the service wrote them, with 7 fractional digits).
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ObservedResponse, parseResponseBody } from './query-errors';

export const CALL_HEADER = 'x-appsvc-triage-call';

interface Call {
  signal: AbortSignal;
  response?: ObservedResponse;
}

export class CallRegistry {
  private readonly calls = new Map<string, Call>();
  private nextId = 1;

  /** Register a call; pass `headers` into the SDK's requestOptions and `release()` when done. */
  open(signal: AbortSignal): { headers: Record<string, string>; response: () => ObservedResponse | undefined; release: () => void } {
    const id = String(this.nextId++);
    const call: Call = { signal };
    this.calls.set(id, call);
    return {
      headers: { [CALL_HEADER]: id },
      response: () => call.response,
      release: () => this.calls.delete(id),
    };
  }

  policy(): PipelinePolicy {
    return {
      name: 'appsvcTriageCallRegistry',
      sendRequest: async (request, next) => {
        const id = request.headers.get(CALL_HEADER);
        request.headers.delete(CALL_HEADER);
        const call = id === undefined ? undefined : this.calls.get(id);
        if (call) {
          request.abortSignal = call.signal;
        }
        const response = await next(request);
        if (call) {
          call.response = { status: response.status, headers: response.headers.toJSON(), body: parseResponseBody(response.bodyAsText) };
        }
        return response;
      },
    };
  }
}
