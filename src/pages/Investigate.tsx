import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { Alert } from '@grafana/ui';

/** Entry point of an investigation: data source and range in, the full diagnosis out. */
export function Investigate() {
  return (
    <PluginPage>
      <Alert severity="info" title="Investigate">
        Pick an App Service 5xx Triage data source and a time range to see the ranked hypotheses, their evidence,
        499 clusters, restart markers and the next checks to run.
      </Alert>
    </PluginPage>
  );
}
