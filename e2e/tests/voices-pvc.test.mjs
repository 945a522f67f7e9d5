// Professional voice cloning through elevenlabs-js voices.pvc.*: create -> update -> samples (add, audio, waveform,
// speakers: separate, status, audio; update; delete) -> captcha (get, verify) and manual verification -> train ->
// fine_tuned -> the voice speaks (and, on real engines, transcribes back).
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, raw, rawJson, uniqueName, wavOf, readAll, wordErrorRate, listVoicesRaw, MODEL_ID } from '../lib/common.mjs';

const client = makeClient();
const FAKE_TTS = process.env.E2E_ENGINE === 'fake';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** 16 kHz PCM of `text` spoken by a premade voice. */
async function pcm(voiceId, text) {
  const r = await client.textToSpeech.convertWithTimestamps(voiceId, { text, outputFormat: 'pcm_16000' });
  return Buffer.from(r.audioBase64, 'base64');
}

async function until(what, fn, ok, ms = 90000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (ok(last)) return last;
    await sleep(250);
  }
  assert.fail(`${what} did not finish: ${JSON.stringify(last)}`);
}

test('voices.pvc: a professional clone from samples to a trained voice', async (t) => {
  const voices = await listVoicesRaw();
  const byName = (n) => voices.find((v) => v.name === n && v.category === 'premade');
  // the speaker and another voice: MaryTTS's "Morgan" and "Sally" (60 Hz apart), else the first two premade voices
  const premade = voices.filter((v) => v.category === 'premade');
  const speaker = (byName('Morgan') || premade[0]).voice_id;
  const stranger = (byName('Sally') || premade[1] || premade[0]).voice_id;
  const silence = Buffer.alloc(16000);
  const name = uniqueName('e2e pvc');
  let voiceId; let sampleIds;

  await t.test('pvc.create and pvc.update', async () => {
    const r = await client.voices.pvc.create({ name, language: 'en', labels: { accent: 'american' } });
    voiceId = r.voiceId;
    assert.equal(typeof voiceId, 'string');
    await client.voices.pvc.update(voiceId, { name: `${name} v2` });
    const v = await client.voices.get(voiceId);
    assert.equal(v.category, 'professional');
    assert.equal(v.name, `${name} v2`);
    assert.equal(v.fineTuning.language, 'en');
    assert.ok(Object.values(v.fineTuning.state).every((s) => s === 'not_started'), JSON.stringify(v.fineTuning.state));
    assert.equal(v.voiceVerification.requiresVerification, true);
  });

  await t.test('pvc.samples.create, audio.get, waveform.get', async () => {
    const a = wavOf(Buffer.concat([await pcm(speaker, 'My brother drives to work every morning before the sun comes up.'), silence,
      await pcm(speaker, 'We walked along the river and watched the boats go by.')]), 16000);
    const b = wavOf(Buffer.concat([await pcm(speaker, 'The children played in the garden until it started to rain.'), silence, silence,
      await pcm(stranger, 'Please call me back when you have finished reading the report.')]), 16000);
    const added = await client.voices.pvc.samples.create(voiceId, {
      files: [{ data: a, filename: 'a.wav', contentType: 'audio/wav' }, { data: b, filename: 'b.wav', contentType: 'audio/wav' }],
    });
    assert.equal(added.length, 2);
    sampleIds = added.map((s) => s.sampleId);
    const audio = await client.voices.pvc.samples.audio.get(voiceId, sampleIds[0], { removeBackgroundNoise: false });
    assert.equal(audio.mediaType, 'audio/wav');
    assert.ok(Math.abs(audio.durationSecs - (a.length - 44) / 32000) < 0.01, `${audio.durationSecs}`);
    assert.equal(Buffer.from(audio.audioBase_64 ?? audio.audioBase64, 'base64').subarray(0, 4).toString('latin1'), 'RIFF');
    const wave = await client.voices.pvc.samples.waveform.get(voiceId, sampleIds[0]);
    assert.equal(wave.sampleId, sampleIds[0]);
    assert.ok(wave.visualWaveform.length > 10 && wave.visualWaveform.every((x) => x >= 0 && x <= 1));
  });

  await t.test('pvc.samples.speakers: separate, status, a speaker\'s audio; samples.update chooses it', async () => {
    const before = await client.voices.pvc.samples.speakers.get(voiceId, sampleIds[1]);
    assert.equal(before.status, 'not_started');
    assert.equal((await client.voices.pvc.samples.speakers.separate(voiceId, sampleIds[1])).status, 'ok');
    const done = await until('separation', () => client.voices.pvc.samples.speakers.get(voiceId, sampleIds[1]), (s) => s.status !== 'pending');
    assert.equal(done.status, 'completed');
    const ids = Object.keys(done.speakers);
    assert.ok(ids.length >= 1, JSON.stringify(done));
    const first = await client.voices.pvc.samples.speakers.audio.get(voiceId, sampleIds[1], ids[0]);
    assert.equal(first.mediaType, 'audio/wav');
    assert.ok(first.durationSecs > 1);
    await client.voices.pvc.samples.update(voiceId, sampleIds[1], { selectedSpeakerIds: [ids[0]], trimStartTime: 0 });
    const chosen = await client.voices.pvc.samples.speakers.get(voiceId, sampleIds[1]);
    assert.deepEqual(chosen.selectedSpeakerIds, [ids[0]]);
  });

  await t.test('captcha: get, a stranger or other words are refused, the speaker is accepted; manual verification', async () => {
    await client.voices.pvc.verification.captcha.get(voiceId); // the SDK returns nothing; the text comes raw
    const { text } = await rawJson(`/v1/voices/pvc/${voiceId}/captcha`);
    assert.equal(typeof text, 'string');
    const send = async (voice, words) => client.voices.pvc.verification.captcha.verify(voiceId, {
      recording: { data: wavOf(await pcm(voice, words), 16000), filename: 'captcha.wav', contentType: 'audio/wav' },
    });
    await assert.rejects(send(speaker, 'Seven purple elephants juggle quietly behind the old lighthouse.'), apiError(400));
    if (FAKE_TTS) return; // tones carry no words: the captcha cannot be read
    if (stranger !== speaker) await assert.rejects(send(stranger, text), apiError(400));
    assert.equal((await send(speaker, text)).status, 'ok');
    const v = await client.voices.get(voiceId);
    assert.equal(v.voiceVerification.isVerified, true);
    const manual = await client.voices.pvc.verification.request(voiceId, {
      files: [{ data: Buffer.from('%PDF-1.4 e2e'), filename: 'consent.pdf', contentType: 'application/pdf' }], extraText: 'my own voice',
    });
    assert.equal(manual.status, 'ok');
    assert.equal((await client.voices.get(voiceId)).fineTuning.manualVerificationRequested, true);
  });

  await t.test('pvc.train runs to fine_tuned and the voice speaks', async (tt) => {
    if (FAKE_TTS) { tt.skip('the fake engine cannot pass the captcha, so the voice is not verified'); return; }
    assert.equal((await client.voices.pvc.train(voiceId, { modelId: MODEL_ID })).status, 'ok');
    const v = await until('training', () => client.voices.get(voiceId), (x) => ['fine_tuned', 'failed'].includes(x.fineTuning.state[MODEL_ID]));
    assert.equal(v.fineTuning.state[MODEL_ID], 'fine_tuned', JSON.stringify(v.fineTuning));
    assert.equal(v.fineTuning.progress[MODEL_ID], 1);
    const sentence = 'The weather today is sunny with a light breeze from the west.';
    const r = await client.speechToText.convert({ file: new Blob([wavOf(await pcm(voiceId, sentence), 16000)], { type: 'audio/wav' }), modelId: 'scribe_v1' });
    assert.ok(wordErrorRate(sentence, r.text) <= 0.35, `heard "${r.text}"`);
    const mp3 = await readAll(await client.textToSpeech.convert(voiceId, { text: sentence, modelId: MODEL_ID }));
    assert.ok(mp3.length > 1000);
  });

  await t.test('samples.delete, refusals, and the voice is deleted', async () => {
    assert.equal((await client.voices.pvc.samples.delete(voiceId, sampleIds[0])).status, 'ok');
    await assert.rejects(client.voices.pvc.samples.audio.get(voiceId, sampleIds[0]), apiError(404));
    await assert.rejects(client.voices.pvc.train('nosuchvoice0000000000'), apiError(404));
    const premadeId = premade[0].voice_id;
    await assert.rejects(client.voices.pvc.samples.waveform.get(premadeId, 'x'), apiError(400));
    const bad = await raw(`/v1/voices/pvc/${voiceId}/samples`, { method: 'POST', body: (() => { const f = new FormData(); f.append('files', new Blob(['not audio']), 'x.wav'); return f; })() });
    assert.equal(bad.status, 400);
    await client.voices.delete(voiceId);
    await assert.rejects(client.voices.get(voiceId), apiError(404));
  });
});
