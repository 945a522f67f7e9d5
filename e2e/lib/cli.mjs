// The official CLI (@elevenlabs/cli, pinned) against the server under test: JSON output, no retries, a private HOME.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, API_KEY } from './common.mjs';

const CLI = fileURLToPath(new URL('../node_modules/.bin/elevenlabs', import.meta.url));
const HOME = process.env.E2E_HOME || mkdtempSync(join(tmpdir(), 'timbre-e2e-cli-'));
if (!process.env.E2E_HOME) test.after(() => rmSync(HOME, { recursive: true, force: true }));

/** Runs `elevenlabs <args> --format json --no-retry`; resolves with the exit code and output. */
export function cli(args) {
  const env = { ...process.env, HOME, ELEVENLABS_API_KEY: API_KEY, ELEVENLABS_BASE_URL: BASE_URL, NO_COLOR: '1' };
  return new Promise((resolve, reject) => {
    execFile(CLI, [...args, '--format', 'json', '--no-retry'], { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(err);
      resolve({ code: err ? err.code : 0, stdout, stderr });
    });
  });
}

/** As `cli`, asserting exit code 0; the parsed JSON output, or null when there is none. */
export async function cliJson(args) {
  const r = await cli(args);
  assert.equal(r.code, 0, `elevenlabs ${args.join(' ')} exited ${r.code}\nstdout: ${r.stdout.slice(0, 800)}\nstderr: ${r.stderr.slice(0, 800)}`);
  if (!r.stdout.trim()) return null;
  try { return JSON.parse(r.stdout); } catch { assert.fail(`not JSON: ${r.stdout.slice(0, 400)}`); }
}
