// Agents Platform: /v1/convai/agents through the SDK (client.conversationalAi.agents.*) and the CLI (`elevenlabs agents …`).
// Every test deletes the agents it creates (also when it fails).
import test from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, API_KEY, makeClient, apiError, uniqueName, rawJson } from '../lib/common.mjs';
import { cli, cliJson } from '../lib/cli.mjs';

const client = makeClient();
const agents = client.conversationalAi.agents;

/** Creates an agent, runs fn(agentId), then deletes it (ignoring a 404 when fn deleted it already). */
async function withAgent(body, fn) {
  const { agentId } = await agents.create(body);
  try {
    return await fn(agentId);
  } finally {
    await agents.delete(agentId).catch((e) => { if (e?.statusCode !== 404) throw e; });
  }
}

const baseConfig = (prompt = 'You are a helpful test agent.') => ({
  agent: { firstMessage: 'Hello from the e2e suite', language: 'en', prompt: { prompt, temperature: 0.3 } },
});

test('agents: create and get return the stored configuration over the defaults', async () => {
  const name = uniqueName('e2e-agent');
  await withAgent({ name, tags: ['e2e', 'alpha'], conversationConfig: baseConfig('Be brief.') }, async (id) => {
    assert.match(id, /^agent_/);
    const a = await agents.get(id);
    assert.equal(a.agentId, id);
    assert.equal(a.name, name);
    assert.deepEqual([...a.tags].sort(), ['alpha', 'e2e']);
    assert.equal(a.conversationConfig.agent?.firstMessage, 'Hello from the e2e suite');
    assert.equal(a.conversationConfig.agent?.language, 'en');
    assert.equal(a.conversationConfig.agent?.prompt?.prompt, 'Be brief.');
    assert.equal(a.conversationConfig.agent?.prompt?.temperature, 0.3);
    assert.equal(typeof a.metadata.createdAtUnixSecs, 'number');
    assert.ok(Math.abs(a.metadata.createdAtUnixSecs - Date.now() / 1000) < 600, 'created_at is about now');
    assert.equal(a.accessInfo?.isCreator, true);
    assert.ok(Array.isArray(a.phoneNumbers));
    // The snake_case wire form carries the same values.
    const wire = await rawJson(`/v1/convai/agents/${id}`);
    assert.equal(wire.agent_id, id);
    assert.equal(wire.conversation_config.agent.prompt.prompt, 'Be brief.');
  });
});

test('agents: get/update/delete of an unknown agent is 404', async () => {
  const missing = 'agent_' + uniqueName('missing').replace(/-/g, '');
  await assert.rejects(agents.get(missing), apiError(404));
  await assert.rejects(agents.update(missing, { name: 'x' }), apiError(404));
  await assert.rejects(agents.delete(missing), apiError(404));
  await assert.rejects(agents.duplicate(missing), apiError(404));
  await assert.rejects(agents.link.get(missing), apiError(404));
});

test('agents: update is a deep merge (PATCH): untouched nested fields stay', async () => {
  await withAgent({ name: uniqueName('e2e-patch'), tags: ['one'], conversationConfig: baseConfig('Original prompt.') }, async (id) => {
    const before = await agents.get(id);
    const updated = await agents.update(id, { conversationConfig: { agent: { prompt: { prompt: 'New prompt.' } } } });
    assert.equal(updated.agentId, id);
    assert.equal(updated.conversationConfig.agent?.prompt?.prompt, 'New prompt.');
    assert.equal(updated.conversationConfig.agent?.prompt?.temperature, 0.3, 'sibling field kept');
    assert.equal(updated.conversationConfig.agent?.firstMessage, 'Hello from the e2e suite', 'other branch kept');
    assert.equal(updated.name, before.name, 'name kept');
    assert.deepEqual(updated.tags, ['one'], 'tags kept');

    const renamed = await agents.update(id, { name: before.name + '-renamed', tags: ['two', 'three'] });
    assert.equal(renamed.name, before.name + '-renamed');
    assert.deepEqual([...renamed.tags].sort(), ['three', 'two'], 'arrays replace');
    assert.equal(renamed.conversationConfig.agent?.prompt?.prompt, 'New prompt.');

    const again = await agents.get(id);
    assert.equal(again.name, before.name + '-renamed');
    assert.equal(again.conversationConfig.agent?.prompt?.prompt, 'New prompt.');
    assert.ok(again.metadata.updatedAtUnixSecs >= before.metadata.createdAtUnixSecs);
  });
});

test('agents: duplicate copies the configuration under a new id', async () => {
  const name = uniqueName('e2e-dup');
  await withAgent({ name, conversationConfig: baseConfig('Copied prompt.') }, async (id) => {
    const { agentId: copyId } = await agents.duplicate(id, { name: name + '-copy' });
    try {
      assert.notEqual(copyId, id);
      const copy = await agents.get(copyId);
      assert.equal(copy.name, name + '-copy');
      assert.equal(copy.conversationConfig.agent?.prompt?.prompt, 'Copied prompt.');
      // The copy is independent of the original.
      await agents.update(copyId, { conversationConfig: { agent: { prompt: { prompt: 'Changed copy.' } } } });
      assert.equal((await agents.get(id)).conversationConfig.agent?.prompt?.prompt, 'Copied prompt.');
    } finally {
      await agents.delete(copyId);
    }
    const { agentId: sameName } = await agents.duplicate(id);
    try {
      assert.equal((await agents.get(sameName)).name, name, 'without a name the copy keeps the original name');
    } finally {
      await agents.delete(sameName);
    }
  });
});

test('agents: link returns a shareable-link token for the agent', async () => {
  await withAgent({ name: uniqueName('e2e-link'), conversationConfig: baseConfig() }, async (id) => {
    const link = await agents.link.get(id);
    assert.equal(link.agentId, id);
    assert.equal(link.token?.agentId, id);
    assert.equal(typeof link.token?.conversationToken, 'string');
    assert.ok(link.token.conversationToken.length > 0);
    assert.equal((await agents.link.get(id)).token?.conversationToken, link.token.conversationToken, 'stable token');
  });
});

test('agents: delete removes the agent', async () => {
  const { agentId } = await agents.create({ name: uniqueName('e2e-del'), conversationConfig: baseConfig() });
  await agents.delete(agentId);
  await assert.rejects(agents.get(agentId), apiError(404));
  await assert.rejects(agents.delete(agentId), apiError(404));
});

test('agents: list with search, page size and cursor paging', async () => {
  const prefix = uniqueName('e2e-list');
  const ids = [];
  try {
    for (let i = 0; i < 5; i++) {
      ids.push((await agents.create({ name: `${prefix}-${i}`, conversationConfig: baseConfig() })).agentId);
    }
    const seen = [];
    let cursor;
    let pages = 0;
    do {
      const page = await agents.list({ search: prefix, pageSize: 2, sortBy: 'name', sortDirection: 'asc', cursor });
      assert.ok(page.agents.length <= 2, 'page size respected');
      assert.equal(typeof page.hasMore, 'boolean');
      for (const a of page.agents) {
        assert.ok(a.name.startsWith(prefix), `search matches: ${a.name}`);
        assert.equal(typeof a.createdAtUnixSecs, 'number');
        seen.push(a);
      }
      cursor = page.hasMore ? page.nextCursor : undefined;
      if (page.hasMore) assert.ok(cursor, 'next_cursor when has_more');
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen.map((a) => a.name), [0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`), 'all five, sorted by name, no repeats');
    assert.deepEqual(new Set(seen.map((a) => a.agentId)), new Set(ids));

    const desc = await agents.list({ search: prefix, sortBy: 'name', sortDirection: 'desc', pageSize: 100 });
    assert.deepEqual(desc.agents.map((a) => a.name), [4, 3, 2, 1, 0].map((i) => `${prefix}-${i}`));
    assert.equal(desc.hasMore, false);

    const none = await agents.list({ search: uniqueName('e2e-nomatch') });
    assert.deepEqual(none.agents, []);
    assert.equal(none.hasMore, false);

    await assert.rejects(agents.list({ pageSize: 101 }), apiError(422));
    await assert.rejects(agents.list({ cursor: 'not-a-cursor!' }), apiError((s) => s === 400 || s === 422));
  } finally {
    for (const id of ids) await agents.delete(id).catch(() => {});
  }
});

test('agents: create validates the body', async () => {
  await assert.rejects(
    client.conversationalAi.agents.create({ conversationConfig: 'nope' }),
    (e) => e instanceof Error, // the SDK may refuse it before sending; the server answers 422 otherwise
  );
  const r = await fetch(`${BASE_URL}/v1/convai/agents/create`, {
    method: 'POST', headers: { 'xi-api-key': API_KEY, 'content-type': 'application/json' }, body: '{"conversation_config": 3}',
  });
  assert.equal(r.status, 422, await r.text());
});

// ---- CLI ------------------------------------------------------------------------------------------------------------


test('cli: agents create, get, list, update, duplicate, link get, delete', async () => {
  const name = uniqueName('e2e-cli-agent');
  const body = { name, tags: ['cli'], conversation_config: { agent: { first_message: 'Hi from the CLI', prompt: { prompt: 'CLI prompt.' } } } };
  const created = await cliJson(['agents', 'create', '--json', JSON.stringify(body)]);
  const id = created.agent_id;
  assert.match(id, /^agent_/);
  let copyId;
  try {
    const got = await cliJson(['agents', 'get', '--agent-id', id]);
    assert.equal(got.agent_id, id);
    assert.equal(got.name, name);
    assert.equal(got.conversation_config.agent.prompt.prompt, 'CLI prompt.');

    const listed = await cliJson(['agents', 'list', '--params', JSON.stringify({ search: name }), '--page-size', '10']);
    const list = Array.isArray(listed) ? listed : listed.agents;
    assert.deepEqual(list.map((a) => a.agent_id), [id]);

    const updated = await cliJson(['agents', 'update', '--agent-id', id,
      '--json', JSON.stringify({ conversation_config: { agent: { prompt: { prompt: 'Updated by CLI.' } } } })]);
    assert.equal(updated.conversation_config.agent.prompt.prompt, 'Updated by CLI.');
    assert.equal(updated.conversation_config.agent.first_message, 'Hi from the CLI', 'deep merge keeps siblings');

    const dup = await cliJson(['agents', 'duplicate', '--agent-id', id, '--name', name + '-copy']);
    copyId = dup.agent_id;
    assert.ok(copyId && copyId !== id);
    assert.equal((await rawJson(`/v1/convai/agents/${copyId}`)).name, name + '-copy');

    const link = await cliJson(['agents', 'link', 'get', '--agent-id', id]);
    assert.equal(link.agent_id, id);
    assert.equal(typeof link.token?.conversation_token, 'string');
  } finally {
    if (copyId) await cli(['agents', 'delete', '--agent-id', copyId]);
    const del = await cli(['agents', 'delete', '--agent-id', id]);
    assert.equal(del.code, 0, del.stdout + del.stderr);
  }
  const after = await cli(['agents', 'get', '--agent-id', id]);
  assert.notEqual(after.code, 0, 'get after delete fails');
  assert.equal(JSON.parse(after.stdout || after.stderr).error?.code, 404, after.stdout + after.stderr);
});
