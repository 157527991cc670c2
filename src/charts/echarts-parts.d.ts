// ECharts publishes these side-effect entry points (each registers one chart or component
// on echarts/core) in its package exports, without type declarations.
declare module 'echarts/lib/chart/heatmap';
declare module 'echarts/lib/chart/bar';
declare module 'echarts/lib/chart/scatter';
declare module 'echarts/lib/component/gridSimple';
declare module 'echarts/lib/component/title';
declare module 'echarts/lib/component/visualMapPiecewise';
declare module 'echarts/lib/component/graphic';
