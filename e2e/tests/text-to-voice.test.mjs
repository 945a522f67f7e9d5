// Voice design: textToVoice.design / createPreviews / remix / create and textToVoice.preview.stream through elevenlabs-js.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, raw, uniqueName, looksLikeMp3, readAll, tts } from '../lib/common.mjs';

const client = makeClient();
const DESCRIPTION = 'A deep, calm British man in his fifties with a warm, measured voice';

function checkPreviews(r, { mediaType = 'audio/mpeg' } = {}) {
  assert.equal(r.previews.length, 3, 'three previews');
  assert.ok(r.text.length >= 100 && r.text.length <= 1000, `auto text of ${r.text.length} characters`);
  assert.equal(new Set(r.previews.map((p) => p.generatedVoiceId)).size, 3, 'distinct generated voice ids');
  for (const p of r.previews) {
    assert.equal(p.mediaType, mediaType);
    assert.ok(p.durationSecs > 1, `duration ${p.durationSecs}`);
  }
}

test('textToVoice.design: three previews, MP3 by default, kept for the stream endpoint', async () => {
  const r = await client.textToVoice.design({ voiceDescription: DESCRIPTION, seed: 5 });
  checkPreviews(r);
  for (const p of r.previews) assert.ok(looksLikeMp3(Buffer.from(p.audioBase64, 'base64')), 'MP3 audio');
  const streamed = await readAll(await client.textToVoice.preview.stream(r.previews[0].generatedVoiceId));
  assert.ok(looksLikeMp3(streamed) && streamed.length > 1000, `streamed ${streamed.length} bytes`);

  const again = await client.textToVoice.design({ voiceDescription: DESCRIPTION, seed: 5 });
  assert.deepEqual(again.previews.map((p) => p.audioBase64), r.previews.map((p) => p.audioBase64), 'a seed repeats the design');
});

test('textToVoice.design: own text and pcm_16000 (duration from the byte count)', async () => {
  const text = 'Good evening, and welcome to the late news. Here is a summary of the stories we are following tonight.';
  const r = await client.textToVoice.design({ voiceDescription: 'A young woman with a bright, lively voice', text, outputFormat: 'pcm_16000' });
  checkPreviews(r, { mediaType: 'audio/pcm' });
  assert.equal(r.text, text);
  for (const p of r.previews) {
    const bytes = Buffer.from(p.audioBase64, 'base64').length;
    assert.ok(Math.abs(bytes / 32000 - p.durationSecs) < 0.01, `${bytes} bytes vs ${p.durationSecs} s`);
  }
});

test('textToVoice.createPreviews: the older name of design', async () => {
  checkPreviews(await client.textToVoice.createPreviews({ voiceDescription: DESCRIPTION, autoGenerateText: true }));
});

test('textToVoice.create: a preview becomes a generated voice that speaks, and remix changes it', async () => {
  const designed = await client.textToVoice.design({ voiceDescription: DESCRIPTION });
  const name = uniqueName('designed');
  const voice = await client.textToVoice.create({
    voiceName: name, voiceDescription: DESCRIPTION, generatedVoiceId: designed.previews[0].generatedVoiceId,
    labels: { use_case: 'narration' },
  });
  assert.equal(voice.name, name);
  assert.equal(voice.category, 'generated');
  assert.equal(voice.labels.use_case, 'narration');
  assert.equal((await client.voices.get(voice.voiceId)).category, 'generated');
  assert.ok(looksLikeMp3(await tts(client, voice.voiceId, 'Good morning. The kettle is on.')));

  const remixed = await client.textToVoice.remix(voice.voiceId, { voiceDescription: 'Make the voice higher and faster.' });
  checkPreviews(remixed);
  const second = await client.textToVoice.create({
    voiceName: `${name} remixed`, voiceDescription: 'The same narrator, higher and faster than before.',
    generatedVoiceId: remixed.previews[0].generatedVoiceId,
  });
  assert.equal(second.category, 'generated');
  await client.voices.delete(second.voiceId);
  await client.voices.delete(voice.voiceId);
});

test('text-to-voice errors: 422 for bad descriptions and texts, 404 for unknown ids', async () => {
  await assert.rejects(client.textToVoice.design({ voiceDescription: 'too short' }), apiError(422));
  await assert.rejects(client.textToVoice.design({ voiceDescription: 'x'.repeat(1001) }), apiError(422));
  await assert.rejects(client.textToVoice.design({ voiceDescription: DESCRIPTION, text: 'Too short a text.' }), apiError(422));
  await assert.rejects(client.textToVoice.create({ voiceName: 'x', voiceDescription: DESCRIPTION, generatedVoiceId: 'unknown0000' }),
    apiError(404));
  await assert.rejects(client.textToVoice.remix('unknown0000', { voiceDescription: 'Make the voice a little higher.' }), apiError(404));
  const r = await raw('/v1/text-to-voice/unknown0000/stream');
  assert.equal(r.status, 404);
  const body = await raw('/v1/text-to-voice/design', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ voice_description: DESCRIPTION, loudness: 3 }) });
  assert.equal(body.status, 422);
  assert.deepEqual((await body.json()).detail[0].loc, ['body', 'loudness']);
});
