package dev.timbre.music.compose;

import java.util.Locale;

/** What part of a song a section is, read from its name; decides its progression, density and which parts play. */
enum SectionKind {
    INTRO(0.45, false), VERSE(0.7, true), PRE_CHORUS(0.8, true), CHORUS(1.0, true), BRIDGE(0.75, true),
    SOLO(0.9, true), DROP(1.0, true), BREAKDOWN(0.4, false), OUTRO(0.5, false);

    /** 0..1: loudness and density. */
    final double intensity;
    /** Whether the lead plays a melody throughout (else only a few long notes). */
    final boolean melody;

    SectionKind(double intensity, boolean melody) {
        this.intensity = intensity;
        this.melody = melody;
    }

    static SectionKind of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("pre")) return PRE_CHORUS;
        if (n.contains("chorus") || n.contains("hook") || n.contains("refrain")) return CHORUS;
        if (n.contains("intro") || n.contains("opening")) return INTRO;
        if (n.contains("outro") || n.contains("ending") || n.contains("coda") || n.contains("end")) return OUTRO;
        if (n.contains("bridge") || n.contains("middle")) return BRIDGE;
        if (n.contains("solo") || n.contains("instrumental")) return SOLO;
        if (n.contains("drop") || n.contains("climax")) return DROP;
        if (n.contains("break")) return BREAKDOWN;
        return VERSE;
    }
}
