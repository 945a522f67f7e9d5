// Instant cloning that changes the voice (voices.ivc.create) and voices.findSimilarVoices.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, uniqueName, makeSpeechLikeWav, readAll, anyVoiceIds, wavOf } from '../lib/common.mjs';

const client = makeClient();
const TEXT = 'The weather today is sunny with a light breeze from the west, and the evening will be calm.';

/** Median F0 (Hz) of 16 kHz s16le PCM: YIN-style difference function over 40 ms frames of the louder half. */
function medianPitch(pcm) {
  const x = new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.length / 2));
  const W = 400, minLag = 40, maxLag = 267, out = [];
  const frames = [];
  for (let at = 0; at + W + maxLag < x.length; at += 160) {
    let e = 0;
    for (let i = at; i < at + W; i++) e += x[i] * x[i];
    frames.push([at, e]);
  }
  const loud = Math.max(...frames.map((f) => f[1]));
  for (const [at, e] of frames) {
    if (e < loud * 0.01) continue;
    const d = new Float64Array(maxLag + 1);
    let running = 0;
    for (let tau = 1; tau <= maxLag; tau++) {
      let s = 0;
      for (let i = at; i < at + W; i++) { const v = x[i] - x[i + tau]; s += v * v; }
      running += s;
      d[tau] = running === 0 ? 1 : (s * tau) / running;
    }
    for (let tau = minLag; tau < maxLag; tau++) {
      if (d[tau] < 0.2) {
        while (tau + 1 < maxLag && d[tau + 1] < d[tau]) tau++;
        out.push(16000 / tau);
        break;
      }
    }
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)];
}

const semitones = (a, b) => 12 * Math.log2(a / b);
const pcm16k = async (voiceId, text = TEXT) =>
  readAll(await client.textToSpeech.convert(voiceId, { text, outputFormat: 'pcm_16000' }));

test('voices.ivc.create: the clone speaks with the sample speaker pitch, not the first premade voice', async () => {
  const sample = makeSpeechLikeWav({ seconds: 8, seed: 5 });
  const samplePitch = medianPitch(sample.subarray(44));
  const { voiceId } = await client.voices.ivc.create({
    name: uniqueName('e2e-clone-pitch'),
    files: [{ data: sample, filename: 'speaker.wav', contentType: 'audio/wav' }],
    removeBackgroundNoise: true,
  });
  try {
    const [first] = await anyVoiceIds(1);
    const premadePitch = medianPitch(await pcm16k(first));
    const clonePitch = medianPitch(await pcm16k(voiceId));
    assert.ok(Math.abs(semitones(clonePitch, premadePitch)) >= 1.5,
      `clone ${clonePitch.toFixed(1)} Hz vs first premade ${premadePitch.toFixed(1)} Hz`);
    assert.ok(Math.abs(semitones(clonePitch, samplePitch)) < Math.abs(semitones(premadePitch, samplePitch)),
      `clone ${clonePitch.toFixed(1)} Hz is closer to the sample's ${samplePitch.toFixed(1)} Hz than the premade voice`);
  } finally {
    await client.voices.delete(voiceId);
  }
});

test('voices.ivc.create: a silent sample is refused with a 400 naming the problem', async () => {
  const silent = wavOf(Buffer.alloc(16000 * 2 * 2), 16000);
  await assert.rejects(
    client.voices.ivc.create({ name: uniqueName('e2e-silent'), files: [{ data: silent, filename: 's.wav', contentType: 'audio/wav' }] }),
    (e) => e.statusCode === 400 && /no speech/.test(JSON.stringify(e.body)),
  );
});

test('voices.findSimilarVoices: a premade voice is found first for its own speech', async () => {
  const ids = await anyVoiceIds(2);
  const source = ids[1]; // with MaryTTS first: "Morgan", its voice 60 Hz lower
  const audio = wavOf(await pcm16k(source, 'Good morning. I would like to tell you about the weather in our town this week.'), 16000);
  const r = await client.voices.findSimilarVoices({ audioFile: { data: audio, filename: 'sample.wav', contentType: 'audio/wav' }, topK: 3 });
  assert.ok(Array.isArray(r.voices) && r.voices.length >= 1 && r.voices.length <= 3, JSON.stringify(r));
  assert.equal(r.voices[0].voiceId, source, `ranked ${r.voices.map((v) => v.voiceId).join(', ')}`);
  assert.equal(r.hasMore, false);
  const none = await client.voices.findSimilarVoices({ audioFile: { data: audio, filename: 'sample.wav', contentType: 'audio/wav' }, similarityThreshold: 0, topK: 5 });
  assert.equal(none.voices.length, 0);
});
