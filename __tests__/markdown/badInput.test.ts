import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { InputError } from '../../src/errors.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { readMarkdownFile } from '../../src/markdown/readMarkdownFile.js';
import { translateDocuments } from '../../src/translate/translateDocument.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'amts-md-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function identityRoundTrip(text: string): Promise<string> {
  const result = await translateDocuments([parseMarkdown(text, 'case.md')], createIdentityEngine(), 'en', 'zh');
  return result.documents[0]?.text ?? '';
}

async function pseudo(text: string): Promise<string> {
  const result = await translateDocuments([parseMarkdown(text, 'case.md')], createPseudoEngine(), 'en', 'zh');
  return result.documents[0]?.text ?? '';
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('malformed Markdown is kept faithfully, with a warning naming the file and line', () => {
  it('an unclosed code fence keeps everything after it as code', async () => {
    const text = 'Some prose here.\n\n```python\nprint("x")\n\nMore text that is now code.\n';
    const document = parseMarkdown(text, 'fence.md');
    expect(document.warnings).toEqual([
      { path: 'fence.md', line: 3, message: expect.stringMatching(/code fence ``` is never closed/) },
    ]);
    expect(document.blocks.map((block) => block.kind)).toEqual(['prose', 'layout', 'code']);
    expect(await identityRoundTrip(text)).toBe(text);
    expect(await pseudo(text)).toContain('More text that is now code.');
  });

  it('unbalanced $$ is kept as text', async () => {
    const text = 'Before.\n\n$$\nx = y\n\nAfter the math.\n';
    const document = parseMarkdown(text, 'math.md');
    expect(document.warnings[0]).toMatchObject({
      path: 'math.md',
      line: 3,
      message: expect.stringMatching(/unbalanced \$\$/),
    });
    expect(await identityRoundTrip(text)).toBe(text);
  });

  it(':begin_tab: without :end_tab:', async () => {
    const text = ':begin_tab:`pytorch`\nPyTorch text.\n\n```{.python .input}\nx = 1\n```\n';
    const document = parseMarkdown(text, 'tab.md');
    expect(document.warnings).toEqual([
      { path: 'tab.md', line: 1, message: ':begin_tab: is never closed by :end_tab:' },
    ]);
    expect(await identityRoundTrip(text)).toBe(text);
  });

  it('CRLF line endings survive translation', async () => {
    const text = '# Title\r\n\r\nA paragraph that\r\nwraps over lines.\r\n\r\n- item one\r\n  continued\r\n';
    expect(await identityRoundTrip(text)).toBe(text);
    const translated = await pseudo(text);
    expect(translated.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(translated.split('\r\n').length).toBe(text.split('\r\n').length);
  });

  it('a byte-order mark is kept', async () => {
    const text = '\uFEFF# Title\n\nText.\n';
    expect(await identityRoundTrip(text)).toBe(text);
    expect((await pseudo(text)).startsWith('\uFEFF# ')).toBe(true);
  });

  it('an empty file gives an empty translation', async () => {
    expect(parseMarkdown('', 'empty.md').blocks).toEqual([]);
    expect(await identityRoundTrip('')).toBe('');
  });
});

describe('files that are not Markdown chapters are refused with the file and the problem', () => {
  it('invalid UTF-8', async () => {
    const path = file('bad.md', Buffer.from([0x23, 0x20, 0x41, 0xc3, 0x28, 0x0a]));
    await expect(readMarkdownFile(path)).rejects.toThrow(
      new InputError(path, 'is not valid UTF-8 (first bad byte at offset 3)'),
    );
  });

  it('a binary file', async () => {
    const path = file('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await expect(readMarkdownFile(path)).rejects.toThrow(/image\.md: is binary \(NUL byte at offset 4\)/);
  });

  it('a 20 MB file', async () => {
    const path = file('huge.md', Buffer.alloc(20 * 1024 * 1024, 0x61));
    await expect(readMarkdownFile(path)).rejects.toThrow(/huge\.md: is 20\.0 MB; the limit for one chapter is 5\.0 MB/);
  });

  it('a directory or a missing path', async () => {
    const folder = join(dir, 'folder.md');
    mkdirSync(folder);
    await expect(readMarkdownFile(folder)).rejects.toThrow(/folder\.md: is a directory/);
    await expect(readMarkdownFile(join(dir, 'missing.md'))).rejects.toThrow(/missing\.md: no such file/);
  });
});

describe('pathological input is refused before parsing', () => {
  it('a megabyte line', () => {
    expect(() => parseMarkdown(`${'word '.repeat(220_000)}\n`, 'long.md')).toThrow(
      /long\.md:1: line is 1100000 characters long/,
    );
  });

  it('block quotes nested 10,000 deep', () => {
    expect(() => parseMarkdown(`${'>'.repeat(10_000)} deep\n`, 'deep.md')).toThrow(
      /deep\.md:1: block quotes or lists nest 10000 deep/,
    );
  });

  it('lists nested by indentation 500 deep', () => {
    const text = Array.from({ length: 500 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');
    expect(() => parseMarkdown(text, 'lists.md')).toThrow(/lists\.md:\d+: block quotes or lists nest/);
  });

  it('a paragraph of many lines, each under the line limit, full of emphasis markers that never close', () => {
    const line = 'a_ '.repeat(1500);
    const paragraph = Array.from({ length: 300 }, () => line).join('\n');
    expect(() => parseMarkdown(`# Title\n\n${paragraph}\n`, 'markers.md')).toThrow(
      /markers\.md:3: paragraph holds over 20000 brackets, emphasis, code or math markers/,
    );
    // The same lines in short paragraphs parse, and code cells do not count towards a paragraph.
    const split = Array.from({ length: 10 }, () => Array.from({ length: 4 }, () => line).join('\n')).join('\n\n');
    const code = `\`\`\`python\n${Array.from({ length: 300 }, () => 'x_[a] = b_[c]'.repeat(20)).join('\n')}\n\`\`\`\n`;
    expect(parseMarkdown(`${split}\n\n${code}`, 'split.md').blocks.length).toBeGreaterThan(10);
  });

  it('thousands of unclosed brackets on a line', () => {
    expect(() => parseMarkdown(`${'['.repeat(50_000)}\n`, 'brackets.md')).toThrow(
      /brackets\.md:1: line holds 50000 brackets/,
    );
  });
});

describe('amts translate', () => {
  it('translates a tree, reports the bad file by name and still writes the others', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'good.md'), '# Hello\n\nSome *text* with `code`.\n');
    writeFileSync(join(tree, 'sub', 'bad.md'), Buffer.from([0xff, 0xfe, 0x00]));
    const errors: string[] = [];
    const out = join(dir, 'out');
    const code = await runCli(['translate', tree, '--from', 'en', '--to', 'zh', '--engine', 'pseudo', '--out', out], {
      stdout: () => undefined,
      stderr: (text) => errors.push(text),
    });
    expect(code).toBe(1);
    expect(errors.join('')).toMatch(/sub\/bad\.md: is binary/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(out, 'good.md'), 'utf8')).toMatch(/^# \S+/);
    expect(readFileSync(join(out, 'good.md'), 'utf8')).toContain('`code`');
  });

  it('refuses to overwrite its own input', async () => {
    const path = file('self.md', '# Title\n');
    const errors: string[] = [];
    const code = await runCli(
      ['translate', path, '--from', 'en', '--to', 'zh', '--engine', 'identity', '--out', path],
      {
        stdout: () => undefined,
        stderr: (text) => errors.push(text),
      },
    );
    expect(code).toBe(2);
    expect(errors.join('')).toMatch(/self\.md: is one of the inputs: refusing to overwrite/);
  });

  it('writes a single file to stdout', async () => {
    const path = file('one.md', '# Title\n\nText.\n');
    const printed: string[] = [];
    const code = await runCli(['translate', path, '--from', 'en', '--to', 'zh', '--engine', 'identity'], {
      stdout: (text) => printed.push(text),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(printed.join('')).toBe('# Title\n\nText.\n');
  });
});
