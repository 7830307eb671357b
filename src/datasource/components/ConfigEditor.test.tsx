import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DataSourceSettings } from '@grafana/data';
import { selectors } from '../selectors';
import type { AppSvcOptions, AppSvcSecureOptions } from '../types/options';
import { ConfigEditor } from './ConfigEditor';
import { targetProblem } from './config/AzureSettings';

const backendGet = jest.fn();
jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => ({ get: backendGet }) }));

const SECRET = 's3cr3t-value-that-must-not-show';

function settings(jsonData: AppSvcOptions, secure: Partial<DataSourceSettings<AppSvcOptions, AppSvcSecureOptions>> = {}) {
  return { uid: 'ds-1', name: 'triage', jsonData, secureJsonFields: {}, ...secure } as DataSourceSettings<AppSvcOptions, AppSvcSecureOptions>;
}

function renderEditor(options: DataSourceSettings<AppSvcOptions, AppSvcSecureOptions>) {
  const onOptionsChange = jest.fn();
  const view = render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return { onOptionsChange, view };
}

beforeEach(() => {
  backendGet.mockReset();
  backendGet.mockResolvedValue({
    scenarios: [
      { scenario: 'baseline', description: 'steady load', expectedRanking: [], missingTables: [], manifestProblem: undefined },
      { scenario: 'h1-exhaustion', description: '', expectedRanking: ['H1'], missingTables: [], manifestProblem: undefined },
      { scenario: 'broken', description: '', expectedRanking: [], missingTables: ['AppServiceHTTPLogs.json'], manifestProblem: undefined },
    ],
  });
});

// The scenario list loads asynchronously; let that update land inside act().
afterEach(async () => {
  await act(async () => {
    await Promise.resolve();
  });
});

describe('ConfigEditor', () => {
  it('lab: picks scenarios from the backend resource, leaving out unusable ones', async () => {
    renderEditor(settings({ source: 'lab', labScenario: 'h1-exhaustion' }));
    await waitFor(() => expect(backendGet).toHaveBeenCalledWith('/api/datasources/uid/ds-1/resources/scenarios'));
    fireEvent.keyDown(screen.getByTestId(selectors.configEditor.labScenario).querySelector('input') ?? screen.getByRole('combobox'), { key: 'ArrowDown' });
    expect(await screen.findByText('baseline')).toBeInTheDocument();
    expect(screen.queryByText('broken')).not.toBeInTheDocument();
  });

  it('lab: "replay as of now" is on by default and can be turned off', () => {
    const { onOptionsChange } = renderEditor(settings({ source: 'lab' }));
    const toggle = screen.getByTestId(selectors.configEditor.labReplay);
    expect(toggle).toBeChecked();
    fireEvent.click(toggle);
    expect(onOptionsChange).toHaveBeenCalledWith(expect.objectContaining({ jsonData: { source: 'lab', labReplayAsOfNow: false } }));
  });

  it('files: flags a relative folder', () => {
    renderEditor(settings({ source: 'files', filesFolder: 'exports' }));
    expect(screen.getByText(/Use an absolute path/)).toBeInTheDocument();
  });

  it('azure: a configured secret is shown only as configured, never as its value', () => {
    const { view } = renderEditor(
      settings({ source: 'azure', azureAuth: 'clientSecret', azureTarget: '00000000-0000-0000-0000-000000000001' }, { secureJsonFields: { azureClientSecret: true }, secureJsonData: { azureClientSecret: SECRET } })
    );
    expect(screen.getByDisplayValue('configured')).toBeInTheDocument();
    expect(view.container.innerHTML).not.toContain(SECRET);
  });

  it('azure: a typed secret goes to secureJsonData only, and reset clears it', () => {
    const { onOptionsChange } = renderEditor(settings({ source: 'azure', azureAuth: 'clientSecret' }));
    fireEvent.change(screen.getByTestId(selectors.configEditor.azureSecret), { target: { value: SECRET } });
    const changed = onOptionsChange.mock.lastCall[0];
    expect(changed.secureJsonData).toEqual({ azureClientSecret: SECRET });
    expect(JSON.stringify(changed.jsonData)).not.toContain(SECRET);

    const configured = renderEditor(settings({ source: 'azure', azureAuth: 'clientSecret' }, { secureJsonFields: { azureClientSecret: true } }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(configured.onOptionsChange.mock.lastCall[0]).toMatchObject({ secureJsonFields: { azureClientSecret: false }, secureJsonData: { azureClientSecret: '' } });
  });

  it('azure: tenant and client ids appear only for the client-secret mode', () => {
    renderEditor(settings({ source: 'azure', azureAuth: 'managedIdentity' }));
    expect(screen.queryByTestId(selectors.configEditor.azureTenant)).not.toBeInTheDocument();
    expect(screen.queryByTestId(selectors.configEditor.azureSecret)).not.toBeInTheDocument();
  });

  it('azure: the target must be a workspace GUID or an App Service resource id', () => {
    expect(targetProblem('00000000-0000-0000-0000-000000000001')).toBeUndefined();
    expect(targetProblem('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app')).toBeUndefined();
    expect(targetProblem('my-workspace')).toMatch(/workspace id/);
  });
});
