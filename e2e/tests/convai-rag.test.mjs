// RAG indexes of knowledge-base documents through the SDK: compute (conversationalAi.knowledgeBase.document.computeRagIndex),
// list (conversationalAi.getDocumentRagIndexes), overview (conversationalAi.ragIndexOverview), delete
// (conversationalAi.deleteDocumentRagIndex). The document is made with knowledgeBase.documents.createFromText (the
// knowledge-base documents API) and deleted at the end.
import test from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket as WsWebSocket } from 'ws';
import { BASE_URL, makeClient, apiError, uniqueName, raw, eventLog } from '../lib/common.mjs';

if (typeof globalThis.WebSocket === 'undefined') globalThis.WebSocket = WsWebSocket; // Node 20
const WS_ORIGIN = BASE_URL.replace(/^http/i, 'ws');

const client = makeClient();
const ai = client.conversationalAi;

async function until(fn, ok, ms = 60000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not reached: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('rag index: compute, list, overview, delete', async () => {
  const doc = await ai.knowledgeBase.documents.createFromText({
    name: uniqueName('e2e-rag'),
    text: 'The lighthouse at Skerry Point was kept by Elias Thorn from 1871 until 1911. It was painted red in 1902.',
  });
  try {
    const bad = await raw(`/v1/convai/knowledge-base/${doc.id}/rag-index`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'bert' }),
    });
    assert.equal(bad.status, 422, 'an unknown model (raw fetch: the SDK checks the enum)');

    const computed = await ai.knowledgeBase.document.computeRagIndex(doc.id, { model: 'e5_mistral_7b_instruct' });
    assert.ok(computed.id);
    assert.equal(computed.model, 'e5_mistral_7b_instruct');
    assert.ok(['created', 'processing', 'succeeded'].includes(computed.status), computed.status);
    assert.equal(typeof computed.progressPercentage, 'number');
    assert.equal(typeof computed.documentModelIndexUsage.usedBytes, 'number');

    const list = await until(() => ai.getDocumentRagIndexes(doc.id), (l) => l.indexes[0]?.status === 'succeeded');
    assert.equal(list.indexes.length, 1);
    assert.equal(list.indexes[0].id, computed.id);
    assert.equal(list.indexes[0].progressPercentage, 100);
    assert.ok(list.indexes[0].documentModelIndexUsage.usedBytes > 0);

    const again = await ai.knowledgeBase.document.computeRagIndex(doc.id, { model: 'e5_mistral_7b_instruct' });
    assert.equal(again.id, computed.id, 'computing again returns the existing index');

    const overview = await ai.ragIndexOverview();
    assert.ok(overview.totalUsedBytes >= list.indexes[0].documentModelIndexUsage.usedBytes);
    assert.ok(overview.totalMaxBytes > 0);
    assert.ok(overview.models.some((m) => m.model === 'e5_mistral_7b_instruct' && m.usedBytes > 0));

    const deleted = await ai.deleteDocumentRagIndex(doc.id, computed.id);
    assert.equal(deleted.id, computed.id);
    assert.deepEqual((await ai.getDocumentRagIndexes(doc.id)).indexes, []);
    await assert.rejects(ai.deleteDocumentRagIndex(doc.id, computed.id), apiError(404));
  } finally {
    await ai.knowledgeBase.documents.delete(doc.id).catch(() => {});
  }
});

test('rag index: an unknown document → 404', async () => {
  await assert.rejects(ai.knowledgeBase.document.computeRagIndex('no_such_document', { model: 'e5_mistral_7b_instruct' }), apiError(404));
  await assert.rejects(ai.getDocumentRagIndexes('no_such_document'), apiError(404));
  await assert.rejects(ai.deleteDocumentRagIndex('no_such_document', 'no_such_index'), apiError(404));
});

// The journey: a document only it can answer from, an agent with RAG on, a text conversation through
// @elevenlabs/client. The offline rule LLM answers with the best sentence of the passages retrieved into its prompt,
// so the answer shows the chunk reached the LLM; the stored conversation carries rag_retrieval_info.
test('rag: the agent answers a question only the uploaded document can answer', async () => {
  const doc = await ai.knowledgeBase.documents.createFromText({
    name: uniqueName('e2e-rag-fact'),
    text: 'Harbour notes. The ferry to Inishbrack leaves the quay at twenty past seven. The café closes on Mondays.\n\n'
      + 'The tide tables are posted at the harbour office every Sunday evening.',
  });
  let agentId;
  try {
    ({ agentId } = await ai.agents.create({
      name: uniqueName('e2e-rag-agent'),
      conversationConfig: {
        agent: {
          firstMessage: 'Ask me about the harbour.',
          prompt: {
            prompt: 'You answer questions about the harbour.',
            knowledgeBase: [{ type: 'text', name: doc.name, id: doc.id, usageMode: 'auto' }],
            rag: { enabled: true, embeddingModel: 'e5_mistral_7b_instruct', maxRetrievedRagChunksCount: 3 },
          },
        },
        conversation: { textOnly: true },
      },
    }));
    const { Conversation } = await import('@elevenlabs/client');
    const log = eventLog(60000);
    const session = await Conversation.startSession({
      agentId, origin: WS_ORIGIN, textOnly: true, connectionType: 'websocket', onIncomingEvent: (e) => log.push(e),
    });
    const conversationId = session.getId();
    await log.next((e) => e.type === 'agent_response');
    const mark = log.events.length;
    session.sendUserMessage('When does the ferry to Inishbrack leave?');
    const answer = await log.next((e) => e.type === 'agent_response', mark);
    assert.match(answer.agent_response_event.agent_response, /twenty past seven/);
    await session.endSession();

    let stored;
    for (let i = 0; i < 100; i++) {
      stored = await ai.conversations.get(conversationId);
      if (stored.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const retrieved = stored.transcript.map((t) => t.ragRetrievalInfo).filter(Boolean);
    assert.equal(retrieved.length, 1, 'one agent answer with retrieval');
    assert.equal(retrieved[0].embeddingModel, 'e5_mistral_7b_instruct');
    assert.match(retrieved[0].retrievalQuery, /ferry/);
    assert.ok(retrieved[0].chunks.length >= 1);
    assert.ok(retrieved[0].chunks.every((c) => c.documentId === doc.id && typeof c.vectorDistance === 'number'));
  } finally {
    if (agentId) await ai.agents.delete(agentId).catch(() => {});
    await ai.knowledgeBase.documents.delete(doc.id, { force: true }).catch(() => {});
  }
});
