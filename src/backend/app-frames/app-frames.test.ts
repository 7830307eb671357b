// Every frame the query handlers build from a real diagnosis encodes as an Arrow file Grafana reads,
// with the contract's names and fields.
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { runDiagnosis, type Diagnosis } from '../../diagnosis/run-diagnosis';
import { LabSource } from '../../sources/lab/lab-source';
import {
  CLUSTER_FIELDS,
  DIVERGENCE_FIELDS,
  ENDPOINT_FIELDS,
  FRAME,
  HYPOTHESIS_FIELDS,
  HYPOTHESIS_WINDOW_FIELDS,
  LOG_FIELDS,
  MARKER_FIELDS,
  SERIES_FIELDS,
  WORKER_MODEL_FIELDS,
} from '../../shared/frame-contract';
import { encodeFrame } from '../frames/arrow-frame-encoder';
import type { Frame } from '../frames/frame';
import { buildDivergencesFrame, buildEndpointsFrame } from './endpoint-frames';
import { buildClustersFrame, buildMarkersFrame, buildWorkerModelFrame, selectMarkers } from './event-frames';
import { buildScoresFrame, buildVerdictsFrame, buildWindowsFrame } from './hypothesis-frames';
import { buildLogsFrame } from './logs-frame';
import { buildSeriesFrames, countPerBinFrame } from './series-frames';

const recordingsDir = path.resolve(__dirname, '../../../lab/recordings');
let diagnosis: Diagnosis;

beforeAll(async () => {
  diagnosis = await runDiagnosis(new LabSource({ recordingsDir, scenario: 't1-worker-timeout' }), { binMs: 60_000 });
});

function roundTrip(frame: Frame) {
  const table = tableFromIPC(encodeFrame(frame));
  return { names: table.schema.fields.map((f) => f.name), rows: table.numRows, metadata: table.schema.metadata };
}

describe('app frames from the t1-worker-timeout recording', () => {
  it('series: time first, the contract fields, and per-path frames labelled', () => {
    const [frame] = buildSeriesFrames(diagnosis.signals, { refId: 'A', splitBy: 'none', metrics: [] });
    const decoded = roundTrip(frame);
    expect(decoded.names).toEqual(['time', ...SERIES_FIELDS]);
    expect(decoded.rows).toBe(diagnosis.signals.series.time.length);
    expect(decoded.metadata.get('name')).toBe(FRAME.series);
    const byPath = buildSeriesFrames(diagnosis.signals, { refId: 'A', splitBy: 'path', metrics: ['p95'] });
    expect(byPath.length).toBe(diagnosis.signals.byPath.length);
    expect(byPath.map((f) => f.fields[1].labels?.path)).toEqual(diagnosis.signals.byPath.map((k) => k.key));
  });

  it('annotation frames carry time, timeEnd, title, text, tags and their own fields', () => {
    expect(roundTrip(buildClustersFrame(diagnosis.signals.clusters, 'A')).names).toEqual([...CLUSTER_FIELDS]);
    const markers = selectMarkers(diagnosis.signals, ['worker-timeout']);
    expect(markers.length).toBeGreaterThan(0);
    const decoded = roundTrip(buildMarkersFrame(markers, 'A'));
    expect(decoded.names).toEqual([...MARKER_FIELDS]);
    expect(decoded.rows).toBe(markers.length);
    expect(roundTrip(buildWindowsFrame(diagnosis.assessment, [], 'A')).names).toEqual([...HYPOTHESIS_WINDOW_FIELDS]);
  });

  it('hypotheses: verdict rows in ranking order; scores one labelled field per hypothesis', () => {
    const verdicts = buildVerdictsFrame(diagnosis.assessment, [], 'A');
    expect(roundTrip(verdicts).names).toEqual([...HYPOTHESIS_FIELDS]);
    expect(verdicts.fields[0].values).toEqual(diagnosis.assessment.ranking);
    const scores = buildScoresFrame(diagnosis.assessment, ['H1', 'T1'], 'A');
    expect(scores.fields.map((f) => f.labels?.hypothesis ?? f.name)).toEqual(['time', ...diagnosis.assessment.ranking.filter((id) => id === 'H1' || id === 'T1')]);
    expect(roundTrip(scores).rows).toBe(diagnosis.assessment.scoreSeries.time.length);
  });

  it('worker model, endpoints, divergences and logs follow the contract', () => {
    expect(roundTrip(buildWorkerModelFrame(diagnosis.signals.workerModel, 'A')).names).toEqual([...WORKER_MODEL_FIELDS]);
    expect(roundTrip(buildEndpointsFrame(diagnosis.signals.endpoints, 'A')).names).toEqual([...ENDPOINT_FIELDS]);
    expect(roundTrip(buildDivergencesFrame(diagnosis.signals.divergences, 'A')).names).toEqual([...DIVERGENCE_FIELDS]);
    const logs = buildLogsFrame(diagnosis, { refId: 'A', table: 'console', search: 'WORKER TIMEOUT' });
    const decoded = roundTrip(logs);
    expect(decoded.names).toEqual([...LOG_FIELDS]);
    expect(decoded.rows).toBe(diagnosis.signals.markers.filter((m) => m.kind === 'worker-timeout').length);
    expect(logs.fields.find((f) => f.name === 'kind')!.values.every((k) => k === 'worker-timeout')).toBe(true);
  });

  it('alert forms count events per bin on the series grid', () => {
    const times = diagnosis.signals.markers.map((m) => m.time);
    const frame = countPerBinFrame(diagnosis.signals, FRAME.markers, 'markers', times, 'A');
    const counts = frame.fields[1].values as number[];
    const inWindow = times.filter((t) => t >= diagnosis.signals.window.from && t < diagnosis.signals.window.to).length;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(inWindow);
    expect(frame.fields[0].values).toEqual(diagnosis.signals.series.time);
  });
});
