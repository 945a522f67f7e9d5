// Agents Platform conversation socket (/v1/convai/conversation) through the official clients in text-only mode:
// @elevenlabs/client Conversation.startSession (origin and signedUrl; subprotocol "convai") and the elevenlabs-js
// server-side Conversation class (no subprotocol; requiresAuth fetches a signed URL). Agents use rule prompts the
// built-in RuleLanguageModel understands ("When the user says X, reply Y", "If the user asks about X, call tool T").
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { WebSocket as WsWebSocket } from 'ws';
import { BASE_URL, eventLog, makeClient, uniqueName } from '../lib/common.mjs';

const require = createRequire(import.meta.url);
const client = makeClient();
const agents = client.conversationalAi.agents;
const WS_ORIGIN = BASE_URL.replace(/^http/i, 'ws');

if (typeof globalThis.WebSocket === 'undefined') globalThis.WebSocket = WsWebSocket; // Node 20

const PROMPT = [
  'When the user says hello, reply Hi from Timbre.',
  'If the user asks about weather, call tool get_weather',
].join('\n');

async function withAgent(extra, fn) {
  const { agentId } = await agents.create({
    name: uniqueName('e2e-conv'),
    conversationConfig: {
      agent: {
        firstMessage: 'Welcome to the e2e agent.',
        language: 'en',
        prompt: {
          prompt: PROMPT,
          tools: [{ type: 'client', name: 'get_weather', description: 'Gets the weather', expectsResponse: true,
            responseTimeoutSecs: 10, parameters: { type: 'object', properties: { reason: { type: 'string' } } } }],
        },
      },
      conversation: { textOnly: true },
    },
    ...extra,
  });
  try {
    return await fn(agentId);
  } finally {
    await agents.delete(agentId).catch(() => {});
  }
}

const agentResponse = (text) => (e) => e.type === 'agent_response' && (!text || e.agent_response_event?.agent_response === text);

async function browserSession(options) {
  const { Conversation } = await import('@elevenlabs/client');
  const log = eventLog();
  const session = await Conversation.startSession({ textOnly: true, connectionType: 'websocket', onIncomingEvent: (e) => log.push(e), ...options });
  return { session, log };
}

test('conversation: @elevenlabs/client with origin: first message, user message, streamed reply, ping/pong', async () => {
  await withAgent({}, async (agentId) => {
    const { session, log } = await browserSession({ agentId, origin: WS_ORIGIN });
    try {
      assert.match(session.getId(), /^conv_/);
      await log.next(agentResponse('Welcome to the e2e agent.'));
      const mark = log.events.length;
      session.sendUserMessage('hello');
      await log.next(agentResponse('Hi from Timbre.'), mark);
      assert.ok(log.events.some((e) => e.type === 'agent_chat_response_part' && e.text_response_part?.type === 'start'), 'streamed parts');
      const ping = await log.next((e) => e.type === 'ping');
      assert.equal(typeof ping.ping_event.event_id, 'number');
    } finally {
      await session.endSession();
    }
  });
});

test('conversation: @elevenlabs/client with a signed URL on an auth-required agent, and a client tool round trip', async () => {
  await withAgent({ platformSettings: { auth: { enableAuth: true } } }, async (agentId) => {
    const { signedUrl } = await client.conversationalAi.conversations.getSignedUrl({ agentId });
    assert.match(signedUrl, /^ws:\/\/.+\/v1\/convai\/conversation\?agent_id=.+&conversation_signature=/);
    const calls = [];
    const { session, log } = await browserSession({
      signedUrl,
      clientTools: { get_weather: async (params) => { calls.push(params); return 'sunny and warm'; } },
    });
    try {
      await log.next(agentResponse('Welcome to the e2e agent.'));
      const mark = log.events.length;
      session.sendUserMessage('what is the weather like?');
      const reply = await log.next(agentResponse('Here is what I found: sunny and warm'), mark);
      assert.ok(reply);
      assert.equal(calls.length, 1);
    } finally {
      await session.endSession();
    }
    // The record, read back through the SDK (its parser checks the shape): transcript with the tool call and result.
    const conversationId = session.getId();
    let stored;
    for (let i = 0; i < 100; i++) {
      stored = await client.conversationalAi.conversations.get(conversationId);
      if (stored.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(stored.status, 'done');
    assert.equal(stored.agentId, agentId);
    const call = stored.transcript.flatMap((t) => t.toolCalls ?? []).find((c) => c.toolName === 'get_weather');
    assert.ok(call, 'tool call recorded');
    assert.equal(call.type, 'client');
    const result = stored.transcript.flatMap((t) => t.toolResults ?? []).find((r) => r.requestId === call.requestId);
    assert.equal(result.resultValue, 'sunny and warm');
    assert.ok(stored.analysis && typeof stored.analysis.transcriptSummary === 'string', 'analysis present');
    assert.ok(stored.metadata.startTimeUnixSecs > 0);
    // Without the signature the same agent refuses the connection.
    const { Conversation } = await import('@elevenlabs/client');
    await assert.rejects(Conversation.startSession({ agentId, origin: WS_ORIGIN, textOnly: true, connectionType: 'websocket' }));
  });
});

test('conversation: elevenlabs-js Conversation (no subprotocol, requiresAuth) answers user messages', async () => {
  await withAgent({ platformSettings: { auth: { enableAuth: true } } }, async (agentId) => {
    const { Conversation } = require('@elevenlabs/elevenlabs-js/api/resources/conversationalAi/conversation');
    const log = eventLog();
    const silent = { start() {}, stop() {}, output() {}, interrupt() {} };
    const conv = new Conversation({ client, agentId, requiresAuth: true, audioInterface: silent, callbackMessageReceived: (e) => log.push(e) });
    const started = new Promise((resolve) => conv.once('conversation_started', resolve));
    await conv.startSession();
    try {
      assert.match(await started, /^conv_/);
      await log.next(agentResponse('Welcome to the e2e agent.'));
      const mark = log.events.length;
      conv.sendUserMessage('hello');
      await log.next(agentResponse('Hi from Timbre.'), mark);
    } finally {
      conv.endSession();
    }
  });
});
