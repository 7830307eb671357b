import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { dateTime, LoadingState, type DataFrame, type PanelProps } from '@grafana/data';
import { selectors } from '../../datasource/selectors';
import { HypothesesPanel } from './HypothesesPanel';
import { defaultOptions, type HypothesesOptions } from './options';
import {
  clustersFrame,
  declaredConfigFrame,
  hypothesesFrame,
  instanceSeriesFrame,
  markersFrame,
  platformFrames,
  RANGE,
  scaleMarkersFrame,
  seriesFrame,
} from './test-support/frames';

function renderPanel(series: DataFrame[], extra: { options?: Partial<HypothesesOptions>; errors?: Array<{ refId: string; message: string }>; width?: number } = {}) {
  const timeRange = { from: dateTime(RANGE.from), to: dateTime(RANGE.to), raw: { from: '', to: '' } };
  const props = {
    data: { series, state: extra.errors ? LoadingState.Error : LoadingState.Done, timeRange, errors: extra.errors },
    options: { ...defaultOptions, ...extra.options },
    width: extra.width ?? 1200,
    height: 500,
    timeRange,
  } as unknown as PanelProps<HypothesesOptions>;
  return render(<HypothesesPanel {...props} />);
}

const ALL = () => [seriesFrame(), markersFrame(), clustersFrame(), hypothesesFrame()];

describe('HypothesesPanel', () => {
  it('draws markers, 499 cluster bands, hypothesis windows and series from the frames', () => {
    renderPanel(ALL());
    expect(screen.getAllByTestId(selectors.panel.marker).map((marker) => marker.getAttribute('data-kind'))).toEqual(['worker-timeout', 'worker-boot']);
    expect(screen.getAllByTestId(selectors.panel.cluster)).toHaveLength(1);
    expect(screen.getAllByTestId(selectors.panel.window).map((window) => window.getAttribute('data-hypothesis'))).toEqual(['H1']);
    expect(screen.getAllByTestId(selectors.panel.seriesLine).map((line) => line.getAttribute('data-series')).sort()).toEqual(['errPct', 'p95', 'p99', 'requests']);
  });

  it('shows one card per hypothesis, most likely first, with the verdict and score', () => {
    renderPanel(ALL());
    const cards = screen.getAllByTestId(selectors.panel.card);
    expect(cards.map((card) => card.getAttribute('data-hypothesis'))).toEqual(['H1', 'T1', 'H2']);
    expect(within(cards[0]).getByRole('meter')).toHaveAttribute('aria-valuenow', '82');
    expect(within(cards[0]).getByText('37 aborts at 30.0 s')).toBeInTheDocument();
    expect(within(cards[0]).getByRole('button', { name: /Copy kql: 499s by TimeTaken/ })).toBeInTheDocument();
  });

  it('a marker’s tooltip carries its source line, a cluster’s its boundary', () => {
    renderPanel(ALL());
    fireEvent.focus(screen.getAllByTestId(selectors.panel.marker)[0]);
    expect(screen.getByRole('tooltip')).toHaveTextContent('[CRITICAL] WORKER TIMEOUT (pid:1908)');
    fireEvent.focus(screen.getByTestId(selectors.panel.cluster));
    expect(screen.getByRole('tooltip')).toHaveTextContent('TimeTaken boundary ≈ 30 s');
  });

  it('pressing a card highlights its windows and the clusters its evidence points at; pressing again clears', () => {
    renderPanel(ALL());
    const header = within(screen.getAllByTestId(selectors.panel.card)[0]).getByRole('button', { pressed: false });
    fireEvent.click(header);
    expect(header).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId(selectors.panel.window)).toHaveAttribute('data-selected', 'true');
    expect(screen.getByTestId(selectors.panel.cluster)).toHaveAttribute('data-highlighted', 'true');
    fireEvent.click(header);
    expect(screen.getByTestId(selectors.panel.cluster)).not.toHaveAttribute('data-highlighted');
  });

  it('pointing at the plot reads out that bin’s values, a missing value as a dash', () => {
    renderPanel(ALL());
    const svg = screen.getByTestId(selectors.panel.timeline).querySelector('svg')!;
    // Timeline 828 px wide (1200 − 360 card column − 12 gap), plot from 52 to 776 px over 4 minutes.
    fireEvent.mouseMove(svg, { clientX: 52 + (724 * 1.5) / 4 });
    expect(screen.getByText('09:01:00 · 480 req · 5xx 13% · p95 29 s · p99 30 s')).toBeInTheDocument();
    fireEvent.mouseMove(svg, { clientX: 52 + (724 * 2.5) / 4 });
    expect(screen.getByText(/^09:02:00 · 510 req · 5xx — ·/)).toBeInTheDocument();
    fireEvent.mouseLeave(svg);
    expect(screen.queryByText(/req · 5xx/)).not.toBeInTheDocument();
  });

  it('Escape clears the highlight', () => {
    renderPanel(ALL());
    const header = within(screen.getAllByTestId(selectors.panel.card)[0]).getByRole('button', { pressed: false });
    fireEvent.click(header);
    fireEvent.keyDown(header, { key: 'Escape' });
    expect(header).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId(selectors.panel.window)).not.toHaveAttribute('data-selected');
  });

  it('options: hide weakened hypotheses, limit to chosen ones, hide series', () => {
    renderPanel(ALL(), { options: { hideWeakened: true, hypotheses: ['T1', 'H2'], showSeries: ['p99'] } });
    expect(screen.getAllByTestId(selectors.panel.card).map((card) => card.getAttribute('data-hypothesis'))).toEqual(['T1']);
    expect(screen.getAllByTestId(selectors.panel.seriesLine).map((line) => line.getAttribute('data-series'))).toEqual(['p99']);
  });

  it('empty state names the query types to add', () => {
    renderPanel([]);
    expect(screen.getByTestId(selectors.panel.state)).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText(/Add queries of type Series, Markers, 499 clusters and Hypotheses/)).toBeInTheDocument();
  });

  it('error state shows each failed query with its refId', () => {
    renderPanel([], { errors: [{ refId: 'A', message: 'data source "lab": scenario "x" is not installed' }] });
    expect(screen.getByTestId(selectors.panel.state)).toHaveAttribute('data-state', 'error');
    expect(screen.getByText('A: data source "lab": scenario "x" is not installed')).toBeInTheDocument();
  });

  it('partial state: draws what came back and names what is missing', () => {
    renderPanel([markersFrame(), hypothesesFrame()]);
    expect(screen.getByTestId(selectors.panel.state)).toHaveAttribute('data-state', 'partial');
    expect(screen.getByTestId(selectors.panel.state)).toHaveTextContent('no "series" frame');
    expect(screen.getAllByTestId(selectors.panel.marker)).toHaveLength(2);
    expect(screen.queryAllByTestId(selectors.panel.seriesLine)).toHaveLength(0);
  });

  it('stacks the timeline above the cards when narrow', () => {
    renderPanel(ALL(), { width: 600 });
    expect(screen.getAllByTestId(selectors.panel.card)).toHaveLength(3);
    expect(screen.getByTestId(selectors.panel.timeline)).toHaveStyle({ width: '600px' });
  });

  it('draws a CPU / memory lane per instance with the failing instance strong, and names it in the legend', () => {
    const split = [instanceSeriesFrame('lw0sdlwk000001', [0, 9, 7, 0], [0, 3, 0, 0]), instanceSeriesFrame('lw0sdlwk000002', [0, 1, 0, 0], [0, 0, 0, 0])];
    renderPanel([...ALL(), ...platformFrames(), ...split]);
    const lane = screen.getByTestId(selectors.panel.metricLane);
    expect(lane).toHaveAttribute('data-failing-instance', 'lw0sdlwk000001');
    const lines = screen.getAllByTestId(selectors.panel.metricLine);
    expect(lines.map((line) => `${line.getAttribute('data-metric')} ${line.getAttribute('data-instance')}`).sort()).toEqual([
      'CpuPercentage lw0sdlwk000001',
      'CpuPercentage lw0sdlwk000002',
      'MemoryPercentage lw0sdlwk000001',
    ]);
    const failing = lines.filter((line) => line.getAttribute('data-failing') === 'true');
    expect(failing.map((line) => line.getAttribute('data-instance'))).toEqual(['lw0sdlwk000001', 'lw0sdlwk000001']);
    expect(failing.every((line) => line.getAttribute('d')?.startsWith('M'))).toBe(true);
    expect(Number(failing[0].getAttribute('stroke-width'))).toBeGreaterThan(Number(lines.find((line) => !line.getAttribute('data-failing'))!.getAttribute('stroke-width')));
    expect(screen.getByText('bold: lw0sdlwk000001')).toBeInTheDocument();
  });

  it('no lane without metrics frames, or when the option turns it off', () => {
    renderPanel(ALL());
    expect(screen.queryByTestId(selectors.panel.metricLane)).not.toBeInTheDocument();
    renderPanel([...ALL(), ...platformFrames()], { options: { showPlatformMetrics: false } });
    expect(screen.queryByTestId(selectors.panel.metricLane)).not.toBeInTheDocument();
  });

  it('scale-out and scale-in markers get their own glyph and a tooltip naming the instance', () => {
    renderPanel([seriesFrame(), scaleMarkersFrame()]);
    const markers = screen.getAllByTestId(selectors.panel.marker);
    expect(markers.map((marker) => marker.getAttribute('data-kind'))).toEqual(['scale-out', 'scale-in']);
    expect(markers.map((marker) => marker.querySelector('g[aria-hidden] path')?.getAttribute('d'))).toEqual([expect.stringMatching(/^M/), expect.stringMatching(/^M/)]);
    expect(markers[0].querySelector('g[aria-hidden] path')?.getAttribute('d')).not.toBe(markers[1].querySelector('g[aria-hidden] path')?.getAttribute('d'));
    fireEvent.focus(markers[0]);
    expect(screen.getByRole('tooltip')).toHaveTextContent('scale-out 1 → 2 instances (+lw0sdlwk000002)');
    expect(screen.getByRole('tooltip')).toHaveTextContent('scale-out on lw0sdlwk000002');
  });

  it('shows the declared configuration against the logs, one chip per setting', () => {
    renderPanel([...ALL(), declaredConfigFrame()]);
    const line = screen.getByTestId(selectors.panel.declaredConfig);
    expect(line).toHaveTextContent('Declared vs logs:');
    const chips = within(line).getAllByRole('listitem');
    expect(chips.map((chip) => chip.getAttribute('data-status'))).toEqual(['agrees', 'disagrees', 'not-in-logs', 'not-in-logs', 'agrees']);
    expect(chips[1]).toHaveTextContent('workers 2 ✗ (logs 4)');
    expect(chips[1]).toHaveAttribute('title', 'workers 2 (appCommandLine); the logs disagree: 4 (lw0sdlwk000001 generation 1, boot-lines)');
    renderPanel(ALL());
    expect(screen.getAllByTestId(selectors.panel.declaredConfig)).toHaveLength(1);
  });
});
