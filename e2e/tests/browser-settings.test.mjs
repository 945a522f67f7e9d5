// The Settings page in Chromium: API keys with scopes (created with one scope, shown once, used through the API,
// edited, disabled, deleted), the engines the server reports on GET /v1/timbre/engines, usage after a synthesis as
// a chart, the agents platform's secrets, and phone width.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp, screenshot } from '../lib/browser.mjs';
import { anyVoiceIds, raw, rawJson, uniqueName } from '../lib/common.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** GET path with `key`: the status only. */
async function statusWith(key, path, init = {}) {
  const r = await raw(path, { key, ...init });
  await r.arrayBuffer();
  return r.status;
}

const speak = (key, voiceId) => statusWith(key, `/v1/text-to-speech/${voiceId}?output_format=mp3_44100_128`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text: 'Scopes decide.', model_id: 'eleven_multilingual_v2' }),
});

test('a key with one scope: created, shown once, listed with its scope, usable only for that scope, edited, disabled, deleted', async () => {
  const [voiceId] = await anyVoiceIds(1);
  const name = uniqueName('models-only');
  const page = await openApp(browser, '#/settings/keys');
  const log = [];
  page.on('request', (r) => { if (r.url().includes('/api-keys')) log.push(`${r.method()} ${r.postData() || ''}`); });
  await page.getByRole('heading', { level: 2, name: 'API keys' }).waitFor();

  await page.getByRole('button', { name: 'Create a key' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Models read', { exact: true }).check();
  await page.getByRole('button', { name: 'Create key' }).click();

  // shown once: a read-only field with the secret and a copy button
  const secretField = page.getByLabel('New API key');
  await secretField.waitFor();
  const key = await secretField.inputValue();
  assert.match(key, /^sk_[0-9a-f]{48}$/);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.getByText(/Copied to the clipboard|Select the key and copy it/).waitFor();

  // listed with its one scope and its hint (never the secret)
  const row = page.getByRole('row').filter({ hasText: name });
  await row.waitFor();
  assert.match(await row.innerText(), /models_read/);
  assert.ok((await row.innerText()).includes(`${key.slice(0, 3)}…${key.slice(-4)}`));
  assert.doesNotMatch(await row.innerText(), /voices_read|text_to_speech/);
  await screenshot(page, 'settings');

  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await page.getByRole('row').filter({ hasText: name }).waitFor();
  assert.ok(!(await page.content()).includes(key), 'the secret is not shown again');

  // through the API: what the scope allows, and nothing else
  assert.equal(await statusWith(key, '/v1/models'), 200);
  assert.equal(await statusWith(key, '/v1/voices'), 401);
  assert.equal(await speak(key, voiceId), 401);
  const listed = (await rawJson('/v1/service-accounts'))['service-accounts'].flatMap((a) => a['api-keys']).find((k) => k.name === name);
  assert.deepEqual(listed.permissions, ['models_read']);

  // edit: add voices_read
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  await page.getByLabel('Voices read', { exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'voices_read' }).waitFor();
  assert.equal(await statusWith(key, '/v1/voices'), 200);
  assert.equal(await speak(key, voiceId), 401);

  // disable: refused everywhere; enable again works
  await page.getByRole('button', { name: `Disable ${name}` }).click();
  await page.getByRole('row').filter({ hasText: name }).getByRole('cell', { name: 'Disabled', exact: true }).waitFor();
  assert.equal(await statusWith(key, '/v1/models'), 401, log.join('\n'));
  await page.getByRole('button', { name: `Enable ${name}` }).click();
  await page.getByRole('row').filter({ hasText: name }).getByRole('cell', { name: 'Enabled', exact: true }).waitFor();
  assert.equal(await statusWith(key, '/v1/models'), 200);

  // delete, after a confirmation
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('group', { name: `Confirm deleting ${name}` }).getByRole('button', { name: 'Delete key' }).click();
  await page.getByRole('button', { name: `Edit ${name}` }).waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('row').filter({ hasText: name }).count(), 0);
  assert.equal(await statusWith(key, '/v1/models'), 401);
  const after = (await rawJson('/v1/service-accounts'))['service-accounts'].flatMap((a) => a['api-keys']);
  assert.ok(!after.some((k) => k.name === name));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the engines section shows the TTS and STT engines the server reports as loaded', async () => {
  const status = await rawJson('/v1/timbre/engines');
  const tts = status.text_to_speech.filter((e) => e.state === 'loaded').map((e) => e.name);
  const stt = status.speech_to_text.filter((e) => e.state === 'loaded').map((e) => e.name);
  assert.ok(tts.length >= 1, JSON.stringify(status));
  const page = await openApp(browser, '#/settings/engines');
  const ttsTable = page.getByRole('table', { name: 'Text to speech' });
  await ttsTable.waitFor({ timeout: 30_000 });
  for (const n of tts) {
    const row = ttsTable.getByRole('row').filter({ has: page.getByText(n, { exact: true }) });
    await row.waitFor();
    assert.match(await row.innerText(), /Healthy/);
  }
  const sttTable = page.getByRole('table', { name: 'Speech to text' });
  for (const n of stt) await sttTable.getByRole('row').filter({ has: page.getByText(n, { exact: true }) }).waitFor();
  const llm = page.getByRole('table', { name: 'Language models for agents' });
  assert.match(await llm.innerText(), /built-in rule model/);
  assert.ok(!(await page.content()).includes('api_key'), 'no key in the status');
  await screenshot(page, 'settings-engines');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('usage shows the characters of a synthesis in the subscription and as a chart by day, by model too', async () => {
  const [voiceId] = await anyVoiceIds(1);
  const text = 'Usage shows up in the chart of the settings page.';
  const r = await raw(`/v1/text-to-speech/${voiceId}?output_format=mp3_44100_128`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, model_id: 'eleven_multilingual_v2' }),
  });
  assert.equal(r.status, 200);
  await r.arrayBuffer();
  const sub = await rawJson('/v1/user/subscription');
  assert.ok(sub.character_count >= text.length);

  const page = await openApp(browser, '#/settings/usage');
  await page.getByText(/characters used/).waitFor({ timeout: 30_000 });
  const total = page.locator('.usage-total strong');
  await page.waitForFunction(() => Number(document.querySelector('.usage-total strong')?.dataset.total) > 0, null, { timeout: 30_000 });
  assert.ok(Number(await total.getAttribute('data-total')) >= text.length);
  const today = new Date().toISOString().slice(0, 10);
  const bar = page.locator(`svg g.bar[data-day="${today}"]`);
  assert.ok(Number(await bar.getAttribute('data-value')) >= text.length);
  const rect = bar.locator('rect').first();
  assert.ok((await rect.boundingBox()).height > 0, 'today has a visible bar');
  assert.ok(await page.getByRole('img', { name: /Characters per day/ }).isVisible());

  await page.getByLabel('Breakdown').selectOption('model');
  await page.getByRole('list', { name: 'Legend' }).getByText(/eleven_multilingual_v2/).waitFor();
  await page.getByLabel('Measure').selectOption('request_count');
  await page.getByRole('img', { name: /Requests per day/ }).waitFor();
  await page.getByLabel('Breakdown').selectOption('none');
  await page.getByLabel('Measure').selectOption('credits');
  await page.getByRole('img', { name: /Characters per day/ }).waitFor();
  await screenshot(page, 'settings-usage');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('agents platform: a secret is added and deleted, never shown back', async () => {
  const name = uniqueName('settings-secret');
  const value = uniqueName('value');
  const page = await openApp(browser, '#/settings/agents');
  await page.getByRole('heading', { name: 'Workspace settings' }).waitFor();
  await page.getByLabel('RAG index retention (days)').waitFor();
  await page.getByLabel('Secret name').fill(name);
  await page.getByLabel('Value').fill(value);
  await page.getByRole('button', { name: 'Add secret' }).click();
  await page.getByRole('row').filter({ hasText: name }).waitFor();
  assert.ok(!(await page.content()).includes(value));
  const listed = (await rawJson('/v1/convai/secrets')).secrets.find((s) => s.name === name);
  assert.ok(listed);
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('group', { name: `Confirm deleting ${name}` }).getByRole('button', { name: 'Delete secret' }).click();
  await page.getByRole('row').filter({ hasText: name }).waitFor({ state: 'detached' });
  assert.ok(!(await rawJson('/v1/convai/secrets')).secrets.some((s) => s.name === name));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at phone width every section fits without horizontal page scroll', async () => {
  const page = await openApp(browser, '#/settings/keys', { viewport: { width: 390, height: 800 } });
  for (const [section, heading] of [['keys', 'API keys'], ['engines', 'Engines and language models'], ['usage', 'Usage'], ['agents', 'Agents platform']]) {
    await page.goto(page.url().replace(/#.*$/, `#/settings/${section}`));
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    if (section === 'keys') await page.getByRole('button', { name: 'Create a key' }).click(); // the scopes form too
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${section}: page is ${scroll}px wide in a ${client}px window`);
    if (section === 'keys') await screenshot(page, 'settings-phone');
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
