import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OUTPUTS } from '../../src/action/run.js';
import { readSettings } from '../../src/config.js';

const root = new URL('../../', import.meta.url);
interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('declares exactly the inputs the settings read, each described', () => {
    const read = new Set<string>();
    const values: Record<string, string> = { 'target-language': 'zh', 'target-repo': 'd2l-ai/d2l-zh' };
    readSettings({ getInput: (name) => (read.add(name), values[name] ?? '') }, {});
    read.add('source-token'); // read by run() too, to mask it first
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
  });

  it('declares exactly the outputs run() sets, and runs dist/index.js on node24', () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUTS]);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('has example workflows that only pass inputs the action declares', () => {
    const dir = new URL('examples/workflows/', root);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const workflow = parse(readFileSync(new URL(file, dir), 'utf8')) as {
        permissions: Record<string, string>;
        jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      expect(workflow.permissions, file).toBeDefined();
      expect(
        Object.values(workflow.permissions).every((level) => level === 'read' || level === 'write'),
        file,
      ).toBe(true);
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      const amts = steps.find((step) => step.uses?.endsWith('/amts@v1'));
      expect(amts, file).toBeDefined();
      for (const input of Object.keys(amts?.with ?? {}))
        expect(Object.keys(action.inputs), `${file}: ${input}`).toContain(input);
      expect(
        steps.some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials')),
        file,
      ).toBe(true);
    }
  });

  it('prints README tables of every input and output', () => {
    const tables = execFileSync('node', ['scripts/generate-readme-tables.mjs'], { cwd: root, encoding: 'utf8' });
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)])
      expect(tables).toContain(`| \`${name}\` |`);
    expect(tables).toContain('| `target-branch` | no | `main` |');
  });
});
