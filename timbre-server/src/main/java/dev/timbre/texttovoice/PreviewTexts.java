package dev.timbre.texttovoice;

import java.util.List;

/**
 * The text a preview speaks when the request brings none ({@code auto_generate_text}, or no {@code text}): one of a
 * few passages of 100–1000 characters, chosen to suit the description's tone and age. Stateless.
 */
final class PreviewTexts {
    private static final String NARRATION = "The old lighthouse stood at the edge of the cliff, and every night its beam swept "
            + "across the dark water. Sailors far out at sea would see the light and know that they were almost home.";
    private static final String LIVELY = "Hey there, welcome back! Today we have something really exciting to show you, so "
            + "grab a snack, get comfortable, and let's jump right in. Trust me, you are going to love this one.";
    private static final String CALM = "Take a slow, deep breath in, and let it out gently. Notice the weight of your body "
            + "resting where you are. There is nowhere else you need to be right now, and nothing you need to do.";
    private static final String SERIOUS = "Good evening. Tonight we report on the storm that moved across the coast this "
            + "afternoon. Roads in several towns are closed, and officials are asking everyone to stay indoors until morning.";
    private static final String PLAYFUL = "Once upon a time, in a little house at the bottom of the garden, there lived a "
            + "mouse who loved cheese more than anything in the whole wide world. One day, she found a very big piece.";

    private static final List<String> LIVELY_WORDS = List.of("energetic", "excited", "lively", "animated", "cheerful",
            "upbeat", "enthusiastic", "fast", "quick", "rapid", "brisk", "sassy");
    private static final List<String> CALM_WORDS = List.of("calm", "soothing", "relaxed", "gentle", "soft", "warm", "slow",
            "unhurried", "whispery");
    private static final List<String> SERIOUS_WORDS = List.of("authoritative", "commanding", "serious", "deep", "measured",
            "deliberate", "confident", "monotone", "flat", "robotic");

    private PreviewTexts() {}

    static String forTraits(VoiceTraits traits) {
        List<String> tones = traits.tones();
        if ("child".equals(traits.age()) || tones.contains("squeaky") || tones.contains("mouse") || tones.contains("tiny")) return PLAYFUL;
        if (tones.stream().anyMatch(LIVELY_WORDS::contains)) return LIVELY;
        if (tones.stream().anyMatch(CALM_WORDS::contains)) return CALM;
        if (tones.stream().anyMatch(SERIOUS_WORDS::contains)) return SERIOUS;
        return NARRATION;
    }

    /** Every passage, for tests: each is 100–1000 characters. */
    static List<String> all() {
        return List.of(NARRATION, LIVELY, CALM, SERIOUS, PLAYFUL);
    }
}
