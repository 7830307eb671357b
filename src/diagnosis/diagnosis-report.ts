// A diagnosis as DESIGN.md's report (the CLI's JSON and the backend's /report resource).
import { buildReport, type DiagnosisReport } from '../engine/report';
import type { Diagnosis } from './run-diagnosis';

export function diagnosisReport({ data, signals, assessment, declared }: Diagnosis, spec: string): DiagnosisReport {
  return buildReport(signals, assessment, {
    spec,
    description: data.description,
    warnings: data.warnings,
    files: data.files,
    timeShiftMs: data.timeShiftMs,
  }, declared);
}
