// The managed base lives in .config/; project-specific rules go here.
import base from './.config/eslint.config.mjs';

export default [
  ...base,
  {
    // The engine is pure: it must not reach for Node, Grafana or the network.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@grafana/*', '@azure/*', 'fs', 'node:*', 'net', 'http', 'https', 'path', 'child_process', '../sources/*', '../backend/*'] },
      ],
    },
  },
];
