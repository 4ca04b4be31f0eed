import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { translateDocuments } from '../../src/translate/translateDocument.js';

/** Each folder holds input.md and the expected pseudo translation output.md; UPDATE=1 rewrites output.md. */
const root = fileURLToPath(new URL('../fixtures/markdown/', import.meta.url));
const update = process.env.UPDATE === '1';

describe.each(readdirSync(root))('fixture %s', (name) => {
  const input = readFileSync(join(root, name, 'input.md'), 'utf8');
  const document = parseMarkdown(input, `${name}/input.md`);

  it('round-trips through the identity engine byte for byte', async () => {
    const result = await translateDocuments([document], createIdentityEngine(), 'en', 'zh');
    expect(result.documents[0]?.text).toBe(input);
  });

  it('translates through the pseudo engine as recorded in output.md', async () => {
    const result = await translateDocuments([document], createPseudoEngine(), 'en', 'zh');
    const output = result.documents[0]?.text ?? '';
    expect(result.documents[0]?.failures).toEqual([]);
    const expectedPath = join(root, name, 'output.md');
    if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, output);
    expect(output).toBe(readFileSync(expectedPath, 'utf8'));
    // Verbatim blocks are unchanged and the translation parses into the same structure.
    const kinds = (text: string): string[] =>
      parseMarkdown(text, name)
        .blocks.filter((block) => block.kind !== 'layout')
        .map((block) => block.kind);
    expect(kinds(output)).toEqual(kinds(input));
    for (const block of document.blocks.filter((entry) => entry.kind !== 'prose' && entry.kind !== 'layout')) {
      expect(output).toContain(block.source);
    }
  });
});
