package dev.timbre.voices.pvc;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The audio of a PVC sample as training uses it: decoded to s16le mono at the file's rate, cut to the selected
 * speakers' utterances (when a separation completed and speakers were chosen), then trimmed ({@code trim_start_time}
 * and {@code trim_end_time}, in milliseconds of that audio). Also the sample's visual waveform. Static, thread-safe.
 */
final class TrainingAudio {
    /** Points of a visual waveform (fewer for samples shorter than 20 ms a point). */
    static final int WAVEFORM_POINTS = 200;

    private TrainingAudio() {}

    /** Decodes stored sample audio (it decoded when uploaded); undecodable now is an IllegalArgumentException. */
    static Wav.Decoded decode(byte[] stored) {
        return AudioDecoder.decode(stored);
    }

    /** What training hears of {@code decoded} under the sample's choices. */
    static Wav.Decoded prepare(Wav.Decoded decoded, PvcRepository.SampleState state) {
        byte[] pcm = decoded.pcm();
        PcmFormat f = decoded.format();
        List<String> selected = state.selectedSpeakerIds();
        if (selected != null && !selected.isEmpty() && state.speakers() != null) {
            List<PvcModels.Utterance> spans = new ArrayList<>();
            for (String id : selected) {
                PvcRepository.StoredSpeaker s = state.speakers().get(id);
                if (s != null) spans.addAll(s.utterances());
            }
            spans.sort(java.util.Comparator.comparingDouble(PvcModels.Utterance::start));
            pcm = cut(pcm, f, spans);
        }
        if (state.trimStartMs() != null || state.trimEndMs() != null) {
            int from = state.trimStartMs() == null ? 0 : byteAt(f, state.trimStartMs() / 1000.0, pcm.length);
            int to = state.trimEndMs() == null ? pcm.length : byteAt(f, state.trimEndMs() / 1000.0, pcm.length);
            pcm = java.util.Arrays.copyOfRange(pcm, Math.min(from, to), to);
        }
        return new Wav.Decoded(f, pcm);
    }

    /** The bytes of {@code pcm} inside {@code spans} (seconds), joined in order. */
    static byte[] cut(byte[] pcm, PcmFormat f, List<PvcModels.Utterance> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PvcModels.Utterance u : spans) {
            int a = byteAt(f, u.start(), pcm.length), b = byteAt(f, u.end(), pcm.length);
            if (b > a) out.write(pcm, a, b - a);
        }
        return out.toByteArray();
    }

    /** Peak level (0..1) of each of up to {@link #WAVEFORM_POINTS} equal slices. */
    static List<Double> waveform(Wav.Decoded decoded) {
        short[] s = dev.timbre.audio.Pcm.toSamples(decoded.pcm(), 0, decoded.pcm().length & ~1);
        int points = Math.max(1, Math.min(WAVEFORM_POINTS, s.length / Math.max(1, decoded.format().sampleRate() / 50)));
        List<Double> out = new ArrayList<>(points);
        for (int p = 0; p < points; p++) {
            int a = (int) ((long) s.length * p / points), b = (int) ((long) s.length * (p + 1) / points);
            int peak = 0;
            for (int i = a; i < b; i++) peak = Math.max(peak, Math.abs((int) s[i]));
            out.add(Math.round(peak / 32768.0 * 1000) / 1000.0);
        }
        return out;
    }

    private static int byteAt(PcmFormat f, double seconds, int length) {
        long b = Math.round(Math.max(0, seconds) * f.sampleRate()) * 2;
        return (int) Math.min(length & ~1, b);
    }
}
