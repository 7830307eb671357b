import { PanelPlugin } from '@grafana/data';
import { HypothesesPanel } from './HypothesesPanel';
import { buildOptions, type HypothesesOptions } from './options';

export const plugin = new PanelPlugin<HypothesesOptions>(HypothesesPanel).setPanelOptions(buildOptions);
