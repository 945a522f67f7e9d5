package dev.timbre.studio.podcasts;

import dev.timbre.convai.knowledgebase.UrlPages;
import dev.timbre.engine.LanguageModel;
import dev.timbre.studio.Studio;
import dev.timbre.voices.VoicesService;
import java.time.Duration;

/** Podcasts assembled for the composition root: the routes of {@code /v1/studio/podcasts}. */
public final class Podcasts {
    private final PodcastsService service;
    private final Studio studio;

    /** @param model the configured language model that writes scripts, or null for the template alone */
    public Podcasts(Studio studio, UrlPages pages, VoicesService voices, LanguageModel model) {
        this.studio = studio;
        this.service = new PodcastsService(studio, pages, voices, new PodcastWriter(model, Duration.ofSeconds(90)));
    }

    public PodcastsRoutes routes() {
        return new PodcastsRoutes(service, studio);
    }
}
