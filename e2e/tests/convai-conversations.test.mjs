// Conversation records through the SDK: /v1/convai/conversations (client.conversationalAi.conversations.list/get/
// delete, .feedback.create, .audio.get), the single-secret GET and tool dependent agents. Only what the HTTP API
// reaches on its own: conversations are recorded by the agent WebSocket, whose flows are tested with the runtime.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, uniqueName, rawJson, raw } from '../lib/common.mjs';

const client = makeClient();
const { conversations, secrets, tools, agents } = client.conversationalAi;

test('conversations: list is an empty page for an agent without conversations, with every filter', async () => {
  const agentId = `agent_${uniqueName('none').replace(/-/g, '')}`;
  const page = await conversations.list({ agentId });
  assert.deepEqual(page.conversations, []);
  assert.equal(page.hasMore, false);

  const now = Math.floor(Date.now() / 1000);
  const filtered = await conversations.list({
    agentId, callSuccessful: 'success', callStartBeforeUnix: now, callStartAfterUnix: now - 3600,
    userId: 'e2e-user', pageSize: 100, summaryMode: 'include',
  });
  assert.deepEqual(filtered.conversations, []);
  assert.equal(filtered.hasMore, false);

  const wire = await rawJson(`/v1/convai/conversations?agent_id=${agentId}&page_size=1&summary_mode=exclude`);
  assert.deepEqual(wire, { conversations: [], next_cursor: null, has_more: false });
});

test('conversations: bad list parameters are 422', async () => {
  await assert.rejects(conversations.list({ pageSize: 101 }), apiError(422));
  await assert.rejects(conversations.list({ pageSize: 0 }), apiError(422));
  await assert.rejects(conversations.list({ cursor: 'not-a-cursor' }), apiError(422));
  const r = await raw('/v1/convai/conversations?call_successful=maybe');
  assert.equal(r.status, 422);
  const body = await r.json();
  assert.deepEqual(body.detail[0].loc, ['query', 'call_successful']);
});

test('conversations: unknown ids are 404 for get, delete, feedback and audio', async () => {
  const id = `conv_${uniqueName('missing').replace(/-/g, '')}`;
  await assert.rejects(conversations.get(id), apiError(404));
  await assert.rejects(conversations.delete(id), apiError(404));
  await assert.rejects(conversations.feedback.create(id, { feedback: 'like' }), apiError(404));
  await assert.rejects(conversations.audio.get(id), apiError(404));
  const r = await raw(`/v1/convai/conversations/${id}`);
  const body = await r.json();
  assert.equal(body.detail.status, 'conversation_not_found');
});

test('secrets: get one secret, never its value; unknown is 404', async () => {
  const created = await secrets.create({ type: 'new', name: uniqueName('e2e_secret'), value: 'e2e-hidden-value' });
  try {
    const got = await secrets.get(created.secretId);
    assert.equal(got.type, 'stored');
    assert.equal(got.secretId, created.secretId);
    assert.equal(got.name, created.name);
    assert.ok(Array.isArray(got.usedBy.tools));
    assert.ok(!JSON.stringify(got).includes('e2e-hidden-value'));
  } finally {
    await secrets.delete(created.secretId);
  }
  await assert.rejects(secrets.get(created.secretId), apiError(404));
});

test('tools: dependent agents are the agents whose prompt lists the tool', async () => {
  const name = uniqueName('e2e_dep_tool').replace(/-/g, '_');
  const tool = await tools.create({ toolConfig: { type: 'client', name, description: 'e2e', expectsResponse: false } });
  const agent = await agents.create({
    name: uniqueName('e2e-dep-agent'),
    conversationConfig: { agent: { prompt: { prompt: 'You help.', toolIds: [tool.id] } } },
  });
  try {
    const deps = await tools.getDependentAgents(tool.id);
    assert.equal(deps.hasMore, false);
    assert.deepEqual(deps.agents.map((a) => a.id), [agent.agentId]);
    assert.equal(deps.agents[0].type, 'available');
  } finally {
    await agents.delete(agent.agentId);
    await tools.delete(tool.id);
  }
});
