// Builds the committed bundles: dist/index.js (the action) and dist/cli/index.js (the `amts` command),
// both at once: each takes a core's worth of time.
import { execFile } from 'node:child_process';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bundles = [
  { entry: 'src/index.ts', out: 'dist', executable: false },
  { entry: 'src/bin.ts', out: 'dist/cli', executable: true },
];

await rm('dist', { recursive: true, force: true });
await Promise.all(
  bundles.map(async (bundle) => {
    await run('npx', ['ncc', 'build', bundle.entry, '-o', bundle.out, '--license', 'licenses.txt', '-q'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    if (!bundle.executable) return;
    const file = `${bundle.out}/index.js`;
    const code = await readFile(file, 'utf8');
    if (!code.startsWith('#!')) await writeFile(file, `#!/usr/bin/env node\n${code}`);
    await chmod(file, 0o755);
  }),
);
