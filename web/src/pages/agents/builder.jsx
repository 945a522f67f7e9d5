// The agent builder: #/agents/new (POST /v1/convai/agents/create) and #/agents/<id> (GET, then PATCH with only what
// changed: util.diff). The whole agent is one JSON draft; the fields edit paths in it (fields.jsx), grouped in
// sections like ElevenLabs' agent page (sections.jsx, tools.jsx, knowledge.jsx). Server errors show as alerts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote } from '../../components/ui.jsx';
import { AgentTabs } from './tabs.jsx';
import { diff, getIn, setIn } from './util.js';
import { Check, Choice, Num, Range, Section, Text } from './fields.jsx';
import { AdvancedSections, AsrSection, ConversationSection } from './sections.jsx';
import { ToolsSection } from './tools.jsx';
import { KnowledgeSection } from './knowledge.jsx';

/** The fields an agent's PATCH/create body may carry (the rest of GET's answer is read-only). */
const EDITABLE = ['name', 'conversation_config', 'platform_settings', 'tags'];

const NEW_AGENT = {
  name: '',
  conversation_config: { agent: { prompt: { prompt: '', llm: 'gemini-2.0-flash', temperature: 0 }, first_message: '', language: 'en' } },
  platform_settings: {},
  tags: [],
};

export const LANGUAGES = [['en', 'English'], ['ar', 'Arabic'], ['bg', 'Bulgarian'], ['zh', 'Chinese'], ['hr', 'Croatian'],
  ['cs', 'Czech'], ['da', 'Danish'], ['nl', 'Dutch'], ['fi', 'Finnish'], ['fr', 'French'], ['de', 'German'], ['el', 'Greek'],
  ['hi', 'Hindi'], ['hu', 'Hungarian'], ['id', 'Indonesian'], ['it', 'Italian'], ['ja', 'Japanese'], ['ko', 'Korean'],
  ['ms', 'Malay'], ['no', 'Norwegian'], ['pl', 'Polish'], ['pt', 'Portuguese'], ['pt-br', 'Portuguese (Brazil)'],
  ['ro', 'Romanian'], ['ru', 'Russian'], ['sk', 'Slovak'], ['es', 'Spanish'], ['sv', 'Swedish'], ['ta', 'Tamil'],
  ['tr', 'Turkish'], ['uk', 'Ukrainian'], ['vi', 'Vietnamese']].map(([value, label]) => ({ value, label: `${label} (${value})` }));

const TTS_MODELS = ['eleven_turbo_v2', 'eleven_turbo_v2_5', 'eleven_flash_v2', 'eleven_flash_v2_5'];

function editable(agent) {
  const out = {};
  for (const k of EDITABLE) if (agent[k] !== undefined) out[k] = agent[k];
  return out;
}

export function AgentBuilder({ agentId }) {
  const isNew = !agentId;
  const [orig, setOrig] = useState(isNew ? NEW_AGENT : null);
  const [draft, setDraft] = useState(isNew ? NEW_AGENT : null);
  const [loadError, setLoadError] = useState(null);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [voices, setVoices] = useState([]);
  const [llms, setLlms] = useState([]);

  useEffect(() => {
    if (isNew) return;
    api.get(`/v1/convai/agents/${encodeURIComponent(agentId)}`).then((a) => { const e = editable(a); setOrig(e); setDraft(e); }, setLoadError);
  }, [agentId]);
  useEffect(() => {
    api.get('/v2/voices', { page_size: 100 }).then((r) => setVoices(r.voices), () => setVoices([]));
    // The server's LLM list: the price table answers one row per model it knows (the OpenAPI's LLM enum).
    api.post('/v1/convai/llm-usage/calculate', { prompt_length: 1000, number_of_pages: 0, rag_enabled: false })
      .then((r) => setLlms(r.llm_prices.map((p) => p.llm)), () => setLlms([]));
  }, []);

  const changes = useMemo(() => (orig && draft ? diff(orig, draft) : undefined), [orig, draft]);

  if (loadError) return <section><h1>Agent</h1><ErrorNote error={loadError} /><a href="#/agents">Back to the agents</a></section>;
  if (!draft) return <section><h1>Agent</h1><p class="muted" role="status">Loading…</p></section>;

  const ed = {
    get: (p) => getIn(draft, p),
    set: (p, v) => { setSaved(''); setDraft((d) => setIn(d, p, v)); },
    id: (p) => 'ag-' + (Array.isArray(p) ? p.join('-') : p).replace(/[^a-zA-Z0-9_-]/g, '-'),
  };

  async function save(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      if (isNew) {
        const r = await api.post('/v1/convai/agents/create', draft);
        navigate('agents', r.agent_id);
        return;
      }
      if (!changes) { setSaved('Nothing to save.'); return; }
      const a = await api.patch(`/v1/convai/agents/${encodeURIComponent(agentId)}`, changes);
      const e2 = editable(a);
      setOrig(e2);
      setDraft(e2);
      setSaved('Saved.');
    } catch (err) { setError(err); } finally { setBusy(false); }
  }

  const P = 'conversation_config.agent';
  return (
    <section>
      {!isNew && <AgentTabs agentId={agentId} current="settings" />}
      <h1>{isNew ? 'New agent' : draft.name || 'Agent'}</h1>
      <form class="builder" onSubmit={save}>
        <Section title="Agent" open>
          <Text ed={ed} path="name" label="Agent name" />
          <Text ed={ed} path={`${P}.prompt.prompt`} label="System prompt" multiline rows={8}
            hint="Without a configured language model the server's rule model answers lines like “When the user says X, reply Y.”" />
          <Text ed={ed} path={`${P}.first_message`} label="First message" multiline rows={2} hint="What the agent says first; empty: it waits for the user." />
          <Choice ed={ed} path={`${P}.language`} label="Language" options={LANGUAGES} />
        </Section>

        <Section title="Voice" open={isNew}>
          <Choice ed={ed} path="conversation_config.tts.voice_id" label="Voice"
            options={voices.map((v) => ({ value: v.voice_id, label: `${v.name} (${v.category})` }))}
            hint={isNew ? 'Empty: the server picks its default voice.' : undefined} />
          <Choice ed={ed} path="conversation_config.tts.model_id" label="Text-to-speech model" options={TTS_MODELS} />
          <Range ed={ed} path="conversation_config.tts.stability" label="Stability" fallback={0.5} />
          <Range ed={ed} path="conversation_config.tts.similarity_boost" label="Similarity" fallback={0.8} />
          <Range ed={ed} path="conversation_config.tts.speed" label="Speed" min={0.7} max={1.2} step={0.01} fallback={1} />
        </Section>

        <Section title="Language model">
          <Choice ed={ed} path={`${P}.prompt.llm`} label="LLM" options={llms} />
          <Range ed={ed} path={`${P}.prompt.temperature`} label="Temperature" min={0} max={1} step={0.05} />
          <Num ed={ed} path={`${P}.prompt.max_tokens`} label="Max tokens" min={-1} hint="-1: no limit" />
          <Check ed={ed} path={`${P}.prompt.ignore_default_personality`} label="Ignore the default personality" />
        </Section>

        <ToolsSection ed={ed} />
        <KnowledgeSection ed={ed} />
        <ConversationSection ed={ed} />
        <AsrSection ed={ed} />
        <AdvancedSections ed={ed} />

        <div class="save-bar">
          <ErrorNote error={error} />
          <div class="row">
            <button type="submit" disabled={busy || (!isNew && !changes)}>{isNew ? 'Create agent' : 'Save changes'}</button>
            {!isNew && changes && <button type="button" class="secondary" onClick={() => setDraft(orig)}>Discard changes</button>}
            <span class="ok" role="status">{saved}</span>
            {!isNew && changes && <span class="muted">Unsaved changes</span>}
          </div>
        </div>
      </form>
    </section>
  );
}
