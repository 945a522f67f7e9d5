// Voice settings (stability, similarity boost, style, speed, speaker boost), starting from GET /v1/voices/settings/default.
import { Slider } from '../../components/ui.jsx';

export const FALLBACK_SETTINGS = { stability: 0.5, similarity_boost: 0.75, style: 0, speed: 1, use_speaker_boost: true };

export function VoiceSettings({ value, onChange, idPrefix = 'tts' }) {
  const set = (k) => (v) => onChange({ ...value, [k]: v });
  return (
    <details class="voice-settings">
      <summary>Voice settings</summary>
      <Slider label="Stability" id={`${idPrefix}-stability`} value={value.stability} onChange={set('stability')} />
      <Slider label="Similarity boost" id={`${idPrefix}-similarity`} value={value.similarity_boost} onChange={set('similarity_boost')} />
      <Slider label="Style" id={`${idPrefix}-style`} value={value.style} onChange={set('style')} />
      <Slider label="Speed" id={`${idPrefix}-speed`} value={value.speed} min={0.7} max={1.2} step={0.01} onChange={set('speed')} />
      <div class="field check">
        <input type="checkbox" id={`${idPrefix}-boost`} checked={value.use_speaker_boost} onChange={(e) => set('use_speaker_boost')(e.target.checked)} />
        <label for={`${idPrefix}-boost`}>Speaker boost</label>
      </div>
    </details>
  );
}
