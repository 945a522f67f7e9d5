package dev.timbre.audio.midi;

import java.util.HashSet;
import java.util.Set;
import javax.sound.midi.Instrument;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;

/**
 * Loads the {@link Soundbanks} bank into one synthesizer as it is needed: its drum kits at once, each melodic program
 * the first time it is asked for (loading every instrument of FluidR3 took 1–2 s per synthesizer; two take 0.03 s).
 * With no soundfont installed it does nothing and the synthesizer plays its built-in bank. One per synthesizer, on the
 * thread that drives it.
 */
public final class SoundbankInstruments {
    private final Synthesizer synth;
    private final Soundbank bank = Soundbanks.bank();
    private final Set<Integer> loaded = new HashSet<>();

    public SoundbankInstruments(Synthesizer synth) {
        this.synth = synth;
        for (Instrument kit : Soundbanks.kits()) synth.loadInstrument(kit);
    }

    /** Makes General MIDI {@code program} (0–127) playable, before its program change is sent. */
    public void program(int program) {
        if (bank == null || !loaded.add(program)) return;
        Instrument instrument = bank.getInstrument(new Patch(0, program));
        if (instrument != null) synth.loadInstrument(instrument);
    }
}
