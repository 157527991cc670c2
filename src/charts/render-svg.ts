import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartSize } from './types.js';

type EChartsCore = typeof import('echarts/core');

let loading: Promise<EChartsCore> | undefined;

/**
 * ECharts is loaded on the first chart, not at start-up: importing it costs a few hundred
 * milliseconds and tens of megabytes, which a bot that never draws should not pay. Only
 * the parts these charts use are imported (the `echarts/charts` barrel loads every chart
 * type and doubles the cost).
 */
function loadECharts(): Promise<EChartsCore> {
  loading ??= (async () => {
    const core = await import('echarts/core');
    const { SVGRenderer } = await import('echarts/renderers');
    await Promise.all([
      import('echarts/lib/chart/heatmap'),
      import('echarts/lib/chart/bar'),
      import('echarts/lib/chart/scatter'),
      import('echarts/lib/component/gridSimple'),
      import('echarts/lib/component/title'),
      import('echarts/lib/component/visualMapPiecewise'),
      import('echarts/lib/component/graphic'),
    ]);
    core.use([SVGRenderer]);
    return core;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Loads the chart library ahead of the first chart (e.g. shortly after start-up). */
export async function warmUpCharts(): Promise<void> {
  await loadECharts();
}

/**
 * Renders an ECharts option to a standalone SVG document with ECharts' server-side mode
 * (no DOM, no browser). Deterministic: the same option and size give the same string.
 */
export async function renderSvg(option: EChartsCoreOption, size: ChartSize): Promise<string> {
  const echarts = await loadECharts();
  // Layout is synchronous (tens of milliseconds for the big heatmap): let pending I/O run
  // first, so a page of many charts never holds the event loop for more than one of them.
  await nextTurn();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
