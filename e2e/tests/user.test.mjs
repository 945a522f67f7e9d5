// User and subscription: client.user.get() -> GET /v1/user, client.user.subscription.get() -> GET /v1/user/subscription.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, tts, anyVoiceIds } from '../lib/common.mjs';

const client = makeClient();

test('user.get returns the account with its subscription', async () => {
  const u = await client.user.get();
  assert.equal(typeof u.userId, 'string');
  assert.ok(u.userId.length > 0);
  assert.equal(typeof u.subscription, 'object');
  assert.equal(typeof u.subscription.tier, 'string');
  assert.equal(typeof u.subscription.characterCount, 'number');
  assert.equal(typeof u.subscription.characterLimit, 'number');
  assert.ok(u.subscription.characterLimit > 0);
  assert.equal(typeof u.createdAt, 'number');
});

test('user.subscription.get returns limits and counters', async () => {
  const s = await client.user.subscription.get();
  assert.equal(typeof s.tier, 'string');
  assert.equal(typeof s.characterCount, 'number');
  assert.ok(s.characterCount >= 0);
  assert.ok(s.characterLimit > 0);
  assert.equal(typeof s.status, 'string');
  assert.equal(typeof s.canUseInstantVoiceCloning, 'boolean');
  const u = await client.user.get();
  assert.equal(u.subscription.tier, s.tier);
  assert.equal(u.subscription.characterLimit, s.characterLimit);
});

test('characterCount grows by the characters of a text-to-speech call', async () => {
  const [voiceId] = await anyVoiceIds(1);
  const before = (await client.user.subscription.get()).characterCount;
  const text = 'Counting characters for the subscription test.';
  const audio = await tts(client, voiceId, text);
  assert.ok(audio.length > 0);
  const after = (await client.user.subscription.get()).characterCount;
  assert.ok(after >= before + text.length, `character_count ${before} -> ${after}, expected at least +${text.length}`);
  const viaUser = (await client.user.get()).subscription.characterCount;
  assert.ok(viaUser >= after, 'user.get sees the same counter');
});
