import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod/v3';
import type { BankIssue } from './parse-bank.js';

export type YamlResult<T> = { ok: true; value: T; lineOf: (path: (string | number)[]) => number } | { ok: false; issues: BankIssue[] };

/**
 * Parses YAML and checks it against a schema, reporting each problem with the line of
 * the offending field so bank authors can find it.
 */
export function validateYaml<S extends z.ZodType>(text: string, file: string, schema: S): YamlResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: `invalid YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const lineOf = (path: (string | number)[]): number => {
    // YAML keys like `1:` are numbers while schema paths name them as strings: try both.
    const numeric = path.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
    for (let n = path.length; n > 0; n--) {
      for (const candidate of [path, numeric]) {
        const node = doc.getIn(candidate.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
    }
    return 1;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((e) => {
        const path = e.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const where = path.length > 0 ? `${path.join('.')}: ` : '';
        return { file, line: lineOf(path), message: `${where}${e.message}` };
      }),
    };
  }
  return { ok: true, value: parsed.data, lineOf };
}
