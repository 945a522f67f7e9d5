package dev.timbre.music;

/**
 * The JSON body of {@code POST /v1/music}, {@code /stream} and {@code /detailed} ({@code Body_Compose_music_v1_music_post}
 * and its variants): a prompt or a composition plan ({@code music_prompt} is the deprecated name of the latter).
 * {@code seed} is Timbre's addition: the same request and seed give the same audio. Unknown fields are ignored.
 */
public record ComposeRequest(String prompt, CompositionPlan compositionPlan, CompositionPlan musicPrompt, Integer musicLengthMs,
                             String modelId, Boolean forceInstrumental, Boolean respectSectionsDurations,
                             Boolean storeForInpainting, Long seed) {

    /** The plan given under either name. */
    CompositionPlan plan() {
        return compositionPlan != null ? compositionPlan : musicPrompt;
    }

    String planField() {
        return compositionPlan != null ? "composition_plan" : "music_prompt";
    }
}
