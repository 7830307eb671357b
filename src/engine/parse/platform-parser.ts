// AppServicePlatformLogs → typed events (container and site lifecycle, probes, start time limits).
import { PlatformEvent } from '../model/events';
import { LogRow } from './log-rows';
import { PlatformMessageClassifier } from './platform-message';

/** `Container is starting.` and `Starting container: X.` describe the same start a moment apart. */
const SAME_START_MS = 5000;

/** Parses time-ordered platform rows into events. */
export function parsePlatformRows(rows: LogRow[]): PlatformEvent[] {
  const classifiers = new Map<string, PlatformMessageClassifier>();
  const lastStart = new Map<string, number>();
  const events: PlatformEvent[] = [];
  for (const row of rows) {
    let classifier = classifiers.get(row.instance);
    if (!classifier) {
      classifier = new PlatformMessageClassifier();
      classifiers.set(row.instance, classifier);
    }
    const message = classifier.classify(row.text.trim());
    if (!message) {
      continue;
    }
    if (message.kind === 'container-starting') {
      const previous = lastStart.get(row.instance);
      lastStart.set(row.instance, row.time);
      if (previous !== undefined && row.time - previous <= SAME_START_MS) {
        continue;
      }
    }
    const base = { instance: row.instance, generation: 0, source: { table: 'platform' as const, row: row.row, line: row.text } };
    if (message.kind === 'container-timeout') {
      const { occurredAt, ...rest } = message;
      events.push({ ...rest, ...base, time: occurredAt ?? row.time });
    } else {
      events.push({ ...message, ...base, time: row.time });
    }
  }
  return events.sort((a, b) => a.time - b.time);
}
