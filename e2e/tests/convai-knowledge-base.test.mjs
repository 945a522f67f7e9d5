// Agents' knowledge base through the SDK: client.conversationalAi.knowledgeBase.{list, documents.*, documents.chunk.get},
// conversationalAi.agents.knowledgeBase.size, conversationalAi.llmUsage.calculate and agents.llmUsage.calculate.
// Each test removes what it creates.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, uniqueName, raw } from '../lib/common.mjs';

const client = makeClient();
const { knowledgeBase, agents, llmUsage } = client.conversationalAi;
const { documents } = knowledgeBase;

async function postJson(path, body) {
  const r = await raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() };
}

test('knowledge base: text and file documents, list, get, rename, content, chunk, dependent agents, size, delete', async () => {
  const name = uniqueName('e2e-kb');
  const text = await documents.createFromText({ text: 'We open at nine.\n\nWe close at five.', name: `${name}-hours` });
  const md = '# Returns\n\nReturns are accepted within **30 days**.\n';
  const file = await documents.createFromFile({
    file: { data: Buffer.from(md), filename: 'returns.md', contentType: 'text/markdown' }, name: `${name}-returns`,
  });
  let agentId;
  try {
    assert.ok(text.id);
    assert.equal(text.name, `${name}-hours`);
    assert.equal(file.name, `${name}-returns`);

    const got = await documents.get(text.id);
    assert.equal(got.type, 'text');
    assert.equal(got.id, text.id);
    assert.deepEqual(got.supportedUsages, ['prompt', 'auto']);
    assert.equal(got.metadata.sizeBytes, 'We open at nine.\n\nWe close at five.'.length);
    assert.equal(got.accessInfo.isCreator, true);
    const gotFile = await documents.get(file.id);
    assert.equal(gotFile.type, 'file');
    assert.match(gotFile.extractedInnerHtml, /Returns are accepted within 30 days\./);

    const content = await documents.getContent(text.id);
    assert.match(String(content), /<p>We close at five\.<\/p>/);
    const chunk = await documents.chunk.get(text.id, `${text.id}_0`);
    assert.equal(chunk.id, `${text.id}_0`);
    assert.match(chunk.content, /We open at nine\./);

    const page = await knowledgeBase.list({ search: name, pageSize: 1, sortBy: 'name', sortDirection: 'asc' });
    assert.equal(page.documents.length, 1);
    assert.equal(page.documents[0].id, text.id);
    assert.equal(page.hasMore, true);
    const rest = await knowledgeBase.list({ search: name, pageSize: 1, sortBy: 'name', sortDirection: 'asc', cursor: page.nextCursor });
    assert.equal(rest.documents[0].id, file.id);
    assert.equal((await knowledgeBase.list({ search: name, types: ['file'] })).documents.length, 1);

    const renamed = await documents.update(text.id, { name: `${name}-opening-hours` });
    assert.equal(renamed.name, `${name}-opening-hours`);

    const agent = await agents.create({
      name: `${name}-agent`,
      conversationConfig: { agent: { prompt: { prompt: 'You help.', knowledgeBase: [
        { type: 'text', name: 'hours', id: text.id, usageMode: 'prompt' },
        { type: 'file', name: 'returns', id: file.id, usageMode: 'auto' },
      ] } } },
    });
    agentId = agent.agentId;
    const deps = await documents.getAgents(text.id);
    assert.deepEqual(deps.agents.map((a) => a.id), [agentId]);
    assert.equal(deps.hasMore, false);
    const size = await agents.knowledgeBase.size(agentId);
    assert.equal(size.numberOfPages, 2);

    // in use: refused without force (400 naming the agent), removed from the agent with force
    await assert.rejects(documents.delete(text.id), apiError(400));
    await documents.delete(text.id, { force: true });
    await assert.rejects(documents.get(text.id), apiError(404));
    const after = await agents.get(agentId);
    assert.deepEqual(after.conversationConfig.agent.prompt.knowledgeBase.map((l) => l.id), [file.id]);
  } finally {
    if (agentId) await agents.delete(agentId);
    await documents.delete(file.id, { force: true }).catch(() => {});
    await documents.delete(text.id, { force: true }).catch(() => {});
  }
  await assert.rejects(documents.get(file.id), apiError(404));
  await assert.rejects(documents.chunk.get(file.id, `${file.id}_0`), apiError(404));
});

test('knowledge base: a URL to an internal address is refused, bad files and bodies are 4xx', async () => {
  await assert.rejects(documents.createFromUrl({ url: 'http://127.0.0.1:9/admin' }), apiError(400));
  const refused = await postJson('/v1/convai/knowledge-base/url', { url: 'http://169.254.169.254/latest' });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.detail.status, 'url_not_allowed');
  await assert.rejects(documents.createFromFile({
    file: { data: Buffer.from([0, 1, 2, 3]), filename: 'song.mp3', contentType: 'audio/mpeg' },
  }), apiError(400));
  const missing = await postJson('/v1/convai/knowledge-base/text', {});
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json.detail[0].loc, ['body', 'text']);
});

test('llm usage: every model priced, more knowledge costs more, the agent variant uses the agent', async () => {
  const base = await llmUsage.calculate({ promptLength: 2000, numberOfPages: 0, ragEnabled: false });
  const big = await llmUsage.calculate({ promptLength: 2000, numberOfPages: 50, ragEnabled: false });
  assert.ok(base.llmPrices.length > 40);
  const price = (r, llm) => r.llmPrices.find((p) => p.llm === llm).pricePerMinute;
  assert.ok(price(big, 'gpt-4o') > price(base, 'gpt-4o'));
  const agent = await agents.create({ name: uniqueName('e2e-llm'), conversationConfig: { agent: { prompt: { prompt: 'p'.repeat(2000) } } } });
  try {
    const own = await agents.llmUsage.calculate(agent.agentId, {});
    assert.equal(price(own, 'gpt-4o'), price(base, 'gpt-4o'));
  } finally {
    await agents.delete(agent.agentId);
  }
});
