package dev.timbre.audio;

import java.io.ByteArrayInputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * MP3 uploads through JLayer; keeps what decoded before damage (a truncated upload). MP3 has no trustworthy length in
 * its header, so the {@link DecodeLimit} is checked frame by frame (at most 1152 frames each), together with the
 * deadline; each loop turn consumes a frame of input or ends the decode. Stateless.
 */
final class Mp3FileDecoder {
    /** Undecodable frames tolerated before the first good one. */
    private static final int MAX_BAD_LEADING_FRAMES = 8;

    private Mp3FileDecoder() {}

    static DecodedChannels decode(byte[] data, DecodeLimit limit, DecodedChannels.Target target) {
        Bitstream bs = new Bitstream(new ByteArrayInputStream(data));
        Decoder dec = new Decoder();
        DecodedChannels out = null;
        int bad = 0;
        try {
            Header h;
            while ((h = bs.readFrame()) != null) {
                limit.checkDeadline();
                SampleBuffer sb;
                try {
                    sb = (SampleBuffer) dec.decodeFrame(h, bs);
                } catch (DecoderException | ArrayIndexOutOfBoundsException e) {
                    if (++bad > MAX_BAD_LEADING_FRAMES && out == null) throw e;
                    bs.closeFrame();
                    continue;
                }
                int channels = sb.getChannelCount();
                if (out == null) out = new DecodedChannels(sb.getSampleFrequency(), channels, limit, target);
                if (channels != out.channels || sb.getSampleFrequency() != out.sourceRate) {
                    bs.closeFrame();
                    continue; // a stray frame that does not match the stream
                }
                out.append(sb.getBuffer(), sb.getBufferLength() / channels);
                bs.closeFrame();
            }
        } catch (BitstreamException | DecoderException | ArrayIndexOutOfBoundsException e) {
            if (out == null || out.frames() == 0) throw AudioFormatException.corrupt("not decodable MP3: " + e.getMessage(), e);
            // keep what decoded before the damage (a truncated upload)
        }
        if (out == null || out.frames() == 0) throw AudioFormatException.corrupt("no MP3 frames found");
        return out;
    }
}
