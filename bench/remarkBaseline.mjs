// The parallel-data issue timed two things on this machine: hunalign over d2l-zh (2.3 s) and remark's parser
// alone, micromark with GFM and math, over the same 278 chapter files (3.9 s). This machine's speed drifts from
// hour to hour, so the bench times that parse again, now, and scales hunalign's figure by it. Prints the parse
// time in milliseconds on stdout.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

const root = process.argv[2];
if (root === undefined) throw new Error('usage: remarkBaseline.mjs <d2l-zh folder>');
const origins = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('_origin.md')).sort();
const texts = await Promise.all(
  origins
    .flatMap((origin) => [origin, origin.replace(/_origin\.md$/u, '.md')])
    .map((name) => readFile(join(root, name), 'utf8')),
);
const parser = remark().use(remarkGfm).use(remarkMath);
const start = performance.now();
for (const text of texts) parser.parse(text);
process.stdout.write(`${Math.round(performance.now() - start)} ${texts.length}\n`);
