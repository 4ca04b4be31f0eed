#!/usr/bin/env node
/**
 * Prints Markdown tables of the inputs and outputs declared in action.yml, for the README.
 * Usage: node scripts/generate-readme-tables.mjs [path/to/action.yml]
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const file = process.argv[2] ?? fileURLToPath(new URL('../action.yml', import.meta.url));
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

process.stdout.write(`### Inputs\n\n${inputsTable(action.inputs)}\n\n### Outputs\n\n${outputsTable(action.outputs)}\n`);
