// Agent behaviours through the official clients: a webhook tool with an OAuth2 auth connection and `assignments`
// (the assigned dynamic variable feeds the next tool's URL), the conversation initiation webhook for a conversation
// that starts without client data (a telephony-like `ws` client; settings and agent through the SDK), and a
// conversation that starts in a language preset's language (@elevenlabs/client overrides). The tools' API and token
// server is a local HTTP server (run.sh lets the server reach 127.0.0.1). Agents use the built-in rule model.
import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { WebSocket as WsWebSocket } from 'ws';
import { BASE_URL, API_KEY, eventLog, makeClient, raw, uniqueName } from '../lib/common.mjs';

const client = makeClient();
const { agents, tools, secrets, settings } = client.conversationalAi;
const WS_ORIGIN = BASE_URL.replace(/^http/i, 'ws');
if (typeof globalThis.WebSocket === 'undefined') globalThis.WebSocket = WsWebSocket; // Node 20

const agentResponse = (text) => (e) => e.type === 'agent_response' && (!text || e.agent_response_event?.agent_response.includes(text));

/** A local API: /token (OAuth2), /orders (needs the token), /status/:id (echoes the id), /init (initiation data). */
async function localApi() {
  const seen = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      seen.push({ method: req.method, path: req.url, headers: req.headers, body });
      let status = 200;
      let reply;
      if (req.url === '/token') reply = { access_token: 'tok-e2e', token_type: 'Bearer', expires_in: 3600 };
      else if (req.url === '/orders') {
        status = req.headers.authorization === 'Bearer tok-e2e' ? 200 : 401;
        reply = { order: { id: 'A-17' } };
      } else if (req.url.startsWith('/status/')) reply = { status: 'shipped', order: decodeURIComponent(req.url.slice(8)) };
      else if (req.url === '/init') {
        reply = { type: 'conversation_initiation_client_data', dynamic_variables: { customer_name: 'John Doe' },
          conversation_config_override: { agent: { first_message: 'Hello {{customer_name}}, welcome back.' } } };
      } else status = 404;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply ?? {}));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { seen, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function browserSession(options) {
  const { Conversation } = await import('@elevenlabs/client');
  const log = eventLog();
  const session = await Conversation.startSession({ textOnly: true, connectionType: 'websocket', origin: WS_ORIGIN,
    onIncomingEvent: (e) => log.push(e), ...options });
  return { session, log };
}

async function patchSettings(body) {
  const r = await raw('/v1/convai/settings', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(r.status, 200, await r.text());
}

test('behaviours: an OAuth2 webhook tool assigns order_id from its response; the next tool uses {{order_id}}', async () => {
  const api = await localApi();
  const connectionId = uniqueName('crm').replace(/[^A-Za-z0-9_-]/g, '_');
  const { secretId } = await secrets.create({ type: 'new', name: uniqueName('e2e-client-secret'), value: 'client-s3cret' });
  const created = [];
  let agentId;
  try {
    await patchSettings({ workspace_auth_connections: { [connectionId]: { type: 'oauth2_client_credentials', token_url: `${api.url}/token`,
      client_id: 'timbre-e2e', client_secret: { secret_id: secretId } } } });
    const find = await tools.create({ toolConfig: { type: 'webhook', name: 'find_order', description: 'Finds the order',
      apiSchema: { url: `${api.url}/orders`, method: 'GET', authConnection: { authConnectionId: connectionId } },
      assignments: [{ dynamicVariable: 'order_id', valuePath: 'order.id', source: 'response' }] } });
    created.push(find.id);
    assert.equal(find.toolConfig.assignments[0].valuePath, 'order.id');
    const status = await tools.create({ toolConfig: { type: 'webhook', name: 'order_status', description: 'Tells the shipping status',
      apiSchema: { url: `${api.url}/status/{{order_id}}`, method: 'GET' } } });
    created.push(status.id);
    ({ agentId } = await agents.create({ name: uniqueName('e2e-assign'), conversationConfig: { conversation: { textOnly: true },
      agent: { firstMessage: 'Orders desk.', language: 'en', prompt: { prompt: 'If the user asks about order, call tool find_order\n'
        + 'If the user asks about status, call tool order_status', toolIds: created } } } }));

    const { session, log } = await browserSession({ agentId });
    try {
      await log.next(agentResponse('Orders desk.'));
      let mark = log.events.length;
      session.sendUserMessage('where is my order?');
      await log.next(agentResponse('A-17'), mark);
      mark = log.events.length;
      session.sendUserMessage('what is the status?');
      const reply = await log.next(agentResponse('shipped'), mark);
      assert.match(reply.agent_response_event.agent_response, /"order":"A-17"/);
    } finally {
      await session.endSession();
    }
    // The record, read back through the SDK: the assignment is a dynamic variable update on the tool result.
    let stored;
    for (let i = 0; i < 100; i++) {
      stored = await client.conversationalAi.conversations.get(session.getId());
      if (stored.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const update = stored.transcript.flatMap((t) => t.toolResults ?? []).flatMap((r) => r.dynamicVariableUpdates ?? [])[0];
    assert.ok(update, 'a dynamic variable update is recorded');
    assert.equal(update.variableName, 'order_id');
    assert.equal(update.newValue, 'A-17');
    assert.equal(update.toolName, 'find_order');
    assert.equal(api.seen.filter((s) => s.path === '/token').length, 1);
    assert.match(api.seen.find((s) => s.path === '/token').body, /client_secret=client-s3cret/);
    assert.equal(api.seen.find((s) => s.path === '/orders').headers.authorization, 'Bearer tok-e2e');
    assert.ok(api.seen.some((s) => s.path === '/status/A-17'), JSON.stringify(api.seen.map((s) => s.path)));
    const wire = await (await raw('/v1/convai/settings')).text();
    assert.ok(!wire.includes('client-s3cret'), 'the secret value is never shown');
  } finally {
    await patchSettings({ workspace_auth_connections: {} }).catch(() => {});
    if (agentId) await agents.delete(agentId).catch(() => {});
    for (const id of created) await tools.delete(id).catch(() => {});
    await secrets.delete(secretId).catch(() => {});
    await api.close();
  }
});

test('behaviours: the conversation initiation webhook supplies variables and overrides when the client sends none', async () => {
  const api = await localApi();
  const { secretId } = await secrets.create({ type: 'new', name: uniqueName('e2e-hook-key'), value: 'hook-s3cret' });
  let agentId;
  try {
    await settings.update({ conversationInitiationClientDataWebhook: { url: `${api.url}/init`, requestHeaders: { 'X-Hook-Key': { secretId } } } });
    ({ agentId } = await agents.create({ name: uniqueName('e2e-inbound'),
      conversationConfig: { conversation: { textOnly: true }, agent: { firstMessage: 'Hi {{customer_name}}.', language: 'en', prompt: { prompt: 'Be brief.' } } },
      platformSettings: { overrides: { enableConversationInitiationClientDataFromWebhook: true,
        conversationConfigOverride: { agent: { firstMessage: true } } } } }));

    // A telephony-like client: no conversation_initiation_client_data, so the webhook is asked.
    const ws = new WsWebSocket(`${WS_ORIGIN}/v1/convai/conversation?agent_id=${agentId}`, { headers: { 'xi-api-key': API_KEY } });
    const log = eventLog();
    ws.on('message', (m) => log.push(JSON.parse(m.toString())));
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    try {
      ws.send(JSON.stringify({ type: 'user_activity' }));
      await log.next(agentResponse('Hello John Doe, welcome back.'));
    } finally {
      ws.close();
    }
    const call = api.seen.find((s) => s.path === '/init');
    assert.equal(call.method, 'POST');
    assert.equal(call.headers['x-hook-key'], 'hook-s3cret');
    const body = JSON.parse(call.body);
    assert.equal(body.agent_id, agentId);
    assert.ok('caller_id' in body && 'called_number' in body && 'call_sid' in body);

    // The official client sends its own initiation data: the webhook is not asked.
    const { session, log: clientLog } = await browserSession({ agentId, dynamicVariables: { customer_name: 'Ada' } });
    try {
      await clientLog.next(agentResponse('Hi Ada.'));
    } finally {
      await session.endSession();
    }
    assert.equal(api.seen.filter((s) => s.path === '/init').length, 1);
  } finally {
    await patchSettings({ conversation_initiation_client_data_webhook: null }).catch(() => {});
    if (agentId) await agents.delete(agentId).catch(() => {});
    await secrets.delete(secretId).catch(() => {});
    await api.close();
  }
});

test('behaviours: a conversation that starts in a language preset\'s language greets with its first message', async () => {
  const { agentId } = await agents.create({ name: uniqueName('e2e-presets'),
    conversationConfig: { conversation: { textOnly: true },
      agent: { firstMessage: 'Hello from Timbre.', language: 'en', prompt: { prompt: 'Be brief.' } },
      languagePresets: { fr: { overrides: { agent: { firstMessage: 'Bonjour de Timbre.' } } } } },
    platformSettings: { overrides: { conversationConfigOverride: { agent: { language: true } } } } });
  try {
    const fr = await browserSession({ agentId, overrides: { agent: { language: 'fr' } } });
    try {
      await fr.log.next(agentResponse('Bonjour de Timbre.'));
    } finally {
      await fr.session.endSession();
    }
    const en = await browserSession({ agentId });
    try {
      await en.log.next(agentResponse('Hello from Timbre.'));
    } finally {
      await en.session.endSession();
    }
  } finally {
    await agents.delete(agentId).catch(() => {});
  }
});
