// Batch calling through the SDK: /v1/convai/batch-calling (client.conversationalAi.batchCalls.create/list/get/cancel/
// retry). The e2e server has no carrier (no Twilio or SIP dialer is configured), so every call of a batch that runs
// fails and the batch ends `failed`: that defined outcome is asserted, then retried.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, uniqueName } from '../lib/common.mjs';

const client = makeClient();
const { batchCalls, phoneNumbers, agents } = client.conversationalAi;

const freshNumber = () => `+1555${String(Date.now() % 1e4).padStart(4, '0')}${Math.floor(Math.random() * 1e3).toString().padStart(3, '0')}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(read, done, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) assert.fail(`timed out; last: ${JSON.stringify(v).slice(0, 500)}`);
    await sleep(250);
  }
}

async function setup() {
  const { agentId } = await agents.create({ name: uniqueName('e2e-batch-agent'), conversationConfig: {} });
  const { phoneNumberId } = await phoneNumbers.create({ provider: 'twilio', phoneNumber: freshNumber(), label: uniqueName('e2e-batch'), sid: 's', token: 't' });
  return { agentId, phoneNumberId, async done() { await phoneNumbers.delete(phoneNumberId); await agents.delete(agentId); } };
}

test('batch calling: a scheduled batch is submitted, listed, read with its recipients and cancelled', async () => {
  const s = await setup();
  try {
    const later = Math.floor(Date.now() / 1000) + 3600;
    const made = await batchCalls.create({
      callName: 'e2e reminders', agentId: s.agentId, agentPhoneNumberId: s.phoneNumberId, scheduledTimeUnix: later,
      recipients: [
        { phoneNumber: '+14155550100', conversationInitiationClientData: { dynamicVariables: { customer: 'Ada', visits: 3 } } },
        { id: 'e2e-row-2', phoneNumber: '+14155550101' },
      ],
    });
    assert.match(made.id, /^btcal_/);
    assert.equal(made.status, 'pending');
    assert.equal(made.name, 'e2e reminders');
    assert.equal(made.agentId, s.agentId);
    assert.equal(made.phoneNumberId, s.phoneNumberId);
    assert.equal(made.phoneProvider, 'twilio');
    assert.equal(made.scheduledTimeUnix, later);
    assert.equal(made.totalCallsScheduled, 2);
    assert.equal(made.totalCallsDispatched, 0);
    assert.equal(made.retryCount, 0);

    const got = await batchCalls.get(made.id);
    assert.equal(got.recipients.length, 2);
    assert.equal(got.recipients[0].phoneNumber, '+14155550100');
    assert.equal(got.recipients[0].status, 'pending');
    assert.equal(got.recipients[0].conversationInitiationClientData.dynamicVariables.customer, 'Ada');
    assert.equal(got.recipients[1].id, 'e2e-row-2');

    const page = await batchCalls.list({ limit: 1 });
    assert.equal(page.batchCalls.length, 1);
    assert.equal(page.batchCalls[0].id, made.id, 'newest first');
    const mine = await batchCalls.list({ agentId: s.agentId });
    assert.deepEqual(mine.batchCalls.map((b) => b.id), [made.id]);

    const cancelled = await batchCalls.cancel(made.id);
    assert.equal(cancelled.status, 'cancelled');
    const after = await batchCalls.get(made.id);
    assert.deepEqual(after.recipients.map((r) => r.status), ['cancelled', 'cancelled']);
  } finally {
    await s.done();
  }
});

test('batch calling: without a carrier every call fails, the batch is failed, and retry dials the failed recipients again', async () => {
  const s = await setup();
  try {
    const made = await batchCalls.create({
      callName: 'e2e now', agentId: s.agentId, agentPhoneNumberId: s.phoneNumberId,
      recipients: [{ phoneNumber: '+14155550110' }, { phoneNumber: '+14155550111' }],
    });
    const failed = await until(() => batchCalls.get(made.id), (b) => b.status === 'failed');
    assert.deepEqual(failed.recipients.map((r) => r.status), ['failed', 'failed']);
    assert.equal(failed.totalCallsDispatched, 2);
    assert.equal(failed.totalCallsFinished, 2);

    const retried = await batchCalls.retry(made.id);
    assert.equal(retried.retryCount, 1);
    const again = await until(() => batchCalls.get(made.id), (b) => b.status === 'failed' && b.recipients.every((r) => r.status === 'failed'));
    assert.equal(again.retryCount, 1);
  } finally {
    await s.done();
  }
});

test('batch calling: bad rows are a 422 naming each, unknown ids 404', async () => {
  const s = await setup();
  try {
    const err = await batchCalls.create({
      callName: 'bad', agentId: s.agentId, agentPhoneNumberId: s.phoneNumberId,
      recipients: [{ phoneNumber: '+14155550120' }, { phoneNumber: '555-not-a-number' }, { phoneNumber: '12' }],
    }).then(() => null, (e) => e);
    assert.ok(apiError(422)(err));
    assert.deepEqual(err.body.detail.map((d) => d.loc), [['body', 'recipients', 1, 'phone_number'], ['body', 'recipients', 2, 'phone_number']]);
    await assert.rejects(batchCalls.create({ callName: 'empty', agentId: s.agentId, agentPhoneNumberId: s.phoneNumberId, recipients: [] }), apiError(422));
    await assert.rejects(batchCalls.create({ callName: 'x', agentId: 'agent_nope', agentPhoneNumberId: s.phoneNumberId,
      recipients: [{ phoneNumber: '+14155550121' }] }), apiError(404));
    await assert.rejects(batchCalls.create({ callName: 'x', agentId: s.agentId, agentPhoneNumberId: 'phnum_nope',
      recipients: [{ phoneNumber: '+14155550121' }] }), apiError(404));
    await assert.rejects(batchCalls.get('btcal_nope'), apiError(404));
    await assert.rejects(batchCalls.cancel('btcal_nope'), apiError(404));
    await assert.rejects(batchCalls.retry('btcal_nope'), apiError(404));
  } finally {
    await s.done();
  }
});
