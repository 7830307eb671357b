import React from 'react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { selectors } from '../datasource/selectors';
import { Investigate } from './Investigate';
import { inferredWorkerModel } from './investigate/worker-model';

// A report the engine produced on the h1-two-instances lab recording (tests/browser/capture-fixtures.ts).
const report = JSON.parse(readFileSync(join(__dirname, '..', '..', 'tests', 'browser', 'fixtures', 'h1-two-instances.json'), 'utf8')).report;

// Grafana's runtime services and page chrome exist only inside Grafana: stand-ins that record the calls.
const backendGet = jest.fn();
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({ get: backendGet }),
  getDataSourceSrv: () => ({ getList: () => [{ uid: 'appsvc-triage-lab', name: 'App Service 5xx Triage (lab)' }] }),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  DataSourcePicker: ({ current }: { current?: string }) => <span>picked {current}</span>,
}));

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Investigate />
    </MemoryRouter>
  );
}

beforeEach(() => backendGet.mockReset());

describe('Investigate page', () => {
  it('asks /report of the chosen data source for the range in the URL and shows the ranked diagnosis', async () => {
    backendGet.mockResolvedValue(report);
    renderAt('/investigate?ds=appsvc-triage-lab&from=1000&to=2000');
    const ranking = await screen.findByTestId(selectors.investigate.ranking);
    expect(backendGet).toHaveBeenCalledWith('/api/datasources/uid/appsvc-triage-lab/resources/report', { from: 1000, to: 2000 }, undefined, { showErrorAlert: false });
    expect(within(ranking).getAllByTestId(selectors.panel.card).map((card) => card.getAttribute('data-hypothesis'))).toEqual(report.ranking);
    expect(screen.getByTestId(selectors.investigate.clusters).querySelectorAll('tbody tr')).toHaveLength(report.clusters.length);
    expect(screen.getByTestId(selectors.investigate.workerModel).querySelectorAll('tbody tr')).toHaveLength(inferredWorkerModel(report.workerModel).length);
  });

  it('defaults to the first data source of this type and the last hour', async () => {
    backendGet.mockResolvedValue(report);
    renderAt('/investigate');
    await screen.findByTestId(selectors.investigate.ranking);
    const [, params] = backendGet.mock.calls[0];
    expect(backendGet.mock.calls[0][0]).toBe('/api/datasources/uid/appsvc-triage-lab/resources/report');
    expect(params.to - params.from).toBe(3_600_000);
  });

  it('sets the declared Gunicorn configuration against the logs when the source read it', async () => {
    const check = { setting: 'timeoutSec', declared: 30, declaredFrom: 'appCommandLine', status: 'disagrees', observed: [], text: 'declared --timeout 30 s; the logs show kills 10 s after the request' };
    const declared = { site: {}, appSettings: [], appSettingsRead: true, notes: [] };
    backendGet.mockResolvedValue({ ...report, workerModel: { inferred: inferredWorkerModel(report.workerModel), declared, checks: [check], disagreements: [check] } });
    renderAt('/investigate?ds=appsvc-triage-lab&from=1000&to=2000');
    const checks = await screen.findByTestId(selectors.investigate.configChecks);
    expect(within(checks).getByText(check.text)).toBeInTheDocument();
    expect(within(checks).getByLabelText('disagrees')).toBeInTheDocument();
  });

  it('shows the backend’s message when the diagnosis fails', async () => {
    backendGet.mockRejectedValue({ status: 400, data: { message: 'data source "lab": scenario "nope" is not installed' } });
    renderAt('/investigate?ds=appsvc-triage-lab&from=1000&to=2000');
    expect(await screen.findByText('data source "lab": scenario "nope" is not installed')).toBeInTheDocument();
    expect(screen.getByTestId(selectors.investigate.state)).toHaveAttribute('data-state', 'error');
  });
});
