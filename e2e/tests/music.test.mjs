// Music through the official SDK: composition plans, compose (whole, streamed, detailed multipart) with exact lengths.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, readAll, looksLikeMp3 } from '../lib/common.mjs';

const client = makeClient();

const sum = (plan) => plan.sections.reduce((t, s) => t + s.durationMs, 0);

test('compositionPlan.create plans sections that add up to the length', async () => {
  const plan = await client.music.compositionPlan.create({ prompt: 'Upbeat funk with electric guitar and brass, no vocals', musicLengthMs: 24000 });
  assert.ok(plan.sections.length >= 2, `several sections: ${plan.sections.map((s) => s.sectionName)}`);
  assert.equal(sum(plan), 24000);
  assert.ok(plan.positiveGlobalStyles.includes('funk'), `styles from the prompt: ${plan.positiveGlobalStyles}`);
  assert.ok(plan.negativeGlobalStyles.includes('vocals'));
  const edited = await client.music.compositionPlan.create({ prompt: 'add a bridge', sourceCompositionPlan: plan, musicLengthMs: 30000 });
  assert.ok(edited.sections.some((s) => s.sectionName === 'Bridge'));
  assert.equal(sum(edited), 30000);
});

test('compose renders a plan exactly as long as its sections', async () => {
  const compositionPlan = {
    positiveGlobalStyles: ['pop', '110 bpm'], negativeGlobalStyles: [],
    sections: [
      { sectionName: 'Intro', positiveLocalStyles: [], negativeLocalStyles: [], durationMs: 3500, lines: [] },
      { sectionName: 'Chorus', positiveLocalStyles: ['piano'], negativeLocalStyles: [], durationMs: 6500, lines: [] },
    ],
  };
  const pcm = await readAll(await client.music.compose({ compositionPlan, outputFormat: 'pcm_16000', respectSectionsDurations: true }));
  assert.ok(Math.abs(pcm.length / 2 - 160000) <= 160, `10 s of 16 kHz PCM within 10 ms: ${pcm.length / 2} samples`);
  const mp3 = await readAll(await client.music.compose({ prompt: 'calm ambient pads', musicLengthMs: 10000 }));
  assert.ok(looksLikeMp3(mp3), 'MP3 by default');
});

test('stream sends the song in several chunks', async () => {
  const stream = await client.music.stream({ prompt: 'driving rock anthem', musicLengthMs: 30000, outputFormat: 'pcm_22050' });
  let chunks = 0, bytes = 0;
  for await (const c of stream) { chunks++; bytes += c.length; }
  assert.ok(chunks > 1, `chunks: ${chunks}`);
  assert.ok(Math.abs(bytes / 2 - 22050 * 30) <= 221, `30 s: ${bytes / 2 / 22050} s`);
});

test('composeDetailed parses the multipart answer: plan, metadata and audio', async () => {
  const r = await client.music.composeDetailed({ prompt: 'a gentle folk song with acoustic guitar', musicLengthMs: 12000, outputFormat: 'pcm_16000' });
  assert.equal(sum(r.json.compositionPlan), 12000);
  assert.ok(r.json.songMetadata.genres.includes('folk'), `genres: ${r.json.songMetadata.genres}`);
  assert.equal(typeof r.json.songMetadata.title, 'string');
  assert.equal(r.audio.length / 2, 16000 * 12, 'the audio part is exactly 12 s');
  assert.ok(r.filename.endsWith('.pcm'), r.filename);
  assert.ok(r.songId, 'song-id header');
});

test('lyrics are spoken into the song unless forceInstrumental', async () => {
  const compositionPlan = {
    positiveGlobalStyles: ['folk'], negativeGlobalStyles: [],
    sections: [{ sectionName: 'Verse', positiveLocalStyles: [], negativeLocalStyles: [], durationMs: 8000,
      lines: ['The river runs to the sea', 'and I go with it'] }],
  };
  const sung = await readAll(await client.music.compose({ compositionPlan, outputFormat: 'pcm_16000', seed: 4 }));
  const plain = await readAll(await client.music.compose({ compositionPlan, outputFormat: 'pcm_16000', seed: 4, forceInstrumental: true }));
  assert.equal(sung.length, plain.length, 'the same length either way');
  assert.equal(sung.length / 2, 128000);
  assert.ok(!sung.equals(plain), 'the voice is mixed in');
});

test('bad plans and lengths are 422s', async () => {
  await assert.rejects(client.music.compose({ prompt: 'x', musicLengthMs: 1000 }), apiError(422));
  await assert.rejects(client.music.compose({
    compositionPlan: { positiveGlobalStyles: [], negativeGlobalStyles: [], sections: [
      { sectionName: 'Tiny', positiveLocalStyles: [], negativeLocalStyles: [], durationMs: 100, lines: [] }] },
  }), apiError(422));
});
