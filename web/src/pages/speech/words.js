// Character timings (the `alignment` of /stream/with-timestamps chunks) grouped into words for highlighting.
// Chunks carry consecutive pieces of one alignment; their times are from the start of the audio.

/** A growing alignment: add() each chunk's alignment, words() gives [{ text, start, end }] (seconds) so far. */
export function alignmentCollector() {
  const chars = [];
  const starts = [];
  const ends = [];
  return {
    add(a) {
      if (!a || !a.characters) return;
      chars.push(...a.characters);
      starts.push(...a.character_start_times_seconds);
      ends.push(...a.character_end_times_seconds);
    },
    words() { return groupWords(chars, starts, ends); },
  };
}

/** Splits characters at whitespace: each word spans its first character's start to its last character's end. */
export function groupWords(chars, starts, ends) {
  const words = [];
  let cur = null;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (/\s/.test(c)) {
      if (cur) { words.push(cur); cur = null; }
      continue;
    }
    if (!cur) cur = { text: '', start: starts[i], end: ends[i] };
    cur.text += c;
    cur.end = Math.max(cur.end, ends[i]);
  }
  if (cur) words.push(cur);
  return words;
}

/** The index of the word being spoken at `t` seconds (the last one started), or -1 before the first. */
export function wordAt(words, t) {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found >= 0 && t > words[found].end + 0.25 && found === words.length - 1) return -1;
  return found;
}
