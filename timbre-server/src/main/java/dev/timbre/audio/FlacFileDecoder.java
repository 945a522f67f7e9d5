package dev.timbre.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;

/**
 * FLAC uploads through jFLAC (a leading ID3v2 tag is skipped). jFLAC's {@code readNextFrame} retries a bad frame in a
 * loop that can stop consuming input (found by fuzzing: a few bytes held a thread forever); {@link ErrorBound} ends it
 * at the deadline or after more errors than the input could hold. Stateless.
 */
final class FlacFileDecoder {
    private FlacFileDecoder() {}

    /** Counts jFLAC's reported errors (each bad frame or lost sync): past {@code max} or the deadline, the decode stops. */
    private static final class ErrorBound implements FrameListener {
        private final DecodeLimit limit;
        private final long max;
        private long errors;

        ErrorBound(DecodeLimit limit, long max) {
            this.limit = limit;
            this.max = max;
        }

        @Override public void processMetadata(Metadata metadata) {}

        @Override public void processFrame(Frame frame) {}

        @Override public void processError(String msg) {
            limit.checkDeadline();
            if (++errors > max) throw AudioFormatException.corrupt("FLAC frames are damaged beyond recovery: " + msg);
        }
    }

    static DecodedChannels decode(byte[] data, DecodeLimit limit, DecodedChannels.Target target) {
        int start = AudioContainer.id3End(data);
        FLACDecoder dec = new FLACDecoder(new ByteArrayInputStream(data, start, data.length - start));
        dec.addFrameListener(new ErrorBound(limit, 8L * data.length + 1000));
        StreamInfo info;
        try {
            dec.readMetadata();
            info = dec.getStreamInfo();
        } catch (IOException e) {
            throw AudioFormatException.corrupt("FLAC metadata is damaged: " + e.getMessage(), e);
        }
        if (info == null) throw AudioFormatException.corrupt("FLAC has no STREAMINFO");
        int channels = info.getChannels(), bits = info.getBitsPerSample(), rate = info.getSampleRate();
        if (channels < 1 || channels > 8 || bits < 4 || bits > 32) throw AudioFormatException.corrupt("FLAC STREAMINFO is invalid");
        if (rate < 1000 || rate > 192_000) throw AudioFormatException.unsupported("FLAC sample rate " + rate + " Hz");
        long total = info.getTotalSamples();
        if (total > 0) limit.check(total, rate, channels); // STREAMINFO's claim, before decoding anything
        DecodedChannels out = new DecodedChannels(rate, channels, limit, target);
        if (total > 0) out.endAt(total);
        int shift = bits - 16;
        short[] block = new short[0];
        try {
            Frame frame;
            // each readNextFrame consumes input or returns null at the end
            while ((frame = dec.readNextFrame()) != null) {
                int n = frame.header.blockSize;
                if (frame.header.channels != channels || n <= 0) continue;
                limit.check(out.frames() + n, rate, channels);
                ChannelData[] cd = dec.getChannelData();
                if (block.length < n * channels) block = new short[n * channels];
                for (int c = 0; c < channels; c++) {
                    int[] s = cd[c].getOutput();
                    for (int i = 0; i < n; i++) {
                        int v = shift >= 0 ? s[i] >> shift : s[i] << -shift;
                        block[i * channels + c] = (short) Math.max(-32768, Math.min(32767, v));
                    }
                }
                out.append(block, n);
            }
        } catch (IOException e) {
            if (out.frames() == 0) throw AudioFormatException.corrupt("FLAC frames are damaged: " + e.getMessage(), e);
        }
        if (out.frames() == 0) throw AudioFormatException.corrupt("FLAC holds no decodable frames");
        return out;
    }
}
