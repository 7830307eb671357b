// Mounts the real panel or the Investigate view inside @grafana/ui's theme context, fed with
// captured fixtures. URL: ?view=panel|investigate|built&theme=dark|light&scenario=<lab scenario>
// (`built` renders the panel from the webpack build instead of the sources).
import './boot-data';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createDataFrame, createTheme, dateTime, LoadingState, ThemeContext, type PanelProps } from '@grafana/data';
import { GlobalStyles } from '@grafana/ui';
import { HypothesesPanel } from '../../../src/panels/hypotheses/HypothesesPanel';
import { defaultOptions, type HypothesesOptions } from '../../../src/panels/hypotheses/options';
import { InvestigateReport } from '../../../src/pages/investigate/InvestigateReport';
import { BuiltModules } from './built-modules';
import { fixtureFor } from './fixtures';

// @grafana/ui fetches its icons from <public path>build/img/icons/; the test server mounts them there.
(window as unknown as { __grafana_public_path__: string }).__grafana_public_path__ = '/grafana-public/';

const params = new URLSearchParams(window.location.search);
const view = params.get('view') ?? 'panel';
const mode = params.get('theme') === 'light' ? 'light' : 'dark';
const fixture = fixtureFor(params.get('scenario') ?? 'h1-two-instances');
const theme = createTheme({ colors: { mode } });

function PanelView() {
  const timeRange = { from: dateTime(fixture.timeRange.fromEpochMS), to: dateTime(fixture.timeRange.toEpochMS), raw: { from: '', to: '' } };
  const props = {
    data: { series: fixture.frames.map((frame) => createDataFrame(frame as never)), state: LoadingState.Done, timeRange },
    options: defaultOptions,
    width: 1240,
    height: 600,
    timeRange,
    timeZone: 'utc',
  } as unknown as PanelProps<HypothesesOptions>;
  return (
    <div style={{ padding: 16, background: theme.colors.background.primary, width: 1272 }}>
      <h2 style={{ margin: '0 0 8px', fontSize: 16 }}>Hypotheses — lab:{fixture.scenario}</h2>
      <HypothesesPanel {...props} />
    </div>
  );
}

function App() {
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <main style={{ background: theme.colors.background.canvas, minHeight: '100vh', padding: 16 }} data-harness-ready="true">
        {view === 'built' ? (
          <BuiltModules fixture={fixture} base="/built/" />
        ) : view === 'investigate' ? (
          <div style={{ width: 1240 }}>
            <h2 style={{ margin: '0 0 8px' }}>Investigate — lab:{fixture.scenario}</h2>
            <InvestigateReport report={fixture.report} datasourceUid="appsvc-triage-lab" />
          </div>
        ) : (
          <PanelView />
        )}
      </main>
    </ThemeContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
