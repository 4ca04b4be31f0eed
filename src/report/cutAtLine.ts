/**
 * Text cut to at most `limit` characters at the end of a line, so the cut never splits an entity, an escape,
 * a `<span>` or a table row, followed by an ellipsis on its own paragraph.
 */
export function cutAtLine(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const ellipsis = '\n\n…';
  const room = Math.max(0, limit - ellipsis.length);
  const end = text.lastIndexOf('\n', room);
  return `${text.slice(0, end > 0 ? end : 0)}${ellipsis}`;
}
