package dev.timbre.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/** FLAC uploads through jFLAC (a leading ID3v2 tag is skipped). Stateless. */
final class FlacFileDecoder {
    private FlacFileDecoder() {}

    static DecodedChannels decode(byte[] data, DecodeLimit limit) {
        int start = AudioContainer.id3End(data);
        FLACDecoder dec = new FLACDecoder(new ByteArrayInputStream(data, start, data.length - start));
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
        if (info.getTotalSamples() > 0) limit.check(info.getTotalSamples(), rate);
        // STREAMINFO's count sizes the buffer, capped so that a lying header cannot make it huge
        DecodedChannels out = new DecodedChannels(rate, channels, (int) Math.min(info.getTotalSamples(), Math.min(limit.maxFrames(rate) + 1, 1 << 22)));
        int shift = bits - 16;
        try {
            Frame frame;
            while ((frame = dec.readNextFrame()) != null) {
                int n = frame.header.blockSize;
                if (frame.header.channels != channels) continue;
                limit.check((long) out.frames + n, rate);
                ChannelData[] cd = dec.getChannelData();
                out.ensure(out.frames + n);
                for (int c = 0; c < channels; c++) {
                    int[] s = cd[c].getOutput();
                    short[] dst = out.data[c];
                    for (int i = 0; i < n; i++) {
                        int v = shift >= 0 ? s[i] >> shift : s[i] << -shift;
                        dst[out.frames + i] = (short) Math.max(-32768, Math.min(32767, v));
                    }
                }
                out.frames += n;
            }
        } catch (IOException e) {
            if (out.frames == 0) throw AudioFormatException.corrupt("FLAC frames are damaged: " + e.getMessage(), e);
        }
        if (out.frames == 0) throw AudioFormatException.corrupt("FLAC holds no decodable frames");
        if (info.getTotalSamples() > 0 && info.getTotalSamples() < out.frames) out.frames = (int) info.getTotalSamples();
        return out;
    }
}
