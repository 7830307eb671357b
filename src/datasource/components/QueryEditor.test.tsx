import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { dateTime } from '@grafana/data';
import type { DataSource } from '../datasource';
import { selectors } from '../selectors';
import { QUERY_MODEL_VERSION, QUERY_TYPE_LABELS, QUERY_TYPES, type AppSvcQuery, type QueryType } from '../types/query';
import { QueryEditor } from './QueryEditor';

const resources = {
  getResource: jest.fn(async (path: string) => (path === 'paths' ? ['/api/slow', '/health'] : ['lw0sdlwk000001'])),
} as unknown as DataSource;

/** One fully populated query per type; what each editor must show from it. */
const STORED: { [T in QueryType]: { query: AppSvcQuery; shows: string[] } } = {
  series: { query: { refId: 'A', queryType: 'series', splitBy: 'path', metrics: ['errPct', 'p95'], paths: ['/api/slow'] }, shows: ['errPct', 'p95', '/api/slow'] },
  clusters: { query: { refId: 'A', queryType: 'clusters', instances: ['lw0sdlwk000001'] }, shows: ['lw0sdlwk000001'] },
  markers: { query: { refId: 'A', queryType: 'markers', kinds: ['worker-timeout', 'restart'] }, shows: ['worker-timeout', 'restart'] },
  hypotheses: { query: { refId: 'A', queryType: 'hypotheses', format: 'windows', hypotheses: ['H1', 'T1'] }, shows: ['H1', 'T1'] },
  workerModel: { query: { refId: 'A', queryType: 'workerModel', instances: ['lw0sdlwk000001'] }, shows: ['lw0sdlwk000001'] },
  endpoints: { query: { refId: 'A', queryType: 'endpoints', paths: ['/health'] }, shows: ['/health'] },
  logs: { query: { refId: 'A', queryType: 'logs', table: 'platform', search: 'SIGKILL' }, shows: [] },
  metrics: { query: { refId: 'A', queryType: 'metrics', metrics: ['CpuPercentage', 'MemoryPercentage'], instances: ['lw0sdlwk000001'] }, shows: ['CpuPercentage', 'MemoryPercentage', 'lw0sdlwk000001'] },
};

function renderEditor(query: AppSvcQuery) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  render(<QueryEditor query={query} onChange={onChange} onRunQuery={onRunQuery} datasource={resources} />);
  return { onChange, onRunQuery };
}

// The filters load their choices asynchronously; let those updates land inside act().
afterEach(async () => {
  await act(async () => {
    await Promise.resolve();
  });
});

describe('QueryEditor', () => {
  it.each(QUERY_TYPES)('%s: shows the stored options and hands back every field on edit', async (queryType) => {
    const { query, shows } = STORED[queryType];
    const current = { ...query, bin: '1m', version: QUERY_MODEL_VERSION } as AppSvcQuery;
    const { onChange, onRunQuery } = renderEditor(current);
    const shownType = screen.getAllByText(QUERY_TYPE_LABELS[queryType].label).filter((element) => element.className.includes('singleValue'));
    expect(shownType).toHaveLength(1);
    for (const text of shows) {
      expect(await screen.findByText(text)).toBeInTheDocument();
    }
    const bin = screen.queryByTestId(selectors.queryEditor.bin);
    const search = screen.queryByTestId(selectors.queryEditor.logSearch);
    if (bin) {
      fireEvent.change(bin, { target: { value: '5m' } });
      fireEvent.blur(bin);
      expect(onChange).toHaveBeenLastCalledWith({ ...current, bin: '5m' });
    } else if (search) {
      expect(search).toHaveValue('SIGKILL');
      fireEvent.change(search, { target: { value: 'WORKER TIMEOUT' } });
      fireEvent.blur(search);
      expect(onChange).toHaveBeenLastCalledWith({ ...current, search: 'WORKER TIMEOUT' });
    } else {
      // Types without a bin or text field: the instance filter is the editable part.
      expect(screen.getByTestId(selectors.queryEditor.instances)).toBeInTheDocument();
      expect(onChange).not.toHaveBeenCalled();
      return;
    }
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(resources.getResource).toHaveBeenCalledWith('instances', undefined));
  });

  it('asks for the paths and instances seen in the dashboard range, to the minute', async () => {
    const from = Date.UTC(2026, 10, 21, 9, 0, 12);
    const to = Date.UTC(2026, 10, 21, 10, 0, 12);
    const range = { from: dateTime(from), to: dateTime(to), raw: { from: 'now-1h', to: 'now' } };
    render(<QueryEditor query={{ refId: 'A', queryType: 'series', version: QUERY_MODEL_VERSION }} onChange={jest.fn()} onRunQuery={jest.fn()} datasource={resources} range={range} />);
    await waitFor(() => expect(resources.getResource).toHaveBeenCalledWith('paths', { from: Date.UTC(2026, 10, 21, 9, 0), to: Date.UTC(2026, 10, 21, 10, 1) }));
    expect(resources.getResource).toHaveBeenCalledWith('instances', { from: Date.UTC(2026, 10, 21, 9, 0), to: Date.UTC(2026, 10, 21, 10, 1) });
  });

  it('refuses an invalid bin without sending it', () => {
    const { onChange } = renderEditor({ refId: 'A', queryType: 'series', bin: 'auto', version: QUERY_MODEL_VERSION });
    const bin = screen.getByTestId(selectors.queryEditor.bin);
    fireEvent.change(bin, { target: { value: 'every minute' } });
    fireEvent.blur(bin);
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/Use auto or a duration/)).toBeInTheDocument();
  });

  it('migrates an unversioned stored query as soon as it opens', () => {
    const { onChange } = renderEditor({ refId: 'A', paths: '/api/slow,/health' } as unknown as AppSvcQuery);
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', queryType: 'series', bin: 'auto', paths: ['/api/slow', '/health'], version: 1 });
  });

  it('warns about a query saved by a newer build and keeps it unchanged', () => {
    const { onChange } = renderEditor({ refId: 'A', queryType: 'series', version: QUERY_MODEL_VERSION + 1 });
    expect(screen.getByTestId(selectors.queryEditor.newerBuildWarning)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('names an unknown query type instead of rendering a wrong editor', () => {
    renderEditor({ refId: 'A', queryType: 'traces' as never, version: QUERY_MODEL_VERSION });
    expect(screen.getByText('Unknown query type "traces"; choose one')).toBeInTheDocument();
    expect(screen.queryByTestId(selectors.queryEditor.instances)).not.toBeInTheDocument();
  });
});
