// The embeddable agent widget in Chromium: <elevenlabs-convai> on a page of another origin (a node http server on
// another port, the script tag pointing at BASE_URL), a text conversation with the built-in rule model, the agent's
// colours and texts, terms before the first conversation, feedback after it, an allowlist that excludes the page,
// the talk-to page, and a voice call with the fake microphone (Timbre's TTS saying "Hello, can you hear me?").
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, screenshot } from '../lib/browser.mjs';
import { anyVoiceIds, BASE_URL, MODEL_ID, rawJson, raw, uniqueName, wavOf } from '../lib/common.mjs';

const REPLY_TIMEOUT = 60_000;
let browser;
let site; // the embedding site: http://localhost:<port>/?agent=<id>
let siteUrl;
const agentIds = [];

function pageFor(agentId, attrs = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body style="font-family:serif;background:#eee"><h1>A shop on another site</h1><p>Some page content.</p>
<elevenlabs-convai agent-id="${agentId}" ${attrs}></elevenlabs-convai>
<script src="${BASE_URL}/convai-widget-embed.js" async></script></body></html>`;
}

before(async () => {
  site = createServer((req, res) => {
    const u = new URL(req.url, 'http://localhost');
    if (u.pathname === '/favicon.ico') { res.writeHead(204).end(); return; }
    const agent = u.searchParams.get('agent') || '';
    if (!/^[A-Za-z0-9_-]+$/.test(agent)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pageFor(agent, u.searchParams.get('attrs') || ''));
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${site.address().port}`; // another host name and port than BASE_URL's 127.0.0.1
  browser = await launchBrowser({ fakeAudio: await helloWav() });
});

after(async () => {
  await browser?.close();
  site?.close();
  for (const id of agentIds) await raw(`/v1/convai/agents/${id}`, { method: 'DELETE' });
});

/**
 * "Hello, can you hear me?" in Timbre's own voice (pcm_16000 from the TTS API) between 1 s and 4 s of silence, as the
 * WAV the fake microphone loops: the pauses let voice activity detection cut whole utterances. (A lone "Hello." is
 * heard as "oh well" by pocketsphinx; in a sentence the word is recognised.)
 */
async function helloWav() {
  const [voice] = await anyVoiceIds(1);
  const r = await raw(`/v1/text-to-speech/${voice}?output_format=pcm_16000`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'Hello, can you hear me?', model_id: MODEL_ID }) });
  assert.equal(r.status, 200, 'TTS for the microphone');
  const speech = Buffer.from(await r.arrayBuffer());
  const file = join(mkdtempSync(join(tmpdir(), 'widget-')), 'hello.wav');
  writeFileSync(file, wavOf(Buffer.concat([Buffer.alloc(32000), speech, Buffer.alloc(128000)]), 16000));
  return file;
}

async function createAgent(body) {
  const { agent_id: id } = await rawJson('/v1/convai/agents/create', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: uniqueName('e2e-widget'), ...body }) });
  agentIds.push(id);
  return id;
}

const PROMPT = 'When the user says hello, reply Hi from the widget.';

async function openSite(agentId, attrs = '') {
  const context = await browser.newContext({ viewport: { width: 1100, height: 820 }, permissions: ['microphone'] });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.requests = requests;
  await page.goto(`${siteUrl}/?agent=${agentId}&attrs=${encodeURIComponent(attrs)}`);
  return page;
}

async function conversationsOf(agentId) {
  return (await rawJson(`/v1/convai/conversations?agent_id=${agentId}`)).conversations;
}

test('a page on another origin embeds the widget: agent colours and texts, terms first, a text chat, feedback', async () => {
  const agentId = await createAgent({
    conversation_config: { agent: { first_message: 'Welcome to the shop.', language: 'en', prompt: { prompt: PROMPT } } },
    platform_settings: {
      auth: { allowlist: [{ hostname: 'localhost' }] },
      widget: { variant: 'full', bg_color: '#fff8e7', btn_color: '#1d4ed8', btn_text_color: '#ffffff', action_text: 'Ask the shop',
        start_call_text: 'Call the shop', feedback_mode: 'end', text_contents: { input_label: 'Your message', start_chat: 'Chat with us' },
        terms_text: 'By chatting you accept our **terms**.' },
    },
  });
  const page = await openSite(agentId);
  await page.getByText('Ask the shop').waitFor({ timeout: 20_000 });
  const call = page.getByRole('button', { name: 'Call the shop' });
  assert.equal(await call.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(29, 78, 216)', 'btn_color');
  assert.equal(await call.evaluate((b) => getComputedStyle(b).color), 'rgb(255, 255, 255)', 'btn_text_color');
  const launcher = page.locator('elevenlabs-convai .launcher');
  assert.equal(await launcher.evaluate((l) => getComputedStyle(l).backgroundColor), 'rgb(255, 248, 231)', 'bg_color');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily), 'serif', 'the page keeps its own styles');

  await page.getByRole('button', { name: 'Chat with us' }).click();
  // the terms come first: no way to write before accepting them
  const terms = page.getByRole('dialog');
  await terms.getByText('By chatting you accept our').waitFor();
  assert.equal(await terms.locator('strong').textContent(), 'terms');
  assert.equal(await page.getByLabel('Your message').count(), 0);
  await page.getByRole('button', { name: 'Accept' }).click();

  const input = page.getByLabel('Your message');
  await input.fill('hello');
  await input.press('Enter');
  const log = page.getByRole('log');
  await log.getByText('Hi from the widget.').waitFor({ timeout: REPLY_TIMEOUT });
  await log.getByText('hello', { exact: true }).waitFor();
  await screenshot(page, 'widget');

  // on the server: one conversation of this agent, started by the widget without a key
  const [conversation] = await conversationsOf(agentId);
  assert.ok(conversation, 'the conversation is listed');
  await page.getByRole('button', { name: 'End', exact: true }).click();
  await page.getByText('How was this conversation?').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Helpful', exact: true }).click();
  await page.getByText('Thank you for your feedback.').waitFor({ timeout: 20_000 });
  let details;
  for (let i = 0; i < 40; i++) {
    details = await rawJson(`/v1/convai/conversations/${conversation.conversation_id}`);
    if (details.metadata?.feedback?.overall_score === 'like' && details.transcript?.some((t) => t.role === 'user')) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(details.metadata.feedback.overall_score, 'like', 'the feedback reached the server without a key');
  assert.ok(details.transcript.some((t) => t.role === 'user' && /hello/i.test(t.message)), JSON.stringify(details.transcript));
  assert.ok(details.transcript.some((t) => t.role === 'agent' && /Hi from the widget/.test(t.message)));
  assert.ok(page.requests.every((u) => u.startsWith(siteUrl) || u.startsWith(BASE_URL) || u.startsWith('ws') || u.startsWith('blob:')
    || u.startsWith('data:')), `nothing from elsewhere: ${page.requests.filter((u) => !u.startsWith(siteUrl) && !u.startsWith(BASE_URL))}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an agent whose allowlist excludes the page: the widget shows why, and no conversation starts', async () => {
  const agentId = await createAgent({
    conversation_config: { agent: { first_message: 'Welcome.', language: 'en', prompt: { prompt: PROMPT } } },
    platform_settings: { auth: { allowlist: [{ hostname: 'shop.example' }] } },
  });
  const page = await openSite(agentId);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 20_000 });
  assert.match(await alert.textContent(), /allowlist/);
  assert.equal(await page.getByRole('button', { name: 'Start a call' }).count(), 0);
  assert.equal(await page.getByRole('textbox').count(), 0);
  assert.deepEqual(await conversationsOf(agentId), []);
  await page.context().close();
});

test('the talk-to page shows the agent full page and holds a conversation; an unknown agent gets a clear page', async () => {
  const name = uniqueName('Shop assistant');
  const agentId = await createAgent({
    name,
    conversation_config: { agent: { first_message: '', language: 'en', prompt: { prompt: PROMPT } } },
    platform_settings: { widget: { shareable_page_text: 'Ask me anything about your order.' } },
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, permissions: ['microphone'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${BASE_URL}/talk-to?agent_id=${agentId}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('Ask me anything about your order.').waitFor();
  const input = page.getByLabel('Message');
  await input.waitFor({ timeout: 20_000 });
  assert.equal(await page.getByRole('button', { name: 'Collapse' }).count(), 0, 'expanded for good');
  await input.fill('hello');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('log').getByText('Hi from the widget.').waitFor({ timeout: REPLY_TIMEOUT });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scroll at 390 px');
  await screenshot(page, 'talk-to');
  await page.getByRole('button', { name: 'End', exact: true }).click();
  assert.deepEqual(errors, []);

  const missing = await page.goto(`${BASE_URL}/talk-to?agent_id=agent_missing0here`);
  assert.equal(missing.status(), 404);
  await page.getByRole('heading', { name: 'Agent not found' }).waitFor();
  await context.close();
});

test('a voice call through the widget: the agent speaks, the microphone says hello and is answered, mute and end', async () => {
  const agentId = await createAgent({
    conversation_config: { agent: { first_message: 'Welcome to the voice desk.', language: 'en', prompt: { prompt: PROMPT } } },
    platform_settings: { widget: { mic_muting_enabled: true } },
  });
  const page = await openSite(agentId, 'variant="expanded"');
  await page.getByRole('button', { name: 'Start a call' }).click({ timeout: 20_000 });
  const log = page.getByRole('log');
  // the agent's voice plays (the client reports the speaking mode only while its audio plays) and its words appear
  await page.getByRole('status').getByText('Talk to interrupt').waitFor({ timeout: REPLY_TIMEOUT });
  await log.getByText('Welcome to the voice desk.').waitFor({ timeout: REPLY_TIMEOUT });
  await page.getByRole('button', { name: 'Mute microphone' }).click();
  await page.getByRole('button', { name: 'Unmute microphone' }).click();
  // the fake microphone says "hello": its transcript appears as the user's message
  // the microphone loops "Hello, can you hear me?" (it may be caught mid-sentence first): the heard hello is answered
  await log.locator('.msg.user', { hasText: /hello/i }).first().waitFor({ timeout: REPLY_TIMEOUT });
  await log.getByText('Hi from the widget.').waitFor({ timeout: REPLY_TIMEOUT });
  await screenshot(page, 'widget-voice');
  await page.getByRole('button', { name: 'End', exact: true }).click();
  await page.getByRole('button', { name: 'New call' }).waitFor({ timeout: 20_000 });
  const [conversation] = await conversationsOf(agentId);
  assert.ok(conversation, 'the call is listed on the server');
  await page.context().close();
});

test('the element\'s attributes: dynamic-variables, override-text-only and colour attributes over the agent\'s settings', async () => {
  const agentId = await createAgent({
    conversation_config: { agent: { first_message: 'Hello {{customer}}, what can I do?', language: 'en', prompt: { prompt: PROMPT } } },
    platform_settings: { widget: { btn_color: '#1d4ed8' } },
  });
  const page = await openSite(agentId, 'override-text-only="true" button-color="#0a7d32" action-text="Chat to the shop" '
    + 'dynamic-variables=\'{"customer":"Ada"}\'');
  await page.getByText('Chat to the shop').waitFor({ timeout: 20_000 });
  assert.equal(await page.getByRole('button', { name: 'Start a call' }).count(), 0, 'text only: no call button');
  const start = page.getByRole('button', { name: 'Start a chat' });
  assert.equal(await start.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(10, 125, 50)', 'button-color wins');
  await start.click();
  const input = page.getByLabel('Message');
  await input.fill('hello');
  await input.press('Enter');
  const log = page.getByRole('log');
  await log.getByText('Hello Ada, what can I do?').waitFor({ timeout: REPLY_TIMEOUT });
  await log.getByText('Hi from the widget.').waitFor({ timeout: REPLY_TIMEOUT });
  const [conversation] = await conversationsOf(agentId);
  const details = await rawJson(`/v1/convai/conversations/${conversation.conversation_id}`);
  assert.equal(details.conversation_initiation_client_data?.dynamic_variables?.customer, 'Ada');
  await page.getByRole('button', { name: 'End', exact: true }).click();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the widget script and its resampler worklet are served for any origin, with nothing from a CDN in the script', async () => {
  const script = await fetch(`${BASE_URL}/convai-widget-embed.js`);
  assert.equal(script.status, 200);
  assert.equal(script.headers.get('access-control-allow-origin'), '*');
  const code = await script.text();
  assert.match(code, /convai-widget-libsamplerate\.worklet\.js/, 'the client is given the server\'s worklet, not the CDN default');
  const worklet = await fetch(`${BASE_URL}/convai-widget-libsamplerate.worklet.js`);
  assert.equal(worklet.status, 200);
  assert.match(worklet.headers.get('content-type'), /javascript/);
  assert.equal(worklet.headers.get('access-control-allow-origin'), '*');
  assert.ok((await worklet.arrayBuffer()).byteLength > 100_000);
});
