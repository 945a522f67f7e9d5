// The Transcribe page in Chromium: an upload transcribed into clickable, timed words (the player seeks to a word),
// the exports downloaded, two voices told apart by colour, and live transcription from a (fake) microphone over the
// realtime socket. The speech is made with espeak-ng, a voice independent of Timbre's own TTS; Timbre's default
// recogniser (pocketsphinx) hears espeak-ng's robotic voice only roughly, so words are compared loosely.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openApp, screenshot } from '../lib/browser.mjs';
import { rawJson, wavOf } from '../lib/common.mjs';

const SENTENCE = 'Hello my name is John and I live in New York';
const SECOND = 'The children are playing in the park with their dog';
const dir = mkdtempSync(join(tmpdir(), 'browser-transcribe-'));
let browser;

const words = (t) => t.toLowerCase().replace(/[^a-z' ]/g, ' ').split(/\s+/).filter(Boolean);
/** Share of the sentence's words that were heard (each heard word counts once). */
function heardShare(sentence, heard) {
  const pool = words(heard);
  let hits = 0;
  for (const w of words(sentence)) {
    const k = pool.indexOf(w);
    if (k >= 0) { hits++; pool.splice(k, 1); }
  }
  return hits / words(sentence).length;
}

/** espeak-ng's speech of `text` as { pcm, rate } (its WAV's data chunk). */
function espeak(text, args = []) {
  const file = join(dir, `espeak-${Math.random().toString(36).slice(2)}.wav`);
  execFileSync('espeak-ng', [...args, '-w', file, text]);
  const wav = readFileSync(file);
  let o = 12;
  let rate = 22050;
  while (o + 8 <= wav.length) {
    const id = wav.toString('latin1', o, o + 4);
    const size = wav.readUInt32LE(o + 4);
    if (id === 'fmt ') rate = wav.readUInt32LE(o + 12);
    if (id === 'data') return { pcm: wav.subarray(o + 8, Math.min(wav.length, o + 8 + size)), rate };
    o += 8 + size + (size % 2);
  }
  throw new Error('no data chunk in espeak-ng output');
}
const silence = (seconds, rate) => Buffer.alloc(Math.round(seconds * rate) * 2);

let single, duo, live;
before(async () => {
  browser = await launchBrowser();
  const a = espeak(SENTENCE, ['-v', 'en-us', '-s', '130']);
  single = join(dir, 'hello.wav');
  writeFileSync(single, wavOf(a.pcm, a.rate));
  const b = espeak(SECOND, ['-v', 'en-us', '-p', '25', '-s', '130']);
  const c = espeak(SENTENCE, ['-v', 'en-us+f3', '-p', '80', '-s', '150']);
  duo = join(dir, 'two-voices.wav');
  writeFileSync(duo, wavOf(Buffer.concat([b.pcm, silence(0.7, b.rate), c.pcm]), b.rate));
  // The fake microphone loops this file: speech, then 2 s of silence for the server's VAD to commit on.
  live = join(dir, 'live.wav');
  writeFileSync(live, wavOf(Buffer.concat([silence(0.3, a.rate), a.pcm, silence(2, a.rate)]), a.rate));
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function transcribe(page, file) {
  await page.getByLabel('Audio or video file').setInputFiles(file);
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await page.getByRole('heading', { name: 'Transcript', exact: true }).waitFor({ timeout: 90_000 });
  return page.getByRole('group', { name: 'Transcript' });
}

async function downloaded(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync(await dl.path());
}

test('an upload is transcribed into timed words: a click seeks the player; srt, txt, docx and pdf download', async () => {
  const page = await openApp(browser, '#/transcribe');
  await page.getByRole('heading', { level: 1, name: 'Transcribe' }).waitFor();
  const transcript = await transcribe(page, single);
  const buttons = transcript.getByRole('button');
  await buttons.first().waitFor();
  const shown = (await buttons.allTextContents()).join(' ');
  assert.ok(heardShare(SENTENCE, shown) >= 0.4, `heard "${shown}" for "${SENTENCE}"`);

  // The page shows what the server stored.
  const id = await page.locator('.result code').textContent();
  const stored = await rawJson(`/v1/speech-to-text/transcripts/${id}`);
  assert.deepEqual(words(shown), words(stored.text));

  // A click on a later word seeks the player to the word's start and plays; the word is highlighted.
  const audio = page.getByLabel('Transcribed audio');
  await page.waitForFunction(() => document.querySelector('.transcript-audio')?.duration > 0);
  const count = await buttons.count();
  const word = buttons.nth(Math.min(count - 1, Math.floor(count / 2)));
  const start = Number(await word.getAttribute('data-start'));
  assert.ok(start > 0.3, `word start ${start}`);
  await word.click();
  const t = await audio.evaluate((el) => el.currentTime);
  assert.ok(t >= start - 0.05 && t < start + 1.0, `currentTime ${t} after clicking a word starting at ${start}`);
  await page.waitForFunction(() => { const a = document.querySelector('.transcript-audio'); return a.currentTime > 0 && !a.paused; });
  await transcript.locator('[aria-current="true"]').first().waitFor();
  await audio.evaluate((el) => el.pause());
  await screenshot(page, 'transcribe');
  // The words are buttons: Enter on the first one seeks back to its start.
  const first = buttons.first();
  const firstStart = Number(await first.getAttribute('data-start'));
  await first.focus();
  await page.keyboard.press('Enter');
  const t0 = await audio.evaluate((el) => el.currentTime);
  assert.ok(t0 >= firstStart - 0.05 && t0 < firstStart + 1.0, `currentTime ${t0} after Enter on a word starting at ${firstStart}`);
  await audio.evaluate((el) => el.pause());

  const srt = (await downloaded(page, 'Download SRT')).toString('utf8');
  assert.ok(srt.startsWith('1\n00:00:'), srt.slice(0, 40));
  const txt = (await downloaded(page, 'Download TXT')).toString('utf8');
  for (const w of words(shown)) assert.ok(words(txt).includes(w), `txt "${txt}" lacks "${w}"`);
  const docx = await downloaded(page, 'Download DOCX');
  assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
  const pdf = await downloaded(page, 'Download PDF');
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('mistakes are alerts: no audio chosen, a language code the server refuses', async () => {
  const page = await openApp(browser, '#/transcribe');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Choose an audio file' }).waitFor();
  await page.getByLabel('Audio or video file').setInputFiles(single);
  await page.getByLabel('Language').fill('qq');
  await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: /language_code.*'qq'/ }).waitFor({ timeout: 60_000 });
  assert.equal(await page.getByRole('heading', { name: 'Transcript', exact: true }).count(), 0);
  await page.context().close();
});

test('two voices with diarize: a legend names the speakers and their words have different colours', async () => {
  const page = await openApp(browser, '#/transcribe');
  await page.getByLabel('Identify speakers (diarize)').check();
  await page.getByLabel('Number of speakers').fill('2');
  const transcript = await transcribe(page, duo);
  const legend = page.getByRole('list', { name: 'Speakers' });
  await legend.waitFor();
  const speakers = await legend.getByRole('listitem').count();
  assert.ok(speakers >= 1);
  // Timbre's diarizer separates these two espeak-ng voices (a low male and a high female voice).
  assert.equal(speakers, 2, 'two speakers in the legend');
  const colours = await transcript.getByRole('button').evaluateAll((bs) => [...new Set(bs.map((b) => getComputedStyle(b).color))]);
  assert.equal(colours.length, 2, `word colours ${colours}`);
  await screenshot(page, 'transcribe-speakers');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at phone width the page and a transcript fit without sideways scrolling', async () => {
  const page = await openApp(browser, '#/transcribe', { viewport: { width: 390, height: 800 } });
  const transcript = await transcribe(page, single);
  await transcript.getByRole('button').first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width} px wide`);
  await screenshot(page, 'transcribe-phone');
  await page.context().close();
});

test('a recording from the microphone becomes a WAV that is played back and transcribed', async () => {
  const micBrowser = await launchBrowser({ fakeAudio: live });
  try {
    const page = await openApp(micBrowser, '#/transcribe');
    await page.getByRole('button', { name: 'Record from microphone' }).click();
    // The fake microphone's file is about 5.5 s: record one pass of it.
    await page.getByRole('status').filter({ hasText: /Recording 0:0[6-9]/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByRole('status').filter({ hasText: /Selected: recording-.*\.wav/ }).waitFor();
    const duration = await page.getByLabel('Selected audio').evaluate((el) => new Promise((resolve) => {
      if (el.duration > 0) resolve(el.duration); else el.addEventListener('loadedmetadata', () => resolve(el.duration));
    }));
    assert.ok(duration >= 5 && duration < 12, `recording lasts ${duration} s`);
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    const transcript = page.getByRole('group', { name: 'Transcript' });
    await transcript.getByRole('button').first().waitFor({ timeout: 90_000 });
    const shown = (await transcript.getByRole('button').allTextContents()).join(' ');
    assert.ok(heardShare(SENTENCE, shown) >= 0.3, `heard "${shown}" for "${SENTENCE}"`);
    assert.deepEqual(page.errors, []);
  } finally {
    await micBrowser.close();
  }
});

test('live: the microphone is transcribed over the realtime socket, committed text appears', async () => {
  const micBrowser = await launchBrowser({ fakeAudio: live });
  try {
    const page = await openApp(micBrowser, '#/transcribe');
    await page.getByRole('button', { name: 'Start live transcription' }).click();
    await page.getByRole('status').filter({ hasText: 'Listening' }).waitFor({ timeout: 20_000 });
    const committed = page.locator('.live-text .committed');
    await committed.first().waitFor({ timeout: 60_000 });
    // The loop repeats the sentence: wait until what was committed holds enough of it.
    await page.waitForFunction((s) => {
      const heard = [...document.querySelectorAll('.live-text .committed')].map((p) => p.textContent).join(' ').toLowerCase();
      return s.filter((w) => heard.split(/[^a-z']+/).includes(w)).length >= 3;
    }, words(SENTENCE), { timeout: 60_000 });
    await screenshot(page, 'transcribe-live');
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Start live transcription' }).waitFor({ timeout: 20_000 });
    const text = (await committed.allTextContents()).join(' ');
    assert.ok(heardShare(SENTENCE, text) >= 0.3, `heard "${text}" for "${SENTENCE}"`);
    assert.deepEqual(page.errors, []);
  } finally {
    await micBrowser.close();
  }
});
