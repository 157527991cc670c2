import type { HeatmapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GraphicComponentOption, GridComponentOption, TitleComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { labelText, share } from './chart-text.js';
import { CELL_COLOURS, CELL_MARKS, MARK_PATHS, CELL_STATES, CELL_WORDS, FONT_FAMILY, INK, MARK_COLOURS, MUTED_INK } from './palette.js';
import type { CellState, ChartSize, HeatmapData, HeatmapPerson } from './types.js';

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | ScatterSeriesOption | GridComponentOption | TitleComponentOption | VisualMapComponentOption | GraphicComponentOption>;

/** A chart option with the size it was laid out for and a one-sentence description. */
export interface ChartSpec<Option> {
  /** The ECharts option, animation off, ready for server-side rendering. */
  option: Option;
  /** The size the layout was computed for. */
  size: ChartSize;
  /** What the chart shows, in one sentence (alt text for the image). */
  description: string;
}

// Cells sized so 50 people x 14 questions stays legible at its CSS size: 12px names fit
// a 22px row, and a 40px column holds "Q14" and a 12px mark.
const CELL_W = 40;
const CELL_H = 22;
const PAD = 16;
const NAME_W = 172;
const COVER_W = 64;
const TOP = 122;
const BOTTOM = 36;
const MIN_GRID_W = 330;
/**
 * White gaps between cells come from the axes' split lines drawn over the series (65
 * lines) rather than a stroke around each of 700 cells: measured, about 7% less
 * rasterising time for the same picture.
 */
const CELL_GAPS = { z: 3, splitLine: { show: true, interval: 0, lineStyle: { color: '#FFFFFF', width: 2 } } } as const;
/** Longest name drawn before it is clipped with an ellipsis (DejaVu Sans 12px fits NAME_W). */
const NAME_CHARS = 22;

/** The heatmap's size in CSS pixels for a number of people and questions. */
export function heatmapSize(people: number, questions: number): ChartSize {
  const gridW = Math.max(MIN_GRID_W, questions * CELL_W);
  return { width: PAD + NAME_W + gridW + COVER_W + PAD, height: TOP + Math.max(1, people) * CELL_H + BOTTOM };
}

/** Each person's state for each question, in column order; absent means not yet seen. */
export function stateGrid(data: HeatmapData): CellState[][] {
  return data.people.map((p) => data.questions.map((q) => p.states[q.id] ?? 'unseen'));
}

/** How many of each state a row or column holds. */
export function countStates(states: readonly CellState[]): Record<CellState, number> {
  const counts: Record<CellState, number> = { correct: 0, missed: 0, unseen: 0 };
  for (const s of states) counts[s]++;
  return counts;
}

/** The cohort coverage heatmap as an ECharts option: rows are people, columns questions. */
export function heatmapSpec(data: HeatmapData): ChartSpec<HeatmapOption> {
  const size = heatmapSize(data.people.length, data.questions.length);
  const grid = stateGrid(data);
  const n = data.questions.length;
  const gridW = size.width - PAD - NAME_W - COVER_W - PAD;
  const gridH = Math.max(1, data.people.length) * CELL_H;
  const cells = grid.flatMap((row, y) => row.map((state, x) => [x, y, CELL_STATES.indexOf(state)]));
  const at = (state: CellState): number[][] => grid.flatMap((row, y) => row.flatMap((s, x) => (s === state ? [[x, y]] : [])));
  const rightPerQuestion = data.questions.map((_, x) => grid.filter((row) => row[x] === 'correct').length);
  const people = data.people.length;
  const description = `Cohort coverage of ${labelText(data.scopeName, 60)}: ${people} ${people === 1 ? 'person' : 'people'} by ${n} questions, each cell ${CELL_WORDS.correct}, ${CELL_WORDS.missed} or ${CELL_WORDS.unseen}.`;
  const axisText = { color: INK, fontFamily: FONT_FAMILY, fontSize: 12 };
  const option: HeatmapOption = {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: FONT_FAMILY, color: INK },
    title: {
      text: `Cohort coverage · ${labelText(data.scopeName, 36)}`,
      subtext: `${people} ${people === 1 ? 'person' : 'people'} × ${n} questions · each cell is that person's latest attempt`,
      left: PAD,
      top: 12,
      textStyle: { fontSize: 18, fontWeight: 'bold', color: INK },
      subtextStyle: { fontSize: 12, color: MUTED_INK },
    },
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      dimension: 2,
      orient: 'horizontal',
      left: PAD - 5,
      top: 64,
      itemWidth: 16,
      itemHeight: 16,
      itemGap: 18,
      selectedMode: false,
      textStyle: { fontSize: 12, color: INK },
      pieces: CELL_STATES.map((s, i) => ({ value: i, color: CELL_COLOURS[s], label: s === 'unseen' ? CELL_WORDS[s] : `${CELL_MARKS[s]} ${CELL_WORDS[s]}` })),
    },
    grid: { left: PAD + NAME_W, top: TOP, width: gridW, height: gridH, outerBoundsMode: 'none' },
    xAxis: [
      {
        type: 'category',
        position: 'top',
        data: data.questions.map((q) => labelText(q.label, 6)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { ...axisText, fontWeight: 'bold', interval: 0, margin: 8 },
        ...CELL_GAPS,
      },
      {
        type: 'category',
        position: 'bottom',
        data: rightPerQuestion.map(String),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { ...axisText, color: MUTED_INK, interval: 0, margin: 8 },
      },
    ],
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: data.people.map((p) => labelText(p.name, NAME_CHARS)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { ...axisText, interval: 0, margin: 10 },
        ...CELL_GAPS,
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: data.people.map((p) => coverageLabel(p, data)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { ...axisText, color: MUTED_INK, interval: 0, margin: 10, align: 'left' },
      },
    ],
    series: [
      {
        type: 'heatmap',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: cells,
        silent: true,
        emphasis: { disabled: true },
      },
      markSeries('correct', at('correct')),
      markSeries('missed', at('missed')),
    ],
    graphic: headings(gridW, gridH, people === 0),
  };
  return { option, size, description };
}

function coverageLabel(person: HeatmapPerson, data: HeatmapData): string {
  const counts = countStates(data.questions.map((q) => person.states[q.id] ?? 'unseen'));
  return share(counts.correct, data.questions.length);
}

/**
 * Marks are drawn as shapes, not glyphs: as 700 text elements they nearly doubled the
 * rasterising time, and a shape looks the same in a browser that lacks the font.
 */
function markSeries(state: 'correct' | 'missed', points: number[][]): ScatterSeriesOption {
  return {
    type: 'scatter',
    xAxisIndex: 0,
    yAxisIndex: 0,
    data: points,
    symbol: MARK_PATHS[state],
    symbolSize: 12,
    symbolKeepAspect: true,
    silent: true,
    itemStyle: { color: MARK_COLOURS[state], opacity: 1 },
    emphasis: { disabled: true },
  };
}

/** Column headings the axes cannot carry: what the right-hand and bottom numbers count. */
function headings(gridW: number, gridH: number, empty: boolean): GraphicComponentOption[] {
  const small = { fontFamily: FONT_FAMILY, fontSize: 11, fill: MUTED_INK };
  const gridRight = PAD + NAME_W + gridW;
  const items: GraphicComponentOption[] = [
    { type: 'text', x: gridRight + 10, y: TOP - 20, style: { ...small, text: 'covered' } },
    { type: 'text', x: PAD + NAME_W - 10, y: TOP + gridH + 8, style: { ...small, text: 'answered correctly', align: 'right' } },
  ];
  if (empty) {
    items.push({ type: 'text', x: PAD + NAME_W + gridW / 2, y: TOP + 5, style: { ...small, fontSize: 12, text: 'No one has answered yet', align: 'center' } });
  }
  return items;
}
