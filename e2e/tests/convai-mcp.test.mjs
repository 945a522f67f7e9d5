// MCP servers (/v1/convai/mcp-servers) through elevenlabs-js conversationalAi.mcpServers.*, against a real MCP server:
// @modelcontextprotocol/server-everything (pinned devDependency) over streamable HTTP on 127.0.0.1:$E2E_MCP_PORT, the
// one local address run.sh allows the server to reach. A text conversation with the built-in rule LLM ("If the user
// asks about X, call tool T") calls the server's get-tiny-image tool; the result shows in the reply and the transcript.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { WebSocket as WsWebSocket } from 'ws';
import { apiError, BASE_URL, eventLog, makeClient, uniqueName } from '../lib/common.mjs';

const require = createRequire(import.meta.url);
const client = makeClient();
const mcpServers = client.conversationalAi.mcpServers;
const MCP_PORT = process.env.E2E_MCP_PORT;
const MCP_URL = `http://127.0.0.1:${MCP_PORT}/mcp`;
const WS_ORIGIN = BASE_URL.replace(/^http/i, 'ws');
if (typeof globalThis.WebSocket === 'undefined') globalThis.WebSocket = WsWebSocket; // Node 20

let everything;
before(async () => {
  assert.ok(MCP_PORT, 'run.sh sets E2E_MCP_PORT');
  const entry = require.resolve('@modelcontextprotocol/server-everything/dist/index.js');
  everything = spawn(process.execPath, [entry, 'streamableHttp'], { env: { ...process.env, PORT: MCP_PORT }, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server-everything did not start')), 30000);
    everything.stderr.on('data', (d) => { if (/listening on port/i.test(String(d))) { clearTimeout(timer); resolve(); } });
    everything.on('exit', (code) => reject(new Error(`server-everything exited ${code}`)));
  });
});
after(() => everything?.kill());

test('mcp servers: create, list, get, tools, approval policy, tool approvals; bad input', async () => {
  const created = await mcpServers.create({ config: { name: uniqueName('e2e-mcp'), url: MCP_URL, transport: 'STREAMABLE_HTTP' } });
  assert.match(created.id, /^mcp_/);
  assert.equal(created.config.approvalPolicy, 'require_approval_all');
  assert.ok(created.metadata.createdAt > 0);
  const got = await mcpServers.get(created.id);
  assert.equal(got.config.url, MCP_URL);
  const { mcpServers: all } = await mcpServers.list();
  assert.ok(all.some((s) => s.id === created.id));

  const tools = await mcpServers.tools.list(created.id);
  assert.equal(tools.success, true);
  const echo = tools.tools.find((t) => t.name === 'echo');
  assert.ok(echo && echo.inputSchema, 'echo listed with its schema');

  const perTool = await mcpServers.approvalPolicy.update(created.id, { approvalPolicy: 'require_approval_per_tool' });
  assert.equal(perTool.config.approvalPolicy, 'require_approval_per_tool');
  const approved = await mcpServers.toolApprovals.create(created.id, {
    toolName: 'echo', toolDescription: echo.description ?? '', inputSchema: echo.inputSchema, approvalPolicy: 'auto_approved' });
  const hash = approved.config.toolApprovalHashes.find((h) => h.toolName === 'echo');
  assert.match(hash.toolHash, /^[0-9a-f]{64}$/);
  assert.equal(hash.approvalPolicy, 'auto_approved');
  const removed = await mcpServers.toolApprovals.delete(created.id, 'echo');
  assert.equal(removed.config.toolApprovalHashes.length, 0);

  await assert.rejects(mcpServers.get('mcp_does_not_exist'), apiError(404));
  await assert.rejects(mcpServers.create({ config: { name: 'internal', url: 'http://169.254.169.254/mcp' } }), apiError(422));
  await assert.rejects(mcpServers.create({ config: { name: 'bad secret', url: MCP_URL, requestHeaders: { A: { secretId: 'nope' } } } }), apiError(422));
});

test('mcp servers: an agent calls an MCP tool in a text conversation and the transcript records it', async () => {
  const server = await mcpServers.create({ config: { name: uniqueName('e2e-mcp-conv'), url: MCP_URL, transport: 'STREAMABLE_HTTP',
    approvalPolicy: 'auto_approve_all' } });
  const agents = client.conversationalAi.agents;
  const { agentId } = await agents.create({
    name: uniqueName('e2e-mcp-agent'),
    conversationConfig: {
      agent: { firstMessage: 'Ready.', language: 'en',
        prompt: { prompt: 'If the user asks about logo, call tool get-tiny-image', mcpServerIds: [server.id] } },
      conversation: { textOnly: true },
    },
  });
  try {
    const { Conversation } = await import('@elevenlabs/client');
    const log = eventLog(30000);
    const session = await Conversation.startSession({ agentId, origin: WS_ORIGIN, textOnly: true, connectionType: 'websocket',
      onIncomingEvent: (e) => log.push(e) });
    let reply;
    try {
      await log.next((e) => e.type === 'agent_response');
      const mark = log.events.length;
      const t0 = performance.now();
      session.sendUserMessage('show me the logo please');
      reply = await log.next((e) => e.type === 'agent_response' && /MCP logo/.test(e.agent_response_event?.agent_response ?? ''), mark);
      console.log(`mcp e2e: user message → reply with the MCP tool result in ${(performance.now() - t0).toFixed(0)} ms`);
    } finally {
      await session.endSession();
    }
    assert.match(reply.agent_response_event.agent_response, /Here is what I found: .*image you requested/s);
    let stored;
    for (let i = 0; i < 100; i++) {
      stored = await client.conversationalAi.conversations.get(session.getId());
      if (stored.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const call = stored.transcript.flatMap((t) => t.toolCalls ?? []).find((c) => c.toolName === 'get-tiny-image');
    assert.ok(call, 'tool call recorded');
    assert.equal(call.type, 'mcp');
    assert.equal(call.toolDetails.type, 'mcp');
    assert.equal(call.toolDetails.mcpServerId, server.id);
    const result = stored.transcript.flatMap((t) => t.toolResults ?? []).find((r) => r.requestId === call.requestId);
    assert.match(result.resultValue, /MCP logo/);
    assert.equal(result.isError, false);
  } finally {
    await agents.delete(agentId).catch(() => {});
  }
});
