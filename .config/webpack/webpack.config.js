// Managed base webpack config in the style of @grafana/create-plugin: one AMD bundle per
// module.ts(x) (the app and the plugins nested in it), Grafana's shared libraries as externals,
// plugin.json/img/docs copied into dist with the version stamped in. Type checking is its own
// script (`npm run typecheck`) so a build stays fast on small machines.
const path = require('path');
const fs = require('fs');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = path.resolve(__dirname, '..', '..');
const src = path.join(root, 'src');
const pkg = require(path.join(root, 'package.json'));
const appPluginJson = require(path.join(src, 'plugin.json'));

/** Every module.ts(x) under src becomes an entry named after its folder (`datasource/module`). */
function findEntries(dir = src, entries = {}) {
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) {
      findEntries(full, entries);
    } else if (/^module\.tsx?$/.test(item.name)) {
      const rel = path.relative(src, path.dirname(full));
      entries[rel ? `${rel}/module` : 'module'] = full;
    }
  }
  return entries;
}

const stamp = (content) =>
  content.toString().replace(/%VERSION%/g, pkg.version).replace(/%TODAY%/g, new Date().toISOString().slice(0, 10));

const externals = [
  'lodash', 'jquery', 'moment', 'slate', 'emotion', '@emotion/react', '@emotion/css', 'prismjs',
  'slate-plain-serializer', '@grafana/slate-react', 'react', 'react-dom', 'react-redux', 'redux', 'rxjs',
  'react-router', 'react-router-dom', 'd3', 'angular', 'i18next',
  /^@grafana\/ui/i, /^@grafana\/runtime/i, /^@grafana\/data/i,
  ({ request }, callback) => {
    const prefix = 'grafana/';
    if (request && request.startsWith(prefix)) {
      return callback(undefined, request.slice(prefix.length));
    }
    callback();
  },
];

module.exports = (env = {}) => ({
  mode: env.production ? 'production' : 'development',
  devtool: env.production ? 'source-map' : 'eval-source-map',
  context: root,
  entry: findEntries(),
  externals,
  output: {
    clean: { keep: /gpx_appsvc_triage/ },
    filename: '[name].js',
    library: { type: 'amd' },
    path: path.join(root, 'dist'),
    publicPath: `public/plugins/${appPluginJson.id}/`,
    uniqueName: appPluginJson.id,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx'] },
  module: {
    rules: [
      {
        test: /\.[tj]sx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              baseUrl: src,
              target: 'es2015',
              loose: false,
              parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true },
              transform: { react: { runtime: 'classic' } },
            },
          },
        },
      },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(png|jpe?g|gif|svg)$/, type: 'asset/resource', generator: { filename: 'img/[hash][ext]' } },
    ],
  },
  plugins: [
    new CopyWebpackPlugin({
      patterns: [
        { from: 'README.md', to: '.' },
        { from: 'CHANGELOG.md', to: '.' },
        { from: 'LICENSE', to: '.' },
        { from: 'src/**/plugin.json', to: ({ absoluteFilename }) => path.relative(src, absoluteFilename), transform: stamp },
        { from: 'src/**/img/**/*', to: ({ absoluteFilename }) => path.relative(src, absoluteFilename), noErrorOnMissing: true },
        { from: 'dashboards/*.json', to: '.', noErrorOnMissing: true },
        { from: 'lab/recordings/**/*.json', to: ({ absoluteFilename }) => path.join('datasource', 'recordings', path.relative(path.join(root, 'lab', 'recordings'), absoluteFilename)), noErrorOnMissing: true },
      ],
    }),
  ],
  performance: { hints: false },
});
