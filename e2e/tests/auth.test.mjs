// Authentication: xi-api-key on every /v1 request; ElevenLabs-shaped error bodies; x-request-id on every response.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, ElevenLabsError, raw } from '../lib/common.mjs';

test('a wrong key makes the SDK reject with a 401 ElevenLabsError carrying detail.status', async () => {
  const bad = makeClient('sk_wrong_' + Date.now());
  await assert.rejects(bad.models.list(), (e) => {
    assert.ok(e instanceof ElevenLabsError, `expected ElevenLabsError, got ${e?.constructor?.name}`);
    assert.equal(e.statusCode, 401);
    assert.equal(typeof e.body, 'object', `body should be parsed JSON, got ${JSON.stringify(e.body)}`);
    assert.equal(typeof e.body.detail?.status, 'string', `body.detail.status: ${JSON.stringify(e.body)}`);
    assert.equal(typeof e.body.detail?.message, 'string', `body.detail.message: ${JSON.stringify(e.body)}`);
    assert.equal(typeof e.requestId, 'string', 'the SDK reads x-request-id into requestId');
    return true;
  });
});

test('a missing key gets 401 with a JSON detail body (raw fetch)', async () => {
  const r = await raw('/v1/models', { key: null });
  assert.equal(r.status, 401);
  assert.match(r.headers.get('content-type') || '', /json/);
  const body = await r.json();
  assert.equal(typeof body.detail?.status, 'string');
});

test('a wrong key gets 401 on /v2 routes too (raw fetch)', async () => {
  const r = await raw('/v2/voices', { key: 'sk_wrong' });
  assert.equal(r.status, 401);
  await r.arrayBuffer();
});

test('responses carry x-request-id, distinct per request; /health needs no key', async () => {
  const a = await raw('/v1/models');
  const b = await raw('/v1/models');
  assert.equal(a.status, 200);
  await a.arrayBuffer(); await b.arrayBuffer();
  const ida = a.headers.get('x-request-id'), idb = b.headers.get('x-request-id');
  assert.ok(ida && ida.length > 0, 'x-request-id on a 200');
  assert.notEqual(ida, idb, 'request ids differ between requests');

  const unauth = await raw('/v1/models', { key: null });
  await unauth.arrayBuffer();
  assert.ok(unauth.headers.get('x-request-id'), 'x-request-id on a 401');

  const health = await raw('/health', { key: null });
  await health.arrayBuffer();
  assert.equal(health.status, 200);
});
