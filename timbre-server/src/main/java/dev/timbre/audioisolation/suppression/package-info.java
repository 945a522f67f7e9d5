/**
 * Noise suppression for audio isolation, with no HTTP and no model: {@link
 * dev.timbre.audioisolation.suppression.NoiseSuppressor} (STFT, Hann windows at 75 % overlap-add, decision-directed
 * a-priori SNR, Ephraim–Malah log-spectral amplitude gain) over a {@code NoiseTracker} (minima controlled recursive
 * averaging of the noise power spectrum), with a gain floor from {@code SuppressionDepth}: deep (−24 dB) on stationary
 * noise, shallow (−6 dB) on babble-like noise, where cutting deeper costs as much speech as noise. It removes
 * stationary and slowly varying noise (hiss, hum, fans, traffic, rain); babble and music, which look like speech to a
 * noise tracker, are only partly reduced. Streaming and allocation per frame; one suppressor per stream.
 */
package dev.timbre.audioisolation.suppression;
