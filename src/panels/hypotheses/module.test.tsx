import { PanelPlugin } from '@grafana/data';
import { HypothesesPanel } from './HypothesesPanel';
import { plugin } from './module';

describe('hypotheses panel module', () => {
  it('exports a PanelPlugin rendering HypothesesPanel', () => {
    expect(plugin).toBeInstanceOf(PanelPlugin);
    expect(plugin.panel).toBe(HypothesesPanel);
  });
});
