package dev.timbre.audioisolation;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.audioisolation.suppression.NoiseSuppressor;
import dev.timbre.audio.FloatSamples;
import dev.timbre.http.ApiException;
import dev.timbre.speechtotext.AudioInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code POST /v1/audio-isolation} (and {@code /stream}): an upload with its background noise removed, as MP3
 * ({@link #OUTPUT}). Embedded: decoded (at most {@link #MAX_RATE} Hz, {@link #MAX_SECONDS} s), checked for sound, run
 * through a {@link NoiseSuppressor} {@link #BLOCK_SECONDS} at a time and encoded block by block, so a stream's first
 * bytes leave after the first block. With a provider configured the upload is forwarded as it came and its answer
 * relayed (at most {@link #MAX_PROVIDER_BYTES}). Either way the upload is decoded and checked first and the caller
 * charged 1000 credits a minute, so every bad input is a 4xx before the first byte is written. At most
 * {@link #CONCURRENT} isolations run at once; another waits {@link #WAIT_SECONDS} s, then 429. Thread-safe; runs on the calling thread.
 */
public final class AudioIsolationService {
    public static final OutputFormat OUTPUT = OutputFormat.DEFAULT;
    /** Longer uploads are refused with 413 (ElevenLabs allows an hour; this bounds memory and time per request). */
    static final double MAX_SECONDS = 1800;
    static final int MAX_RATE = 24000;
    static final double BLOCK_SECONDS = 1;
    static final long MAX_PROVIDER_BYTES = 512L << 20;
    /** Peak below about −66 dBFS: nothing to isolate. */
    static final int SILENCE_PEAK = 16;

    /** Charges the caller's key (ElevenLabs: 1000 credits a minute of audio); throws 401 {@code quota_exceeded}. */
    public interface Charging {
        void charge(int credits);
    }

    /** Where the audio goes; write may block on a slow client. */
    public interface Sink {
        void write(byte[] bytes) throws IOException;
    }

    /** Isolations at once (each holds its decoded PCM: at most 30 min at 24 kHz, 86 MB); others wait, then 429. */
    static final int CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final long WAIT_SECONDS = 10;

    private final UploadDecoder decoder;
    private final Optional<AudioIsolationProvider> provider;
    private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(CONCURRENT, true);

    public AudioIsolationService(long maxUploadBytes, Optional<AudioIsolationProvider> provider) {
        UploadDecoder shared = new UploadDecoder();
        this.decoder = new UploadDecoder(maxUploadBytes, MAX_SECONDS, shared.ffmpeg());
        this.provider = provider;
    }

    /** Isolates {@code audio} into {@code sink}; {@code rawPcm} for {@code file_format=pcm_s16le_16}. */
    public void isolate(byte[] audio, boolean rawPcm, boolean stream, Charging charging, Sink sink) throws IOException {
        if (audio.length == 0) throw ApiException.invalid("The uploaded file is empty", "value_error", "body", "audio");
        try {
            if (!slots.tryAcquire(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw ApiException.busy("too_many_concurrent_requests", "The server is busy isolating other audio; try again shortly.", 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.busy("too_many_concurrent_requests", "Interrupted while waiting for a slot.", 1);
        }
        try {
            isolateInSlot(audio, rawPcm, stream, charging, sink);
        } finally {
            slots.release();
        }
    }

    private void isolateInSlot(byte[] audio, boolean rawPcm, boolean stream, Charging charging, Sink sink) throws IOException {
        Wav.Decoded pcm = decode(audio, rawPcm); // the provider path too: the same 4xx for bad audio, and the duration
        charging.charge(credits(pcm.format().seconds(pcm.pcm().length)));
        if (provider.isPresent()) {
            relay(provider.get(), audio, rawPcm, stream, sink);
            return;
        }
        int rate = pcm.format().sampleRate();
        NoiseSuppressor suppressor = new NoiseSuppressor(rate);
        AudioEncoder encoder = AudioEncoder.create(rate, OUTPUT);
        int block = (int) (rate * BLOCK_SECONDS) * 2;
        byte[] data = pcm.pcm();
        for (int off = 0; off < data.length; off += block) {
            float[] clean = suppressor.process(FloatSamples.fromPcm(data, off, Math.min(block, data.length - off)));
            write(sink, encoder.encode(FloatSamples.toPcm(clean)));
        }
        write(sink, encoder.encode(FloatSamples.toPcm(suppressor.finish())));
        write(sink, encoder.finish());
    }

    static int credits(double seconds) {
        return (int) Math.ceil(seconds / 60 * 1000);
    }

    private Wav.Decoded decode(byte[] audio, boolean rawPcm) {
        Wav.Decoded d;
        try {
            if (rawPcm) {
                if (audio.length % 2 != 0) {
                    throw ApiException.badRequest("invalid_audio", "file_format is pcm_s16le_16 but the file has an odd number of bytes; expected 16-bit little-endian mono PCM at 16 kHz.");
                }
                d = decoder.decodeRawPcm16k(audio);
            } else {
                d = decoder.decode(audio, MAX_RATE);
            }
        } catch (AudioFormatException e) {
            throw AudioInput.apiError(e);
        }
        if (d.pcm().length < 2) throw ApiException.badRequest("invalid_audio", "The uploaded file contains no audio samples.");
        if (peak(d.pcm()) < SILENCE_PEAK) throw ApiException.badRequest("audio_silent", "The uploaded audio is silent: there is nothing to isolate.");
        return d;
    }

    private static int peak(byte[] pcm) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        return peak;
    }

    private static void relay(AudioIsolationProvider p, byte[] audio, boolean rawPcm, boolean stream, Sink sink) throws IOException {
        InputStream in;
        try {
            in = p.isolate(audio, rawPcm ? "pcm_s16le_16" : "other", stream);
        } catch (AudioIsolationProvider.ProviderException e) {
            int status = e.status() == 400 || e.status() == 413 || e.status() == 422 ? e.status() : 502;
            throw new ApiException(status, "isolation_provider_failed", "The audio isolation provider failed: " + e.getMessage());
        }
        try (in) {
            byte[] buffer = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_PROVIDER_BYTES) throw new IOException("the isolation provider sent more than " + MAX_PROVIDER_BYTES + " bytes");
                sink.write(java.util.Arrays.copyOf(buffer, n));
            }
        }
    }

    private static void write(Sink sink, byte[] bytes) throws IOException {
        if (bytes.length > 0) sink.write(bytes);
    }
}
