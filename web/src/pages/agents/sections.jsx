// The builder's settings sections beyond the basics: conversation, speech recognition, analysis (evaluation criteria,
// data collection), privacy, security (auth, allowlist, overrides, call limits) and the widget's fields.
import { Check, Choice, Lines, Num, Section, Text } from './fields.jsx';

const CLIENT_EVENTS = ['conversation_initiation_metadata', 'asr_initiation_metadata', 'ping', 'audio', 'interruption',
  'user_transcript', 'tentative_user_transcript', 'agent_response', 'agent_response_correction', 'client_tool_call',
  'mcp_tool_call', 'mcp_connection_status', 'agent_tool_response', 'vad_score', 'internal_turn_probability',
  'internal_tentative_agent_response'];

export function ConversationSection({ ed }) {
  const path = 'conversation_config.conversation.client_events';
  const events = ed.get(path);
  const toggle = (ev, on) => {
    const now = events || [];
    ed.set(path, on ? [...now, ev] : now.filter((x) => x !== ev));
  };
  return (
    <Section title="Conversation">
      <Num ed={ed} path="conversation_config.conversation.max_duration_seconds" label="Max conversation duration (seconds)" min={1} />
      <Num ed={ed} path="conversation_config.turn.turn_timeout" label="Turn timeout (seconds)" min={1} max={30} step={0.5}
        hint="How long the agent waits for the user before it speaks again." />
      <Num ed={ed} path="conversation_config.turn.silence_end_call_timeout" label="End the call after silence (seconds)" min={-1}
        hint="-1: never" />
      <Choice ed={ed} path="conversation_config.turn.mode" label="Turn detection" options={['turn', 'silence']} />
      <Check ed={ed} path="conversation_config.conversation.text_only" label="Text only (no audio)" />
      <fieldset class="field">
        <legend>Client events</legend>
        <small class="muted">{events ? 'The events sent to the client.' : 'Not set: the server sends its default events.'}</small>
        <div class="checks">
          {CLIENT_EVENTS.map((ev) => {
            const id = `ag-client-event-${ev}`;
            return (
              <span class="check">
                <input id={id} type="checkbox" checked={!!events?.includes(ev)} onChange={(e) => toggle(ev, e.target.checked)} />
                <label for={id}>{ev}</label>
              </span>
            );
          })}
        </div>
      </fieldset>
    </Section>
  );
}

export function AsrSection({ ed }) {
  return (
    <Section title="Speech recognition">
      <Lines ed={ed} path="conversation_config.asr.keywords" label="Keywords" hint="One per line: words to recognise more readily (names, products)." />
      <Choice ed={ed} path="conversation_config.asr.user_input_audio_format" label="User input audio format"
        options={['pcm_8000', 'pcm_16000', 'pcm_22050', 'pcm_24000', 'pcm_44100', 'pcm_48000', 'ulaw_8000']} />
      <Choice ed={ed} path="conversation_config.tts.agent_output_audio_format" label="Agent output audio format"
        options={['pcm_8000', 'pcm_16000', 'pcm_22050', 'pcm_24000', 'pcm_44100', 'pcm_48000', 'ulaw_8000']} />
    </Section>
  );
}

/** Evaluation criteria (platform_settings.evaluation.criteria) and data collection (platform_settings.data_collection). */
function AnalysisSection({ ed }) {
  const cPath = 'platform_settings.evaluation.criteria';
  const criteria = ed.get(cPath) || [];
  const setC = (i, k, v) => ed.set(cPath, criteria.map((c, j) => (j === i ? { ...c, [k]: v } : c)));
  const dPath = 'platform_settings.data_collection';
  const data = ed.get(dPath) || {};
  const entries = Object.entries(data);
  const setD = (list) => ed.set(dPath, Object.fromEntries(list));
  return (
    <Section title="Analysis">
      <h3>Evaluation criteria</h3>
      <p class="muted">After each call the language model rates the conversation against each goal (success, failure, unknown).</p>
      {criteria.map((c, i) => (
        <div class="card nested">
          <div class="field"><label for={`ag-crit-name-${i}`}>Criterion name</label>
            <input id={`ag-crit-name-${i}`} value={c.name || ''} onInput={(e) => setC(i, 'name', e.target.value)} /></div>
          <div class="field"><label for={`ag-crit-goal-${i}`}>Goal prompt</label>
            <textarea id={`ag-crit-goal-${i}`} rows={2} value={c.conversation_goal_prompt || ''} onInput={(e) => setC(i, 'conversation_goal_prompt', e.target.value)} /></div>
          <button type="button" class="danger" aria-label={`Remove criterion ${c.name || i + 1}`} onClick={() => ed.set(cPath, criteria.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => ed.set(cPath, [...criteria, { id: `criterion_${Date.now().toString(36)}`, name: '', type: 'prompt', conversation_goal_prompt: '' }])}>Add criterion</button>

      <h3>Data collection</h3>
      <p class="muted">Values the language model extracts from each conversation.</p>
      {entries.map(([name, spec], i) => (
        <div class="card nested">
          <div class="field"><label for={`ag-dc-name-${i}`}>Identifier</label>
            <input id={`ag-dc-name-${i}`} value={name} onChange={(e) => setD(entries.map(([n, s], j) => (j === i ? [e.target.value.trim() || n, s] : [n, s])))} /></div>
          <div class="field"><label for={`ag-dc-type-${i}`}>Type</label>
            <select id={`ag-dc-type-${i}`} value={spec.type} onChange={(e) => ed.set([...dPath.split('.'), name], { ...spec, type: e.target.value })}>
              {['string', 'boolean', 'integer', 'number'].map((t) => <option value={t}>{t}</option>)}
            </select></div>
          <div class="field"><label for={`ag-dc-desc-${i}`}>Description</label>
            <textarea id={`ag-dc-desc-${i}`} rows={2} value={spec.description || ''} onInput={(e) => ed.set([...dPath.split('.'), name], { ...spec, description: e.target.value })} /></div>
          <button type="button" class="danger" aria-label={`Remove data item ${name}`} onClick={() => setD(entries.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => setD([...entries, [`item_${entries.length + 1}`, { type: 'string', description: '' }]])}>Add data item</button>
    </Section>
  );
}

function PrivacySection({ ed }) {
  const p = 'platform_settings.privacy';
  return (
    <Section title="Privacy">
      <Check ed={ed} path={`${p}.record_voice`} label="Record the call's audio" />
      <Num ed={ed} path={`${p}.retention_days`} label="Retention (days)" min={-1} hint="-1: keep until deleted" />
      <Check ed={ed} path={`${p}.delete_audio`} label="Delete audio after the retention period" />
      <Check ed={ed} path={`${p}.delete_transcript_and_pii`} label="Delete transcript and personal data after the retention period" />
      <Check ed={ed} path={`${p}.apply_to_existing_conversations`} label="Apply to existing conversations" />
      <Check ed={ed} path={`${p}.zero_retention_mode`} label="Zero retention mode" />
    </Section>
  );
}

const OVERRIDES = [
  ['agent.first_message', 'the first message'], ['agent.language', 'the language'], ['agent.prompt.prompt', 'the system prompt'],
  ['tts.voice_id', 'the voice'], ['conversation.text_only', 'text only'],
];

function SecuritySection({ ed }) {
  const o = 'platform_settings.overrides';
  return (
    <Section title="Security">
      <Check ed={ed} path="platform_settings.auth.enable_auth" label="Require authentication (signed URL or conversation token)" />
      <Lines ed={ed} path="platform_settings.auth.allowlist" label="Allowed hosts" hint="One hostname per line; empty: any host may embed the agent."
        toItem={(s) => ({ hostname: s })} fromItem={(x) => x.hostname} />
      <fieldset class="field">
        <legend>Overrides a client may send</legend>
        <div class="checks">
          {OVERRIDES.map(([path, label]) => <Check ed={ed} path={`${o}.conversation_config_override.${path}`} label={`Allow overriding ${label}`} />)}
        </div>
      </fieldset>
      <Check ed={ed} path={`${o}.enable_conversation_initiation_client_data_from_webhook`} label="Fetch initiation data from the webhook" />
      <Num ed={ed} path="platform_settings.call_limits.agent_concurrency_limit" label="Concurrent calls limit" min={-1} hint="-1: no limit" />
      <Num ed={ed} path="platform_settings.call_limits.daily_limit" label="Daily calls limit" min={0} />
    </Section>
  );
}

function WidgetSection({ ed }) {
  const w = 'platform_settings.widget';
  return (
    <Section title="Widget">
      <p class="muted">How the embeddable &lt;elevenlabs-convai&gt; widget looks for this agent.</p>
      <div class="grid two">
        <Choice ed={ed} path={`${w}.variant`} label="Variant" options={['tiny', 'compact', 'full', 'expandable']} />
        <Choice ed={ed} path={`${w}.placement`} label="Placement" options={['top-left', 'top', 'top-right', 'bottom-left', 'bottom', 'bottom-right']} />
        <Choice ed={ed} path={`${w}.expandable`} label="Expandable" options={['never', 'mobile', 'desktop', 'always']} />
        <Choice ed={ed} path={`${w}.feedback_mode`} label="Feedback" options={['none', 'during', 'end']} />
        {[['bg_color', 'Background colour'], ['text_color', 'Text colour'], ['btn_color', 'Button colour'], ['btn_text_color', 'Button text colour'],
          ['border_color', 'Border colour'], ['focus_color', 'Focus colour']].map(([k, label]) => <Text ed={ed} path={`${w}.${k}`} label={label} type="color" />)}
        <Num ed={ed} path={`${w}.border_radius`} label="Border radius (px)" min={0} />
        <Num ed={ed} path={`${w}.btn_radius`} label="Button radius (px)" min={0} />
        {[['action_text', 'Call to action'], ['start_call_text', 'Start call text'], ['end_call_text', 'End call text'], ['expand_text', 'Expand text'],
          ['listening_text', 'Listening text'], ['speaking_text', 'Speaking text'], ['shareable_page_text', 'Shareable page text'], ['terms_text', 'Terms text']]
          .map(([k, label]) => <Text ed={ed} path={`${w}.${k}`} label={label} />)}
      </div>
      <div class="checks">
        {[['mic_muting_enabled', 'Microphone muting'], ['transcript_enabled', 'Show the transcript'], ['text_input_enabled', 'Text input'],
          ['default_expanded', 'Expanded by default'], ['always_expanded', 'Always expanded'], ['language_selector', 'Language selector'],
          ['supports_text_only', 'Supports text-only'], ['show_avatar_when_collapsed', 'Avatar when collapsed'], ['disable_banner', 'Hide the banner'],
          ['shareable_page_show_terms', 'Terms on the shareable page']].map(([k, label]) => <Check ed={ed} path={`${w}.${k}`} label={label} />)}
      </div>
    </Section>
  );
}

export function AdvancedSections({ ed }) {
  return (
    <>
      <AnalysisSection ed={ed} />
      <PrivacySection ed={ed} />
      <SecuritySection ed={ed} />
      <WidgetSection ed={ed} />
    </>
  );
}
