// Dubbing through the official SDK: create from an uploaded file, poll get, list, the dubbed audio and the
// transcript (srt, webvtt), delete. The source is English speech made by the server itself; the dub is into Spanish
// where the server has a translator and a Spanish voice (Apertium + espeak-ng), else English to English.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, readAll, looksLikeMp3, anyVoiceIds, tts, ElevenLabsError } from '../lib/common.mjs';

const client = makeClient();

async function englishSpeech() {
  const [voiceId] = await anyVoiceIds(1);
  return tts(client, voiceId, 'Good morning. Today the weather is very good. Thank you for coming to the house.');
}

async function waitDubbed(id) {
  for (let i = 0; i < 600; i++) {
    const d = await client.dubbing.get(id);
    if (d.status !== 'dubbing') return d;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`dub ${id} did not finish`);
}

test('dubbing: create, get, list, audio, transcript, delete', async () => {
  const mp3 = await englishSpeech();
  let target = 'es', created;
  try {
    created = await client.dubbing.create({ file: new Blob([mp3], { type: 'audio/mpeg' }), targetLang: 'es', sourceLang: 'en', name: 'e2e dub' });
  } catch (e) {
    assert.ok(e instanceof ElevenLabsError && e.statusCode === 400, `unexpected ${e}`);
    target = 'en';
    created = await client.dubbing.create({ file: new Blob([mp3], { type: 'audio/mpeg' }), targetLang: 'en', sourceLang: 'en', name: 'e2e dub' });
  }
  assert.ok(created.dubbingId, 'dubbing_id');
  assert.ok(created.expectedDurationSec > 0, 'expected_duration_sec');

  const done = await waitDubbed(created.dubbingId);
  assert.equal(done.status, 'dubbed', JSON.stringify(done));
  assert.deepEqual(done.targetLanguages, [target]);
  assert.equal(done.name, 'e2e dub');
  assert.ok(done.mediaMetadata.duration > 1, 'media duration');

  const page = await client.dubbing.list({ pageSize: 5 });
  assert.ok(page.dubs.some((d) => d.dubbingId === created.dubbingId), 'listed');
  assert.equal(typeof page.hasMore, 'boolean');

  const audio = await readAll(await client.dubbing.audio.get(created.dubbingId, target));
  assert.ok(looksLikeMp3(audio), 'dubbed MP3');

  const srt = await client.dubbing.transcript.getTranscriptForDub(created.dubbingId, target, { formatType: 'srt' });
  const srtText = typeof srt === 'string' ? srt : JSON.stringify(srt);
  assert.match(srtText, /1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n/);
  const vtt = await client.dubbing.transcript.getTranscriptForDub(created.dubbingId, target, { formatType: 'webvtt' });
  assert.match(typeof vtt === 'string' ? vtt : JSON.stringify(vtt), /^WEBVTT/);

  const deleted = await client.dubbing.delete(created.dubbingId);
  assert.equal(deleted.status, 'ok');
  await assert.rejects(client.dubbing.get(created.dubbingId), (e) => e instanceof ElevenLabsError && e.statusCode === 404);
});

test('dubbing: a language nobody speaks or translates is refused with a 4xx', async () => {
  const mp3 = await englishSpeech();
  await assert.rejects(client.dubbing.create({ file: new Blob([mp3], { type: 'audio/mpeg' }), targetLang: 'zu', sourceLang: 'en' }),
    (e) => e instanceof ElevenLabsError && e.statusCode >= 400 && e.statusCode < 500);
});

test('dubbing resource: get, edit segments, translate, dub, render, speakers', async () => {
  const mp3 = await englishSpeech();
  const created = await client.dubbing.create({ file: new Blob([mp3], { type: 'audio/mpeg' }), targetLang: 'en', sourceLang: 'en',
    name: 'e2e resource', dubbingStudio: true });
  const done = await waitDubbed(created.dubbingId);
  assert.equal(done.status, 'dubbed', JSON.stringify(done));
  const id = created.dubbingId;

  const res = await client.dubbing.resource.get(id);
  assert.equal(res.id, id);
  assert.deepEqual(res.targetLanguages, ['en']);
  const speakerId = Object.keys(res.speakerTracks)[0];
  const segId = res.speakerTracks[speakerId].segments[0];
  assert.ok(res.speakerSegments[segId].dubs.en, 'per-language dub');

  const upd = await client.dubbing.resource.segment.update(id, segId, 'en', { text: 'good morning to you' });
  assert.equal(upd.version, res.version + 1);
  const seg = await client.dubbing.resource.speaker.segment.create(id, speakerId, { startTime: 0.1, endTime: 0.6, text: 'hello' });
  assert.ok(seg.newSegment, 'new_segment');
  await client.dubbing.resource.translate(id, { segments: [seg.newSegment], languages: ['en'] });
  const dubbed = await client.dubbing.resource.dub(id, { segments: [segId, seg.newSegment], languages: ['en'] });
  // translate and dub are jobs (the answer is the new version at once): wait until the dub's audio is fresh
  let after = await client.dubbing.resource.get(id);
  for (let i = 0; i < 240 && after.speakerSegments[segId].dubs.en.audioStale; i++) {
    await new Promise((r) => setTimeout(r, 500));
    after = await client.dubbing.resource.get(id);
  }
  assert.equal(after.version, dubbed.version);
  assert.equal(after.speakerSegments[segId].dubs.en.audioStale, false);

  const render = await client.dubbing.resource.render(id, 'en', { renderType: 'mp3' });
  assert.ok(render.renderId, 'render_id');
  let status = 'processing';
  for (let i = 0; i < 120 && status === 'processing'; i++) {
    status = (await client.dubbing.resource.get(id)).renders[render.renderId].status;
    if (status === 'processing') await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(status, 'complete');

  const similar = await client.dubbing.resource.speaker.findSimilarVoices(id, speakerId);
  assert.ok(similar.voices.length > 0, 'similar voices');
  await client.dubbing.resource.speaker.update(id, speakerId, { voiceId: similar.voices[0].voiceId });
  const del = await client.dubbing.resource.segment.delete(id, seg.newSegment);
  assert.ok(del.version > dubbed.version);
  await assert.rejects(client.dubbing.resource.segment.delete(id, seg.newSegment), (e) => e instanceof ElevenLabsError && e.statusCode === 404);
  await assert.rejects(client.dubbing.resource.language.add(id, { language: 'zu' }),
    (e) => e instanceof ElevenLabsError && e.statusCode >= 400 && e.statusCode < 500);
  await client.dubbing.delete(id);
});

test('dubbing: a manual CSV dub with use_profanity_filter shows [censored] in its transcript', async () => {
  const mp3 = await englishSpeech();
  const csv = 'speaker,start_time,end_time,transcription,translation\n'
    + 'A,0.5,1.5,that is bullshit,that is bullshit\nA,2.0,3.0,good words,good words\n';
  const created = await client.dubbing.create({ file: new Blob([mp3], { type: 'audio/mpeg' }), targetLang: 'en', sourceLang: 'en',
    mode: 'manual', dubbingStudio: true, useProfanityFilter: true, csvFile: new Blob([csv], { type: 'text/csv' }), name: 'e2e profanity' });
  const done = await waitDubbed(created.dubbingId);
  assert.equal(done.status, 'dubbed', JSON.stringify(done));
  const srt = await client.dubbing.transcript.getTranscriptForDub(created.dubbingId, 'en', { formatType: 'srt' });
  const text = typeof srt === 'string' ? srt : JSON.stringify(srt);
  assert.match(text, /that is \[censored\]/);
  assert.match(text, /good words/);
  assert.doesNotMatch(text, /bullshit/);
  await client.dubbing.delete(created.dubbingId);
});
