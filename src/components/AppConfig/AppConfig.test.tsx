import React from 'react';
import { render, screen } from '@testing-library/react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { AppConfig } from './AppConfig';

const list = jest.fn();
// Grafana's data source service exists only inside Grafana: a stand-in listing the instances.
jest.mock('@grafana/runtime', () => ({ getDataSourceSrv: () => ({ getList: list }) }));

const props = { plugin: { meta: { name: 'App Service 5xx Triage', info: { version: '0.1.0' } } } } as unknown as PluginConfigPageProps<AppPluginMeta>;

describe('AppConfig', () => {
  it('lists each data source of this type with its settings and an Investigate link', () => {
    list.mockReturnValue([{ uid: 'appsvc-triage-lab', name: 'App Service 5xx Triage (lab)' }]);
    render(<AppConfig {...props} />);
    expect(list).toHaveBeenCalledWith({ pluginId: 'appsvc-triage-datasource' });
    expect(screen.getByText('App Service 5xx Triage (lab)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Investigate/ })).toHaveAttribute('href', '/a/appsvc-triage-app/investigate?ds=appsvc-triage-lab');
    expect(screen.getByRole('link', { name: /Settings/ })).toHaveAttribute('href', '/connections/datasources/edit/appsvc-triage-lab');
  });

  it('says how to start when there is none', () => {
    list.mockReturnValue([]);
    render(<AppConfig {...props} />);
    expect(screen.getByText('No data source of this type yet')).toBeInTheDocument();
  });
});
