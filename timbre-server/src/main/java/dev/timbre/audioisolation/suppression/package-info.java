/**
 * Noise suppression for audio isolation, with no HTTP and no model: {@link
 * dev.timbre.audioisolation.suppression.NoiseSuppressor} (STFT, Hann windows at 75 % overlap-add, decision-directed
 * Wiener gain with a −24 dB floor and rise smoothing against musical noise) over a {@code NoiseTracker} (minima
 * controlled recursive averaging of the noise power spectrum). It removes stationary and slowly varying noise (hiss,
 * hum, fans, traffic, rain); babble and music, which look like speech to a noise tracker, are only partly reduced.
 * Streaming and allocation per frame; one suppressor per stream.
 */
package dev.timbre.audioisolation.suppression;
