// Agent workflows through the official clients: an agent created with a workflow in the elevenlabs-js SDK's types
// (start → intro subagent → gold subagent by an expression over a dynamic variable → end), an invalid workflow refused
// with a 422, and a text conversation (@elevenlabs/client, rule LLM) that moves through the nodes and is ended by
// the end node; the stored conversation (parsed by the SDK) records each move as a workflow tool result.
import test from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket as WsWebSocket } from 'ws';
import { BASE_URL, ElevenLabsError, eventLog, makeClient, uniqueName } from '../lib/common.mjs';

const client = makeClient();
const agents = client.conversationalAi.agents;
const WS_ORIGIN = BASE_URL.replace(/^http/i, 'ws');

if (typeof globalThis.WebSocket === 'undefined') globalThis.WebSocket = WsWebSocket; // Node 20

const WORKFLOW = {
  nodes: {
    start_node: { type: 'start', position: { x: 0, y: 0 } },
    intro: { type: 'override_agent', label: 'Intro', conversationConfig: { agent: { prompt: { prompt: 'When the user says hello, reply Hi from intro.' } } } },
    gold: { type: 'override_agent', label: 'Gold', additionalPrompt: 'When the user says status, reply You are a gold member.' },
    end_node: { type: 'end' },
  },
  edges: {
    e1: { source: 'start_node', target: 'intro', forwardCondition: { type: 'unconditional' } },
    e2: {
      source: 'intro', target: 'gold',
      forwardCondition: { type: 'expression', label: 'gold tier',
        expression: { type: 'eq_operator', left: { type: 'dynamic_variable', name: 'tier' }, right: { type: 'string_literal', value: 'gold' } } },
    },
    e3: { source: 'gold', target: 'end_node', forwardCondition: { type: 'unconditional' } },
  },
};

function createAgent(workflow) {
  return agents.create({
    name: uniqueName('e2e-workflow'),
    conversationConfig: {
      agent: { firstMessage: 'Welcome!', prompt: { prompt: 'When the user says hello, reply Hi from the base agent.' } },
      conversation: { textOnly: true },
    },
    workflow,
  });
}

const agentResponse = (text) => (e) => e.type === 'agent_response' && (!text || e.agent_response_event?.agent_response === text);

test('workflows: an agent is created with a workflow and returns it', async () => {
  const { agentId } = await createAgent(WORKFLOW);
  try {
    const got = await agents.get(agentId);
    assert.equal(got.workflow.nodes.intro.type, 'override_agent');
    assert.equal(got.workflow.nodes.gold.additionalPrompt, 'When the user says status, reply You are a gold member.');
    assert.equal(got.workflow.edges.e2.forwardCondition.type, 'expression');
    // the response model's required node fields are filled (the SDK's parser checks them)
    assert.deepEqual(got.workflow.nodes.start_node.edgeOrder, ['e1']);
    assert.deepEqual(got.workflow.nodes.gold.additionalToolIds, []);
  } finally {
    await agents.delete(agentId).catch(() => {});
  }
});

test('workflows: an invalid workflow (an edge to a missing node) is refused with a 422', async () => {
  const broken = { nodes: WORKFLOW.nodes, edges: { ...WORKFLOW.edges, e4: { source: 'gold', target: 'nowhere' } } };
  await assert.rejects(createAgent(broken), (e) => {
    assert.ok(e instanceof ElevenLabsError);
    assert.equal(e.statusCode, 422);
    const v = e.body.detail[0];
    assert.deepEqual(v.loc, ['body', 'workflow', 'edges', 'e4', 'target']);
    assert.match(v.msg, /'nowhere'/);
    return true;
  });
});

test('workflows: a text conversation moves through the subagents and the end node ends it', async () => {
  const { agentId } = await createAgent(WORKFLOW);
  try {
    const { Conversation } = await import('@elevenlabs/client');
    const log = eventLog();
    let disconnected;
    const ended = new Promise((resolve) => { disconnected = resolve; });
    const session = await Conversation.startSession({
      agentId, origin: WS_ORIGIN, textOnly: true, connectionType: 'websocket', dynamicVariables: { tier: 'gold' },
      onIncomingEvent: (e) => log.push(e), onDisconnect: (d) => disconnected(d),
    });
    const conversationId = session.getId();
    await log.next(agentResponse('Welcome!'));
    let mark = log.events.length;
    session.sendUserMessage('hello');
    await log.next(agentResponse('Hi from intro.'), mark);
    mark = log.events.length;
    session.sendUserMessage('status');
    await log.next(agentResponse('You are a gold member.'), mark);
    await ended;

    let stored;
    for (let i = 0; i < 100; i++) {
      stored = await client.conversationalAi.conversations.get(conversationId);
      if (stored.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(stored.status, 'done');
    const steps = stored.transcript.flatMap((t) => t.toolResults ?? []).filter((r) => r.type === 'workflow')
      .flatMap((r) => r.result?.steps ?? []);
    // the SDK's union parse of tool results may hand the workflow result's steps over as sent (snake_case)
    assert.deepEqual(steps.map((s) => s.edgeId ?? s.edge_id), ['e1', 'e2', 'e3']);
    assert.deepEqual(steps.map((s) => s.targetNodeId ?? s.target_node_id), ['intro', 'gold', 'end_node']);
  } finally {
    await agents.delete(agentId).catch(() => {});
  }
});
