/**
 * Audio formats and pure PCM machinery shared by the engines, the agent runtime and the server; no third-party
 * dependencies.
 *
 * <p>The one raw format engines exchange is s16le mono PCM at some rate ({@link dev.timbre.audio.PcmFormat}: bytes,
 * not samples; {@code seconds(bytes)} converts).
 * <ul>
 *   <li>{@link dev.timbre.audio.OutputFormat}: an ElevenLabs {@code output_format} ({@code mp3_44100_128}…): codec,
 *       rate in Hz, bitrate in kbit/s (0 when uncompressed); the 21 API values plus a {@code wav_<rate>} extension;
 *       {@code parse} is empty for anything else. Opus is served as Ogg ({@code audio/ogg}).</li>
 *   <li>{@link dev.timbre.audio.Resampler}: streaming Blackman-windowed sinc; state carries across calls, so any
 *       chunking of a clip gives exactly the samples of the whole clip ({@code floor(n * to / from)} in total, no
 *       added delay); output lags {@code halfWidth} input samples until {@code finish}. One per stream.</li>
 *   <li>{@link dev.timbre.audio.Pcm}: bytes/samples, one-shot resample, RMS, concatenation.</li>
 *   <li>{@link dev.timbre.audio.Wav}: RIFF/WAVE wrap and read of s16le mono.</li>
 *   <li>{@link dev.timbre.audio.G711}: µ-law / A-law companding (the {@code ulaw_8000}/{@code alaw_8000} formats, decoding µ-law input audio).</li>
 * </ul>
 *
 * <p>Threading: the static helpers are pure; a {@link dev.timbre.audio.Resampler} is not thread-safe.
 *
 * <p>The package is split: the encoders and upload decoders of the same package live in {@code timbre-server}
 * ({@code AudioEncoder}, {@code UploadDecoder}), because they need codec libraries this module must not depend on.
 */
package dev.timbre.audio;
