// The captured fixtures (frames + report from the real backend), bundled into the harness.
import type { DiagnosisReport } from '../../../src/engine/report/report-types';
import type { FrameJson } from '../capture-fixtures';

export interface Fixture {
  scenario: string;
  capturedFrom: string;
  reportFrom: string;
  timeRange: { fromEpochMS: number; toEpochMS: number };
  frames: FrameJson[];
  report: DiagnosisReport;
}

const modules = import.meta.glob<Fixture>('../fixtures/*.json', { eager: true, import: 'default' });

export function fixtureFor(scenario: string): Fixture {
  const found = Object.values(modules).find((fixture) => fixture.scenario === scenario);
  if (!found) {
    throw new Error(`no fixture for scenario "${scenario}": run npx tsx tests/browser/capture-fixtures.ts`);
  }
  return found;
}
