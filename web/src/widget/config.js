// The widget's settings: the server's GET /v1/convai/agents/{id}/widget (widget_config), then the element's
// attributes over it (ElevenLabs' widget attributes), then defaults for every text.

export const TEXT_DEFAULTS = {
  main_label: 'Need help?', start_call: 'Start a call', start_chat: 'Start a chat', new_call: 'New call', end_call: 'End',
  mute_microphone: 'Mute microphone', collapse: 'Collapse', expand: 'Open', accept_terms: 'Accept', dismiss_terms: 'Cancel',
  listening_status: 'Listening', speaking_status: 'Talk to interrupt', connecting_status: 'Connecting', chatting_status: 'Chatting',
  input_label: 'Message', input_placeholder: 'Send a message', input_placeholder_text_only: 'Send a message',
  input_placeholder_new_conversation: 'Start a chat', user_ended_conversation: 'You ended the conversation',
  agent_ended_conversation: 'The agent ended the conversation', conversation_id: 'ID', error_occurred: 'An error occurred',
  copy_id: 'Copy ID', send: 'Send', feedback_question: 'How was this conversation?', feedback_thanks: 'Thank you for your feedback.',
  like: 'Helpful', dislike: 'Not helpful', unmute_microphone: 'Unmute microphone',
};

/** A boolean attribute: present and not "false". */
function flag(el, name) {
  const v = el.getAttribute(name);
  return v !== null && v !== 'false';
}

/** A CSS colour as written (#hex, rgb(), a name…), or `dflt`: nothing that could end the declaration or load a URL. */
export function colour(v, dflt) {
  return typeof v === 'string' && /^[#a-zA-Z0-9(),.%\s-]{1,64}$/.test(v) && !/url|expression/i.test(v) ? v : dflt;
}

function attr(el, name) {
  const v = el.getAttribute(name);
  return v === null || v === '' ? undefined : v;
}

/** The settings the element works with, from the server's widget_config `w` (may be {}) and the element's attributes. */
export function settings(el, w) {
  const t = { ...TEXT_DEFAULTS };
  for (const [k, v] of Object.entries(w.text_contents || {})) if (typeof v === 'string' && v) t[k] = v;
  // the legacy top-level texts win over text_contents, as in ElevenLabs' widget
  if (w.action_text) t.main_label = w.action_text;
  if (w.start_call_text) t.start_call = w.start_call_text;
  if (w.end_call_text) t.end_call = w.end_call_text;
  if (w.expand_text) t.expand = w.expand_text;
  if (w.listening_text) t.listening_status = w.listening_text;
  if (w.speaking_text) t.speaking_status = w.speaking_text;
  const textAttrs = { 'action-text': 'main_label', 'start-call-text': 'start_call', 'end-call-text': 'end_call',
    'expand-text': 'expand', 'listening-text': 'listening_status', 'speaking-text': 'speaking_status' };
  for (const [a, k] of Object.entries(textAttrs)) if (attr(el, a)) t[k] = attr(el, a);

  let avatar = w.avatar || { type: 'orb', color_1: '#2792dc', color_2: '#9ce6e6' };
  if (attr(el, 'avatar-image-url')) avatar = { type: 'image', url: attr(el, 'avatar-image-url') };
  else if (attr(el, 'avatar-orb-color-1') || attr(el, 'avatar-orb-color-2')) {
    avatar = { type: 'orb', color_1: attr(el, 'avatar-orb-color-1'), color_2: attr(el, 'avatar-orb-color-2') };
  }
  if (avatar.type === 'orb') avatar = { ...avatar, color_1: colour(avatar.color_1, '#2792dc'), color_2: colour(avatar.color_2, '#9ce6e6') };
  const variant = attr(el, 'variant') || w.variant || 'full';
  const textOnly = attr(el, 'override-text-only') !== undefined ? flag(el, 'override-text-only') : !!w.text_only;
  return {
    texts: t,
    avatar,
    variant,
    expanded: variant === 'expanded' || !!w.always_expanded || !!w.default_expanded,
    alwaysExpanded: variant === 'expanded' || !!w.always_expanded,
    placement: attr(el, 'placement') || w.placement || 'bottom-right',
    colors: {
      bg: colour(attr(el, 'background-color'), null) || colour(w.bg_color, '#ffffff'),
      text: colour(attr(el, 'text-color'), null) || colour(w.text_color, '#000000'),
      btn: colour(attr(el, 'button-color'), null) || colour(w.btn_color, '#000000'),
      btnText: colour(attr(el, 'button-text-color'), null) || colour(w.btn_text_color, '#ffffff'),
      border: colour(attr(el, 'border-color'), null) || colour(w.border_color, '#e1e1e1'),
      focus: colour(attr(el, 'focus-color'), null) || colour(w.focus_color, '#000000'),
      accent: colour(w.styles && w.styles.accent, null),
    },
    radius: Number.isInteger(w.border_radius) ? w.border_radius : 16,
    btnRadius: Number.isInteger(w.btn_radius) ? w.btn_radius : 999,
    termsHtml: w.terms_html || null,
    termsKey: w.terms_key || null,
    feedbackMode: w.feedback_mode || 'none',
    micMuting: !!w.mic_muting_enabled,
    textInput: textOnly || w.text_input_enabled !== false,
    textOnly,
    supportsTextOnly: textOnly || w.supports_text_only !== false,
    disableBanner: !!w.disable_banner,
  };
}

/** The session options the element's runtime attributes ask for (overrides, dynamic variables). */
export function sessionOptions(el) {
  const agent = {};
  if (attr(el, 'override-language')) agent.language = attr(el, 'override-language');
  if (attr(el, 'override-prompt')) agent.prompt = { prompt: attr(el, 'override-prompt') };
  if (attr(el, 'override-first-message')) agent.firstMessage = attr(el, 'override-first-message');
  const overrides = {};
  if (Object.keys(agent).length) overrides.agent = agent;
  if (attr(el, 'override-voice-id')) overrides.tts = { voiceId: attr(el, 'override-voice-id') };
  const out = { overrides };
  const vars = attr(el, 'dynamic-variables');
  if (vars) {
    try {
      const parsed = JSON.parse(vars);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) out.dynamicVariables = parsed;
    } catch { console.warn('[elevenlabs-convai] dynamic-variables is not valid JSON; ignored'); }
  }
  return out;
}
