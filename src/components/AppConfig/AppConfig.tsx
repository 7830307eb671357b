import React from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { Alert } from '@grafana/ui';
import { DATASOURCE_ID } from '../../constants';

type Props = PluginConfigPageProps<AppPluginMeta>;

/** The app itself has no settings: sources are configured per data source instance. */
export function AppConfig({ plugin }: Props) {
  return (
    <Alert severity="info" title={`${plugin.meta.name} ${plugin.meta.info.version}`}>
      Data comes from data sources of type <code>{DATASOURCE_ID}</code>: the bundled lab recordings, a folder of exported
      logs, or an Azure Log Analytics workspace. Add one under Connections → Data sources.
    </Alert>
  );
}
