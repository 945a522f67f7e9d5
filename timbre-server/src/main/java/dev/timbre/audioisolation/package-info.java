/**
 * Audio isolation: {@code POST /v1/audio-isolation} and {@code /v1/audio-isolation/stream}. {@code
 * AudioIsolationRoutes} (multipart parse, write), {@code AudioIsolationService} (decode through the shared
 * {@code audio.UploadDecoder}, bounds, embedded {@code suppression.NoiseSuppressor} or the configured provider, MP3
 * out through {@code audio.AudioEncoder}), {@code RemoteAudioIsolation} (an ElevenLabs-shaped server named by
 * {@code TIMBRE_AUDIO_ISOLATION_URL} and {@code TIMBRE_AUDIO_ISOLATION_API_KEY}).
 */
package dev.timbre.audioisolation;
