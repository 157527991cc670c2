import type { ManualClock } from '../../src/index.js';
import type { ConsoleSession } from './console-session.js';
import { parseDuration } from './parse-duration.js';

export interface ScriptHooks {
  /** Moves the clock to `toMs`, running every job that falls due on the way, in order. */
  advanceTo(toMs: number): Promise<void>;
}

/** A script line that could not run: where, and why. */
export interface ScriptError {
  line: number;
  text: string;
  error: string;
}

/**
 * Runs a console script (docs/design.md, "Scripted console"): `:time`, `:advance`, `:channel`,
 * `:admin`, `user: /mesh ...` and `user: click N`. Blank lines and `#` comments are
 * skipped. A bad line is reported and the script goes on, as a chat would.
 */
export async function runScript(script: string, session: ConsoleSession, clock: ManualClock, hooks: ScriptHooks): Promise<ScriptError[]> {
  const errors: ScriptError[] = [];
  const lines = script.split(/\r?\n/);
  const state: ScriptState = { clockSet: false };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '' || text.startsWith('#')) continue;
    const error = await runLine(text, session, clock, hooks, state);
    if (error) errors.push({ line: i + 1, text, error });
  }
  return errors;
}

interface ScriptState {
  /** Whether a `:time` line has set the clock yet (before that it reads the system clock). */
  clockSet: boolean;
}

async function runLine(text: string, session: ConsoleSession, clock: ManualClock, hooks: ScriptHooks, state: ScriptState): Promise<string | null> {
  if (text.startsWith(':')) {
    const [directive = '', ...rest] = text.split(/\s+/);
    const arg = rest.join(' ');
    switch (directive) {
      case ':time': {
        const at = new Date(arg);
        if (arg === '' || Number.isNaN(at.getTime())) return `expected an ISO time like 2026-12-01T08:00:00Z, found "${arg}"`;
        if (!state.clockSet) {
          // The first `:time` is when this run starts, as a process would start: the clock
          // jumps there and the tick catches up on what fell due meanwhile (late posts,
          // missed slots). Stepping from the system clock instead would make a script's
          // outcome depend on the day it runs.
          state.clockSet = true;
          clock.set(at);
          await hooks.advanceTo(at.getTime());
        } else if (at.getTime() < clock.now().getTime()) clock.set(at);
        else await hooks.advanceTo(at.getTime());
        return null;
      }
      case ':advance': {
        const ms = parseDuration(arg);
        if (ms === null) return `expected a duration like 90m, 1d, 2h30m or 45s, found "${arg}"`;
        await hooks.advanceTo(clock.now().getTime() + ms);
        return null;
      }
      case ':channel':
        if (!/^[\w.-]{1,80}$/.test(arg)) return `expected a channel name, found "${arg}"`;
        session.channel = arg.replace(/^#/, '');
        return null;
      case ':admin':
        if (!/^[\w.-]{1,80}$/.test(arg)) return `expected a user name, found "${arg}"`;
        session.makeAdmin(arg);
        return null;
      default:
        return `unknown directive "${directive}" (expected :time, :advance, :channel or :admin)`;
    }
  }
  const said = /^([\w.-]{1,80}):\s*(.*)$/.exec(text);
  if (!said) return 'expected "user: /command ..." or "user: click N"';
  const outcome = await session.say(said[1]!, said[2]!);
  return outcome.ok ? null : outcome.error;
}
