// Clusters, markers and worker-model segments → annotation-shaped frames (time, timeEnd, title,
// text, tags) that the panel, dashboards and annotation queries read.
import type { Cluster, Marker, MarkerKind, Signals, WorkerModelSegment } from '../../engine';
import { FRAME } from '../../shared/frame-contract';
import type { Frame } from '../frames/frame';

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function clusterTitle(cluster: Cluster): string {
  return `${cluster.count}× ${cluster.status} at ~${seconds(cluster.boundaryMs)} (${cluster.kind})`;
}

export function buildClustersFrame(clusters: readonly Cluster[], refId: string): Frame {
  return {
    name: FRAME.clusters,
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'time', type: 'time', values: clusters.map((c) => c.start), nullable: false },
      { name: 'timeEnd', type: 'time', values: clusters.map((c) => c.end), nullable: false },
      { name: 'title', type: 'string', values: clusters.map(clusterTitle) },
      {
        name: 'text',
        type: 'string',
        values: clusters.map(
          (c) => `${c.reason}. TimeTaken ${seconds(c.minMs)}–${seconds(c.maxMs)} (spread ${c.spreadMs} ms); paths ${c.paths.join(', ')}; requests started ${new Date(c.requestStartFrom).toISOString()}–${new Date(c.requestStartTo).toISOString()}`
        ),
      },
      { name: 'tags', type: 'json', values: clusters.map((c) => ['499-cluster', c.kind]) },
      { name: 'count', type: 'float64', values: clusters.map((c) => c.count) },
      { name: 'boundaryMs', type: 'float64', values: clusters.map((c) => c.boundaryMs), config: { unit: 'ms' } },
      { name: 'spreadMs', type: 'float64', values: clusters.map((c) => c.spreadMs), config: { unit: 'ms' } },
      { name: 'kind', type: 'string', values: clusters.map((c) => c.kind) },
      { name: 'status', type: 'float64', values: clusters.map((c) => c.status) },
      { name: 'paths', type: 'string', values: clusters.map((c) => c.paths.join(', ')) },
      { name: 'instances', type: 'string', values: clusters.map((c) => c.instances.join(', ')) },
    ],
  };
}

export function selectMarkers(signals: Signals, kinds: readonly MarkerKind[]): Marker[] {
  return kinds.length ? signals.markers.filter((m) => kinds.includes(m.kind)) : signals.markers;
}

export function buildMarkersFrame(markers: readonly Marker[], refId: string): Frame {
  return {
    name: FRAME.markers,
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'time', type: 'time', values: markers.map((m) => m.time), nullable: false },
      { name: 'timeEnd', type: 'time', values: markers.map((m) => m.time), nullable: false },
      { name: 'title', type: 'string', values: markers.map((m) => m.title) },
      { name: 'text', type: 'string', values: markers.map((m) => m.source.line) },
      // A site- or plan-wide marker (a deployment, a scale event) has no instance: no empty tag for it.
      { name: 'tags', type: 'json', values: markers.map((m) => [m.kind, ...(m.cause ? [m.cause] : []), ...(m.instance ? [m.instance] : [])]) },
      { name: 'kind', type: 'string', values: markers.map((m) => m.kind) },
      { name: 'instance', type: 'string', values: markers.map((m) => m.instance) },
      { name: 'pid', type: 'float64', values: markers.map((m) => m.pid ?? null), nullable: true },
      { name: 'cause', type: 'string', values: markers.map((m) => m.cause ?? null), nullable: true },
    ],
  };
}

function evidenceText(segment: WorkerModelSegment): string {
  const parts = [segment.workerClass, segment.workers, segment.threads, segment.timeoutSec, segment.bind]
    .flatMap((value) => value?.evidence ?? [])
    .map((e) => e.text);
  return [...new Set(parts)].join('; ');
}

export function buildWorkerModelFrame(segments: readonly WorkerModelSegment[], refId: string): Frame {
  return {
    name: FRAME.workerModel,
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'time', type: 'time', values: segments.map((s) => s.from), nullable: false },
      { name: 'timeEnd', type: 'time', values: segments.map((s) => s.to), nullable: false },
      { name: 'instance', type: 'string', values: segments.map((s) => s.instance) },
      { name: 'generation', type: 'float64', values: segments.map((s) => s.generation) },
      { name: 'version', type: 'string', values: segments.map((s) => s.version ?? null), nullable: true },
      { name: 'workerClass', type: 'string', values: segments.map((s) => s.workerClass?.value ?? null), nullable: true },
      { name: 'workers', type: 'float64', values: segments.map((s) => s.workers?.value ?? null), nullable: true },
      { name: 'threads', type: 'float64', values: segments.map((s) => s.threads?.value ?? null), nullable: true },
      { name: 'timeoutSec', type: 'float64', values: segments.map((s) => s.timeoutSec?.value ?? null), nullable: true, config: { unit: 's' } },
      { name: 'evidence', type: 'string', values: segments.map(evidenceText) },
    ],
  };
}
