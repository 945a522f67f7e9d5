// Agents Platform: simulated conversations through the SDK (client.conversationalAi.agents.simulateConversation and
// simulateConversationStream). No LLM is configured in the suite, so both sides run the built-in rule model (scripted
// replies from prompt rules, not an AI); the transcript is therefore exact.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, uniqueName, raw } from '../lib/common.mjs';

const client = makeClient();
const agents = client.conversationalAi.agents;

const shopConfig = {
  agent: {
    firstMessage: 'Hello! How can I help you today?',
    language: 'en',
    prompt: {
      prompt: 'When the user says order, reply Your order has shipped. Anything else?',
      builtInTools: { endCall: { name: 'end_call', description: 'End the call', params: { systemToolType: 'end_call' } } },
    },
  },
};
const customer = {
  simulatedUserConfig: {
    prompt: { prompt: 'When the user says help, reply I want to know about my order.\nWhen the user says anything else, reply No thanks, goodbye.' },
  },
};

async function withAgent(fn) {
  const { agentId } = await agents.create({ name: uniqueName('e2e-sim'), conversationConfig: shopConfig });
  try {
    return await fn(agentId);
  } finally {
    await agents.delete(agentId).catch(() => {});
  }
}

test('simulation: the agent and the simulated user talk until end_call; analysis comes back', async () => {
  await withAgent(async (id) => {
    const r = await agents.simulateConversation(id, {
      simulationSpecification: customer,
      extraEvaluationCriteria: [{ id: 'shipped', name: 'Shipped', conversationGoalPrompt: 'The agent says the order shipped' }],
    });
    assert.deepEqual(r.simulatedConversation.map((e) => `${e.role}: ${e.message}`), [
      'agent: Hello! How can I help you today?',
      'user: I want to know about my order.',
      'agent: Your order has shipped. Anything else?',
      'user: No thanks, goodbye.',
      'agent: Goodbye!',
    ]);
    assert.equal(r.simulatedConversation[4].toolCalls?.[0]?.toolName, 'end_call');
    assert.equal(typeof r.simulatedConversation[0].timeInCallSecs, 'number');
    assert.ok(['success', 'failure', 'unknown'].includes(r.analysis.callSuccessful));
    assert.equal(typeof r.analysis.transcriptSummary, 'string');
    assert.equal(r.analysis.evaluationCriteriaResults?.shipped?.criteriaId, 'shipped');
  });
});

test('simulation: newTurnsLimit, partial history and tool mocks', async () => {
  await withAgent(async (id) => {
    const limited = await agents.simulateConversation(id, { simulationSpecification: customer, newTurnsLimit: 3 });
    assert.equal(limited.simulatedConversation.length, 3);
    const resumed = await agents.simulateConversation(id, {
      simulationSpecification: {
        ...customer,
        partialConversationHistory: [
          { role: 'agent', message: 'Hi! What do you need?', timeInCallSecs: 0 },
          { role: 'user', message: 'Where is my order?', timeInCallSecs: 5 },
        ],
        toolMockConfig: { some_tool: { defaultReturnValue: 'mocked', defaultIsError: false } },
      },
    });
    assert.deepEqual(resumed.simulatedConversation.slice(0, 3).map((e) => e.message),
      ['Hi! What do you need?', 'Where is my order?', 'Your order has shipped. Anything else?']);
  });
});

test('simulation: the stream call succeeds and its body is JSON lines ending with the analysis', async () => {
  await withAgent(async (id) => {
    await agents.simulateConversationStream(id, { simulationSpecification: customer }); // the SDK returns no data
    const r = await raw(`/v1/convai/agents/${id}/simulate-conversation/stream`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ simulation_specification: { simulated_user_config: customer.simulatedUserConfig } }),
    });
    assert.equal(r.status, 200);
    const lines = (await r.text()).trim().split('\n').map((l) => JSON.parse(l));
    const entries = lines.slice(0, -1).flatMap((l) => l.simulated_conversation);
    assert.equal(entries.length, 5);
    assert.ok(lines.at(-1).analysis, 'the last line is the analysis');
  });
});

test('simulation: an unknown agent is 404, a body without simulation_specification is 422', async () => {
  await assert.rejects(agents.simulateConversation('agent_' + uniqueName('missing').replace(/-/g, ''),
    { simulationSpecification: customer }), apiError(404));
  await withAgent(async (id) => {
    const r = await raw(`/v1/convai/agents/${id}/simulate-conversation`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    });
    assert.equal(r.status, 422);
    assert.deepEqual((await r.json()).detail[0].loc, ['body', 'simulation_specification']);
  });
});
