import { timelineLayout } from './layout';

describe('timelineLayout', () => {
  it('stacks traffic above latency inside the plot, without overlap', () => {
    const layout = timelineLayout(800, 300, 2, ['requests', 'errPct', 'p95', 'p99']);
    const [traffic, latency] = layout.panes;
    expect([traffic.kind, latency.kind]).toEqual(['traffic', 'latency']);
    expect(traffic.top).toBe(layout.plotTop);
    expect(latency.top).toBeGreaterThan(traffic.top + traffic.height);
    expect(latency.top + latency.height).toBeLessThanOrEqual(layout.plotBottom + 1e-9);
  });

  it('adds the platform pane below the others when there are metrics, keeping every pane inside the plot', () => {
    const layout = timelineLayout(800, 400, 1, ['requests', 'p95'], true);
    expect(layout.panes.map((pane) => pane.kind)).toEqual(['traffic', 'latency', 'platform']);
    const [traffic, latency, platform] = layout.panes;
    expect(platform.top).toBeGreaterThan(latency.top + latency.height);
    expect(platform.top + platform.height).toBeLessThanOrEqual(layout.plotBottom + 1e-9);
    expect(platform.height).toBeLessThan(traffic.height);
    expect(timelineLayout(800, 400, 1, [], true).panes.map((pane) => pane.kind)).toEqual(['platform']);
  });

  it('drops a pane whose series are all hidden, and makes room for more window lanes', () => {
    expect(timelineLayout(800, 300, 0, ['p99']).panes.map((pane) => pane.kind)).toEqual(['latency']);
    expect(timelineLayout(800, 300, 3, ['p99']).plotTop).toBeGreaterThan(timelineLayout(800, 300, 1, ['p99']).plotTop);
  });
});
