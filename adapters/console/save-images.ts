import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { MessageImage } from '../../src/index.js';

/** Writes a message's pictures to files and resolves with their paths, in order. */
export type ImageSaver = (messageId: string, images: readonly MessageImage[]) => Promise<string[]>;

/**
 * Where the console keeps the charts it draws: `charts/` beside the SQLite database
 * (`var/charts/` by default), or the system's temporary folder for an in-memory one.
 */
export function chartsDirFor(databasePath: string): string {
  return databasePath === ':memory:' ? join(tmpdir(), 'meshbot-charts') : join(dirname(resolve(databasePath)), 'charts');
}

/**
 * Saves pictures as `<dir>/<message id>-<name>`: the console has no image to show, so it
 * prints the path instead (a terminal can open it, a script can check it). See
 * docs/design.md, "Pictures".
 */
export function imageSaver(dir: string): ImageSaver {
  return async (messageId, images) => {
    await mkdir(dir, { recursive: true });
    return Promise.all(
      images.map(async (image) => {
        const path = join(dir, `${messageId}-${image.name.replace(/[^\w.-]/g, '_')}`);
        await writeFile(path, image.png);
        return path;
      }),
    );
  };
}
