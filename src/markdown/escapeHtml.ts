/**
 * Escapes text for an HTML text node. `<` and `>` are always escaped: Amazon Translate corrupts a
 * `translate="no"` span that a stray `<` stands right before.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'));
}
