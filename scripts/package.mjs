// Builds the committed bundles: dist/index.js (the action) and dist/cli/index.js (the `amts` command).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const bundles = [
  { entry: 'src/index.ts', out: 'dist', executable: false },
  { entry: 'src/bin.ts', out: 'dist/cli', executable: true },
];

rmSync('dist', { recursive: true, force: true });
for (const bundle of bundles) {
  if (!existsSync(bundle.entry)) continue;
  execFileSync('npx', ['ncc', 'build', bundle.entry, '-o', bundle.out, '--license', 'licenses.txt', '-q'], {
    stdio: 'inherit',
  });
  if (bundle.executable) {
    const file = `${bundle.out}/index.js`;
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
    chmodSync(file, 0o755);
  }
}
