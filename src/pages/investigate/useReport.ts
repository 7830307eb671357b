// Fetches the diagnosis of one range from the data source's `/report` resource.
import { useEffect, useState } from 'react';
import { getBackendSrv } from '@grafana/runtime';
import type { DiagnosisReport } from '../../engine/report/report-types';

export type ReportState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; report: DiagnosisReport } | { status: 'error'; message: string };

/** The backend answers errors as `{ message }`; Grafana's fetch wraps them in `data`. */
export function errorMessage(error: unknown): string {
  const failure = error as { data?: { message?: string; error?: string }; message?: string; status?: number; statusText?: string };
  const message = failure?.data?.message ?? failure?.data?.error ?? failure?.message;
  if (message) {
    return message;
  }
  return failure?.status ? `HTTP ${failure.status} ${failure.statusText ?? ''}`.trim() : String(error);
}

export function isReport(value: unknown): value is DiagnosisReport {
  const report = value as DiagnosisReport;
  return Boolean(report && Array.isArray(report.hypotheses) && Array.isArray(report.ranking) && report.window && report.series);
}

type Settled = Extract<ReportState, { status: 'done' | 'error' }>;

/** State is keyed by the request, so a newer range shows "loading" until its own answer lands. */
export function useReport(datasourceUid: string | undefined, from: number, to: number): ReportState {
  const key = datasourceUid ? `${datasourceUid}|${from}|${to}` : undefined;
  const [settled, setSettled] = useState<{ key: string; state: Settled }>();
  useEffect(() => {
    if (!key || !datasourceUid) {
      return;
    }
    let current = true;
    const settle = (state: Settled) => current && setSettled({ key, state });
    getBackendSrv()
      .get(`/api/datasources/uid/${datasourceUid}/resources/report`, { from, to }, undefined, { showErrorAlert: false })
      .then(
        (answer: unknown) =>
          settle(isReport(answer) ? { status: 'done', report: answer } : { status: 'error', message: '/report answered something that is not a diagnosis report; is the backend the same version as the frontend?' }),
        (error: unknown) => settle({ status: 'error', message: errorMessage(error) })
      );
    return () => {
      current = false;
    };
  }, [key, datasourceUid, from, to]);
  if (!key) {
    return { status: 'idle' };
  }
  return settled?.key === key ? settled.state : { status: 'loading' };
}
