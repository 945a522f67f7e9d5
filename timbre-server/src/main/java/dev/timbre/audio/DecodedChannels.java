package dev.timbre.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decoded samples, one growable array per channel. */
final class DecodedChannels {
    final int rate;
    short[][] data;
    int frames;

    DecodedChannels(int rate, int channels, int capacity) {
        this.rate = rate;
        this.data = new short[channels][Math.max(capacity, 1024)];
    }

    void ensure(int n) {
        if (n <= data[0].length) return;
        int cap = Math.max(n, data[0].length * 2);
        for (int c = 0; c < data.length; c++) data[c] = Arrays.copyOf(data[c], cap);
    }

    void append(short[] interleaved, int n) { append(interleaved, 0, n); }

    /** Appends {@code n} interleaved frames starting at frame {@code from}. */
    void append(short[] interleaved, int from, int n) {
        ensure(frames + n);
        int ch = data.length;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < ch; c++) data[c][frames + i] = interleaved[(from + i) * ch + c];
        }
        frames += n;
    }

    Wav.Decoded mono() {
        short[] out = new short[frames];
        int ch = data.length;
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < ch; c++) sum += data[c][i];
            out[i] = (short) (sum / ch);
        }
        return new Wav.Decoded(new PcmFormat(rate), Pcm.toBytes(out));
    }

    List<Wav.Decoded> channels() {
        List<Wav.Decoded> out = new ArrayList<>();
        for (short[] c : data) out.add(new Wav.Decoded(new PcmFormat(rate), Pcm.toBytes(Arrays.copyOf(c, frames))));
        return out;
    }
}
