package dev.timbre.music;

/** The JSON body of {@code POST /v1/music/plan} ({@code Body_Generate_composition_plan_v1_music_plan_post}). */
public record PlanRequest(String prompt, Integer musicLengthMs, CompositionPlan sourceCompositionPlan, String modelId) {}
