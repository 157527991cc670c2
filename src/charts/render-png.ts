import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

type ResvgModule = typeof import('@resvg/resvg-js');

/** The faces the charts use: regular and bold (titles, column labels, marks). */
const FACES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let loading: Promise<{ resvg: ResvgModule; font: NonNullable<ResvgRenderOptions['font']> }> | undefined;

/**
 * The native rasteriser and the font paths are resolved once, on the first PNG. Fonts come
 * from the dejavu-fonts-ttf dependency and system fonts are never read, so a laptop and
 * the Docker image draw the same pixels.
 */
function loadRasteriser(): NonNullable<typeof loading> {
  loading ??= (async () => {
    const resvg = await import('@resvg/resvg-js');
    const require = createRequire(import.meta.url);
    const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const font = { fontFiles: FACES.map((f) => join(fontDir, f)), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
    return { resvg, font };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Rasterises an SVG document to PNG bytes at `scale` times its size. Runs on libuv's
 * thread pool (resvg's `renderAsync`), so the event loop keeps serving while it draws.
 */
export async function rasterise(svg: string, scale: number): Promise<{ png: Buffer; width: number; height: number }> {
  const { resvg, font } = await loadRasteriser();
  const image = await resvg.renderAsync(svg, { font, fitTo: { mode: 'zoom', value: scale }, background: '#FFFFFF', shapeRendering: 2, textRendering: 1 });
  return { png: image.asPng(), width: image.width, height: image.height };
}
