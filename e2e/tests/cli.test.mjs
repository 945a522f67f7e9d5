// The official CLI (@elevenlabs/cli 1.3.0, a Rust binary shipped as @elevenlabs/cli-linux-x64) against the server:
//   node_modules/.bin/elevenlabs <group> <command> --format json --base-url BASE_URL   (or env ELEVENLABS_BASE_URL)
// It reads the key from ELEVENLABS_API_KEY and sends it as xi-api-key. Errors are printed as JSON on stdout.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, API_KEY, rawJson } from '../lib/common.mjs';

const CLI = fileURLToPath(new URL('../node_modules/.bin/elevenlabs', import.meta.url));
// An empty HOME: no stored login/keyring config, no state from a developer's own CLI use.
const HOME = process.env.E2E_HOME || mkdtempSync(join(tmpdir(), 'timbre-e2e-cli-'));
if (!process.env.E2E_HOME) test.after(() => rmSync(HOME, { recursive: true, force: true }));

/** Runs the CLI; resolves {code, stdout, stderr} whatever the exit code. */
function cli(args, { key = API_KEY, baseUrlEnv } = {}) {
  const env = { ...process.env, HOME, ELEVENLABS_API_KEY: key, NO_COLOR: '1' };
  delete env.ELEVENLABS_BASE_URL;
  if (baseUrlEnv) env.ELEVENLABS_BASE_URL = baseUrlEnv;
  return new Promise((resolve, reject) => {
    execFile(CLI, args, { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(err); // could not run at all, or killed
      resolve({ code: err ? err.code : 0, stdout, stderr });
    });
  });
}

function parseJson(r, what) {
  assert.equal(r.code, 0, `${what} exited ${r.code}\nstdout: ${r.stdout.slice(0, 800)}\nstderr: ${r.stderr.slice(0, 800)}`);
  try { return JSON.parse(r.stdout); } catch (e) { assert.fail(`${what}: output is not JSON: ${r.stdout.slice(0, 400)}`); }
}

const voicesOf = (out) => (Array.isArray(out) ? out : out.voices);

test('the installed CLI is the pinned 1.3.0 binary', async () => {
  const r = await cli(['--version']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\b1\.3\.0\b/);
});

test('cli: models list --format json --base-url', async () => {
  const out = parseJson(await cli(['models', 'list', '--format', 'json', '--base-url', BASE_URL]), 'models list');
  assert.ok(Array.isArray(out), 'a JSON array of models');
  const m = out.find((x) => x.model_id === 'eleven_multilingual_v2');
  assert.ok(m, `eleven_multilingual_v2 in ${out.map((x) => x.model_id)}`);
  assert.equal(m.can_do_text_to_speech, true);
  const viaApi = await rawJson('/v1/models');
  assert.deepEqual(out.map((x) => x.model_id), viaApi.map((x) => x.model_id), 'same models as GET /v1/models');
});

// voices.test.mjs may add or delete a cloned voice concurrently, so compare on the premade voices, which stay put.
const premadeIds = (voices) => voices.filter((v) => v.category === 'premade').map((v) => v.voice_id).sort();

test('cli: voices search --format json (base URL from ELEVENLABS_BASE_URL)', async () => {
  const known = premadeIds((await rawJson('/v2/voices?page_size=100')).voices);
  assert.ok(known.length > 0, 'the server lists premade voices');
  const out = parseJson(await cli(['voices', 'search', '--format', 'json', '--page-size', '100', '--include-total-count', 'true'],
    { baseUrlEnv: BASE_URL }), 'voices search');
  const voices = voicesOf(out);
  assert.ok(voices.map((v) => v.voice_id).includes(known[0]), `voice ${known[0]} in the CLI output`);
  assert.deepEqual(premadeIds(voices), known);
  assert.equal(typeof out.has_more, 'boolean');
  assert.equal(out.total_count, voices.length);
});

test('cli: voices get_all and voices get --voice-id', async () => {
  const known = (await rawJson('/v1/voices')).voices.filter((v) => v.category === 'premade');
  assert.ok(known.length > 0, 'the server lists premade voices');
  const out = parseJson(await cli(['voices', 'get_all', '--format', 'json', '--base-url', BASE_URL]), 'voices get_all');
  assert.deepEqual(premadeIds(voicesOf(out)), premadeIds(known));
  const one = parseJson(await cli(['voices', 'get', '--voice-id', known[0].voice_id, '--format', 'json', '--base-url', BASE_URL]), 'voices get');
  assert.equal(one.voice_id, known[0].voice_id);
  assert.equal(one.name, known[0].name);
});

test('cli: a wrong key makes the CLI exit non-zero with a 401 error', async () => {
  const r = await cli(['models', 'list', '--format', 'json', '--base-url', BASE_URL, '--no-retry'], { key: 'sk_wrong_' + Date.now() });
  assert.notEqual(r.code, 0, 'non-zero exit');
  const out = JSON.parse(r.stdout || r.stderr);
  assert.equal(out.error?.code, 401, r.stdout + r.stderr);
});
