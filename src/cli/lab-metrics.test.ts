// Platform metrics on every lab recording that has them, checked against the recording's own
// PlatformMetrics.json: the report names each instance's CPU and memory, its highest value is the
// highest point the file holds inside the report's window, and the text report prints the section
// and one CPU sparkline per instance.
import fs from 'node:fs';
import path from 'node:path';
import { formatText } from './format-text';
import { RECORDINGS, reportOf } from './testing/run-cli';

jest.setTimeout(120_000);

interface MetricsFile {
  value: Array<{ name: { value: string }; timeseries: Array<{ metadatavalues: Array<{ name: { value: string }; value: string }>; data: Array<{ timeStamp: string; average?: number | null; maximum?: number | null }> }> }>;
}

const scenarios = fs
  .readdirSync(RECORDINGS)
  .filter((name) => fs.existsSync(path.join(RECORDINGS, name, 'PlatformMetrics.json')))
  .sort();

/** Highest maximum (else average) of one metric on one instance, over points inside [from, to). */
function highestInFile(file: MetricsFile, metric: string, instance: string, from: number, to: number): number | null {
  const series = file.value.find((item) => item.name.value === metric)?.timeseries.find((item) => item.metadatavalues.some((entry) => entry.name.value.toLowerCase() === 'instance' && entry.value === instance));
  const values = (series?.data ?? [])
    .filter((point) => Date.parse(point.timeStamp) >= from && Date.parse(point.timeStamp) < to)
    .map((point) => point.maximum ?? point.average)
    .filter((value): value is number => typeof value === 'number');
  return values.length ? Math.max(...values) : null;
}

describe('platform metrics on the lab recordings', () => {
  it('finds recordings with platform metrics, the CPU saturation scenario among them', () => {
    expect(scenarios).toContain('c1-cpu-saturation');
  });

  it.each(scenarios)('%s: CPU and memory per instance, highest value as in PlatformMetrics.json, printed in the text report', async (scenario) => {
    const file = JSON.parse(fs.readFileSync(path.join(RECORDINGS, scenario, 'PlatformMetrics.json'), 'utf8')) as MetricsFile;
    const report = await reportOf(`lab:${scenario}`);
    const metrics = report.metrics!;
    expect(metrics.origins.join(' ')).toContain('PlatformMetrics.json');
    const instances = [...new Set(file.value.flatMap((item) => item.timeseries.flatMap((series) => series.metadatavalues.filter((entry) => entry.name.value.toLowerCase() === 'instance').map((entry) => entry.value))))].sort();
    expect(metrics.instances).toEqual(expect.arrayContaining(instances));
    // Recorded times, as the file holds them (a replayed recording is shifted).
    const from = Date.parse(report.window.from) - report.source.timeShiftMs;
    const to = Date.parse(report.window.to) - report.source.timeShiftMs;
    const text = formatText(report);
    expect(text).toContain('\nPLATFORM METRICS\n');
    for (const instance of instances) {
      for (const metric of ['CpuPercentage', 'MemoryPercentage']) {
        const reported = metrics.perMetric.find((item) => item.name === metric && item.instance === instance);
        expect({ instance, metric, max: reported?.max }).toEqual({ instance, metric, max: highestInFile(file, metric, instance, from, to) });
        expect(reported?.points).toHaveLength(report.series.time.length);
      }
      expect(text).toMatch(new RegExp(`^ {2}cpu ${instance} +[▁▂▃▄▅▆▇█ ]+ {2}max `, 'm'));
    }
  });
});
