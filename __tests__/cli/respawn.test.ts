import { describe, expect, it } from 'vitest';
import { respawnArguments, runRespawned, type ProcessFacts } from '../../src/commands/respawn.js';

const twoCores: ProcessFacts = {
  argv: ['pairs', '--target', 'book', '--from', 'en', '--to', 'zh'],
  execArgv: ['--enable-source-maps'],
  nodeOptions: undefined,
  cores: 2,
  script: '/opt/amts/dist/cli/index.js',
};

describe('respawnArguments', () => {
  it('runs a CPU-bound command again with one background thread on a small machine', () => {
    expect(respawnArguments(twoCores)).toEqual([
      '--enable-source-maps',
      '--v8-pool-size=1',
      '--no-turbo-inlining',
      '/opt/amts/dist/cli/index.js',
      'pairs',
      '--target',
      'book',
      '--from',
      'en',
      '--to',
      'zh',
    ]);
    for (const command of ['sync', 'status']) {
      const args = respawnArguments({ ...twoCores, argv: [command], cores: 1 });
      expect(args).toContain('--v8-pool-size=1');
      expect(args).toContain('--no-turbo-inlining');
      // Planning a whole book collects its young generation less often with larger semi-spaces.
      expect(args).toContain('--max-semi-space-size=32');
    }
    expect(respawnArguments(twoCores)).not.toContain('--max-semi-space-size=32');
    for (const command of ['evaluate', 'experiment']) {
      const args = respawnArguments({ ...twoCores, argv: [command], cores: 1 });
      expect(args).toContain('--v8-pool-size=1');
      // The compiler flag was measured for the commands that plan or align a whole book.
      expect(args).not.toContain('--no-turbo-inlining');
    }
  });

  it.each<[string, Partial<ProcessFacts>]>([
    ['machines with more cores', { cores: 4 }],
    ['commands that wait on a service', { argv: ['translate', 'x.md'] }],
    ['help', { argv: ['pairs', '--help'] }],
    ['no command', { argv: [] }],
    ['a pool size on the command line', { execArgv: ['--v8-pool-size=2'] }],
    ['a pool size in NODE_OPTIONS', { nodeOptions: '--max-old-space-size=4096 --v8-pool-size=3' }],
    ['an unknown script', { script: undefined }],
  ])('leaves %s alone', (_case, change) => {
    expect(respawnArguments({ ...twoCores, ...change })).toBeUndefined();
  });
});

describe('runRespawned', () => {
  it("returns the child's exit code", async () => {
    await expect(runRespawned(process.execPath, ['-e', 'process.exitCode = 3'])).resolves.toBe(3);
  });

  it('reports a child ended by a signal as 128 + its number', async () => {
    await expect(runRespawned(process.execPath, ['-e', "process.kill(process.pid, 'SIGTERM')"])).resolves.toBe(143);
  });

  it('says so when the child cannot start', async () => {
    await expect(runRespawned('/nonexistent/node', ['-e', '0'])).resolves.toBeUndefined();
  });
});
