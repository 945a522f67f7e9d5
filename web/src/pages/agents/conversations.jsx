// An agent's conversations: the list (GET /v1/convai/conversations?agent_id=, newest first, "Show more" by cursor)
// and one conversation (GET /v1/convai/conversations/{id}): the recording with its waveform, the transcript with
// times, tool calls and results, turn latencies (each entry's conversation_turn_metrics), the analysis and feedback.
import { useEffect, useState } from 'preact/hooks';
import { api, request } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote, useAsync, useObjectUrl } from '../../components/ui.jsx';
import { AgentTabs } from './tabs.jsx';
import { Waveform } from './waveform.jsx';
import { duration, when } from './util.js';

export function ConversationList({ agentId }) {
  const [items, setItems] = useState([]);
  const [cursor, setCursor] = useState(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(null);
  async function load(after) {
    setLoading(true);
    setError(null);
    try {
      const r = await api.get('/v1/convai/conversations', { agent_id: agentId, page_size: 30, cursor: after });
      setItems((prev) => (after ? [...prev, ...r.conversations] : r.conversations));
      setCursor(r.has_more ? r.next_cursor : null);
    } catch (e) { setError(e); } finally { setLoading(false); }
  }
  useEffect(() => { load(null); }, [agentId]);
  const base = `#/agents/${encodeURIComponent(agentId)}/conversations/`;
  return (
    <section>
      <AgentTabs agentId={agentId} current="conversations" />
      <div class="row spread"><h1>Conversations</h1><button class="secondary" onClick={() => load(null)}>Refresh</button></div>
      <ErrorNote error={error} />
      {!loading && items.length === 0 && <p class="muted">No conversations yet. <a href={`#/agents/${encodeURIComponent(agentId)}/call`}>Talk to the agent</a>.</p>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Started</th><th scope="col">Duration</th><th scope="col">Messages</th><th scope="col">Status</th><th scope="col">Result</th><th scope="col">Summary</th></tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.conversation_id}>
                  <td><a href={base + encodeURIComponent(c.conversation_id)}>{when(c.start_time_unix_secs)}</a></td>
                  <td>{duration(c.call_duration_secs)}</td>
                  <td>{c.message_count}</td>
                  <td>{c.status}</td>
                  <td>{c.call_successful}</td>
                  <td>{c.call_summary_title || c.transcript_summary || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && <p><button class="secondary" disabled={loading} onClick={() => load(cursor)}>Show more</button></p>}
      {loading && <p class="muted" role="status">Loading…</p>}
    </section>
  );
}

const isBusy = (s) => s === 'initiated' || s === 'in-progress' || s === 'processing';

export function ConversationPage({ agentId, conversationId }) {
  const path = `/v1/convai/conversations/${encodeURIComponent(conversationId)}`;
  const [conv, setConv] = useState(null);
  const [error, setError] = useState(null);
  // Poll while the call or its post-call analysis is still running.
  useEffect(() => {
    let live = true, timer;
    const step = async () => {
      try {
        const c = await api.get(path);
        if (!live) return;
        setConv(c);
        if (isBusy(c.status)) timer = setTimeout(step, 2000);
      } catch (e) { if (live) setError(e); }
    };
    step();
    return () => { live = false; clearTimeout(timer); };
  }, [conversationId]);

  return (
    <section>
      <AgentTabs agentId={agentId} current="conversations" />
      <h1>Conversation</h1>
      <p class="muted"><a href={`#/agents/${encodeURIComponent(agentId)}/conversations`}>← Conversations</a> · <code>{conversationId}</code></p>
      <ErrorNote error={error} />
      {!conv && !error && <p class="muted" role="status">Loading…</p>}
      {conv && <ConversationDetail conv={conv} path={path} onFeedback={setConv} />}
      {conv && <DeleteConversation path={path} onDeleted={() => navigate('agents', agentId, 'conversations')} />}
    </section>
  );
}

function ConversationDetail({ conv, path, onFeedback }) {
  const m = conv.metadata || {};
  const a = conv.analysis || {};
  return (
    <>
      <div class="card">
        <dl class="facts">
          <div><dt>Status</dt><dd>{conv.status}{isBusy(conv.status) && <span class="muted"> (updating…)</span>}</dd></div>
          <div><dt>Started</dt><dd>{when(m.start_time_unix_secs)}</dd></div>
          <div><dt>Duration</dt><dd>{duration(m.call_duration_secs)}</dd></div>
          <div><dt>Result</dt><dd>{a.call_successful || '—'}</dd></div>
          {m.termination_reason && <div><dt>Ended</dt><dd>{m.termination_reason}</dd></div>}
          {m.main_language && <div><dt>Language</dt><dd>{m.main_language}</dd></div>}
        </dl>
      </div>
      <h2>Recording</h2>
      <Recording conv={conv} path={path} />
      <h2>Transcript</h2>
      <Transcript entries={conv.transcript || []} />
      <Latencies entries={conv.transcript || []} />
      <Analysis analysis={a} />
      <Feedback conv={conv} path={path} onFeedback={onFeedback} />
    </>
  );
}

function Recording({ conv, path }) {
  const ready = conv.has_audio && !isBusy(conv.status);
  const audio = useAsync(async () => (ready ? (await request('GET', `${path}/audio`)).blob() : null), [path, ready]);
  const url = useObjectUrl(audio.data);
  if (!conv.has_audio) return <p class="muted">{isBusy(conv.status) ? 'The recording is being saved…' : 'No recording (voice recording off, or a text conversation).'}</p>;
  if (audio.error) return <ErrorNote error={audio.error} />;
  if (!audio.data || !url) return <p class="muted" role="status">Loading the recording…</p>;
  return <Waveform src={url} blob={audio.data} label="Conversation recording" />;
}

const json = (s) => { try { return JSON.stringify(typeof s === 'string' ? JSON.parse(s) : s, null, 1); } catch { return String(s); } };

function Transcript({ entries }) {
  if (entries.length === 0) return <p class="muted">Nothing was said.</p>;
  return (
    <ol class="transcript" aria-label="Conversation transcript">
      {entries.map((e) => (
        <li class={`line ${e.role}`}>
          <span class="who">{e.role === 'agent' ? 'Agent' : 'User'}</span>
          <span class="when muted">{e.time_in_call_secs ?? 0} s</span>
          {e.message && <p>{e.message}{e.interrupted && <span class="muted"> (interrupted)</span>}</p>}
          {(e.tool_calls || []).map((t) => (
            <details class="tool"><summary>Tool call: {t.tool_name}</summary><pre>{json(t.params_as_json)}</pre></details>
          ))}
          {(e.tool_results || []).map((t) => (
            <details class={`tool ${t.is_error ? 'error' : ''}`}><summary>Tool result: {t.tool_name}{t.is_error ? ' (error)' : ''}</summary><pre>{json(t.result_value)}</pre></details>
          ))}
          {e.feedback && <small class="muted">Rated {e.feedback.score}</small>}
        </li>
      ))}
    </ol>
  );
}

const METRIC_NAMES = {
  convai_vad_end: 'End of speech', convai_asr_trailing_service_latency: 'Transcript', convai_llm_service_ttfb: 'LLM first token',
  convai_tts_service_ttfb: 'TTS first audio', convai_first_audio: 'First audio sent',
};

/** One row per turn with metrics (seconds from the end of the user's speech, as the server measured them). */
function Latencies({ entries }) {
  const turns = entries.map((e, i) => ({ i, e, m: e.conversation_turn_metrics?.metrics })).filter((t) => t.m && Object.keys(t.m).length);
  if (turns.length === 0) return null;
  const names = [...new Set(turns.flatMap((t) => Object.keys(t.m)))];
  return (
    <>
      <h2>Turn latencies</h2>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Turn</th>{names.map((n) => <th scope="col" title={n}>{METRIC_NAMES[n] || n}</th>)}</tr></thead>
          <tbody>
            {turns.map((t) => (
              <tr><td>{t.e.role} at {t.e.time_in_call_secs ?? 0} s</td>
                {names.map((n) => <td>{t.m[n] ? `${Math.round(t.m[n].elapsed_time * 1000)} ms` : '—'}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Analysis({ analysis }) {
  const evals = Object.values(analysis.evaluation_criteria_results || {});
  const data = Object.values(analysis.data_collection_results || {});
  return (
    <>
      <h2>Analysis</h2>
      <div class="card">
        {analysis.call_summary_title && <h3>{analysis.call_summary_title}</h3>}
        <p>{analysis.transcript_summary || <span class="muted">No summary.</span>}</p>
        {evals.length > 0 && (
          <div class="table-wrap"><table>
            <caption>Evaluation</caption>
            <thead><tr><th scope="col">Criterion</th><th scope="col">Result</th><th scope="col">Rationale</th></tr></thead>
            <tbody>{evals.map((r) => <tr><td>{r.criteria_id}</td><td>{r.result}</td><td>{r.rationale}</td></tr>)}</tbody>
          </table></div>
        )}
        {data.length > 0 && (
          <div class="table-wrap"><table>
            <caption>Data collection</caption>
            <thead><tr><th scope="col">Item</th><th scope="col">Value</th><th scope="col">Rationale</th></tr></thead>
            <tbody>{data.map((r) => <tr><td>{r.data_collection_id}</td><td>{r.value == null ? '—' : String(r.value)}</td><td>{r.rationale}</td></tr>)}</tbody>
          </table></div>
        )}
      </div>
    </>
  );
}

function Feedback({ conv, path, onFeedback }) {
  const f = conv.metadata?.feedback || {};
  const [error, setError] = useState(null);
  async function rate(feedback) {
    setError(null);
    try {
      await api.post(`${path}/feedback`, { feedback });
      onFeedback(await api.get(path));
    } catch (e) { setError(e); }
  }
  return (
    <>
      <h2>Feedback</h2>
      <div class="row">
        <span>{f.overall_score ? `Rated: ${f.overall_score}` : 'Not rated.'} <span class="muted">({f.likes || 0} likes, {f.dislikes || 0} dislikes in the call)</span></span>
        <button class="secondary" aria-pressed={f.overall_score === 'like'} onClick={() => rate('like')}>Like</button>
        <button class="secondary" aria-pressed={f.overall_score === 'dislike'} onClick={() => rate('dislike')}>Dislike</button>
      </div>
      <ErrorNote error={error} />
    </>
  );
}

function DeleteConversation({ path, onDeleted }) {
  const [error, setError] = useState(null);
  async function remove() {
    if (!confirm('Delete this conversation, its transcript and recording?')) return;
    setError(null);
    try { await api.del(path); onDeleted(); } catch (e) { setError(e); }
  }
  return (
    <>
      <h2>Delete</h2>
      <button class="danger" onClick={remove}>Delete conversation</button>
      <ErrorNote error={error} />
    </>
  );
}
