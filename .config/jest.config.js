// Managed base jest config in the style of @grafana/create-plugin: SWC transforms TypeScript,
// `.test.ts` runs in node (engine, sources, backend, lab), `.test.tsx` in jsdom (React).
const path = require('path');

const swcTransform = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true },
      transform: { react: { runtime: 'classic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// Grafana's frontend packages ship some ESM-only dependencies; let SWC compile them.
const esModules = ['ol', '@marcbachmann', '@ver0/deep-equal', '@react-hookz/web', 'd3[^/]*', 'delaunator', 'internmap', 'robust-predicates', 'marked', 'uuid', 'nanoid', 'react-colorful', 'rxjs', '@grafana/schema', 'ansicolor', 'monaco-promql', 'get-user-locale', 'memoize', 'mimic-function', 'react-calendar', '@wojtekmaj', '@kusto'];

const common = {
  rootDir: path.resolve(__dirname, '..'),
  transform: { '^.+\\.(t|j)sx?$': swcTransform, '^.+\\.m?js$': swcTransform },
  transformIgnorePatterns: [`node_modules/(?!(${esModules.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{src,lab,test,scripts,bench}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/{src,test}/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/.config/jest-setup.js'],
      moduleNameMapper: {
        '\\.(css|scss|sass)$': 'identity-obj-proxy',
        'react-inlinesvg': '<rootDir>/.config/jest/mocks/react-inlinesvg.tsx',
      },
    },
  ],
};
