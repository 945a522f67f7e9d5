package dev.timbre.music;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import dev.timbre.music.compose.LineVoice;
import dev.timbre.music.compose.Song;
import dev.timbre.music.compose.SongRenderer;
import dev.timbre.music.compose.StyleWords;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MidiUnavailableException;

/**
 * Music as a use case. {@link #plan}: a prompt (or a source plan and a prompt) → a composition plan, by the
 * configured {@link Planner} (a language model, rules as fallback). {@link #prepare}: a compose request → a checked
 * {@link Composition}; {@link #render}: its renderer, section by section (at most {@link #CONCURRENT_RENDERS} at once;
 * past a 30 s wait, 429). When {@code TIMBRE_MUSIC_URL} is set, {@link #remote} forwards composing to that provider
 * instead. Thread-safe.
 */
public final class MusicService {
    public static final int CONCURRENT_RENDERS = 2;
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MusicService.class);

    private final Planner planner;
    private final LineVoice voice;
    private final RemoteMusic remote;
    private final Semaphore renders = new Semaphore(CONCURRENT_RENDERS, true);

    /** A prompt → plan step; {@link PromptPlanner} is the rule one. */
    public interface Planner {
        CompositionPlan plan(String prompt, Integer lengthMs);
    }

    /**
     * @param voice  speaks lyrics (null: every song instrumental)
     * @param remote the composing provider, or null for the embedded composer
     */
    public MusicService(Planner planner, LineVoice voice, RemoteMusic remote) {
        this.planner = planner;
        this.voice = voice;
        this.remote = remote;
    }

    /** Lyrics spoken in the voice {@code voiceId} names (the server's first voice) through the shared speech layer. */
    public static LineVoice lyricsVoice(dev.timbre.texttospeech.TextToSpeechService textToSpeech, dev.timbre.speech.SpeechSynthesizer speech,
                                        java.util.function.Supplier<String> voiceId) {
        return new SpokenLines(textToSpeech, speech, voiceId);
    }

    /** The composing provider when one is configured. */
    public Optional<RemoteMusic> remote() { return Optional.ofNullable(remote); }

    /** {@code POST /v1/music/plan}; throws a 422 {@link ApiException} for bad input. */
    public CompositionPlan plan(PlanRequest r) {
        List<Violation> v = new ArrayList<>();
        if (r.prompt() == null) v.add(PlanChecks.violation("Field required", "missing", "prompt"));
        PlanChecks.prompt(r.prompt(), v);
        PlanChecks.length(r.musicLengthMs(), v);
        PlanChecks.model(r.modelId(), v);
        if (r.sourceCompositionPlan() != null) PlanChecks.plan(r.sourceCompositionPlan(), "source_composition_plan", v);
        if (!v.isEmpty()) throw ApiException.validation(v);
        if (r.sourceCompositionPlan() != null) return new PlanEditor().edit(r.sourceCompositionPlan(), r.prompt(), r.musicLengthMs());
        CompositionPlan plan = planner.plan(r.prompt(), r.musicLengthMs());
        PlanChecks.check(plan, "prompt"); // a planner's plan is checked like a client's
        return plan;
    }

    /** Checks a compose request and fixes the plan, the seed and the song id; throws a 422 for bad input. */
    public Composition prepare(ComposeRequest r) {
        List<Violation> v = new ArrayList<>();
        CompositionPlan given = r.plan();
        if (given != null && r.prompt() != null) v.add(PlanChecks.violation("Use prompt or composition_plan, not both", "value_error", "composition_plan"));
        if (given != null && r.musicLengthMs() != null) v.add(PlanChecks.violation("music_length_ms is used only with a prompt; a plan's sections set the length", "value_error", "music_length_ms"));
        PlanChecks.prompt(r.prompt(), v);
        PlanChecks.length(r.musicLengthMs(), v);
        PlanChecks.model(r.modelId(), v);
        if (given != null) PlanChecks.plan(given, r.planField(), v);
        if (!v.isEmpty()) throw ApiException.validation(v);
        // neither a prompt nor a plan (the SDK's own example, compose({})): a song of the default length in no particular style
        CompositionPlan plan = given != null ? given : planner.plan(r.prompt() == null ? "" : r.prompt(), r.musicLengthMs());
        if (given == null) PlanChecks.check(plan, "prompt");
        boolean vocals = !Boolean.TRUE.equals(r.forceInstrumental()) && voice != null
                && plan.negativeGlobalStyles().stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("vocal"))
                && plan.sections().stream().anyMatch(s -> !s.lines().isEmpty());
        long seed = r.seed() != null ? r.seed() : SEEDS.nextLong();
        List<Song.Section> sections = plan.sections().stream().map(s -> new Song.Section(s.sectionName(), s.durationMs(),
                s.positiveLocalStyles(), s.negativeLocalStyles(), s.lines())).toList();
        Song song = new Song(plan.positiveGlobalStyles(), plan.negativeGlobalStyles(), sections, seed, vocals);
        return new Composition(plan, song, metadata(r.prompt(), plan, vocals), Ids.random(20));
    }

    /**
     * Opens a renderer for {@code c} once a render slot is free; closing the returned renderer frees the slot.
     * Throws a 429 {@link ApiException} after 30 s without a slot.
     */
    public Rendering render(Composition c) throws InterruptedException {
        if (!renders.tryAcquire(30, TimeUnit.SECONDS)) {
            throw ApiException.busy("too_many_concurrent_requests", "Every music render slot is busy; try again shortly.", 5);
        }
        try {
            return new Rendering(new SongRenderer(c.song(), voice), renders);
        } catch (MidiUnavailableException | RuntimeException e) {
            renders.release();
            LOG.warn("music: the MIDI synthesizer could not start", e);
            throw new ApiException(503, "music_unavailable", "The music synthesizer could not start on this server: " + e.getMessage());
        }
    }

    /** A renderer holding a render slot until closed. Single-use, not thread-safe. */
    public static final class Rendering implements AutoCloseable {
        private final SongRenderer renderer;
        private Semaphore slot;

        private Rendering(SongRenderer renderer, Semaphore slot) {
            this.renderer = renderer;
            this.slot = slot;
        }

        /** The next section's PCM (s16le mono at {@link #SAMPLE_RATE}), or null after the last. */
        public byte[] next() throws InterruptedException {
            return renderer.hasNext() ? renderer.next() : null;
        }

        @Override
        public void close() {
            renderer.close();
            if (slot != null) slot.release();
            slot = null;
        }
    }

    public static final int SAMPLE_RATE = SongRenderer.SAMPLE_RATE;

    private static SongMetadata metadata(String prompt, CompositionPlan plan, boolean vocals) {
        List<String> genres = StyleWords.genres(plan.positiveGlobalStyles());
        String title = "Generated Song";
        if (prompt != null && !prompt.isBlank()) {
            String[] words = prompt.strip().split("\\s+");
            String t = String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length))).replaceAll("[,.;:!?]+$", "");
            title = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }
        String description = prompt != null && !prompt.isBlank() ? prompt.strip()
                : "A song in " + (plan.positiveGlobalStyles().isEmpty() ? "no particular style" : String.join(", ", plan.positiveGlobalStyles()))
                + ", " + plan.sections().size() + " sections";
        return new SongMetadata(title, description, genres.isEmpty() ? List.of("pop") : genres, vocals ? List.of("en") : List.of("Instrumental"), false);
    }
}
