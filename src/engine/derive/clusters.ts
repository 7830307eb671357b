// 499 clusters: client aborts close in time whose TimeTaken sit in a tight band around one boundary.
// The boundary says whose timeout fired: the caller's, the platform's 230–240 s limits, or Gunicorn's
// --timeout (a 499's TimeTaken sits just under the limit that cut it, trap 2).
import { Cluster, ClusterKind } from '../model/findings';
import { HttpTable } from '../model/http-table';

/** Fewest aborts that make a cluster. */
export const MIN_CLUSTER_SIZE = 3;
/** Band half-width: 2% of the boundary (14.35–14.48 s fits; lognormal noise does not), at least 150 ms. */
const BAND_RELATIVE = 0.02;
const BAND_MIN_MS = 150;
/** Aborts of one band further apart than this (by end time) are separate clusters (waves). */
export const CLUSTER_GAP_MS = 60_000;
/** App Service front-end limits: 230 s start/idle limits up to the 240 s idle connection limit. */
const PLATFORM_LIMIT_FROM_MS = 228_000;
const PLATFORM_LIMIT_TO_MS = 242_000;
/** A 499 cut by Gunicorn's --timeout ends up to a few seconds before it (or just after it). */
const GUNICORN_BEFORE_MS = 3_000;
const GUNICORN_AFTER_MS = 2_000;

/** Gunicorn --timeout (seconds) in force on an instance at a time, when known. */
export type TimeoutLookup = (instance: string, time: number) => number | undefined;

function bandWidth(value: number): number {
  return Math.max(BAND_MIN_MS, value * BAND_RELATIVE);
}

/** Splits rows (sorted by TimeTaken) into dense bands, densest first, greedily. */
function findBands(rows: number[], taken: Uint32Array): number[][] {
  let remaining = rows;
  const bands: number[][] = [];
  while (remaining.length >= MIN_CLUSTER_SIZE) {
    let bestStart = 0;
    let bestEnd = 0;
    let end = 0;
    for (let start = 0; start < remaining.length; start++) {
      const limit = taken[remaining[start]] + bandWidth(taken[remaining[start]]);
      end = Math.max(end, start);
      while (end < remaining.length && taken[remaining[end]] <= limit) {
        end++;
      }
      if (end - start > bestEnd - bestStart) {
        bestStart = start;
        bestEnd = end;
      }
    }
    if (bestEnd - bestStart < MIN_CLUSTER_SIZE) {
      break;
    }
    bands.push(remaining.slice(bestStart, bestEnd));
    remaining = [...remaining.slice(0, bestStart), ...remaining.slice(bestEnd)];
  }
  return bands;
}

function classify(boundaryMs: number, timeoutSec: number | undefined): { kind: ClusterKind; reason: string } {
  if (timeoutSec !== undefined && timeoutSec > 0) {
    const limitMs = timeoutSec * 1000;
    if (boundaryMs >= limitMs - GUNICORN_BEFORE_MS && boundaryMs <= limitMs + GUNICORN_AFTER_MS) {
      return { kind: 'gunicorn-timeout', reason: `boundary ${(boundaryMs / 1000).toFixed(1)} s matches Gunicorn --timeout ${timeoutSec} s` };
    }
  }
  if (boundaryMs >= PLATFORM_LIMIT_FROM_MS && boundaryMs <= PLATFORM_LIMIT_TO_MS) {
    return { kind: 'platform-limit', reason: `boundary ${(boundaryMs / 1000).toFixed(1)} s is at App Service's 230–240 s front-end limits` };
  }
  const known = timeoutSec !== undefined ? ` (Gunicorn --timeout is ${timeoutSec} s)` : '';
  return { kind: 'client-timeout', reason: `aborts just under ${(boundaryMs / 1000).toFixed(1)} s: the caller's own timeout${known}` };
}

function minimum(values: number[]): number {
  return values.reduce((min, value) => (value < min ? value : min), Infinity);
}

function maximum(values: number[]): number {
  return values.reduce((max, value) => (value > max ? value : max), -Infinity);
}

function toCluster(table: HttpTable, members: number[], timeoutAt: TimeoutLookup): Cluster {
  const takenValues = members.map((row) => table.timeTaken[row]).sort((a, b) => a - b);
  const ends = members.map((row) => table.time[row]);
  const starts = members.map((row) => table.time[row] - table.timeTaken[row]);
  const boundaryMs = takenValues[Math.ceil(takenValues.length / 2) - 1];
  const instances = [...new Set(members.map((row) => table.instances[table.instanceId[row]]))].sort();
  const start = minimum(ends);
  const { kind, reason } = classify(boundaryMs, timeoutAt(instances[0], start));
  return {
    start,
    end: maximum(ends),
    requestStartFrom: minimum(starts),
    requestStartTo: maximum(starts),
    count: members.length,
    boundaryMs,
    spreadMs: takenValues[takenValues.length - 1] - takenValues[0],
    minMs: takenValues[0],
    maxMs: takenValues[takenValues.length - 1],
    status: 499,
    paths: [...new Set(members.map((row) => table.paths[table.pathId[row]]))].sort(),
    instances,
    kind,
    reason,
  };
}

/** Finds 499 clusters among the given site (non-SCM) 499 rows. */
export function findClientAbortClusters(table: HttpTable, abortRows: number[], timeoutAt: TimeoutLookup): Cluster[] {
  const aborts = [...abortRows];
  aborts.sort((a, b) => table.timeTaken[a] - table.timeTaken[b]);
  const clusters: Cluster[] = [];
  for (const band of findBands(aborts, table.timeTaken)) {
    band.sort((a, b) => a - b);
    let wave: number[] = [];
    for (const row of band) {
      if (wave.length > 0 && table.time[row] - table.time[wave[wave.length - 1]] > CLUSTER_GAP_MS) {
        if (wave.length >= MIN_CLUSTER_SIZE) {
          clusters.push(toCluster(table, wave, timeoutAt));
        }
        wave = [];
      }
      wave.push(row);
    }
    if (wave.length >= MIN_CLUSTER_SIZE) {
      clusters.push(toCluster(table, wave, timeoutAt));
    }
  }
  return clusters.sort((a, b) => a.start - b.start);
}
