// Voices: search (/v2/voices), getAll, get, settings, IVC create -> edit -> sample audio -> delete.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  makeClient, apiError, raw, uniqueName, makeSpeechLikeWav, assertClose, readAll,
} from '../lib/common.mjs';

const client = makeClient();

async function firstPremade() {
  const { voices } = await client.voices.getAll();
  const v = voices.find((x) => x.category === 'premade');
  assert.ok(v, `no premade voice among ${voices.length} voices`);
  return v;
}

test('voices.search: page shape, includeTotalCount, pageSize', async () => {
  const r = await client.voices.search({ pageSize: 100, includeTotalCount: true });
  assert.ok(Array.isArray(r.voices) && r.voices.length > 0, 'at least one voice (the premade ones)');
  assert.equal(typeof r.hasMore, 'boolean');
  assert.equal(typeof r.totalCount, 'number');
  assert.ok(r.totalCount >= r.voices.length);
  for (const v of r.voices) {
    assert.equal(typeof v.voiceId, 'string');
    assert.equal(typeof v.name, 'string');
  }
  assert.equal(new Set(r.voices.map((v) => v.voiceId)).size, r.voices.length, 'no duplicate ids in a page');

  const small = await client.voices.search({ pageSize: 1, includeTotalCount: true });
  assert.equal(small.totalCount, r.totalCount, 'totalCount does not depend on the page size');
  if (r.totalCount > 1) {
    assert.equal(small.hasMore, true);
    assert.equal(typeof small.nextPageToken, 'string');
  }
});

test('voices.search: paging with nextPageToken visits every voice exactly once', async () => {
  const all = await client.voices.search({ pageSize: 100, includeTotalCount: true });
  const seen = [];
  let token;
  let pages = 0;
  do {
    const page = await client.voices.search({ pageSize: 2, includeTotalCount: true, nextPageToken: token });
    pages++;
    if (pages > 1) assert.ok(page.voices.length <= 2, `page ${pages} has ${page.voices.length} voices (pageSize 2)`);
    seen.push(...page.voices.map((v) => v.voiceId));
    token = page.hasMore ? page.nextPageToken : undefined;
    if (page.hasMore) assert.ok(token, 'hasMore=true must come with a nextPageToken');
    assert.ok(pages <= 200, 'paging does not terminate');
  } while (token);
  assert.equal(new Set(seen).size, seen.length, `a voice was returned twice: ${seen}`);
  assert.equal(seen.length, all.totalCount, 'paging yields totalCount voices');
  assert.deepEqual([...seen].sort(), all.voices.map((v) => v.voiceId).sort());
  if (all.totalCount > 2) assert.ok(pages >= 2, 'pageSize 2 spreads the voices over several pages');
});

test('voices.search: sort by name asc/desc', async () => {
  const asc = (await client.voices.search({ pageSize: 100, sort: 'name', sortDirection: 'asc' })).voices.map((v) => v.name);
  const desc = (await client.voices.search({ pageSize: 100, sort: 'name', sortDirection: 'desc' })).voices.map((v) => v.name);
  const sortedBy = (arr, cmp) => arr.every((x, i) => i === 0 || cmp(arr[i - 1], x) <= 0);
  const plain = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const ci = (a, b) => plain(a.toLowerCase(), b.toLowerCase());
  assert.ok(sortedBy(asc, plain) || sortedBy(asc, ci), `not ascending by name: ${asc.join(' | ')}`);
  assert.ok(sortedBy(desc, (a, b) => plain(b, a)) || sortedBy(desc, (a, b) => ci(b, a)), `not descending by name: ${desc.join(' | ')}`);
  assert.deepEqual([...asc].sort(), [...desc].sort(), 'same voices either way');
});

test('voices.search: search term filters by name', async () => {
  const premade = await firstPremade();
  const r = await client.voices.search({ search: premade.name, pageSize: 100, includeTotalCount: true });
  assert.ok(r.voices.some((v) => v.voiceId === premade.voiceId), `searching "${premade.name}" finds it`);
  const none = await client.voices.search({ search: uniqueName('no-such-voice'), includeTotalCount: true });
  assert.equal(none.voices.length, 0);
  assert.equal(none.totalCount, 0);
  assert.equal(none.hasMore, false);
});

test('voices.getAll lists voices; voices.get(withSettings) returns one with its settings', async () => {
  const { voices } = await client.voices.getAll();
  assert.ok(voices.length > 0);
  const v = voices[0];
  const got = await client.voices.get(v.voiceId, { withSettings: true });
  assert.equal(got.voiceId, v.voiceId);
  assert.equal(got.name, v.name);
  assert.equal(got.category, v.category);
  assert.ok(got.settings, 'withSettings=true includes settings');
  assert.equal(typeof got.settings.stability, 'number');
  assert.equal(typeof got.settings.similarityBoost, 'number');
  const search = await client.voices.search({ pageSize: 100 });
  assert.ok(search.voices.some((x) => x.voiceId === v.voiceId), 'a /v1/voices voice is also in /v2/voices');
});

test('voices.get of an unknown id rejects with a 404 ElevenLabsError', async () => {
  const premade = await firstPremade(); // the route exists: a known id resolves
  assert.equal((await client.voices.get(premade.voiceId)).voiceId, premade.voiceId);
  await assert.rejects(client.voices.get(uniqueName('no_such_voice')), apiError(404));
});

test('voices.settings.getDefault returns numeric settings in range', async () => {
  const s = await client.voices.settings.getDefault();
  for (const k of ['stability', 'similarityBoost']) {
    assert.equal(typeof s[k], 'number', `${k}: ${JSON.stringify(s)}`);
    assert.ok(s[k] >= 0 && s[k] <= 1, `${k} in [0,1]`);
  }
});

test('voices.settings.get of a premade voice', async () => {
  const premade = await firstPremade();
  const s = await client.voices.settings.get(premade.voiceId);
  assert.equal(typeof s.stability, 'number');
  assert.equal(typeof s.similarityBoost, 'number');
  await assert.rejects(client.voices.settings.get(uniqueName('no_such_voice')), apiError(404));
});

test('deleting a premade voice is refused with a 4xx ElevenLabsError', async () => {
  const premade = await firstPremade();
  await assert.rejects(client.voices.delete(premade.voiceId), apiError((s) => s >= 400 && s < 500));
  const still = await client.voices.get(premade.voiceId);
  assert.equal(still.voiceId, premade.voiceId, 'the premade voice is still there');
});

test('IVC voice lifecycle: create, settings, edit, sample audio, delete', async (t) => {
  const name = uniqueName('e2e-ivc');
  const wavA = makeSpeechLikeWav({ seconds: 3, seed: 11 });
  const wavB = makeSpeechLikeWav({ seconds: 2.5, seed: 29 });
  assert.notDeepEqual(wavA, wavB);
  let voiceId;

  await t.test('voices.ivc.create with a WAV file', async () => {
    const r = await client.voices.ivc.create({
      name,
      files: [{ data: wavA, filename: 'sample-a.wav', contentType: 'audio/wav' }],
      description: 'e2e clone',
      labels: { accent: 'american', gender: 'female' },
    });
    assert.equal(typeof r.voiceId, 'string');
    assert.equal(r.requiresVerification, false);
    voiceId = r.voiceId;

    const v = await client.voices.get(voiceId);
    assert.equal(v.voiceId, voiceId);
    assert.equal(v.name, name);
    assert.equal(v.category, 'cloned');
    assert.equal(v.description, 'e2e clone');
    assert.equal(v.labels?.accent, 'american');
    assert.equal(v.labels?.gender, 'female');
    assert.equal(v.samples?.length, 1, `one sample: ${JSON.stringify(v.samples)}`);
    assert.equal(typeof v.samples[0].sampleId, 'string');
  });

  await t.test('the new voice is listed and searchable', async () => {
    assert.ok(voiceId, 'no voice was created');
    const r = await client.voices.search({ search: name, includeTotalCount: true });
    assert.deepEqual(r.voices.map((v) => v.voiceId), [voiceId]);
    assert.equal(r.totalCount, 1);
    const { voices } = await client.voices.getAll();
    assert.ok(voices.some((v) => v.voiceId === voiceId), 'in voices.getAll');
  });

  await t.test('voices.settings.update then get reflects it', async () => {
    assert.ok(voiceId, 'no voice was created');
    const want = { stability: 0.37, similarityBoost: 0.61, style: 0.12, useSpeakerBoost: false, speed: 1.05 };
    const defaultBefore = await client.voices.settings.getDefault();
    const r = await client.voices.settings.update(voiceId, want);
    assert.equal(typeof r.status, 'string');
    const s = await client.voices.settings.get(voiceId);
    assertClose(s.stability, want.stability, 'stability');
    assertClose(s.similarityBoost, want.similarityBoost, 'similarityBoost');
    assertClose(s.style, want.style, 'style');
    assertClose(s.speed, want.speed, 'speed');
    assert.equal(s.useSpeakerBoost, false);
    const v = await client.voices.get(voiceId, { withSettings: true });
    assertClose(v.settings?.stability, want.stability, 'voices.get withSettings stability');
    assert.deepEqual(await client.voices.settings.getDefault(), defaultBefore, 'the default settings did not change');
  });

  await t.test('voices.update: name, labels, description and another file', async () => {
    assert.ok(voiceId, 'no voice was created');
    const r = await client.voices.update(voiceId, {
      name: name + '-edited',
      description: 'e2e clone, edited',
      labels: { accent: 'british', age: 'young' },
      files: [{ data: wavB, filename: 'sample-b.wav', contentType: 'audio/wav' }],
    });
    assert.equal(typeof r.status, 'string');
    const v = await client.voices.get(voiceId);
    assert.equal(v.name, name + '-edited');
    assert.equal(v.description, 'e2e clone, edited');
    assert.equal(v.labels?.accent, 'british');
    assert.equal(v.labels?.age, 'young');
    assert.equal(v.samples?.length, 2, `files are added to the voice: ${JSON.stringify(v.samples)}`);
  });

  await t.test('sample audio round-trips the uploaded bytes', async () => {
    assert.ok(voiceId, 'no voice was created');
    const v = await client.voices.get(voiceId);
    const got = [];
    for (const s of v.samples ?? []) {
      const r = await raw(`/v1/voices/${voiceId}/samples/${s.sampleId}/audio`);
      const body = Buffer.from(await r.arrayBuffer());
      assert.equal(r.status, 200, `sample ${s.sampleId}: ${body.toString('utf8', 0, 200)}`);
      got.push(body);
      if (s.sizeBytes !== undefined) assert.equal(s.sizeBytes, body.length, 'size_bytes matches the audio');
      if (s.mimeType !== undefined) assert.match(s.mimeType, /audio\/(x-)?wav|audio\/wave/);
    }
    const key = (b) => b.toString('base64');
    assert.deepEqual(got.map(key).sort(), [wavA, wavB].map(key).sort(), 'each sample is one uploaded file, byte for byte');
    // The SDK's own sample-audio method hits the same route.
    const viaSdk = await readAll(await client.voices.samples.audio.get(voiceId, v.samples[0].sampleId));
    assert.ok(viaSdk.equals(got[0]));
    const missing = await raw(`/v1/voices/${voiceId}/samples/${uniqueName('nosample')}/audio`);
    await missing.arrayBuffer();
    assert.equal(missing.status, 404);
  });

  await t.test('voices.delete then get is 404', async () => {
    assert.ok(voiceId, 'no voice was created');
    const r = await client.voices.delete(voiceId);
    assert.equal(typeof r.status, 'string');
    await assert.rejects(client.voices.get(voiceId), apiError(404));
    const s = await client.voices.search({ search: name, includeTotalCount: true });
    assert.equal(s.voices.length, 0, 'the deleted voice is no longer listed');
    await assert.rejects(client.voices.delete(voiceId), apiError(404));
  });
});
