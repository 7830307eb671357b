// Where the harness finds what Grafana itself would serve under its public path: @grafana/ui's
// icons (shipped in the package) and the Inter / Roboto Mono fonts (from @fontsource).
import { join } from 'node:path';
import type { ExtraFiles } from './static-server';

const PUBLIC = '/grafana-public/';
const ICONS = 'build/img/icons/';

const INTER: Record<string, string> = {
  'Inter-Regular.woff2': 'inter-latin-400-normal.woff2',
  'Inter-Medium.woff2': 'inter-latin-500-normal.woff2',
  'Inter-Italic.woff2': 'inter-latin-400-italic.woff2',
  'Inter-MediumItalic.woff2': 'inter-latin-500-italic.woff2',
};

export function grafanaPublicFiles(root: string): ExtraFiles {
  const modules = join(root, 'node_modules');
  return (path) => {
    if (!path.startsWith(PUBLIC)) {
      return undefined;
    }
    const rest = path.slice(PUBLIC.length);
    if (rest.startsWith(ICONS)) {
      return join(modules, '@grafana', 'ui', 'dist', 'public', 'img', 'icons', rest.slice(ICONS.length));
    }
    if (rest.startsWith('fonts/inter/')) {
      const file = INTER[rest.slice('fonts/inter/'.length)];
      return file && join(modules, '@fontsource', 'inter', 'files', file);
    }
    // Grafana's monospace face is Roboto Mono, served under hashed names.
    return rest.startsWith('fonts/roboto/') ? join(modules, '@fontsource', 'roboto-mono', 'files', 'roboto-mono-latin-400-normal.woff2') : undefined;
  };
}
