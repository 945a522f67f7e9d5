// Models: client.models.list() -> GET /v1/models (a top-level JSON array).
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, rawJson } from '../lib/common.mjs';

const client = makeClient();

test('models.list returns an array that includes eleven_multilingual_v2', async () => {
  const models = await client.models.list();
  assert.ok(Array.isArray(models), 'models.list should resolve to an array');
  assert.ok(models.length > 0, 'at least one model');
  for (const m of models) assert.equal(typeof m.modelId, 'string');
  assert.equal(new Set(models.map((m) => m.modelId)).size, models.length, 'model ids are unique');

  const m = models.find((x) => x.modelId === 'eleven_multilingual_v2');
  assert.ok(m, `eleven_multilingual_v2 missing from ${models.map((x) => x.modelId).join(', ')}`);
  assert.equal(typeof m.name, 'string');
  assert.ok(m.name.length > 0);
  assert.equal(m.canDoTextToSpeech, true);
  assert.ok(Array.isArray(m.languages) && m.languages.length > 0, 'languages is a non-empty array');
  for (const l of m.languages) {
    assert.equal(typeof l.languageId, 'string');
    assert.equal(typeof l.name, 'string');
  }
  assert.ok(m.languages.some((l) => l.languageId === 'en'), 'a multilingual model lists English');
});

test('models.list matches the raw GET /v1/models body (snake_case on the wire)', async () => {
  const rawModels = await rawJson('/v1/models');
  assert.ok(Array.isArray(rawModels));
  const sdkModels = await client.models.list();
  assert.deepEqual(sdkModels.map((m) => m.modelId), rawModels.map((m) => m.model_id));
  const m = rawModels.find((x) => x.model_id === 'eleven_multilingual_v2');
  assert.equal(m.can_do_text_to_speech, true);
});
