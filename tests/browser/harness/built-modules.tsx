// Loads the webpack build (`npm run build` output: AMD module.js files, as Grafana loads them)
// with Grafana's shared packages supplied as the externals, checks each registers its plugin,
// and renders the BUILT panel with the captured frames.
import React, { useEffect, useState } from 'react';
import * as EmotionCss from '@emotion/css';
import * as GrafanaData from '@grafana/data';
import * as GrafanaRuntime from '@grafana/runtime';
import * as GrafanaUI from '@grafana/ui';
import * as ReactRouterDom from 'react-router-dom';
import * as Rxjs from 'rxjs';
import type { Fixture } from './fixtures';

const EXTERNALS: Record<string, unknown> = {
  '@emotion/css': EmotionCss,
  '@grafana/data': GrafanaData,
  '@grafana/runtime': GrafanaRuntime,
  '@grafana/ui': GrafanaUI,
  react: React,
  'react-router-dom': ReactRouterDom,
  rxjs: Rxjs,
};

const MODULES = { app: 'module.js', datasource: 'datasource/module.js', panel: 'panels/hypotheses/module.js' } as const;
type ModuleName = keyof typeof MODULES;

/** Evaluates one AMD module.js with a one-shot `define`, as SystemJS does inside Grafana. */
function loadAmd(url: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const host = window as unknown as { define?: unknown };
    host.define = (deps: string[], factory: (...args: unknown[]) => Record<string, unknown>) => {
      const missing = deps.filter((dep) => !(dep in EXTERNALS));
      if (missing.length) {
        reject(new Error(`${url} needs externals the harness does not provide: ${missing.join(', ')}`));
        return;
      }
      resolve(factory(...deps.map((dep) => EXTERNALS[dep])));
    };
    (host.define as { amd?: boolean }).amd = true;
    const script = document.createElement('script');
    script.src = url;
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.appendChild(script);
  });
}

async function loadSequentially(base: string) {
  const loaded: Partial<Record<ModuleName, Record<string, unknown>>> = {};
  for (const name of Object.keys(MODULES) as ModuleName[]) {
    loaded[name] = await loadAmd(`${base}${MODULES[name]}`);
  }
  return loaded as Record<ModuleName, Record<string, unknown>>;
}

interface Registration {
  app: boolean;
  datasource: boolean;
  panel: boolean;
}

export function BuiltModules({ fixture, base }: { fixture: Fixture; base: string }) {
  const [state, setState] = useState<{ registration?: Registration; Panel?: React.ComponentType<GrafanaData.PanelProps>; error?: string }>({});
  useEffect(() => {
    loadSequentially(base).then(
      ({ app, datasource, panel }) => {
        const appPlugin = app.plugin as GrafanaData.AppPlugin;
        const dsPlugin = datasource.plugin as GrafanaData.DataSourcePlugin<never>;
        const panelPlugin = panel.plugin as GrafanaData.PanelPlugin;
        setState({
          registration: {
            app: appPlugin instanceof GrafanaData.AppPlugin && Boolean(appPlugin.root),
            datasource: dsPlugin instanceof GrafanaData.DataSourcePlugin && Boolean(dsPlugin.DataSourceClass && dsPlugin.components.QueryEditor && dsPlugin.components.ConfigEditor),
            panel: panelPlugin instanceof GrafanaData.PanelPlugin && Boolean(panelPlugin.panel),
          },
          Panel: panelPlugin.panel as React.ComponentType<GrafanaData.PanelProps>,
        });
      },
      (error: Error) => setState({ error: error.message })
    );
  }, [base]);
  if (state.error) {
    return <pre data-testid="built-modules-error">{state.error}</pre>;
  }
  if (!state.registration || !state.Panel) {
    return <p>Loading the built modules…</p>;
  }
  const timeRange = { from: GrafanaData.dateTime(fixture.timeRange.fromEpochMS), to: GrafanaData.dateTime(fixture.timeRange.toEpochMS), raw: { from: '', to: '' } };
  const props = {
    data: { series: fixture.frames.map((frame) => GrafanaData.createDataFrame(frame as never)), state: GrafanaData.LoadingState.Done, timeRange },
    options: {},
    width: 1240,
    height: 460,
    timeRange,
  } as unknown as GrafanaData.PanelProps;
  const Panel = state.Panel;
  return (
    <div>
      <pre data-testid="built-modules-registration">{JSON.stringify(state.registration)}</pre>
      <Panel {...props} />
    </div>
  );
}
