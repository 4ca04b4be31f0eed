/** Length of the container prefix (spaces, tabs, `>`) at `start`, up to `end`. */
export function prefixLength(text: string, start = 0, end = text.length): number {
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 62) break;
    index += 1;
  }
  return index - start;
}

/** The run of three or more backticks or tildes at `start` (a code fence), or undefined. */
export function fenceRun(text: string, start: number, end = text.length): string | undefined {
  const marker = text.charCodeAt(start);
  if (start >= end || (marker !== 96 && marker !== 126)) return undefined;
  let runEnd = start;
  while (runEnd < end && text.charCodeAt(runEnd) === marker) runEnd += 1;
  return runEnd - start >= 3 ? text.slice(start, runEnd) : undefined;
}
