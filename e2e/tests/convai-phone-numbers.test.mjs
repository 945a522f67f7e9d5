// Phone numbers through the SDK: /v1/convai/phone-numbers (client.conversationalAi.phoneNumbers.create/list/get/update/
// delete) for Twilio and SIP trunk numbers, as stored resources. Each test removes what it creates.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, uniqueName, raw } from '../lib/common.mjs';

const client = makeClient();
const { phoneNumbers, agents } = client.conversationalAi;

/** A number no other run uses: +1 555 and 7 digits from the clock and a random part. */
const freshNumber = () => `+1555${String(Date.now() % 1e4).padStart(4, '0')}${Math.floor(Math.random() * 1e3).toString().padStart(3, '0')}`;

test('phone numbers: a Twilio number is imported, listed, read, assigned an agent and deleted; sid and token never return', async () => {
  const number = freshNumber();
  const { phoneNumberId } = await phoneNumbers.create({
    provider: 'twilio', phoneNumber: number, label: uniqueName('e2e-twilio'), sid: 'AC-e2e-sid-secret', token: 'e2e-token-secret',
  });
  assert.ok(phoneNumberId);
  const { agentId } = await agents.create({ name: uniqueName('e2e-phone-agent'), conversationConfig: {} });
  try {
    const got = await phoneNumbers.get(phoneNumberId);
    assert.equal(got.provider, 'twilio');
    assert.equal(got.phoneNumber, number);
    assert.equal(got.supportsInbound, true);
    assert.ok(!got.assignedAgent, 'no agent yet');
    assert.ok(!JSON.stringify(got).includes('secret'), 'the sid and token are not returned');

    const list = await phoneNumbers.list();
    assert.ok(list.some((p) => p.phoneNumberId === phoneNumberId), 'the number is listed');
    assert.ok(!JSON.stringify(list).includes('secret'));

    const updated = await phoneNumbers.update(phoneNumberId, { agentId });
    assert.equal(updated.assignedAgent.agentId, agentId);
    assert.equal((await phoneNumbers.get(phoneNumberId)).assignedAgent.agentId, agentId);
    await assert.rejects(phoneNumbers.update(phoneNumberId, { agentId: 'agent_does_not_exist' }), apiError(404));

    await assert.rejects(phoneNumbers.create({ provider: 'twilio', phoneNumber: number, label: 'again', sid: 's', token: 't' }), apiError(409));
  } finally {
    await agents.delete(agentId);
    assert.ok(!(await phoneNumbers.get(phoneNumberId)).assignedAgent, 'deleting the agent unassigns the number');
    await phoneNumbers.delete(phoneNumberId);
  }
  await assert.rejects(phoneNumbers.get(phoneNumberId), apiError(404));
  await assert.rejects(phoneNumbers.delete(phoneNumberId), apiError(404));
});

test('phone numbers: a SIP trunk number keeps its trunk settings and withholds its passwords', async () => {
  const { phoneNumberId } = await phoneNumbers.create({
    provider: 'sip_trunk', phoneNumber: freshNumber(), label: uniqueName('e2e-sip'),
    inboundTrunkConfig: { allowedAddresses: ['192.0.2.0/24'], mediaEncryption: 'disabled', credentials: { username: 'in', password: 'in-pw-secret' } },
    outboundTrunkConfig: { address: 'sip.example.invalid', transport: 'tls', mediaEncryption: 'required', headers: { 'X-E2E': '1' },
      credentials: { username: 'out', password: 'out-pw-secret' } },
  });
  try {
    const got = await phoneNumbers.get(phoneNumberId);
    assert.equal(got.provider, 'sip_trunk');
    assert.equal(got.outboundTrunk.address, 'sip.example.invalid');
    assert.equal(got.outboundTrunk.transport, 'tls');
    assert.equal(got.outboundTrunk.mediaEncryption, 'required');
    assert.deepEqual(got.outboundTrunk.headers, { 'X-E2E': '1' });
    assert.equal(got.outboundTrunk.hasAuthCredentials, true);
    assert.equal(got.outboundTrunk.username, 'out');
    assert.deepEqual(got.inboundTrunk.allowedAddresses, ['192.0.2.0/24']);
    assert.equal(got.inboundTrunk.mediaEncryption, 'disabled');
    assert.equal(got.inboundTrunk.hasAuthCredentials, true);
    assert.ok(!JSON.stringify(got).includes('pw-secret'), 'passwords are not returned');

    const updated = await phoneNumbers.update(phoneNumberId, { label: 'e2e relabelled', outboundTrunkConfig: { address: 'sip2.example.invalid' } });
    assert.equal(updated.label, 'e2e relabelled');
    assert.equal(updated.outboundTrunk.address, 'sip2.example.invalid');
    assert.equal(updated.outboundTrunk.hasAuthCredentials, false);
    assert.equal(updated.inboundTrunk.username, 'in', 'the inbound side is kept');
  } finally {
    await phoneNumbers.delete(phoneNumberId);
  }
});

test('phone numbers: a missing token is a 422, an unknown id a 404', async () => {
  // the SDK checks required fields itself, so the bad body goes over plain HTTP
  const r = await raw('/v1/convai/phone-numbers', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'twilio', phone_number: freshNumber(), label: 'x', sid: 's' }) });
  assert.equal(r.status, 422);
  assert.deepEqual((await r.json()).detail[0].loc, ['body', 'token']);
  await assert.rejects(phoneNumbers.get('phnum_does_not_exist'), apiError(404));
  await assert.rejects(phoneNumbers.update('phnum_does_not_exist', { agentId: 'agent_x' }), apiError(404));
});
