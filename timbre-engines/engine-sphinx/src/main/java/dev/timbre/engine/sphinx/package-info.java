/**
 * Offline speech to text, US English: STT providers {@code pocketsphinx} and {@code sphinx4}; the server's
 * {@code auto} picks pocketsphinx when it is installed, else sphinx4.
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.sphinx.PocketsphinxSpeechToText}: CMU pocketsphinx 5prealpha in process through JNA
 *       (Debian {@code libpocketsphinx3} + {@code pocketsphinx-en-us}, model in
 *       {@code /usr/share/pocketsphinx/model/en-us}; static {@code available()}). Audio resampled to 16 kHz; word
 *       times from {@code ps_seg_frames} (10 ms frames), per-word posterior log probabilities. Batch: one
 *       whole-utterance call, deterministic. Streams ({@code openStream}, partial hypotheses) use a second pool of
 *       decoders configured {@code -fwdflat no} (first pass only: final result ~14 ms after the audio instead of
 *       ~130 ms, slightly less accurate). Forced {@code align}: a JSGF grammar of exactly the given words.
 *       Non-English language codes throw {@code EngineException}.</li>
 *   <li>{@link dev.timbre.engine.sphinx.NarrowbandModel}: audio at 8 kHz or less (phone calls reach the engine at
 *       their own 8 kHz, µ-law decoded; 8 kHz uploads stay at 8 kHz) is telephone band and is decoded by separate
 *       pools of decoders that load the same model with a global MLLR mean transform for 300–3400 Hz speech
 *       ({@code narrowband.mllr}, a resource: sphinxtrain {@code bw} + {@code mllr_solve} on flite voices awb and kal,
 *       50 sentences each, band-limited µ-law) and a narrowband {@code -cmninit}; wider audio by the model as it is.
 *       Separate pools also keep a live decoder's cepstral mean from moving between the two bands.</li>
 *   <li>{@link dev.timbre.engine.sphinx.AlignmentText}: words missing from the dictionary (digits, names) are left out
 *       of the grammar and timed by spreading the gap between aligned neighbours, logprob NaN.</li>
 *   <li>{@link dev.timbre.engine.sphinx.PocketsphinxDecoder}: one native {@code ps_decoder_t} (about 0.4 s and 40 MB
 *       to create); {@code ps_start_stream} before each utterance resets the frame count. Not thread-safe.</li>
 *   <li>{@link dev.timbre.engine.sphinx.DecoderPool}: at most {@code max} decoders, created lazily, one per request;
 *       a request waits up to its timeout for one, then fails with a retryable {@code EngineException}.</li>
 *   <li>{@link dev.timbre.engine.sphinx.Sphinx4SpeechToText}: the pure-Java fallback (model in the Maven jar), batch
 *       only (streams buffer), no alignment, RTF about 1 to 2 (not for live use); a recogniser that heard only
 *       silence is replaced (sphinx4 hears nothing afterwards otherwise).</li>
 * </ul>
 *
 * <p>Bounds: pocketsphinx max(8, 2 × cores) decoders per pool (four pools: batch and stream, wide and narrow band) (realtime sessions hold one for their whole length),
 * 30 s wait; sphinx4 2 recognisers, 120 s wait. Both engines are thread-safe; {@code close()} frees the decoders.
 * The model loads in the constructor, so a broken install fails at start-up.
 */
package dev.timbre.engine.sphinx;
