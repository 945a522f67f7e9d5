package dev.timbre.audio;

import java.io.ByteArrayInputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/** MP3 uploads through JLayer; keeps what decoded before damage (a truncated upload). Stateless. */
final class Mp3FileDecoder {
    private Mp3FileDecoder() {}

    static DecodedChannels decode(byte[] data, DecodeLimit limit) {
        Bitstream bs = new Bitstream(new ByteArrayInputStream(data));
        Decoder dec = new Decoder();
        DecodedChannels out = null;
        int bad = 0;
        try {
            Header h;
            while ((h = bs.readFrame()) != null) {
                SampleBuffer sb;
                try {
                    sb = (SampleBuffer) dec.decodeFrame(h, bs);
                } catch (DecoderException | ArrayIndexOutOfBoundsException e) {
                    if (++bad > 8 && out == null) throw e;
                    bs.closeFrame();
                    continue;
                }
                int channels = sb.getChannelCount();
                if (out == null) out = new DecodedChannels(sb.getSampleFrequency(), channels, 0);
                if (channels != out.data.length || sb.getSampleFrequency() != out.rate) {
                    bs.closeFrame();
                    continue; // a stray frame that does not match the stream
                }
                int frames = sb.getBufferLength() / channels;
                limit.check((long) out.frames + frames, out.rate);
                out.append(sb.getBuffer(), frames);
                bs.closeFrame();
            }
        } catch (BitstreamException | DecoderException | ArrayIndexOutOfBoundsException e) {
            if (out == null || out.frames == 0) throw AudioFormatException.corrupt("not decodable MP3: " + e.getMessage(), e);
            // keep what decoded before the damage (a truncated upload)
        }
        if (out == null || out.frames == 0) throw AudioFormatException.corrupt("no MP3 frames found");
        return out;
    }
}
