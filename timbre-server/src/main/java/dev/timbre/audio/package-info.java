/**
 * Audio encoding for responses and decoding of uploads: the server's half of {@code dev.timbre.audio} (formats,
 * {@code Resampler}, {@code Wav}, {@code G711} are in {@code timbre-core}), kept here for its codec libraries.
 *
 * <p>Encoding, s16le mono PCM in:
 * <ul>
 *   <li>{@link dev.timbre.audio.AudioEncoder}: {@code create(inputRate, OutputFormat)} for every codec; feed chunks to
 *       {@code encode} in order, then {@code finish} once; each call returns the bytes ready now and their
 *       concatenation is the complete file. Resampling is stateful, so chunking never changes the audio.</li>
 *   <li>{@link dev.timbre.audio.Mp3Encoder}: jump3r (pure-Java LAME), CBR mono; output starts after about two frames.</li>
 *   <li>{@link dev.timbre.audio.OggOpusEncoder} + {@link dev.timbre.audio.OggStream}: Concentus, 48 kHz, 20 ms frames,
 *       one Ogg page per 5 frames (100 ms); the end-of-stream granule trims the padding to the exact duration.</li>
 * </ul>
 *
 * <p>Time: {@link dev.timbre.audio.Wsola} stretches s16 mono samples to a new length without changing their pitch
 * (the voice changer's word timing, dubbing's fitting of a segment into its slot).
 *
 * <p>Decoding:
 * <ul>
 *   <li>{@link dev.timbre.audio.UploadDecoder}: uploads for speech to text and forced alignment. The container comes
 *       from the leading bytes ({@link dev.timbre.audio.AudioContainer#detect}, never the file name); WAV (incl.
 *       float, G.711, extensible), MP3 (JLayer), Ogg Opus and FLAC (jFLAC) in process, anything else through an
 *       {@code ffmpeg} subprocess when one is on the PATH (killed at the decode's deadline). Limits:
 *       {@link dev.timbre.audio.DecodeLimits} (1 GiB in; 4.5 h; 1.5 GiB decoded, samples × channels × 2 at the
 *       source rate; 300 s; half the CPUs at once, then a 10 s wait, then BUSY), overridable by
 *       {@code TIMBRE_DECODE_*} environment variables. Each decode gets a {@link dev.timbre.audio.DecodeLimit} checked
 *       from the header's claims before allocating and again as frames arrive (a lying header cannot exhaust memory
 *       or time) and runs in a {@link dev.timbre.audio.DecodeSlots} slot. Output goes into
 *       {@link dev.timbre.audio.DecodedChannels}, which mixes down to mono and resamples to the caller's rate as
 *       frames arrive, so memory follows the target (16 kHz mono for speech to text), not the source. Every parse
 *       loop does its arithmetic in {@code long} and must move forward each turn.</li>
 *   <li>{@link dev.timbre.audio.AudioDecoder}: WAV or MP3 to PCM (voice-clone samples, stored history audio), under
 *       the same limits and slots.</li>
 * </ul>
 *
 * <p>Errors: every upload failure is an {@link dev.timbre.audio.AudioFormatException}; its kind gives the error code
 * ({@code empty_file}, {@code invalid_audio}, {@code unsupported_audio_format}, {@code file_too_large},
 * {@code audio_too_long}, {@code decode_timeout}, {@code too_many_concurrent_requests}) and a suggested status. The
 * HTTP layer decides the status: speech to text and forced alignment answer 413 for too large/too long, 429 for busy
 * and 400 for everything else, as ElevenLabs does.
 *
 * <p>Fuzzing: {@code *FuzzTest} (Jazzer) per decoder; {@code mvn test} replays the corpus under
 * {@code src/test/resources/dev/timbre/audio/*FuzzTestInputs}, the {@code fuzz} Maven profile fuzzes.
 *
 * <p>Threading: encoders and {@code OggStream} belong to one stream (not thread-safe); the decoders are stateless
 * and thread-safe (a {@code DecodeLimit} and {@code DecodedChannels} belong to one decode), each ffmpeg call runs its
 * own process.
 */
package dev.timbre.audio;
