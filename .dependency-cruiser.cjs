/** Import rules that keep the core platform-neutral (see README, Architecture). */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-platforms',
      severity: 'error',
      comment: 'src/ is the platform-neutral core: it must not import Slack, Discord, or adapter code.',
      from: { path: '^src/' },
      to: { path: ['^adapters/', 'node_modules/@slack/', 'node_modules/discord\\.js', 'node_modules/@discordjs/'] },
    },
    {
      name: 'core-no-cron-or-dotenv',
      severity: 'error',
      comment: 'node-cron and dotenv belong to the composition root; the core gets time and config as values.',
      from: { path: '^src/' },
      to: { path: ['node_modules/node-cron', 'node_modules/dotenv'] },
    },
    {
      name: 'sqlite-only-in-store',
      severity: 'error',
      comment: 'better-sqlite3 lives under src/store/ only; everything else sees repository ports.',
      from: { path: '^(src|adapters)/', pathNot: '^src/store/' },
      to: { path: 'node_modules/better-sqlite3' },
    },
    {
      name: 'minisearch-only-in-search',
      severity: 'error',
      comment: 'MiniSearch lives under src/search/ only.',
      from: { path: '^(src|adapters)/', pathNot: '^src/search/' },
      to: { path: 'node_modules/minisearch' },
    },
    {
      name: 'charts-libraries-only-in-charts',
      severity: 'error',
      comment: 'ECharts and resvg live under src/charts/ only; everything else asks it for SVG, PNG or text.',
      from: { path: '^(src|adapters)/', pathNot: '^src/charts/' },
      to: { path: ['node_modules/echarts/', 'node_modules/@resvg/', 'node_modules/zrender/'] },
    },
    {
      name: 'charts-libraries-load-lazily',
      severity: 'error',
      comment: 'ECharts and resvg cost hundreds of milliseconds and tens of megabytes to load: import them dynamically, on the first chart (type imports are free).',
      from: { path: '^src/' },
      to: { path: ['node_modules/echarts/', 'node_modules/@resvg/'], dependencyTypesNot: ['type-only', 'type-import', 'dynamic-import'] },
    },
    {
      name: 'adapters-use-core-entry',
      severity: 'error',
      comment: 'Adapters import the core through its public entry (src/index.ts) only.',
      from: { path: '^adapters/' },
      to: { path: '^src/', pathNot: '^src/index\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
