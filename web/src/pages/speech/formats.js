// The output formats the server accepts (ElevenLabs' output_format enum plus Timbre's wav_<rate>), with the file
// extension a download is saved under.
const MP3 = ['mp3_22050_32', 'mp3_24000_48', 'mp3_44100_32', 'mp3_44100_64', 'mp3_44100_96', 'mp3_44100_128', 'mp3_44100_192'];
const RATES = [8000, 16000, 22050, 24000, 32000, 44100, 48000];
const OPUS = [32, 64, 96, 128, 192].map((k) => `opus_48000_${k}`);

export const OUTPUT_FORMATS = [
  ...MP3.map((v) => ({ value: v, label: `MP3 ${label(v)}` })),
  ...RATES.map((r) => ({ value: `wav_${r}`, label: `WAV ${r / 1000} kHz` })),
  ...RATES.map((r) => ({ value: `pcm_${r}`, label: `PCM 16-bit raw ${r / 1000} kHz` })),
  { value: 'ulaw_8000', label: 'μ-law 8 kHz' },
  { value: 'alaw_8000', label: 'A-law 8 kHz' },
  ...OPUS.map((v) => ({ value: v, label: `Opus (Ogg) ${label(v)}` })),
];

function label(v) {
  const [, rate, kbps] = v.split('_');
  return `${Number(rate) / 1000} kHz ${kbps} kbit/s`;
}

const EXTENSIONS = { mp3: 'mp3', wav: 'wav', pcm: 'pcm', ulaw: 'ulaw', alaw: 'alaw', opus: 'opus' };

/** The file extension for an output_format value (mp3_44100_128 → mp3). */
export function extensionOf(format) {
  return EXTENSIONS[format.split('_')[0]] || 'bin';
}

/** The file extension for a Content-Type the server sent (history downloads). */
export function extensionOfType(type = '') {
  const t = type.split(';')[0].trim();
  return { 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/pcm': 'pcm', 'audio/basic': 'ulaw',
    'audio/x-alaw-basic': 'alaw', 'audio/ogg': 'opus', 'application/zip': 'zip' }[t] || 'bin';
}
