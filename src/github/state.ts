/**
 * What the action remembers between runs, kept in the target repository itself so it travels
 * with the branch: `.amts/state.json` (the last synced source commit) and
 * `.amts/pending-job.json` (a batch job still running when the previous run had to stop).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { asRecord, stringAt } from './json.js';

export const STATE_FILE = '.amts/state.json';
export const PENDING_JOB_FILE = '.amts/pending-job.json';

export interface SyncState {
  /** `owner/name` of the English repository. */
  readonly sourceRepository: string;
  /** The English commit the translation was last synchronized with. */
  readonly sourceCommit: string;
}

export interface PendingJob {
  readonly jobId: string;
  /** The English commit the job translates. */
  readonly sourceCommit: string;
  readonly engine: string;
  /** ISO time the run that started the job handed it over. */
  readonly recordedAt: string;
}

export async function readSyncState(targetDir: string): Promise<SyncState | undefined> {
  const record = await readJsonObject(targetDir, STATE_FILE);
  if (!record) return undefined;
  const sourceCommit = stringAt(record, 'sourceCommit');
  if (sourceCommit === undefined) return undefined;
  if (!/^[0-9a-f]{7,64}$/.test(sourceCommit)) {
    throw new InputError(STATE_FILE, `sourceCommit '${sourceCommit}' is not a commit id`);
  }
  return { sourceRepository: stringAt(record, 'sourceRepository') ?? '', sourceCommit };
}

/** Updates the two keys this action owns and keeps any other key another tool stored there. */
export async function writeSyncState(targetDir: string, state: SyncState): Promise<void> {
  const existing = (await readJsonObject(targetDir, STATE_FILE)) ?? {};
  await writeJson(targetDir, STATE_FILE, { ...existing, ...state });
}

export async function readPendingJob(targetDir: string): Promise<PendingJob | undefined> {
  const record = await readJsonObject(targetDir, PENDING_JOB_FILE);
  if (!record) return undefined;
  const jobId = stringAt(record, 'jobId');
  if (!jobId) throw new InputError(PENDING_JOB_FILE, 'has no jobId');
  return {
    jobId,
    sourceCommit: stringAt(record, 'sourceCommit') ?? '',
    engine: stringAt(record, 'engine') ?? '',
    recordedAt: stringAt(record, 'recordedAt') ?? '',
  };
}

export async function writePendingJob(targetDir: string, job: PendingJob): Promise<void> {
  await writeJson(targetDir, PENDING_JOB_FILE, job);
}

export async function removePendingJob(targetDir: string): Promise<void> {
  await rm(path.join(targetDir, PENDING_JOB_FILE), { force: true });
}

async function readJsonObject(targetDir: string, file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(targetDir, file), 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const record = asRecord(parsed);
  if (!record) throw new InputError(file, 'must hold a JSON object');
  return record;
}

async function writeJson(targetDir: string, file: string, value: unknown): Promise<void> {
  const absolute = path.join(targetDir, file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}
