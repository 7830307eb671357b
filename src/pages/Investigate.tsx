// Entry point of an investigation: pick a data source and a range, get the full diagnosis.
// The choice lives in the URL (?ds=&from=&to=) so a diagnosis can be shared as a link.
import React, { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { dateTime, type TimeRange } from '@grafana/data';
import { DataSourcePicker, getDataSourceSrv, PluginPage } from '@grafana/runtime';
import { Alert, InlineField, InlineFieldRow, LoadingPlaceholder, TimeRangeInput } from '@grafana/ui';
import { DATASOURCE_ID } from '../constants';
import { selectors } from '../datasource/selectors';
import { InvestigateReport } from './investigate/InvestigateReport';
import { useReport } from './investigate/useReport';

const HOUR = 3_600_000;

export function Investigate() {
  const [params, setParams] = useSearchParams();
  const datasourceUid = params.get('ds') ?? getDataSourceSrv().getList({ pluginId: DATASOURCE_ID })[0]?.uid;
  // Without a range in the URL: the hour before the page opened (fixed, so re-renders do not refetch).
  const [openedAt] = useState(() => Date.now());
  const to = Number(params.get('to')) || openedAt;
  const from = Number(params.get('from')) || to - HOUR;
  const state = useReport(datasourceUid, from, to);
  const range: TimeRange = { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
  const update = (patch: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...(datasourceUid ? { ds: datasourceUid } : {}), ...patch });

  return (
    <PluginPage>
      <InlineFieldRow>
        <InlineField label="Data source" labelWidth={14}>
          <div data-testid={selectors.investigate.datasource}>
            <DataSourcePicker pluginId={DATASOURCE_ID} current={datasourceUid} width={36} noDefault onChange={(settings) => update({ ds: settings.uid })} />
          </div>
        </InlineField>
        <InlineField label="Range" labelWidth={8}>
          <TimeRangeInput value={range} onChange={(next) => update({ from: String(next.from.valueOf()), to: String(next.to.valueOf()) })} />
        </InlineField>
      </InlineFieldRow>
      <div data-testid={selectors.investigate.state} data-state={state.status}>
        {state.status === 'idle' && (
          <Alert severity="info" title="No App Service 5xx Triage data source yet">
            Add one under Connections → Data sources (the lab source needs no settings), then pick it here.
          </Alert>
        )}
        {state.status === 'loading' && <LoadingPlaceholder text="Diagnosing…" />}
        {state.status === 'error' && (
          <Alert severity="error" title="The diagnosis failed">
            {state.message}
          </Alert>
        )}
        {state.status === 'done' && datasourceUid && <InvestigateReport report={state.report} datasourceUid={datasourceUid} />}
      </div>
    </PluginPage>
  );
}
