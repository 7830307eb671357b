// The few fields of an ARM `Microsoft.Web/sites/config` "web" object the diagnosis uses, read from
// either the flattened shape (`az webapp config show`, the corpus' app-config.json) or ARM's
// `{ properties: {…} }` envelope. Nothing else of the object is kept.
import { redactCommand } from './redact-command';

export interface SiteWebConfig {
  appCommandLine?: string;
  linuxFxVersion?: string;
  alwaysOn?: boolean;
  healthCheckPath?: string;
  numberOfWorkers?: number;
}

export interface SiteWebConfigResult {
  config: SiteWebConfig;
  problems: string[];
}

export function siteWebConfigFrom(object: unknown): SiteWebConfigResult {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    return { config: {}, problems: ['site web config is not a JSON object'] };
  }
  const outer = object as Record<string, unknown>;
  const inner = typeof outer.properties === 'object' && outer.properties !== null && !Array.isArray(outer.properties) ? (outer.properties as Record<string, unknown>) : outer;
  const config: SiteWebConfig = {};
  const problems: string[] = [];
  const text = (key: 'appCommandLine' | 'linuxFxVersion' | 'healthCheckPath') => {
    const value = inner[key];
    if (typeof value === 'string') {
      config[key] = key === 'appCommandLine' ? redactCommand(value.trim()) : value.trim();
    } else if (value !== null && value !== undefined) {
      problems.push(`${key} is not a string`);
    }
  };
  text('appCommandLine');
  text('linuxFxVersion');
  text('healthCheckPath');
  if (typeof inner.alwaysOn === 'boolean') {
    config.alwaysOn = inner.alwaysOn;
  } else if (inner.alwaysOn !== null && inner.alwaysOn !== undefined) {
    problems.push('alwaysOn is not true or false');
  }
  if (typeof inner.numberOfWorkers === 'number' && Number.isInteger(inner.numberOfWorkers) && inner.numberOfWorkers >= 0) {
    config.numberOfWorkers = inner.numberOfWorkers;
  } else if (inner.numberOfWorkers !== null && inner.numberOfWorkers !== undefined) {
    problems.push('numberOfWorkers is not a whole number');
  }
  return { config, problems };
}
