#!/usr/bin/env node
/**
 * Markdown tables of the inputs and outputs declared in action.yml, for the README.
 * Usage: node scripts/generate-readme-tables.mjs [--write] [path/to/action.yml]
 * Prints them; with --write, replaces what stands between the README's table markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const write = args.includes('--write');
const file = args.find((arg) => arg !== '--write') ?? fileURLToPath(new URL('../action.yml', import.meta.url));
const action = parse(readFileSync(file, 'utf8'));

/** Table cells: one line, pipes escaped. */
function cell(value) {
  return String(value ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function code(value) {
  return value === undefined || value === '' ? '' : `\`${cell(value)}\``;
}

function inputsTable(inputs) {
  const rows = Object.entries(inputs ?? {}).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${code(input.default)} | ${cell(input.description)} |`,
  );
  return ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function outputsTable(outputs) {
  const rows = Object.entries(outputs ?? {}).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`);
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

const tables = `### Inputs\n\n${inputsTable(action.inputs)}\n\n### Outputs\n\n${outputsTable(action.outputs)}\n`;
const START = '<!-- action-tables:start (generated from action.yml by: npm run readme) -->';
const END = '<!-- action-tables:end -->';

if (write) {
  const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md: the markers ${START} and ${END} are missing`);
  writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n\n${tables}\n${readme.slice(end)}`);
} else {
  process.stdout.write(tables);
}
