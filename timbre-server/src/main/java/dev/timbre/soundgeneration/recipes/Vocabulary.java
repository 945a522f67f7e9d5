package dev.timbre.soundgeneration.recipes;

import java.util.List;
import java.util.Locale;

/**
 * The effects a prompt can name: each with the words (stems, matched at the start of a prompt's words) that call it,
 * its natural length when the request gives none, and its layer. Immutable.
 */
final class Vocabulary {
    record Effect(String name, double seconds, Layer layer, List<String> words) {}

    static final Effect DEFAULT = new Effect("ambience", 5, PeopleSounds::ambience, List.of());

    static final List<Effect> EFFECTS = List.of(
            new Effect("rain", 8, NatureSounds::rain, List.of("rain", "drizzl", "downpour", "shower")),
            new Effect("wind", 8, NatureSounds::wind, List.of("wind", "gust", "breez", "blizzard", "howl")),
            new Effect("thunder", 6, NatureSounds::thunder, List.of("thunder", "storm", "lightning", "rumbl")),
            new Effect("water", 8, NatureSounds::water, List.of("water", "stream", "river", "brook", "bubbl", "pour", "splash", "ocean", "wave", "fountain")),
            new Effect("fire", 8, NatureSounds::fire, List.of("fire", "campfire", "crackl", "flame", "burn", "fireplace")),
            new Effect("birds", 6, NatureSounds::birds, List.of("bird", "chirp", "tweet", "sparrow", "songbird", "forest")),
            new Effect("engine", 6, MachineSounds::engine, List.of("engine", "motor", "car", "truck", "idl", "tractor", "motorcycle")),
            new Effect("beep", 1.5, MachineSounds::beep, List.of("beep", "alarm", "bleep", "notification", "microwave", "censor")),
            new Effect("phone", 6, MachineSounds::phone, List.of("phone", "telephone", "ring")),
            new Effect("clock", 5, MachineSounds::clock, List.of("clock", "tick", "tock", "watch", "timer")),
            new Effect("explosion", 4, MachineSounds::explosion, List.of("explosion", "explod", "blast", "boom", "bomb", "bang", "braam", "impact")),
            new Effect("whoosh", 1.5, MachineSounds::whoosh, List.of("whoosh", "swoosh", "swish", "woosh", "swipe", "transition", "fly")),
            new Effect("footsteps", 5, PeopleSounds::footsteps, List.of("footstep", "step", "walk", "running", "stomp")),
            new Effect("door", 3, PeopleSounds::door, List.of("door", "creak", "gate", "hinge")),
            new Effect("knock", 2, PeopleSounds::knock, List.of("knock", "tap", "rap")),
            new Effect("applause", 5, PeopleSounds::applause, List.of("applau", "clap", "cheer", "ovation")),
            new Effect("drums", 3, MidiSounds::drums, List.of("drum", "snare", "cymbal", "percussion")),
            new Effect("bells", 5, MidiSounds::bells, List.of("bell", "chime", "carillon")),
            new Effect("gunshot", 2, MidiSounds::gunshot, List.of("gun", "shot", "pistol", "rifle")),
            new Effect("helicopter", 6, MidiSounds::helicopter, List.of("helicopter", "chopper", "rotor")),
            new Effect("crowd", 8, PeopleSounds::crowd, List.of("crowd", "people", "chatter", "murmur", "babble", "restaurant", "cafe", "party", "audience")));

    /** Words that ask for a large reverberant space, and how large (0..1). */
    static double space(String prompt) {
        String p = prompt.toLowerCase(Locale.ROOT);
        if (p.matches("(?s).*\\b(cathedral|church|cave|canyon|hall|castle|tunnel|echo\\w*|reverb\\w*|spacious|huge|vast)\\b.*")) return 0.9;
        if (p.matches("(?s).*\\b(room|indoor\\w*|inside|house|corridor|large|ancient|eerie)\\b.*")) return 0.4;
        return 0;
    }

    private Vocabulary() {}
}
