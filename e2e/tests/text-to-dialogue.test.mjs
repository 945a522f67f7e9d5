// Text to dialogue through the official SDK: one audio for several voices, streamed and with timestamps and voice segments.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  makeClient, apiError, readAll, looksLikeMp3, anyVoiceIds,
} from '../lib/common.mjs';

const client = makeClient();
let inputs;

test.before(async () => {
  const [a, b = a] = await anyVoiceIds(2);
  inputs = [
    { text: 'Knock knock.', voiceId: a },
    { text: 'Who is there?', voiceId: b },
    { text: 'Lettuce. Lettuce in, it is cold out here.', voiceId: a },
  ];
});

const fullText = () => inputs.map((i) => i.text).join('');

/** Voice segments: one per input, in order, covering its characters, non-overlapping in time. */
function assertSegments(segments, durationSeconds) {
  assert.equal(segments.length, inputs.length, 'one voice segment per input');
  let chars = 0, lastEnd = 0;
  segments.forEach((s, i) => {
    assert.equal(s.dialogueInputIndex, i, 'segments in input order');
    assert.equal(s.voiceId, inputs[i].voiceId, `segment ${i} has its input's voice`);
    assert.equal(s.characterStartIndex, chars, `segment ${i} starts where the previous ended`);
    chars += inputs[i].text.length;
    assert.equal(s.characterEndIndex, chars, `segment ${i} covers its text`);
    assert.ok(s.startTimeSeconds >= lastEnd - 1e-9 && s.endTimeSeconds > s.startTimeSeconds, `segment ${i} times are ordered`);
    lastEnd = s.endTimeSeconds;
  });
  if (durationSeconds !== undefined) assert.ok(Math.abs(lastEnd - durationSeconds) < 0.15, `segments reach the end: ${lastEnd} vs ${durationSeconds}`);
}

function assertAlignment(a) {
  assert.equal(a.characters.join(''), fullText(), 'alignment characters join to the concatenated inputs');
  for (let i = 1; i < a.characters.length; i++) {
    assert.ok(a.characterStartTimesSeconds[i] >= a.characterStartTimesSeconds[i - 1] - 1e-9, `monotone at ${i}`);
  }
}

test('textToDialogue.convert returns one MP3 for all inputs', async () => {
  const audio = await readAll(await client.textToDialogue.convert({ inputs, outputFormat: 'mp3_44100_128' }));
  assert.ok(looksLikeMp3(audio), 'MP3');
  const pcm = await readAll(await client.textToDialogue.convert({ inputs, outputFormat: 'pcm_16000' }));
  assert.equal(pcm.length % 2, 0);
  assert.ok(pcm.length / 32000 > 1.5, `all three lines are spoken: ${pcm.length / 32000} s`);
});

test('a dialogue is one history item with its lines', async () => {
  const { data, rawResponse } = await client.textToDialogue.convert({ inputs }).withRawResponse();
  await readAll(data);
  const id = rawResponse.headers.get('history-item-id');
  assert.ok(id, 'the response names its history item');
  const item = await client.history.get(id);
  assert.equal(item.dialogue.length, inputs.length, 'one dialogue line per input');
  item.dialogue.forEach((line, i) => {
    assert.equal(line.text, inputs[i].text);
    assert.equal(line.voiceId, inputs[i].voiceId);
    assert.equal(typeof line.voiceName, 'string');
  });
  assert.equal(item.modelId, 'eleven_v3', 'the dialogue default model');
});

test('textToDialogue.stream delivers the dialogue in chunks', async () => {
  const chunks = [];
  for await (const c of await client.textToDialogue.stream({ inputs, outputFormat: 'mp3_44100_128' })) chunks.push(Buffer.from(c));
  assert.ok(chunks.length > 1, `several chunks (${chunks.length})`);
  assert.ok(looksLikeMp3(Buffer.concat(chunks)), 'MP3');
});

test('textToDialogue.convertWithTimestamps: alignment over all inputs and a voice segment per input', async () => {
  const r = await client.textToDialogue.convertWithTimestamps({ inputs, outputFormat: 'pcm_16000' });
  const seconds = Buffer.from(r.audioBase64, 'base64').length / 32000;
  assertAlignment(r.alignment);
  assert.ok(r.normalizedAlignment.characters.length > 0, 'a normalised alignment');
  assertSegments(r.voiceSegments, seconds);
});

test('textToDialogue.streamWithTimestamps: chunks carry audio, alignment and the voice segments in order', async () => {
  const stream = await client.textToDialogue.streamWithTimestamps({ inputs, outputFormat: 'pcm_16000' });
  const characters = [], starts = [], segments = [];
  let bytes = 0, chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    assert.ok(Array.isArray(chunk.voiceSegments), 'every chunk has voice_segments');
    bytes += Buffer.from(chunk.audioBase64, 'base64').length;
    if (chunk.alignment) {
      characters.push(...chunk.alignment.characters);
      starts.push(...chunk.alignment.characterStartTimesSeconds);
    }
    segments.push(...chunk.voiceSegments);
  }
  assert.ok(chunks > 1, `several chunks (${chunks})`);
  assertAlignment({ characters, characterStartTimesSeconds: starts });
  assertSegments(segments, bytes / 32000);
});

test('textToDialogue errors: unknown voice 404, empty inputs and bad output format 422', async () => {
  await assert.rejects(client.textToDialogue.convert({ inputs: [{ text: 'Hi.', voiceId: 'no-such-voice-x' }] }), apiError(404));
  await assert.rejects(client.textToDialogue.convert({ inputs: [] }), apiError(422));
  await assert.rejects(client.textToDialogue.stream({ inputs }, { queryParams: { output_format: 'wav_1' } }), apiError(422));
});
