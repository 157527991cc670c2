import type { LintFinding } from './lint-rules.js';
import type { QuizLintReport } from './lint-quiz.js';

/**
 * The lint report as lines for a terminal: `file:line: item severity rule: message`, then
 * what to consider (or the item's reason, for an explained warning), then the bank's
 * figures and totals.
 */
export function formatQuizLint(report: QuizLintReport): string[] {
  const lines: string[] = [];
  if (report.itemCount === 0) {
    lines.push(`${report.quizFile}: no quiz items (the bank is quizzed in recall mode); nothing to lint`);
    return lines;
  }
  for (const f of report.findings) lines.push(...findingLines(report.quizFile, f));
  const o = report.overlap;
  if (o) {
    lines.push(
      `${report.quizFile}: ${report.itemCount} items; words shared with their entry: keys ${o.keys} %, wrong choices ${o.wrong} % (${o.points} points apart; aim for at most 15)`,
    );
  }
  lines.push(`${report.quizFile}: ${count(report.errors, 'error')}, ${count(report.unexplained, 'unexplained warning')}, ${report.explained} explained`);
  return lines;
}

function findingLines(file: string, f: LintFinding): string[] {
  const where = `${file}${f.line !== null ? `:${f.line}` : ''}: ${f.itemId ?? 'bank'}`;
  if (f.allowedBecause !== null) return [`${where}: explained ${f.rule}: ${f.message}`, `    why: ${f.allowedBecause}`];
  return [`${where}: ${f.severity} ${f.rule}: ${f.message}`, `    consider: ${f.fix}`];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
