// Outbound Twilio calls through the SDK: client.conversationalAi.twilio.outboundCall against a fake Twilio REST API
// (run.sh points the server's TIMBRE_TWILIO_API_URL at E2E_TWILIO_PORT). The fake records Calls.json and, as Twilio
// does when the callee answers, opens the Media Stream the TwiML names (the `ws` client), sends connected/start,
// listens to the agent's greeting (μ-law media frames), then stop. Each test removes what it creates.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import WebSocket from 'ws';
import { makeClient, apiError, uniqueName, anyVoiceIds } from '../lib/common.mjs';

const client = makeClient();
const { phoneNumbers, agents, twilio, conversations } = client.conversationalAi;
const PORT = Number(process.env.E2E_TWILIO_PORT);
const calls = [];
/** The numbers this file's tests call from: the fake refuses others (other test files' batches must not be answered). */
const ours = new Set();
let fake;

/** Answers a placed call as Twilio would: the stream of its TwiML, 1.5 s of the agent heard, then stop. */
function answer(twiml, callSid) {
  const url = /<Stream url="([^"]+)"/.exec(twiml)[1].replace(/&amp;/g, '&');
  const params = Object.fromEntries([...twiml.matchAll(/<Parameter name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const streamSid = `MZ${Date.now()}`;
    let heard = 0;
    const timer = setTimeout(() => { ws.close(); reject(new Error(`heard only ${heard} bytes`)); }, 30000);
    ws.on('open', () => {
      ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
      ws.send(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid,
        start: { accountSid: 'ACe2e', streamSid, callSid, tracks: ['inbound'], customParameters: params,
          mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }));
    });
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.event === 'mark') ws.send(JSON.stringify({ event: 'mark', streamSid, mark: m.mark }));
      if (m.event !== 'media') return;
      assert.equal(m.streamSid, streamSid);
      heard += Buffer.from(m.media.payload, 'base64').length;
      if (heard >= 12000) {
        clearTimeout(timer);
        ws.send(JSON.stringify({ event: 'stop', sequenceNumber: '2', streamSid, stop: { accountSid: 'ACe2e', callSid } }));
        ws.close();
        resolve(heard);
      }
    });
    ws.on('error', reject);
  });
}

before(async () => {
  fake = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      const call = { path: req.url, auth: req.headers.authorization, form };
      calls.push(call);
      res.setHeader('Content-Type', 'application/json');
      if (req.url.endsWith('/Calls.json') && !ours.has(form.From)) {
        res.statusCode = 401;
        res.end(JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }));
        return;
      }
      if (form.To === '+15550000000') {
        res.statusCode = 400;
        res.end(JSON.stringify({ code: 21211, message: "The 'To' number +15550000000 is not a valid phone number.", status: 400 }));
        return;
      }
      const sid = `CA${Date.now().toString(16).padStart(32, '0')}`;
      res.statusCode = 201;
      res.end(JSON.stringify({ sid, status: 'queued' }));
      if (req.url.endsWith('/Calls.json')) call.answered = answer(form.Twiml, sid);
    });
  });
  await new Promise((resolve) => fake.listen(PORT, '127.0.0.1', resolve));
});

after(() => fake?.close());

test('twilio: an outbound call is placed through the Twilio API, its stream runs the agent and the conversation is recorded', async () => {
  const [voiceId] = await anyVoiceIds(1);
  const { agentId } = await agents.create({ name: uniqueName('e2e-twilio-agent'),
    conversationConfig: { agent: { firstMessage: 'Hello, this is Timbre calling you back.' }, tts: { voiceId } } });
  const number = `+1555${String(Date.now() % 1e7).padStart(7, '0')}`;
  ours.add(number);
  const { phoneNumberId } = await phoneNumbers.create({ provider: 'twilio', phoneNumber: number, label: uniqueName('e2e-twilio'), sid: 'ACe2e', token: 'e2e-twilio-token' });
  try {
    const r = await twilio.outboundCall({ agentId, agentPhoneNumberId: phoneNumberId, toNumber: '+15557654321',
      conversationInitiationClientData: { dynamicVariables: { name: 'Ada' } } });
    assert.equal(r.success, true, r.message);
    assert.ok(r.conversationId?.startsWith('conv_'), r.conversationId);
    assert.ok(r.callSid?.startsWith('CA'), r.callSid);
    const placed = calls.find((c) => c.form.To === '+15557654321' && c.form.From === number);
    assert.ok(placed, 'Twilio was asked to place the call');
    assert.equal(placed.path, '/2010-04-01/Accounts/ACe2e/Calls.json');
    assert.equal(placed.auth, `Basic ${Buffer.from('ACe2e:e2e-twilio-token').toString('base64')}`);
    assert.match(placed.form.Twiml, /<Connect><Stream url="ws:\/\/127\.0\.0\.1:\d+\/twilio\/media-stream">/);
    assert.ok(placed.form.StatusCallback.includes(`conversation_id=${r.conversationId}`));
    assert.ok(await placed.answered >= 12000, 'the callee heard the greeting');
    let got;
    for (let i = 0; i < 100; i++) {
      got = await conversations.get(r.conversationId).catch(() => null);
      if (got && !['in-progress', 'initiated'].includes(got.status)) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    assert.ok(got, 'the conversation is recorded');
    assert.ok(!['in-progress', 'initiated'].includes(got.status), `the conversation ended (${got.status})`);
  } finally {
    await phoneNumbers.delete(phoneNumberId);
    await agents.delete(agentId);
  }
});

test('twilio: Twilio refusing the call is success false with its message; unknown numbers and missing fields are errors', async () => {
  const { agentId } = await agents.create({ name: uniqueName('e2e-twilio-refused'), conversationConfig: {} });
  const number = `+1556${String(Date.now() % 1e7).padStart(7, '0')}`;
  ours.add(number);
  const { phoneNumberId } = await phoneNumbers.create({ provider: 'twilio', phoneNumber: number, label: uniqueName('e2e-twilio'), sid: 'ACe2e', token: 't' });
  try {
    const r = await twilio.outboundCall({ agentId, agentPhoneNumberId: phoneNumberId, toNumber: '+15550000000' });
    assert.equal(r.success, false);
    assert.match(r.message, /not a valid phone number/);
    assert.equal(r.conversationId ?? null, null);
    await assert.rejects(twilio.outboundCall({ agentId, agentPhoneNumberId: 'phnum_missing', toNumber: '+15557654321' }), apiError(404));
    await assert.rejects(twilio.outboundCall({ agentId: 'agent_missing', agentPhoneNumberId: phoneNumberId, toNumber: '+15557654321' }), apiError(404));
  } finally {
    await phoneNumbers.delete(phoneNumberId);
    await agents.delete(agentId);
  }
});
