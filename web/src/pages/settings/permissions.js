// The API-key permissions the server knows (the OpenAPI's `permissions` enum, as dev.timbre.access.Permission), in
// the order the form shows them, with a label each.
export const PERMISSIONS = [
  'text_to_speech', 'speech_to_speech', 'speech_to_text', 'forced_alignment', 'voice_generation',
  'sound_generation', 'audio_isolation', 'music_generation',
  'voices_read', 'voices_write', 'models_read', 'models_write', 'speech_history_read', 'speech_history_write',
  'pronunciation_dictionaries_read', 'pronunciation_dictionaries_write', 'dubbing_read', 'dubbing_write',
  'projects_read', 'projects_write', 'audio_native_read', 'audio_native_write',
  'user_read', 'user_write', 'workspace_read', 'workspace_write', 'convai_read', 'convai_write',
];

/** "speech_history_read" → "Speech history read" */
export function permissionLabel(p) {
  const s = p.replace(/^convai_/, 'agents platform (convai) ').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
