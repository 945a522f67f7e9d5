// The Agents page in Chromium: build an agent (API check of the saved fields), list/search/duplicate/delete, hold a
// live voice call with a fake microphone that asks about the weather (the rule model's answer appears in the
// on-page transcript), then the stored conversation: transcript, a drawn waveform and audio that plays; a setting
// edited in the builder is PATCHed alone and persists. The microphone is a WAV of Timbre's own TTS (16 kHz mono,
// 1.5 s of silence before the question and 3 s after; Chromium loops it). ~40 s. With E2E_ENGINE=fake the call
// checks the greeting, the recording and the stored conversation, not the spoken question and its answer.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openApp, screenshot } from '../lib/browser.mjs';
import { anyVoiceIds, BASE_URL, raw, rawJson, uniqueName, wavOf } from '../lib/common.mjs';

const PROMPT = 'When the user says weather, reply The weather is sunny.';
const FIRST_MESSAGE = 'Hello there.';
const QUESTION = 'What is the weather like today?';
const LONG = 90_000;
// The fake engines (E2E_ENGINE=fake) speak tones and hear no words: the call then checks the greeting only.
const FAKE = process.env.E2E_ENGINE === 'fake';

let browser, dir, voiceId, agentId;
const name = uniqueName('browser-agent');
const created = [];
const documents = [];
const tools = [];

before(async () => {
  [voiceId] = await anyVoiceIds(1);
  const r = await raw(`/v1/text-to-speech/${voiceId}?output_format=pcm_16000`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: QUESTION, model_id: 'eleven_multilingual_v2' }),
  });
  assert.equal(r.status, 200, 'TTS for the microphone');
  const speech = Buffer.from(await r.arrayBuffer());
  const silence = (secs) => Buffer.alloc(Math.round(secs * 16000) * 2);
  dir = mkdtempSync(join(tmpdir(), 'browser-agents-'));
  const wav = join(dir, 'question.wav');
  const wavBytes = wavOf(Buffer.concat([silence(1.5), speech, silence(3)]), 16000);
  writeFileSync(wav, wavBytes);
  // The recogniser hears the question (and is warm before the call: a cold first turn can take seconds).
  const form = new FormData();
  form.append('model_id', 'scribe_v1');
  form.append('file', new Blob([wavBytes], { type: 'audio/wav' }), 'question.wav');
  const heard = await rawJson('/v1/speech-to-text', { method: 'POST', body: form });
  if (!FAKE) assert.match(heard.text, /weather/i, 'speech to text of the microphone WAV');
  browser = await launchBrowser({ fakeAudio: wav });
});

after(async () => {
  await browser?.close();
  for (const id of created) await raw(`/v1/convai/agents/${id}`, { method: 'DELETE' });
  for (const id of documents) await raw(`/v1/convai/knowledge-base/${id}?force=true`, { method: 'DELETE' });
  for (const id of tools) await raw(`/v1/convai/tools/${id}`, { method: 'DELETE' });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const noHorizontalScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('an agent built in the builder is saved with its prompt, first message and voice', async () => {
  const page = await openApp(browser, '#/agents');
  await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
  await page.getByRole('link', { name: 'New agent' }).click();
  await page.getByRole('heading', { level: 1, name: 'New agent' }).waitFor();
  await page.getByLabel('Agent name', { exact: true }).fill(name);
  await page.getByLabel('System prompt', { exact: true }).fill(PROMPT);
  await page.getByLabel('First message', { exact: true }).fill(FIRST_MESSAGE);
  const voice = page.getByLabel('Voice', { exact: true });
  await voice.locator(`option[value="${voiceId}"]`).waitFor({ state: 'attached' });
  await voice.selectOption(voiceId);
  await page.getByRole('button', { name: 'Create agent' }).click();
  await page.waitForURL(/#\/agents\/agent_[^/]+$/);
  agentId = decodeURIComponent(page.url().split('#/agents/')[1]);
  created.push(agentId);
  await page.getByRole('heading', { level: 1, name }).waitFor();

  const a = await rawJson(`/v1/convai/agents/${agentId}`);
  assert.equal(a.name, name);
  assert.equal(a.conversation_config.agent.prompt.prompt, PROMPT);
  assert.equal(a.conversation_config.agent.first_message, FIRST_MESSAGE);
  assert.equal(a.conversation_config.tts.voice_id, voiceId);
  // The form shows what the server stored.
  assert.equal(await page.getByLabel('First message', { exact: true }).inputValue(), FIRST_MESSAGE);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an unknown agent says so', async () => {
  const page = await openApp(browser, '#/agents/agent_does_not_exist');
  await page.getByRole('alert').waitFor();
  await page.getByRole('link', { name: 'Back to the agents' }).waitFor();
  await page.context().close();
});

test('the list finds the agent by name; duplicate and delete work from it; no horizontal scroll at phone width', async () => {
  assert.ok(agentId, 'needs the agent of the first test');
  const page = await openApp(browser, '#/agents', { viewport: { width: 390, height: 800 } });
  await page.getByLabel('Search agents').fill(name);
  await page.getByRole('link', { name, exact: true }).waitFor();
  assert.ok(await noHorizontalScroll(page), 'the list fits 390 px');
  await page.getByRole('button', { name: `Duplicate ${name}` }).click();
  await page.getByRole('heading', { level: 1, name: `${name} (copy)` }).waitFor();
  const copyId = decodeURIComponent(page.url().split('#/agents/')[1]);
  assert.notEqual(copyId, agentId);
  created.push(copyId);
  assert.ok(await noHorizontalScroll(page), 'the builder fits 390 px');

  await page.goto(page.url().replace(/#.*/, '#/agents'));
  await page.getByLabel('Search agents').fill(name);
  await page.getByRole('link', { name: `${name} (copy)`, exact: true }).waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: `Delete ${name} (copy)` }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted' }).waitFor();
  assert.equal((await raw(`/v1/convai/agents/${copyId}`)).status, 404);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.getByLabel('Search agents').fill('');
  await page.getByRole('link', { name, exact: true }).waitFor();
  await screenshot(page, 'agents');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a live voice call: the first message, then the answer to the spoken question, in the on-page transcript; the conversation is stored with its recording, and deleted', async () => {
  assert.ok(agentId, 'needs the agent of the first test');
  const page = await openApp(browser, `#/agents/${agentId}/call`);
  const outside = [];
  page.on('request', (r) => { if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(BASE_URL)) outside.push(r.url()); });
  page.on('websocket', (ws) => { if (!ws.url().startsWith(BASE_URL.replace(/^http/, 'ws'))) outside.push(ws.url()); });
  await page.getByRole('heading', { level: 1, name: `Talk to ${name}` }).waitFor();
  await page.getByRole('button', { name: 'Start call' }).click();
  const transcript = page.getByRole('list', { name: 'Transcript' });
  try {
    await transcript.getByText(FIRST_MESSAGE).waitFor({ timeout: LONG });
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    if (!FAKE) {
      await transcript.locator('.line.user').filter({ hasText: /weather/i }).first().waitFor({ timeout: LONG });
      await transcript.locator('.line.agent').filter({ hasText: /sunny/i }).first().waitFor({ timeout: LONG });
    }
  } catch (e) {
    // Say what the page showed: the call's state, the transcript so far, any error.
    e.message += `\n  call page: ${(await page.locator('.card.call').innerText()).replace(/\s+/g, ' ')}`
      + `\n  transcript: ${(await transcript.innerText()).replace(/\s+/g, ' ')}\n  page errors: ${page.errors.join(' | ')}`;
    throw e;
  }
  await screenshot(page, 'agents-call');
  const mute = page.getByRole('button', { name: 'Mute' });
  await mute.click();
  await page.getByText('(microphone muted)').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Unmute' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Unmute' }).click();
  await page.getByText('(microphone muted)').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'End call' }).click();
  const open = page.getByRole('link', { name: 'Open this conversation' });
  await open.waitFor({ timeout: 30_000 });
  await open.click();

  // The conversation page: transcript, waveform, audio that plays.
  await page.getByRole('heading', { level: 1, name: 'Conversation' }).waitFor();
  const stored = page.getByRole('list', { name: 'Conversation transcript' });
  // The question may cut the greeting short (the microphone speaks from 1.5 s on, and a cold server may not have
  // spoken a word by then): the stored greeting is what was said, so it is only checked where nobody interrupts.
  await stored.locator('.line').first().waitFor({ timeout: LONG });
  if (FAKE) await stored.locator('.line.agent').first().filter({ hasText: FIRST_MESSAGE }).waitFor({ timeout: LONG });
  else {
    await stored.locator('.line.user').filter({ hasText: /weather/i }).first().waitFor();
    await stored.locator('.line.agent').filter({ hasText: /sunny/i }).first().waitFor();
    // the measures a turn has depend on what happened in it (TurnMeter keeps only the stages that ran): any will do
    await page.getByRole('heading', { name: 'Turn latencies' }).waitFor({ timeout: LONG });
    await page.getByRole('table').filter({ hasText: /\d+ ms/ }).waitFor({ timeout: LONG });
  }
  const canvas = page.getByRole('slider', { name: 'Conversation recording: seek' });
  await canvas.waitFor({ timeout: LONG });
  await page.waitForFunction(() => {
    const c = document.querySelector('.waveform-canvas');
    if (!c || !c.width) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
    return false;
  }, null, { timeout: LONG });
  const played = await page.evaluate(async () => {
    const a = document.querySelector('audio');
    if (a.readyState < 1) await new Promise((r) => a.addEventListener('loadedmetadata', r, { once: true }));
    await a.play();
    await new Promise((r) => { const t = () => (a.currentTime > 0.2 ? r() : setTimeout(t, 50)); t(); });
    a.pause();
    return { duration: a.duration, time: a.currentTime };
  });
  assert.ok(played.duration > (FAKE ? 0.3 : 2), `recording duration ${played.duration}`);
  // Clicking the middle of the waveform seeks to about the middle.
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const at = await page.evaluate(() => document.querySelector('audio').currentTime / document.querySelector('audio').duration);
  assert.ok(Math.abs(at - 0.5) < 0.1, `seeked to ${at}`);
  await canvas.press('Home');
  assert.equal(await canvas.getAttribute('aria-valuenow'), '0', 'Home seeks to the start');
  await screenshot(page, 'agents-conversation');
  await page.setViewportSize({ width: 390, height: 800 });
  assert.ok(await noHorizontalScroll(page), 'the conversation page fits 390 px');

  const list = await rawJson(`/v1/convai/conversations?agent_id=${agentId}`);
  assert.equal(list.conversations.length, 1);
  await page.getByRole('link', { name: '← Conversations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 1);
  assert.deepEqual(outside, [], 'nothing loads from outside the server');

  // Delete it from its page: back on the (now empty) list, 404 from the API.
  await page.locator('tbody tr a').first().click();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Delete conversation' }).click();
  await page.getByText('No conversations yet.').waitFor();
  assert.equal((await raw(`/v1/convai/conversations/${list.conversations[0].conversation_id}`)).status, 404);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a setting edited in the builder is sent alone in the PATCH and persists; a server validation error is shown', async () => {
  assert.ok(agentId, 'needs the agent of the first test');
  const page = await openApp(browser, `#/agents/${agentId}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('summary', { hasText: 'Conversation' }).click();
  await page.getByLabel('Max conversation duration (seconds)').fill('300');
  const patch = page.waitForRequest((r) => r.method() === 'PATCH');
  await page.getByRole('button', { name: 'Save changes' }).click();
  assert.deepEqual((await patch).postDataJSON(), { conversation_config: { conversation: { max_duration_seconds: 300 } } });
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal((await rawJson(`/v1/convai/agents/${agentId}`)).conversation_config.conversation.max_duration_seconds, 300);
  await page.reload();
  await page.locator('summary', { hasText: 'Conversation' }).click();
  assert.equal(await page.getByLabel('Max conversation duration (seconds)').inputValue(), '300');

  // The server's validation error is shown; discarding restores the saved form.
  await page.getByLabel('Agent name', { exact: true }).fill('x'.repeat(1001));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').filter({ hasText: 'name: String should have at most 1000 characters' }).waitFor();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  assert.equal(await page.getByLabel('Agent name', { exact: true }).inputValue(), name);
  assert.equal((await rawJson(`/v1/convai/agents/${agentId}`)).name, name);
  // Chromium logs the refused request itself; nothing else may fail.
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 422')), []);
  await page.context().close();
});

test('tools and knowledge: a system tool switched on, a webhook tool created and attached, a text document added, attached and indexed for RAG (its progress polled), all saved', async () => {
  assert.ok(agentId, 'needs the agent of the first test');
  const docName = uniqueName('browser-doc');
  const page = await openApp(browser, `#/agents/${agentId}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('summary', { hasText: 'Tools' }).click();
  await page.getByLabel('End call', { exact: true }).check();
  const toolName = `weather_${Date.now().toString(36)}`;
  await page.locator('summary', { hasText: 'Create a webhook tool' }).click();
  await page.getByLabel('Tool name').fill(toolName);
  await page.getByLabel('Tool URL').fill('https://weather.example.com/today');
  await page.getByLabel('Tool description (when the agent should call it)').fill('Gets the weather');
  await page.getByRole('button', { name: 'Create and attach tool' }).click();
  const tool = page.getByLabel(toolName, { exact: true });
  await tool.waitFor();
  assert.equal(await tool.isChecked(), true);
  await page.locator('summary', { hasText: 'Knowledge base' }).click();
  await page.locator('summary', { hasText: 'Add a document' }).click();
  // A URL the server will not fetch: its refusal is shown.
  await page.getByRole('radio', { name: 'URL' }).check();
  await page.getByLabel('Web page URL').fill('http://169.254.169.254/latest/meta-data');
  await page.getByRole('button', { name: 'Add and attach document' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByRole('radio', { name: 'Text' }).check();
  await page.getByLabel('Document name').fill(docName);
  await page.getByLabel('Document text').fill('Timbre keeps its lighthouse lamp lit every night of the year.');
  await page.getByRole('button', { name: 'Add and attach document' }).click();
  const doc = page.getByLabel(docName, { exact: true });
  await doc.waitFor();
  assert.equal(await doc.isChecked(), true);
  await page.getByRole('button', { name: `Build the RAG index of ${docName}` }).click();
  await page.getByText('RAG index: succeeded').waitFor({ timeout: LONG });
  await page.locator('summary', { hasText: 'Voice' }).click();
  await screenshot(page, 'agents-builder');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const prompt = (await rawJson(`/v1/convai/agents/${agentId}`)).conversation_config.agent.prompt;
  assert.equal(prompt.built_in_tools.end_call?.params?.system_tool_type, 'end_call');
  assert.equal(prompt.tool_ids.length, 1);
  tools.push(prompt.tool_ids[0]);
  const t = await rawJson(`/v1/convai/tools/${prompt.tool_ids[0]}`);
  assert.equal(t.tool_config.name, toolName);
  assert.equal(t.tool_config.api_schema.url, 'https://weather.example.com/today');
  const kb = prompt.knowledge_base.find((l) => l.name === docName);
  assert.ok(kb, JSON.stringify(prompt.knowledge_base));
  documents.push(kb.id);
  assert.equal(kb.type, 'text');
  const indexes = (await rawJson(`/v1/convai/knowledge-base/${kb.id}/rag-index`)).indexes;
  assert.equal(indexes[0].status, 'succeeded');
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 400')), []);
  await page.context().close();
});

test('analysis, security and widget settings are saved where the API keeps them', async () => {
  assert.ok(agentId, 'needs the agent of the first test');
  const page = await openApp(browser, `#/agents/${agentId}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('summary', { hasText: 'Analysis' }).click();
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await page.getByLabel('Criterion name').fill('Answered');
  await page.getByLabel('Goal prompt').fill('The agent told the user the weather.');
  await page.getByRole('button', { name: 'Add data item' }).click();
  await page.getByLabel('Identifier').fill('city');
  await page.getByLabel('Description', { exact: true }).fill('The city the user asked about');
  await page.locator('summary', { hasText: 'Security' }).click();
  await page.getByLabel('Allowed hosts').fill('example.com\nshop.example.com');
  await page.getByLabel('Allow overriding the first message').check();
  await page.locator('summary', { hasText: 'Widget' }).click();
  await page.getByLabel('Variant').selectOption('compact');
  await page.getByLabel('Call to action').fill('Ask about the weather');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const ps = (await rawJson(`/v1/convai/agents/${agentId}`)).platform_settings;
  assert.equal(ps.evaluation.criteria.length, 1);
  assert.equal(ps.evaluation.criteria[0].name, 'Answered');
  assert.equal(ps.evaluation.criteria[0].conversation_goal_prompt, 'The agent told the user the weather.');
  assert.deepEqual(ps.data_collection.city, { type: 'string', description: 'The city the user asked about' });
  assert.deepEqual(ps.auth.allowlist, [{ hostname: 'example.com' }, { hostname: 'shop.example.com' }]);
  assert.equal(ps.overrides.conversation_config_override.agent.first_message, true);
  assert.equal(ps.widget.variant, 'compact');
  assert.equal(ps.widget.action_text, 'Ask about the weather');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
