// The app's configuration page. The app itself has no settings: sources are configured per data
// source instance, so this page lists those instances and where to go from each.
import React from 'react';
import { css } from '@emotion/css';
import type { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, LinkButton, useStyles2 } from '@grafana/ui';
import { APP_BASE_URL, DATASOURCE_ID, ROUTES } from '../../constants';

type Props = PluginConfigPageProps<AppPluginMeta>;

export function AppConfig({ plugin }: Props) {
  const styles = useStyles2(getStyles);
  const datasources = getDataSourceSrv().getList({ pluginId: DATASOURCE_ID });
  return (
    <div className={styles.page}>
      <p>
        {plugin.meta.name} {plugin.meta.info.version} reads App Service logs through data sources of type <code>{DATASOURCE_ID}</code>: the
        bundled lab recordings, a folder of exported logs on the Grafana server, or an Azure Log Analytics workspace.
      </p>
      {datasources.length === 0 ? (
        <Alert severity="info" title="No data source of this type yet">
          Add one; the lab source needs no settings and shows a recorded incident.
        </Alert>
      ) : (
        <ul className={styles.list} aria-label="Data sources">
          {datasources.map((datasource) => (
            <li key={datasource.uid} className={styles.item}>
              <span className={styles.name}>{datasource.name}</span>
              <LinkButton size="sm" variant="secondary" fill="outline" icon="cog" href={`/connections/datasources/edit/${datasource.uid}`}>
                Settings
              </LinkButton>
              <LinkButton size="sm" variant="primary" fill="outline" icon="search" href={`${APP_BASE_URL}/${ROUTES.Investigate}?ds=${encodeURIComponent(datasource.uid)}`}>
                Investigate
              </LinkButton>
            </li>
          ))}
        </ul>
      )}
      <LinkButton icon="plus" href={`/connections/datasources/new`}>
        Add data source
      </LinkButton>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), alignItems: 'flex-start', maxWidth: 800 }),
  list: css({ listStyle: 'none', margin: 0, padding: 0, width: '100%' }),
  item: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), padding: theme.spacing(1, 0), borderBottom: `1px solid ${theme.colors.border.weak}` }),
  name: css({ flex: 1, fontWeight: theme.typography.fontWeightMedium }),
});
