import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a CLI command writes: one line at a time. */
export interface CliIo {
  /** A line of output (stdout). */
  out(line: string): void;
  /** A line of diagnostics (stderr). */
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A subcommand's arguments through node:util parseArgs (strict: an unknown flag or a
 * missing value is an error). Prints the problem and returns null, for exit code 2.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O, allowPositionals: boolean, io: CliIo) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    io.err(`meshbot: ${(error as Error).message}`);
    return null;
  }
}
