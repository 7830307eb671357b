// Managed base ESLint flat config: Grafana's shared rules plus TypeScript-aware defaults.
import grafanaConfig from '@grafana/eslint-config';

export default [
  { ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', '.tmp/**', 'lab/recordings/**', 'test/conformance/go/**', '**/*.d.ts'] },
  ...grafanaConfig,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'react/prop-types': 'off',
    },
  },
];
