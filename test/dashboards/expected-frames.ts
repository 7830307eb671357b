// What each dashboard query answers, by the frame contract (src/shared/frame-contract.ts): the
// frames in order, each with its field names. Panels may only reference these names.
import { ENDPOINTS_FRAME_INDEX, WORKER_MODEL_FRAME_INDEX } from '../../scripts/dashboards/queries';
import type { AppQuery } from '../../src/backend/queries/parse-query';
import {
  CLUSTER_FIELDS,
  DECLARED_CONFIG_FIELDS,
  DIVERGENCE_FIELDS,
  ENDPOINT_FIELDS,
  FRAME,
  HYPOTHESIS_FIELDS,
  HYPOTHESIS_WINDOW_FIELDS,
  INSTANCE_COUNT_FIELDS,
  LOG_FIELDS,
  MARKER_FIELDS,
  METRIC_FIELDS,
  SERIES_FIELDS,
  WORKER_MODEL_FIELDS,
  type FrameName,
} from '../../src/shared/frame-contract';

export interface ExpectedFrame {
  name: FrameName;
  fields: readonly string[];
}

export function expectedFrames(query: AppQuery): ExpectedFrame[] {
  switch (query.queryType) {
    case 'series':
      return [{ name: FRAME.series, fields: ['time', ...(query.metrics.length > 0 ? query.metrics : SERIES_FIELDS)] }];
    case 'clusters':
      return [{ name: FRAME.clusters, fields: CLUSTER_FIELDS }];
    case 'markers':
      return [{ name: FRAME.markers, fields: MARKER_FIELDS }];
    case 'hypotheses':
      switch (query.format) {
        case 'verdicts':
          return [{ name: FRAME.hypotheses, fields: HYPOTHESIS_FIELDS }];
        case 'scores':
          return [{ name: FRAME.hypothesisScores, fields: ['time', 'score'] }];
        case 'windows':
          return [{ name: FRAME.hypothesisWindows, fields: HYPOTHESIS_WINDOW_FIELDS }];
      }
      break;
    case 'workerModel': {
      const frames: ExpectedFrame[] = [];
      frames[WORKER_MODEL_FRAME_INDEX.workerModel] = { name: FRAME.workerModel, fields: WORKER_MODEL_FIELDS };
      frames[WORKER_MODEL_FRAME_INDEX.declaredConfig] = { name: FRAME.declaredConfig, fields: DECLARED_CONFIG_FIELDS };
      return frames;
    }
    case 'metrics':
      // One metrics frame per metric and instance (labels metric, instance), then the instance count.
      return [
        { name: FRAME.metrics, fields: METRIC_FIELDS },
        { name: FRAME.instanceCount, fields: INSTANCE_COUNT_FIELDS },
      ];
    case 'endpoints': {
      const frames: ExpectedFrame[] = [];
      frames[ENDPOINTS_FRAME_INDEX.endpoints] = { name: FRAME.endpoints, fields: ENDPOINT_FIELDS };
      frames[ENDPOINTS_FRAME_INDEX.divergences] = { name: FRAME.divergences, fields: DIVERGENCE_FIELDS };
      return frames;
    }
    case 'logs':
      return [{ name: FRAME.logs, fields: LOG_FIELDS }];
  }
  throw new Error(`no frame contract for query type ${query.queryType}`);
}

/** Fields a query's frames have, optionally only the frame a table shows (`frameIndex`). */
export function availableFields(query: AppQuery, frameIndex?: number): Set<string> {
  const frames = expectedFrames(query);
  const chosen = frameIndex === undefined ? frames : frames.slice(frameIndex, frameIndex + 1);
  return new Set(chosen.flatMap((frame) => frame.fields));
}

/** Latency and share fields and the unit the contract gives them. */
export const FIELD_UNITS: Record<string, string> = {
  p50: 'ms',
  p95: 'ms',
  p99: 'ms',
  max: 'ms',
  boundaryMs: 'ms',
  spreadMs: 'ms',
  fastMs: 'ms',
  slowMs: 'ms',
  errPct: 'percent',
  failPct: 'percent',
};
