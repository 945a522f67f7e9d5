package dev.timbre.dubbing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a dub's video is encoded when muxed: {@code highest_resolution=false} (the default) caps the height at
 * {@link #CAP_HEIGHT} (scaled down, aspect kept, only when the source is taller), {@code watermark=true} draws a small
 * semi-transparent "Timbre" in the bottom-right corner (ffmpeg {@code drawtext} with {@code font}; without a font a
 * semi-transparent box, {@code drawbox}). Either change re-encodes with libx264 {@code -preset veryfast}; otherwise
 * the video stream is copied. Immutable; thread-safe.
 *
 * @param capHeight true: at most {@link #CAP_HEIGHT} lines
 * @param watermark true: the watermark is drawn
 * @param font      a TrueType font for the watermark's text, or empty for the box
 */
record VideoLook(boolean capHeight, boolean watermark, Optional<Path> font) {
    static final int CAP_HEIGHT = 720;
    private static final Logger LOG = LoggerFactory.getLogger(VideoLook.class);
    /** Where Debian's fonts-dejavu-core (and a few other distributions) put DejaVu Sans. */
    private static final List<String> FONTS = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");

    /** The look a dub's options ask for, with the first font found on this machine. */
    static VideoLook of(DubbingOptions o) {
        return new VideoLook(!o.highestResolution(), o.watermark(), o.watermark() ? findFont() : Optional.empty());
    }

    static Optional<Path> findFont() {
        for (String f : FONTS) if (Files.isReadable(Path.of(f))) return Optional.of(Path.of(f));
        LOG.warn("no font for the dubbing watermark's text (install fonts-dejavu-core); a box is drawn instead");
        return Optional.empty();
    }

    /** The ffmpeg video-codec arguments for a source {@code height} lines tall (0: unknown, never scaled). */
    List<String> codecArgs(int height) {
        List<String> filters = new ArrayList<>();
        int out = height;
        if (capHeight && height > CAP_HEIGHT) {
            filters.add("scale=-2:" + CAP_HEIGHT);
            out = CAP_HEIGHT;
        }
        if (watermark) {
            int size = Math.max(12, (out > 0 ? out : 480) / 24);
            filters.add(font.map(f -> "drawtext=fontfile='" + f.toString().replace("'", "") + "':text=Timbre:fontcolor=white@0.6:fontsize=" + size
                            + ":borderw=1:bordercolor=black@0.4:x=w-tw-" + size / 2 + ":y=h-th-" + size / 2)
                    .orElse("drawbox=x=iw-" + size * 4 + ":y=ih-" + size * 2 + ":w=" + size * 3 + ":h=" + size + ":color=white@0.5:t=fill"));
        }
        if (filters.isEmpty()) return List.of("-c:v", "copy");
        return List.of("-vf", String.join(",", filters), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
    }
}
