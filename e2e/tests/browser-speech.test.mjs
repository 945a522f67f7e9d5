// The Speech page in Chromium against the real engine: streamed playback with the spoken word highlighted, the
// history item on the server, downloads in two formats (checked by their magic bytes), a two-voice dialogue, and
// the server's error for a text over the model's limit.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openApp, screenshot } from '../lib/browser.mjs';
import { looksLikeMp3, rawJson } from '../lib/common.mjs';

const SLOW = 60_000;
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Resolves when `selector`'s <audio> has played: currentTime > 0 and a duration or buffered end > 0. */
async function waitPlayed(page, selector) {
  await page.waitForFunction((sel) => {
    const a = document.querySelector(sel);
    const end = a && a.buffered.length ? a.buffered.end(a.buffered.length - 1) : 0;
    return a && a.currentTime > 0 && ((Number.isFinite(a.duration) && a.duration > 0) || end > 0);
  }, selector, { timeout: SLOW });
}

async function downloadBytes(page, format, scope = page) {
  await scope.getByLabel('Output format').selectOption(format);
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), scope.getByRole('button', { name: 'Download' }).click()]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

test('Generate streams the speech into the player, highlights the spoken words, and keeps it in history', async () => {
  const page = await openApp(browser, '#/speech');
  const sentence = `The quick brown fox jumps over the lazy dog number ${Date.now() % 1000}.`;
  await page.getByLabel('Text', { exact: true }).fill(sentence);
  await page.getByText(new RegExp(`^${sentence.length} / 10\\D?000 characters`)).waitFor(); // any locale's digit grouping
  await page.getByRole('radio', { name: /Sally/ }).waitFor();
  await page.getByLabel('Search voices').fill('Morgan');
  await page.getByRole('radio', { name: /Sally/ }).waitFor({ state: 'detached' });
  const morgan = page.getByRole('radio', { name: /Morgan/ });
  await morgan.check();
  await page.getByLabel('Search voices').fill('');
  await page.getByRole('radio', { name: /Sally/ }).waitFor();
  assert.equal(await morgan.isChecked(), true, 'the choice survives the search');
  const voiceId = (await morgan.getAttribute('id')).replace('voice-', '');
  await page.getByRole('button', { name: 'Generate' }).click();

  await waitPlayed(page, 'audio[aria-label="Generated speech"]');
  const spoken = page.getByLabel('Spoken text');
  await spoken.locator('mark').first().waitFor({ timeout: SLOW });
  const highlighted = await spoken.locator('mark').first().textContent();
  assert.ok(sentence.includes(highlighted), `highlighted "${highlighted}" is a word of the sentence`);
  await screenshot(page, 'speech');
  // The highlight moves on with the audio: a later word is marked while it plays.
  await page.waitForFunction(() => {
    const m = document.querySelector('[aria-label="Spoken text"] mark');
    return m && m.textContent !== 'The';
  }, null, { timeout: SLOW });
  await page.getByText('Saved in').waitFor({ timeout: SLOW });

  let saved = false;
  for (let i = 0; i < 60 && !saved; i++) {
    const { history } = await rawJson(`/v1/history?page_size=20&voice_id=${voiceId}`);
    saved = history.some((h) => h.text === sentence);
    if (!saved) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(saved, 'the history holds the generated text');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Download saves the text in the chosen format: MP3 and WAV', async () => {
  const page = await openApp(browser, '#/speech');
  await page.getByLabel('Text', { exact: true }).fill('Downloads come in any format.');
  await page.getByRole('radio', { name: /Sally/ }).check();
  const preview = page.getByRole('button', { name: 'Preview Sally' });
  await preview.click();
  await page.getByRole('button', { name: 'Stop preview of Sally' }).click();
  await preview.waitFor();
  const mp3 = await downloadBytes(page, 'mp3_44100_128');
  assert.match(mp3.name, /\.mp3$/);
  assert.ok(mp3.bytes.length > 1000 && looksLikeMp3(mp3.bytes), 'an MP3 file');
  const wav = await downloadBytes(page, 'wav_16000');
  assert.match(wav.name, /\.wav$/);
  assert.equal(wav.bytes.subarray(0, 4).toString('latin1'), 'RIFF');
  assert.equal(wav.bytes.subarray(8, 12).toString('latin1'), 'WAVE');
  assert.ok(wav.bytes.length > 1000);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a dialogue of two voices plays and downloads', async () => {
  const page = await openApp(browser, '#/speech');
  await page.getByRole('tab', { name: 'Dialogue' }).click();
  await page.getByLabel('Line 1 voice').selectOption({ label: 'Sally' });
  await page.getByLabel('Line 1 text').fill('Good morning, how are you?');
  await page.getByLabel('Line 2 voice').selectOption({ label: 'Morgan' });
  await page.getByLabel('Line 2 text').fill('Very well, thank you.');
  await page.getByRole('button', { name: 'Generate dialogue' }).click();
  await waitPlayed(page, 'audio[aria-label="Generated dialogue"]');
  await screenshot(page, 'speech-dialogue');
  const panel = page.getByRole('tabpanel', { name: 'Dialogue' });
  const mp3 = await downloadBytes(page, 'mp3_44100_128', panel);
  assert.ok(looksLikeMp3(mp3.bytes) && mp3.bytes.length > 1000, 'the dialogue downloads as MP3');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a text over the model\'s limit shows the server\'s error', async () => {
  const page = await openApp(browser, '#/speech');
  await page.getByLabel('Model').selectOption('eleven_v3');
  await page.getByLabel('Text', { exact: true }).fill('a'.repeat(5001));
  await page.getByText(/^5\D?001 \/ 5\D?000 characters/).waitFor();
  await page.getByRole('radio', { name: /Sally/ }).check();
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('alert').filter({ hasText: 'at most 5000' }).waitFor({ timeout: SLOW });
  page.errors = page.errors.filter((e) => !e.includes('422'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at phone width the page does not scroll sideways', async () => {
  const page = await openApp(browser, '#/speech', { viewport: { width: 390, height: 800 } });
  await page.getByRole('radio', { name: /Sally/ }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await page.getByRole('tab', { name: 'Dialogue' }).click();
  await page.getByLabel('Line 1 text').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await screenshot(page, 'speech-phone');
  await page.context().close();
});
