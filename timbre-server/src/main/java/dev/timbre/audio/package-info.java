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
 * <p>Decoding:
 * <ul>
 *   <li>{@link dev.timbre.audio.UploadDecoder}: uploads for speech to text and forced alignment. The container comes
 *       from the leading bytes ({@link dev.timbre.audio.AudioContainer#detect}, never the file name); WAV (incl.
 *       float, G.711, extensible), MP3 (JLayer), Ogg Opus and FLAC (jFLAC) in process, anything else through an
 *       {@code ffmpeg} subprocess when one is on the PATH (killed after 300 s). Output collects in
 *       {@link dev.timbre.audio.DecodedChannels} under a {@link dev.timbre.audio.DecodeLimit} checked as frames
 *       arrive (a lying header cannot exhaust memory). Defaults: 1 GiB in, 4.5 h out.</li>
 *   <li>{@link dev.timbre.audio.AudioDecoder}: WAV or MP3 to PCM (voice-clone samples, stored history audio).</li>
 * </ul>
 *
 * <p>Errors: every upload failure is an {@link dev.timbre.audio.AudioFormatException}; its kind gives the error code
 * ({@code empty_file}, {@code invalid_audio}, {@code unsupported_audio_format}, {@code file_too_large},
 * {@code audio_too_long}) and a suggested status. The HTTP layer decides the status: speech to text and forced
 * alignment answer 413 for too large/too long and 400 for everything else, as ElevenLabs does.
 *
 * <p>Threading: encoders and {@code OggStream} belong to one stream (not thread-safe); the decoders are stateless
 * and thread-safe, each ffmpeg call runs its own process.
 */
package dev.timbre.audio;
