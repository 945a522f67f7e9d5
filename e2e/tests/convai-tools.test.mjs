// Agents Platform workspace resources through the SDK: /v1/convai/tools, /v1/convai/secrets, /v1/convai/settings
// (client.conversationalAi.{tools,secrets,settings}.*), plus a CLI smoke test. Each test removes what it creates.
import test from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, API_KEY, makeClient, apiError, uniqueName, rawJson } from '../lib/common.mjs';
import { cli, cliJson } from '../lib/cli.mjs';

const client = makeClient();
const { tools, secrets, settings } = client.conversationalAi;

const webhookTool = (name, extra = {}) => ({
  toolConfig: {
    type: 'webhook',
    name,
    description: 'Looks up the weather (e2e)',
    apiSchema: { url: 'https://example.invalid/weather', method: 'GET', ...extra },
  },
});

// ---- tools ----------------------------------------------------------------------------------------------------------

test('tools: create, get, list, update, dependent agents, delete', async () => {
  const name = uniqueName('e2e_tool').replace(/-/g, '_');
  const created = await tools.create(webhookTool(name));
  try {
    assert.ok(created.id);
    assert.equal(created.toolConfig.type, 'webhook');
    assert.equal(created.toolConfig.name, name);
    assert.equal(created.accessInfo.isCreator, true);
    assert.equal(typeof created.usageStats, 'object');

    const got = await tools.get(created.id);
    assert.equal(got.id, created.id);
    assert.equal(got.toolConfig.name, name);
    assert.equal(got.toolConfig.description, 'Looks up the weather (e2e)');
    assert.equal(got.toolConfig.type === 'webhook' && got.toolConfig.apiSchema.url, 'https://example.invalid/weather');

    const list = await tools.list();
    assert.equal(typeof list.hasMore, 'boolean');
    assert.ok(list.tools.some((t) => t.id === created.id), 'the new tool is listed');

    const updated = await tools.update(created.id, webhookTool(name, { url: 'https://example.invalid/weather/v2' }));
    assert.equal(updated.id, created.id);
    assert.equal(updated.toolConfig.apiSchema.url, 'https://example.invalid/weather/v2');
    assert.equal((await tools.get(created.id)).toolConfig.apiSchema.url, 'https://example.invalid/weather/v2');

    const deps = await tools.getDependentAgents(created.id);
    assert.ok(Array.isArray(deps.agents));
    assert.equal(deps.hasMore, false);
  } finally {
    await tools.delete(created.id);
  }
  await assert.rejects(tools.get(created.id), apiError(404));
  await assert.rejects(tools.delete(created.id), apiError(404));
  await assert.rejects(tools.update(created.id, webhookTool(name)), apiError(404));
  assert.ok(!(await tools.list()).tools.some((t) => t.id === created.id), 'gone from the list');
});

test('tools: an invalid tool config is rejected with 422', async () => {
  const r = await fetch(`${BASE_URL}/v1/convai/tools`, {
    method: 'POST', headers: { 'xi-api-key': API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ tool_config: { type: 'webhook', name: 'no_schema', description: 'missing api_schema' } }),
  });
  assert.equal(r.status, 422, await r.text());
});

// ---- secrets --------------------------------------------------------------------------------------------------------

test('secrets: create, list (never the value), update, delete', async () => {
  const name = uniqueName('e2e_secret').replace(/-/g, '_');
  const created = await secrets.create({ type: 'new', name, value: 's3cr3t-value' });
  try {
    assert.equal(created.type, 'stored');
    assert.ok(created.secretId);
    assert.equal(created.name, name);
    assert.ok(!JSON.stringify(created).includes('s3cr3t-value'), 'no value in the create response');

    const list = await secrets.list();
    const mine = list.secrets.find((s) => s.secretId === created.secretId);
    assert.ok(mine, 'the new secret is listed');
    assert.equal(mine.name, name);
    assert.deepEqual(mine.usedBy?.tools ?? [], []);
    assert.ok(!JSON.stringify(list).includes('s3cr3t-value'), 'no value in the list');

    const updated = await secrets.update(created.secretId, { type: 'update', name: name + '_v2', value: 'other-value' });
    assert.equal(updated.secretId, created.secretId);
    assert.equal(updated.name, name + '_v2');
    assert.equal((await secrets.list()).secrets.find((s) => s.secretId === created.secretId)?.name, name + '_v2');
  } finally {
    await secrets.delete(created.secretId);
  }
  assert.ok(!(await secrets.list()).secrets.some((s) => s.secretId === created.secretId), 'gone from the list');
  await assert.rejects(secrets.delete(created.secretId), apiError(404));
  await assert.rejects(secrets.update(created.secretId, { type: 'update', name: 'x', value: 'y' }), apiError(404));
});

test('secrets: a secret used by a tool is listed as used and cannot be deleted', async () => {
  const secret = await secrets.create({ type: 'new', name: uniqueName('e2e_auth').replace(/-/g, '_'), value: 'Bearer xyz' });
  let toolId;
  try {
    const tool = await tools.create(webhookTool(uniqueName('e2e_sec_tool').replace(/-/g, '_'),
      { requestHeaders: { Authorization: { secretId: secret.secretId } } }));
    toolId = tool.id;
    const header = tool.toolConfig.apiSchema.requestHeaders?.Authorization;
    assert.equal(header?.secretId, secret.secretId, `header kept as a secret locator: ${JSON.stringify(header)}`);

    const listed = (await secrets.list()).secrets.find((s) => s.secretId === secret.secretId);
    assert.ok(listed.usedBy.tools.some((t) => JSON.stringify(t).includes(toolId)), `used_by.tools names the tool: ${JSON.stringify(listed.usedBy)}`);
    await assert.rejects(secrets.delete(secret.secretId), apiError(400));
  } finally {
    if (toolId) await tools.delete(toolId);
    await secrets.delete(secret.secretId);
  }
});

test('secrets: a create without a name is rejected with 422', async () => {
  const r = await fetch(`${BASE_URL}/v1/convai/secrets`, {
    method: 'POST', headers: { 'xi-api-key': API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'new', value: 'v' }),
  });
  assert.equal(r.status, 422, await r.text());
});

// ---- settings -------------------------------------------------------------------------------------------------------

test('settings: get and update (PATCH), then restore', async () => {
  const before = await settings.get();
  const wire = await rawJson('/v1/convai/settings');
  try {
    const updated = await settings.update({ ragRetentionPeriodDays: 7, canUseMcpServers: true });
    assert.equal(updated.ragRetentionPeriodDays, 7);
    assert.equal(updated.canUseMcpServers, true);
    const again = await settings.get();
    assert.equal(again.ragRetentionPeriodDays, 7);
    assert.equal(again.canUseMcpServers, true);
    // A partial update leaves the other fields as they were.
    const partial = await settings.update({ ragRetentionPeriodDays: 5 });
    assert.equal(partial.ragRetentionPeriodDays, 5);
    assert.equal(partial.canUseMcpServers, true);
  } finally {
    const restore = {};
    if (wire.rag_retention_period_days !== undefined) restore.ragRetentionPeriodDays = wire.rag_retention_period_days;
    if (wire.can_use_mcp_servers !== undefined) restore.canUseMcpServers = wire.can_use_mcp_servers;
    await settings.update(restore);
  }
  const after = await settings.get();
  assert.equal(after.ragRetentionPeriodDays, before.ragRetentionPeriodDays);
  assert.equal(after.canUseMcpServers, before.canUseMcpServers);
});

// ---- CLI ------------------------------------------------------------------------------------------------------------


test('cli: agents tools / secrets / settings', async () => {
  const toolName = uniqueName('e2e_cli_tool').replace(/-/g, '_');
  const tool = await cliJson(['agents', 'tools', 'create', '--json', JSON.stringify({
    tool_config: { type: 'webhook', name: toolName, description: 'CLI tool', api_schema: { url: 'https://example.invalid/cli', method: 'GET' } },
  })]);
  try {
    assert.ok(tool.id);
    const got = await cliJson(['agents', 'tools', 'get', '--tool-id', tool.id]);
    assert.equal(got.tool_config.name, toolName);
    const listed = await cliJson(['agents', 'tools', 'list']);
    const list = Array.isArray(listed) ? listed : listed.tools;
    assert.ok(list.some((t) => t.id === tool.id));
  } finally {
    const del = await cli(['agents', 'tools', 'delete', '--tool-id', tool.id]);
    assert.equal(del.code, 0, del.stdout + del.stderr);
  }

  const secretName = uniqueName('e2e_cli_secret').replace(/-/g, '_');
  const secret = await cliJson(['agents', 'secrets', 'create', '--json', JSON.stringify({ type: 'new', name: secretName, value: 'v' })]);
  try {
    assert.equal(secret.name, secretName);
    const listed = await cliJson(['agents', 'secrets', 'list']);
    const list = Array.isArray(listed) ? listed : listed.secrets;
    assert.ok(list.some((s) => s.secret_id === secret.secret_id));
  } finally {
    const del = await cli(['agents', 'secrets', 'delete', '--secret-id', secret.secret_id]);
    assert.equal(del.code, 0, del.stdout + del.stderr);
  }

  const s = await cliJson(['agents', 'settings', 'get']);
  assert.equal(typeof s, 'object');
});
