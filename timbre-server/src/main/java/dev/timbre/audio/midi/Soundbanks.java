package dev.timbre.audio.midi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The General MIDI soundbank that music and sound effects play: the first installed of Debian's {@code fluid-soundfont-gm}
 * (FluidR3_GM.sf2, 148 MB) and {@code timgm6mb-soundfont} (TimGM6mb.sf2, 6 MB), else the JDK's built-in bank
 * (Gervill's generated emergency bank: every GM program, plainer sound). Loaded once, on first use, and shared:
 * a loaded bank is only read. Thread-safe.
 */
public final class Soundbanks {
    private static final Logger LOG = LoggerFactory.getLogger(Soundbanks.class);
    static final List<Path> CANDIDATES = List.of(Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
            Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"), Path.of("/usr/share/sounds/sf2/default-GM.sf2"));

    private static volatile Loaded loaded;

    /** The bank (null: built-in), its file's name, and its drum kits (found once: the bank is only read). */
    private record Loaded(Soundbank bank, String name, List<javax.sound.midi.Instrument> kits) {}

    private Soundbanks() {}

    /** The bank to load into a synthesizer, or null for the synthesizer's own built-in bank. */
    public static Soundbank bank() {
        return load().bank();
    }

    /** The bank's drum kits (none when the built-in bank plays). */
    public static List<javax.sound.midi.Instrument> kits() {
        return load().kits();
    }

    /**
     * The bank's percussion instruments (drum kits). Gervill marks them on their patch ({@code ModelPatch.isPercussion},
     * not exported: read reflectively, under the same {@code --add-exports} the renderer needs); where that cannot be
     * read, every instrument, so that nothing is missing.
     */
    private static List<javax.sound.midi.Instrument> percussion(Soundbank bank) {
        List<javax.sound.midi.Instrument> kits = new java.util.ArrayList<>();
        for (javax.sound.midi.Instrument i : bank.getInstruments()) {
            try {
                Object percussive = i.getPatch().getClass().getMethod("isPercussion").invoke(i.getPatch());
                if (Boolean.TRUE.equals(percussive)) kits.add(i);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return List.of(bank.getInstruments());
            }
        }
        return kits;
    }

    /** What plays: the soundfont file's name, or "built-in" (for the server's status and the README figures). */
    public static String name() {
        return load().name();
    }

    private static Loaded load() {
        Loaded l = loaded;
        if (l != null) return l;
        synchronized (Soundbanks.class) {
            if (loaded != null) return loaded;
            Loaded found = new Loaded(null, "built-in", List.of());
            for (Path p : CANDIDATES) {
                if (!Files.isReadable(p)) continue;
                try {
                    Soundbank bank = MidiSystem.getSoundbank(p.toFile());
                    found = new Loaded(bank, p.getFileName().toString(), percussion(bank));
                    break;
                } catch (Exception e) {
                    LOG.warn("music: cannot load soundfont {} ({}); trying the next", p, e.toString());
                }
            }
            LOG.info("music: General MIDI soundbank {}", found.name());
            loaded = found;
            return found;
        }
    }
}
