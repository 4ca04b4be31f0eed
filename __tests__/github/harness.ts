/**
 * Runs the action the way a runner does: INPUT_* variables, GITHUB_EVENT_NAME / GITHUB_EVENT_PATH
 * with a payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the real @actions/core
 * reading them. Captures everything written to stdout (the log).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineRequest, SyncFunction } from '../../src/action/run.js';
import { createToolkitCore, run } from '../../src/action/run.js';
import type { TranslationEngine } from '../../src/engines/engine.js';
import type { GitHubTiming } from '../../src/github/client.js';
import { createOctokitClient } from '../../src/github/octokit.js';
import { FAST_TIMING } from '../helpers/githubTiming.js';
import { copySync, createTaggingEngine } from './copySync.js';
import { expect } from 'vitest';
import type { Fixture } from './fixture.js';
import { SOURCE_REPOSITORY, SOURCE_TOKEN, TARGET_REPOSITORY, TOKEN } from './fixture.js';

export interface ActionRun {
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly log: string;
  readonly failed: boolean;
  readonly engineRequests: EngineRequest[];
}

export interface RunOptions {
  readonly eventName: string;
  readonly payload: Record<string, unknown>;
  readonly inputs?: Record<string, string>;
  readonly sync?: SyncFunction;
  readonly createEngine?: (request: EngineRequest) => TranslationEngine | Promise<TranslationEngine>;
  /** The real Octokit client's waits; shrunk by default so retries and pacing run for real, fast. */
  readonly githubTiming?: GitHubTiming;
}

let runCount = 0;

// @actions/core remembers the GITHUB_STEP_SUMMARY path the first time it writes, so every run
// in this process shares one summary file, emptied before each run.
const summaryPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'amts-summary-')), 'summary.md');

export function defaultInputs(fixture: Fixture): Record<string, string> {
  return {
    'source-language': 'en',
    'target-language': 'zh',
    'target-repo': TARGET_REPOSITORY,
    'target-token': TOKEN,
    'source-token': SOURCE_TOKEN,
    engine: 'aws',
    labels: 'translation, amts',
    reviewers: 'astonzhang',
    'github-api-url': fixture.server.url,
    'github-server-url': fixture.serverUrl,
  };
}

export async function runAction(fixture: Fixture, options: RunOptions): Promise<ActionRun> {
  const runDir = path.join(fixture.root, `run-${++runCount}`);
  mkdirSync(runDir, { recursive: true });
  const eventPath = path.join(runDir, 'event.json');
  const outputPath = path.join(runDir, 'output');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');

  const inputs = { ...defaultInputs(fixture), ...(options.inputs ?? {}) };
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: SOURCE_REPOSITORY,
    GITHUB_WORKSPACE: fixture.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: fixture.runnerTemp,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const saved = { ...process.env };
  Object.assign(process.env, env);
  const engineRequests: EngineRequest[] = [];
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run({
      core: createToolkitCore(),
      sync: options.sync ?? copySync,
      createGitHubClient: (client) => createOctokitClient({ ...client, timing: options.githubTiming ?? FAST_TIMING }),
      createEngine: (request) => {
        engineRequests.push(request);
        return Promise.resolve(options.createEngine ? options.createEngine(request) : createTaggingEngine());
      },
    });
  } finally {
    process.stdout.write = write;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  const failed = process.exitCode === 1;
  process.exitCode = 0;
  return {
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    log: chunks.join(''),
    failed,
    engineRequests,
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` records. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

/** A `pull_request` payload as GitHub sends it (the fields the action reads, and a few more). */
export function pullRequestPayload(options: {
  number: number;
  action: 'opened' | 'synchronize' | 'closed';
  merged: boolean;
  title: string;
  headRepository?: string;
  head: string;
  base: string;
  mergeCommit?: string;
}): Record<string, unknown> {
  const headRepository = options.headRepository ?? SOURCE_REPOSITORY;
  return {
    action: options.action,
    number: options.number,
    pull_request: {
      number: options.number,
      title: options.title,
      html_url: `https://github.com/${SOURCE_REPOSITORY}/pull/${options.number}`,
      state: options.action === 'closed' ? 'closed' : 'open',
      merged: options.merged,
      merge_commit_sha: options.mergeCommit ?? null,
      head: {
        ref: `topic-${options.number}`,
        sha: options.head,
        repo: { full_name: headRepository, fork: headRepository !== SOURCE_REPOSITORY },
      },
      base: { ref: 'main', sha: options.base, repo: { full_name: SOURCE_REPOSITORY, fork: false } },
    },
    repository: { full_name: SOURCE_REPOSITORY },
  };
}

export function schedulePayload(): Record<string, unknown> {
  return { schedule: '17 3 * * *' };
}

/** No secret in what a run showed: its log (mask commands aside), its job summary or its outputs. */
export function expectSecretsHidden(
  runs: readonly ActionRun[],
  secrets: readonly string[] = [TOKEN, SOURCE_TOKEN],
): void {
  for (const result of runs) {
    // `::add-mask::` tells the runner to mask the value; the runner never displays that line.
    const log = result.log
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(result.summary).not.toContain(secret);
      expect(JSON.stringify(result.outputs)).not.toContain(secret);
    }
  }
}
