import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBank, parseCommand, parseSchedule } from '../../src/index.js';
import { hostileText } from './hostile-input.js';

const RUNS = 2000;

describe('parsers under random and hostile input', () => {
  it('the command parser always returns a command or a coded failure', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = parseCommand(text);
        if (!result.ok) expect(['command.unknown', 'command.usage']).toContain(result.code);
        else expect(typeof result.command.name).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('the schedule parser always returns a request or a coded failure', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = parseSchedule(text);
        if (!result.ok) expect(result.code).toMatch(/^schedule\./);
      }),
      { numRuns: RUNS },
    );
  });

  it('the schedule parser survives plausible but wrong schedules', () => {
    const time = fc.tuple(fc.integer({ min: -5, max: 30 }), fc.integer({ min: -5, max: 75 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
    const zone = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Mars/Base', 'Etc/GMT+5', 'Asia/Kolkata', '');
    const days = fc.constantFrom('weekdays', 'daily', 'mon,wed,fri', '0 10 * * 1-5', '*/5 * * * *', '61 25 * * *', 'sometimes', '');
    fc.assert(
      fc.property(time, zone, days, (t, z, d) => {
        const result = parseSchedule(`${t} ${z} ${d}`);
        if (result.ok && result.request.kind === 'set') expect(result.request.spec.cron.split(' ')).toHaveLength(5);
      }),
      { numRuns: RUNS },
    );
  });

  it('the bank parser reports problems with line numbers inside the file, never throws', () => {
    const line = fc.oneof(hostileText, fc.constantFrom('Q1: A?¶', 'Q2: B?¶', 'Title¶', '- short', '| a | b |', '|---|---|', ''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        const result = parseBank(text, 'fuzz.txt');
        if (!result.ok) {
          const count = text.split(/\r\n|\r|\n/).length;
          for (const issue of result.issues) {
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.line).toBeLessThanOrEqual(Math.max(count, 1));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
