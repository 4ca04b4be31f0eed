/** A short name for a unit in the report: the first line that says something (a code line, the tab's names). */
export function describeUnit(source: string): string {
  const lines = source.split('\n').map((line) => line.trim());
  const telling = lines.find(
    (line) => line !== '' && !/^(`{3,}|~{3,})/u.test(line) && !/^#@tab\b|^:(begin|end)_tab:/u.test(line),
  );
  const tab = lines.find((line) => /^#@tab\b|^:begin_tab:/u.test(line));
  const text = [tab, telling].filter(Boolean).join(' ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
