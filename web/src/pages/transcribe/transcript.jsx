// A transcript with word timings under the player of its audio: each word is a button that seeks the player to the
// word's start and plays; the word being played is highlighted (aria-current); speakers (speaker_id, with diarize)
// get a colour each, named in a legend; audio events ("(laughter)") are shown in italics.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clock } from '../../components/ui.jsx';

// Eight colours with at least 4.5:1 contrast on white for the text; more speakers reuse them in order.
export const SPEAKER_COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#b45309', '#0e7490', '#be185d', '#4d7c0f'];

/** The speakers of a transcript in order of first appearance: [{ id, label, colour }]. */
export function speakersOf(words) {
  const seen = [];
  for (const w of words) if (w.speaker_id && !seen.includes(w.speaker_id)) seen.push(w.speaker_id);
  return seen.map((id, i) => ({ id, label: `Speaker ${i + 1}`, colour: SPEAKER_COLOURS[i % SPEAKER_COLOURS.length] }));
}

/** Index of the word playing at `t` seconds among timed words (sorted by start), or -1. */
export function wordAt(words, t) {
  let lo = 0, hi = words.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const w = words[found];
  const next = words[found + 1];
  return t < Math.max(w.end ?? w.start, next ? Math.min(next.start, (w.end ?? w.start) + 0.3) : (w.end ?? w.start)) ? found : -1;
}

export function Transcript({ result, audioUrl, showSpeakers }) {
  const audio = useRef(null);
  const [current, setCurrent] = useState(-1);
  const words = result.words || [];
  const timed = useMemo(() => words.map((w, i) => ({ ...w, i })).filter((w) => w.type !== 'spacing' && w.start != null), [result]);
  const speakers = useMemo(() => speakersOf(words), [result]);
  const colourOf = (id) => speakers.find((s) => s.id === id)?.colour;

  // While playing, follow the audio every animation frame (timeupdate alone is ~4 per second, too coarse).
  useEffect(() => {
    const el = audio.current;
    if (!el) return undefined;
    let frame = 0;
    const update = () => {
      const k = wordAt(timed, el.currentTime);
      setCurrent(k < 0 ? -1 : timed[k].i);
    };
    const loop = () => { update(); frame = requestAnimationFrame(loop); };
    const play = () => { cancelAnimationFrame(frame); loop(); };
    const pause = () => { cancelAnimationFrame(frame); update(); };
    el.addEventListener('play', play);
    el.addEventListener('pause', pause);
    el.addEventListener('seeked', update);
    el.addEventListener('ended', pause);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('play', play);
      el.removeEventListener('pause', pause);
      el.removeEventListener('seeked', update);
      el.removeEventListener('ended', pause);
    };
  }, [timed, audioUrl]);

  const seek = (w) => {
    const el = audio.current;
    if (!el || w.start == null) return;
    el.currentTime = w.start;
    el.play().catch(() => { /* autoplay refused: the position is still set */ });
  };

  // Words grouped into paragraphs: a new one when the speaker changes.
  const paragraphs = [];
  for (const [i, w] of words.entries()) {
    if (w.type === 'spacing') continue;
    const last = paragraphs[paragraphs.length - 1];
    if (!last || (w.speaker_id && last.speaker !== w.speaker_id && showSpeakers)) paragraphs.push({ speaker: w.speaker_id, items: [] });
    paragraphs[paragraphs.length - 1].items.push({ ...w, i });
  }

  return (
    <div class="transcript">
      {audioUrl && <audio ref={audio} src={audioUrl} controls preload="auto" aria-label="Transcribed audio" class="transcript-audio" />}
      {showSpeakers && speakers.length > 0 && (
        <ul class="speaker-legend" aria-label="Speakers">
          {speakers.map((s) => (
            <li key={s.id} data-speaker={s.id}><span class="swatch" style={{ background: s.colour }} aria-hidden="true" />{s.label}</li>
          ))}
        </ul>
      )}
      <div class="transcript-text" aria-label="Transcript" role="group">
        {paragraphs.length === 0 && (result.text ? <p>{result.text}</p> : <p class="muted">No words were recognised.</p>)}
        {paragraphs.length > 0 && timed.length === 0 && <p class="muted">No word timings were asked for, so the words do not seek the player.</p>}
        {paragraphs.map((p) => {
          const colour = showSpeakers ? colourOf(p.speaker) : undefined;
          const speaker = showSpeakers && speakers.find((s) => s.id === p.speaker);
          return (
            <p class="transcript-para" style={colour ? { borderColor: colour } : undefined} data-speaker={p.speaker}>
              {speaker && <span class="para-speaker" style={{ color: colour }}>{speaker.label}: </span>}
              {p.items.map((w) => w.type === 'audio_event'
                ? <em class="audio-event">{w.text} </em>
                : w.start == null ? <span class="word untimed">{w.text} </span>
                : <><button type="button" class={'word' + (current === w.i ? ' playing' : '')} data-start={w.start}
                    aria-current={current === w.i ? 'true' : undefined} style={colour ? { color: colour } : undefined}
                    title={w.start != null ? `Play from ${clock(w.start)}` : undefined} onClick={() => seek(w)}>{w.text}</button>{' '}</>)}
            </p>
          );
        })}
      </div>
    </div>
  );
}
