// Agents Platform: agent tests through the SDK (client.conversationalAi.tests.*, tests.invocations.get/resubmit,
// agents.runTests). No LLM is configured in the suite, so the agent runs the built-in rule model (not an AI) and the
// deterministic judge decides; every verdict's rationale names the rule that decided.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, uniqueName, rawJson } from '../lib/common.mjs';

const client = makeClient();
const agents = client.conversationalAi.agents;
const tests = client.conversationalAi.tests;

const shopConfig = {
  agent: {
    firstMessage: 'Hello!',
    language: 'en',
    prompt: {
      prompt: 'When the user says order, reply Your order has shipped. Anything else?\nIf the user asks about status, call tool lookup_status',
      tools: [{
        type: 'client', name: 'lookup_status', description: 'Order status', expectsResponse: true,
        parameters: { type: 'object', properties: { reason: { type: 'string', description: 'why' } } },
      }],
    },
  },
};
const orderHistory = [
  { role: 'agent', message: 'Hello!', timeInCallSecs: 0 },
  { role: 'user', message: 'Where is my order?', timeInCallSecs: 2 },
];

async function waitForInvocation(id) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const inv = await tests.invocations.get(id);
    if (inv.testRuns.every((r) => r.status !== 'pending')) return inv;
    assert.ok(Date.now() < deadline, 'the invocation finished within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('agent testing: create, read, update, list and delete tests', async () => {
  const name = uniqueName('e2e-test');
  const { id } = await tests.create({
    type: 'llm', name, chatHistory: orderHistory, successCondition: 'The agent says the order has "shipped"',
    successExamples: [{ response: 'Your order has shipped.', type: 'success' }], failureExamples: [],
  });
  try {
    const got = await tests.get(id);
    assert.equal(got.name, name);
    assert.equal(got.type, 'llm');
    assert.equal(got.chatHistory[1].message, 'Where is my order?');
    assert.equal(got.successExamples[0].response, 'Your order has shipped.');
    const wire = await rawJson(`/v1/convai/agent-testing/${id}`);
    assert.equal(wire.success_condition, 'The agent says the order has "shipped"');

    const updated = await tests.update(id, {
      type: 'llm', name: `${name}-renamed`, chatHistory: orderHistory, successCondition: '/shipped/',
      successExamples: [], failureExamples: [], dynamicVariables: { tier: 'gold' },
    });
    assert.equal(updated.name, `${name}-renamed`);
    assert.equal(updated.dynamicVariables.tier, 'gold');

    const page = await tests.list({ search: `${name}-renamed`, pageSize: 5 });
    assert.deepEqual(page.tests.map((t) => t.id), [id]);
    assert.equal(page.hasMore, false);
    assert.equal(typeof page.tests[0].createdAtUnixSecs, 'number');
    const summaries = await tests.summaries({ testIds: [id] });
    assert.equal(summaries.tests[id].name, `${name}-renamed`);
  } finally {
    await tests.delete(id);
  }
  await assert.rejects(tests.get(id), apiError(404));
});

test('agent testing: run tests on an agent, poll the invocation, resubmit a run', async () => {
  const { agentId } = await agents.create({ name: uniqueName('e2e-testing'), conversationConfig: shopConfig });
  const created = [];
  try {
    const shipped = await tests.create({
      type: 'llm', name: uniqueName('e2e-shipped'), chatHistory: orderHistory, successCondition: 'Says the order has "shipped"',
      successExamples: [], failureExamples: [],
    });
    const refund = await tests.create({
      type: 'llm', name: uniqueName('e2e-refund'), chatHistory: orderHistory, successCondition: 'Offers a "refund"',
      successExamples: [], failureExamples: [],
    });
    const tool = await tests.create({
      type: 'tool', name: uniqueName('e2e-tool'),
      chatHistory: [{ role: 'user', message: 'What is the status of my parcel?', timeInCallSecs: 0 }],
      toolCallParameters: {
        referencedTool: { id: 'lookup_status', type: 'client' },
        parameters: [{ path: 'reason', eval: { type: 'regex', pattern: '^the user asked about \\w+$' } }],
      },
    });
    created.push(shipped.id, refund.id, tool.id);

    const started = await agents.runTests(agentId, { tests: created.map((testId) => ({ testId })) });
    assert.equal(started.testRuns.length, 3);
    const inv = await waitForInvocation(started.id);
    const [a, b, c] = inv.testRuns;
    assert.deepEqual(inv.testRuns.map((r) => r.testId), created);
    assert.deepEqual(inv.testRuns.map((r) => r.status), ['passed', 'failed', 'passed']);
    assert.equal(a.conditionResult.result, 'success');
    assert.match(a.conditionResult.rationale.summary, /quoted phrases/);
    assert.equal(a.agentResponses[0].message, 'Your order has shipped. Anything else?');
    assert.equal(b.conditionResult.result, 'failure');
    assert.match(b.conditionResult.rationale.messages.join(' '), /refund/);
    assert.equal(c.agentResponses[0].toolCalls[0].toolName, 'lookup_status');
    assert.match(c.conditionResult.rationale.messages.join(' '), /matches/);

    // the refund test passes once the agent (resubmitted with an override) offers a refund
    await tests.invocations.resubmit(inv.id, {
      testRunIds: [b.testRunId], agentId,
      agentConfigOverride: {
        conversationConfig: { agent: { prompt: { prompt: 'When the user says order, reply I can offer a refund.' } } },
        platformSettings: {},
      },
    });
    const again = await waitForInvocation(inv.id);
    assert.equal(again.testRuns[1].testRunId, b.testRunId);
    assert.equal(again.testRuns[1].status, 'passed');
    assert.equal(again.testRuns[0].status, 'passed');
  } finally {
    for (const id of created) await tests.delete(id).catch(() => {});
    await agents.delete(agentId).catch(() => {});
  }
});

test('agent testing: unknown agent, test or invocation → 404; an invalid test → 422', async () => {
  await assert.rejects(agents.runTests('agent_does_not_exist', { tests: [{ testId: 'x' }] }), apiError(404));
  await assert.rejects(tests.invocations.get('nope'), apiError(404));
  await assert.rejects(tests.get('nope'), apiError(404));
  await assert.rejects(tests.create({ type: 'llm', name: 'bad', chatHistory: [], successCondition: 'x', successExamples: [], failureExamples: [] }),
    apiError(422));
});
