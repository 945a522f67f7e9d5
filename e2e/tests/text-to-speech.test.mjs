// Text to speech through the official SDK: whole audio, stream, both with timestamps; output formats; errors.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  makeClient, apiError, readAll, looksLikeMp3, anyVoiceIds, ElevenLabsError, MODEL_ID,
} from '../lib/common.mjs';

const client = makeClient();
const TEXT = 'The quick brown fox jumps over the lazy dog. It was not amused, and neither was the cat.';
let voiceId;

test.before(async () => { [voiceId] = await anyVoiceIds(1); });

/** Every web-stream chunk as its own Buffer, in arrival order. */
async function chunksOf(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return chunks;
}

/** Offsets of consecutive MPEG audio frame headers from the start of `buf` (after an optional ID3v2 tag). */
function mp3FrameCount(buf) {
  const BITRATES = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  const RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };
  let i = 0, frames = 0;
  if (buf.subarray(0, 3).toString('latin1') === 'ID3') i = 10 + ((buf[6] << 21) | (buf[7] << 14) | (buf[8] << 7) | buf[9]);
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff || (buf[i + 1] & 0xe0) !== 0xe0) break;
    const version = (buf[i + 1] >> 3) & 3, layer = (buf[i + 1] >> 1) & 3;
    const bitrateIndex = buf[i + 2] >> 4, rateIndex = (buf[i + 2] >> 2) & 3, padding = (buf[i + 2] >> 1) & 1;
    if (layer !== 1 || !RATES[version] || rateIndex === 3 || bitrateIndex === 0 || bitrateIndex === 15) break;
    const kbps = version === 3 ? BITRATES[bitrateIndex] : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160][bitrateIndex];
    const len = Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / RATES[version][rateIndex]) + padding;
    i += len;
    frames++;
  }
  return { frames, consumed: i };
}

function assertAlignment(alignment, text, { durationSeconds } = {}) {
  assert.ok(alignment, 'an alignment');
  assert.equal(alignment.characters.join(''), text, 'the alignment characters join to the text');
  assert.equal(alignment.characterStartTimesSeconds.length, alignment.characters.length);
  assert.equal(alignment.characterEndTimesSeconds.length, alignment.characters.length);
  let last = 0;
  for (let i = 0; i < alignment.characters.length; i++) {
    const s = alignment.characterStartTimesSeconds[i], e = alignment.characterEndTimesSeconds[i];
    assert.ok(s >= last - 1e-9, `start times are monotone at ${i}: ${s} < ${last}`);
    assert.ok(e >= s, `character ${i} ends after it starts`);
    last = s;
  }
  if (durationSeconds !== undefined) {
    const end = alignment.characterEndTimesSeconds.at(-1);
    assert.ok(Math.abs(end - durationSeconds) < 0.15, `the last character ends with the audio: ${end} vs ${durationSeconds}`);
  }
}

test('textToSpeech.convert returns MP3 made of valid frames', async () => {
  const audio = await readAll(await client.textToSpeech.convert(voiceId, { text: TEXT, modelId: MODEL_ID, outputFormat: 'mp3_44100_128' }));
  assert.ok(looksLikeMp3(audio), 'MP3 frame sync or ID3 at the start');
  const { frames, consumed } = mp3FrameCount(audio);
  assert.ok(frames > 20, `many MP3 frames (${frames})`);
  assert.ok(consumed >= audio.length - 4, `frames run to the end: ${consumed} of ${audio.length}`);
});

test('textToSpeech.convert: pcm_16000, ulaw_8000 and opus_48000_64', async () => {
  const timed = await client.textToSpeech.convertWithTimestamps(voiceId, { text: TEXT, outputFormat: 'pcm_16000' });
  const pcmTimed = Buffer.from(timed.audioBase64, 'base64');
  const seconds = pcmTimed.length / 2 / 16000;

  const pcm = await readAll(await client.textToSpeech.convert(voiceId, { text: TEXT, outputFormat: 'pcm_16000' }));
  assert.equal(pcm.length % 2, 0, '16-bit samples');
  assert.ok(seconds > 1.5 && seconds < 30, `a plausible duration: ${seconds} s`);
  assert.ok(Math.abs(pcm.length - pcmTimed.length) <= 3200, `same length as the timestamped audio: ${pcm.length} vs ${pcmTimed.length}`);
  assertAlignment(timed.alignment, TEXT, { durationSeconds: seconds });

  const ulaw = await readAll(await client.textToSpeech.convert(voiceId, { text: TEXT, outputFormat: 'ulaw_8000' }));
  assert.ok(Math.abs(ulaw.length / 8000 - seconds) < 0.1, `one byte per sample at 8 kHz: ${ulaw.length} bytes for ${seconds} s`);

  const opus = await readAll(await client.textToSpeech.convert(voiceId, { text: TEXT, outputFormat: 'opus_48000_64' }));
  assert.equal(opus.subarray(0, 4).toString('latin1'), 'OggS', 'Ogg container');
  assert.ok(opus.includes(Buffer.from('OpusHead')), 'an Opus stream');
});

test('textToSpeech.stream delivers MP3 in chunks', async () => {
  const chunks = await chunksOf(await client.textToSpeech.stream(voiceId, { text: TEXT, modelId: MODEL_ID, outputFormat: 'mp3_44100_128' }));
  assert.ok(chunks.length >= 1, 'chunks arrive');
  const audio = Buffer.concat(chunks);
  assert.ok(looksLikeMp3(audio), 'the stream is MP3');
  assert.ok(mp3FrameCount(audio).frames > 20, 'made of MP3 frames');
});

test('textToSpeech.convertWithTimestamps aligns every character', async () => {
  const r = await client.textToSpeech.convertWithTimestamps(voiceId, { text: TEXT, modelId: MODEL_ID });
  const audio = Buffer.from(r.audioBase64, 'base64');
  assert.ok(looksLikeMp3(audio), 'base64 MP3');
  assertAlignment(r.alignment, TEXT);
  assert.ok(r.normalizedAlignment.characters.length > 0, 'a normalised alignment');
});

test('textToSpeech.streamWithTimestamps sends chunks whose alignments join to the text', async () => {
  const stream = await client.textToSpeech.streamWithTimestamps(voiceId, { text: TEXT, modelId: MODEL_ID, outputFormat: 'pcm_16000' });
  const chars = [], starts = [], ends = [];
  let bytes = 0, chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    bytes += Buffer.from(chunk.audioBase64, 'base64').length;
    if (chunk.alignment) {
      chars.push(...chunk.alignment.characters);
      starts.push(...chunk.alignment.characterStartTimesSeconds);
      ends.push(...chunk.alignment.characterEndTimesSeconds);
    }
  }
  assert.ok(chunks >= 1, 'chunks arrive');
  assertAlignment({ characters: chars, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends }, TEXT,
    { durationSeconds: bytes / 2 / 16000 });
});

test('errors: unknown voice is a 404, a bad output format a 422', async () => {
  await assert.rejects(client.textToSpeech.convert('no-such-voice-x', { text: 'Hello.' }), apiError(404));
  await assert.rejects(client.textToSpeech.stream('no-such-voice-x', { text: 'Hello.' }), apiError(404));
  // The SDK validates outputFormat itself and throws before sending (not an ElevenLabsError) ...
  await assert.rejects(client.textToSpeech.convert(voiceId, { text: 'Hello.', outputFormat: 'mp3_1_1' }),
    (e) => !(e instanceof ElevenLabsError));
  // ... so the server's answer is reached through an extra query parameter, which overrides the SDK's.
  await assert.rejects(client.textToSpeech.convert(voiceId, { text: 'Hello.' }, { queryParams: { output_format: 'mp3_1_1' } }),
    apiError(422));
  await assert.rejects(client.textToSpeech.convertWithTimestamps(voiceId, { text: '' }), apiError(422));
});
