// The voice changer through the official SDK: a flite voice (one Timbre did not make) re-spoken in a Timbre voice,
// whole and streamed; the result is recognised again and its words compared with the source's, word by word.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  makeClient, apiError, readAll, looksLikeMp3, anyVoiceIds, wordErrorRate, wavOf,
} from '../lib/common.mjs';

const client = makeClient();
const TEXT = 'The weather today is sunny with a light breeze. Please call me back when you have finished reading the report.';
// E2E_ENGINE=fake (see run.sh): the fake TTS engine cannot re-speak words, and the fake recogniser hears none.
const FAKE_TTS = process.env.E2E_ENGINE === 'fake';
let voiceId;
let source; // a WAV of TEXT spoken by flite's rms voice, or null without flite

function flite(text) {
  const dir = mkdtempSync(join(tmpdir(), 'sts-'));
  try {
    execFileSync('flite', ['-voice', 'rms', '-t', text, '-o', join(dir, 'a.wav')]);
    return readFileSync(join(dir, 'a.wav'));
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.before(async () => {
  [voiceId] = await anyVoiceIds(1);
  source = flite(TEXT);
});

const blob = (buf, type = 'audio/wav') => new Blob([buf], { type });

async function transcribe(wav) {
  return client.speechToText.convert({ file: blob(wav), modelId: 'scribe_v1' });
}

/** Mean absolute start difference (s) of equal words, paired in order, each looked for a few words ahead. */
function startDifference(a, b) {
  const x = a.words.filter((w) => w.type === 'word'), y = b.words.filter((w) => w.type === 'word');
  let sum = 0, n = 0, j = 0;
  for (const w of x) {
    for (let k = j; k < Math.min(y.length, j + 4); k++) {
      if (y[k].text.toLowerCase() === w.text.toLowerCase()) { sum += Math.abs(w.start - y[k].start); n++; j = k + 1; break; }
    }
  }
  return { mean: n ? sum / n : NaN, n };
}

test('speechToSpeech.convert re-speaks the words at their times in another voice', async (t) => {
  if (FAKE_TTS || !source) { t.skip(FAKE_TTS ? 'the fake engines cannot convert speech' : 'flite is not installed'); return; }
  const { data, rawResponse } = await client.speechToSpeech.convert(voiceId, {
    audio: blob(source), modelId: 'eleven_english_sts_v2', outputFormat: 'pcm_16000',
  }).withRawResponse();
  const pcm = await readAll(data);
  assert.ok(rawResponse.headers.get('history-item-id'), 'the response names its history item');
  assert.equal(pcm.length % 2, 0);
  const sourceSeconds = (source.length - 44) / 32000;
  assert.ok(Math.abs(pcm.length / 32000 - sourceSeconds) < 0.5, `as long as the source: ${pcm.length / 32000} vs ${sourceSeconds} s`);
  const heardSource = await transcribe(source), heardOut = await transcribe(wavOf(pcm, 16000));
  const srcWer = wordErrorRate(TEXT, heardSource.text), outWer = wordErrorRate(TEXT, heardOut.text);
  assert.ok(outWer <= srcWer + 0.15, `converted WER ${outWer} vs source ${srcWer}: "${heardOut.text}"`);
  const d = startDifference(heardSource, heardOut);
  assert.ok(d.n >= 10 && d.mean <= 0.1, `word starts within 100 ms on average: ${JSON.stringify(d)}`);
  const item = await client.history.get(rawResponse.headers.get('history-item-id'));
  assert.equal(item.source, 'STS');
});

test('speechToSpeech.stream streams MP3 by default', async (t) => {
  if (FAKE_TTS || !source) { t.skip('needs the real engines and flite'); return; }
  const audio = await readAll(await client.speechToSpeech.stream(voiceId, {
    audio: blob(source), removeBackgroundNoise: true, voiceSettings: JSON.stringify({ stability: 0.4 }), seed: 3,
  }));
  assert.ok(looksLikeMp3(audio), 'MP3');
  assert.ok(audio.length > 20000, `a few seconds of MP3: ${audio.length} bytes`);
});

test('bad input is an ElevenLabs-shaped error', async () => {
  const wav = source ?? wavOf(Buffer.alloc(32000), 16000);
  await assert.rejects(client.speechToSpeech.convert('no_such_voice_id', { audio: blob(wav) }), apiError(404));
  await assert.rejects(client.speechToSpeech.convert(voiceId, { audio: blob(wav), modelId: 'eleven_multilingual_v2' }), apiError(422));
  await assert.rejects(client.speechToSpeech.convert(voiceId, { audio: blob(wav), voiceSettings: '{oops' }), apiError(422));
  if (!FAKE_TTS) {
    await assert.rejects(client.speechToSpeech.convert(voiceId, { audio: blob(Buffer.from('not audio')) }), apiError(400));
    await assert.rejects(client.speechToSpeech.convert(voiceId, { audio: blob(wavOf(Buffer.alloc(32000), 16000)) }), apiError(400));
  }
});
