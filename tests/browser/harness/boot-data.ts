// What Grafana's index.html sets before any plugin code runs; @grafana/runtime reads it at import.
// Imported first by main.tsx so it is in place before the runtime module evaluates.
(window as unknown as { grafanaBootData: unknown }).grafanaBootData = {
  assets: { dark: '', light: '' },
  settings: {},
  user: {},
  navTree: [],
};
