import { jsonLines, runCli } from './run-cli.js';

/** One bot message as the scripted console prints it (docs/design.md, "Scripted console"). */
export interface Printed {
  id: string;
  channel: string;
  visibleTo: string | null;
  text: string;
  buttons: string[];
}

export interface ScriptRun {
  status: number | null;
  stderr: string;
  printed: Printed[];
}

/** Runs a console script on a database file (a second call on the same file is a restart). */
export function runConsole(script: string | string[], db: string, env: Record<string, string> = {}): ScriptRun {
  const text = Array.isArray(script) ? script.join('\n') : script;
  const run = runCli(['console', '--script', '-', '--json'], { input: text, env: { DATABASE_PATH: db, ...env } });
  return { status: run.status, stderr: run.stderr, printed: jsonLines<Printed>(run.stdout) };
}

/** Round messages as first posted (not their reveals), in order. */
export function roundsPosted(printed: Printed[], channel?: string): Printed[] {
  return printed.filter((m) => m.text.startsWith('== Quiz round ==') && m.visibleTo === null && (channel === undefined || m.channel === channel));
}

/** The last printed version of a message (a round's reveal once it has closed). */
export function latestVersion(printed: Printed[], id: string): Printed | undefined {
  return printed.filter((m) => m.id === id).at(-1);
}

/** The right choice's 1-based button number, read from a round's reveal ("Answer: <label>"). */
export function rightButton(printed: Printed[], round: Printed): number {
  const reveal = latestVersion(printed, round.id);
  const label = /^Answer: (.*)$/m.exec(reveal?.text ?? '')?.[1];
  const index = label === undefined ? -1 : round.buttons.indexOf(label);
  if (index < 0) throw new Error(`no reveal naming one of the buttons of ${round.id}`);
  return index + 1;
}

/** The rows of the table in a console message: the lines after the `--+--` rule, split at `|`. */
export function consoleTable(text: string): string[][] {
  const lines = text.split('\n');
  const rule = lines.findIndex((l) => /^-+(\+-+)+$/.test(l));
  if (rule < 0) return [];
  return lines
    .slice(rule + 1)
    .filter((l) => l.includes('|'))
    .map((l) => l.split('|').map((c) => c.trim()));
}
