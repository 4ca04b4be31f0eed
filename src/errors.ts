/** An error a user can act on: it names the file (when there is one) and the problem. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'InputError';
  }
}

/** Wrong flags or arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Message of anything thrown, including non-Error values. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
