package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversations.ConversationRecords;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.settings.SettingsService;
import dev.timbre.http.ApiException;
import dev.timbre.jobs.Jobs;
import dev.timbre.webhooks.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's post-call work from its parts, so that the composition root needs one line: agents read with their
 * defaults, the webhook chosen by {@link PostCallWebhookTargets}, 60 s per analysis question, 5 delivery attempts 10 s,
 * 20 s, 40 s, 80 s apart, all as durable jobs of {@code scheduler}. The caller calls {@code resumePending()} once at
 * start-up, before or after starting the scheduler; the scheduler's owner stops the work.
 */
public final class PostCallSetup {
    public static final int DELIVERY_ATTEMPTS = 5;
    public static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    public static final Duration QUESTION_TIMEOUT = Duration.ofSeconds(60);

    private PostCallSetup() {}

    public static PostCallProcessor processor(Jdbi jdbi, TimbreConfig.Webhooks webhooks, SettingsService convaiSettings, AgentsService agents,
                                              ConversationRecords records, AgentLanguageModels models, Clock clock, Jobs scheduler) {
        return processor(jdbi, webhooks, convaiSettings, agents, records, models, id -> Optional.empty(), clock, scheduler);
    }

    /** @param recordings the conversations' stored MP3s, for {@code post_call_audio} */
    public static PostCallProcessor processor(Jdbi jdbi, TimbreConfig.Webhooks webhooks, SettingsService convaiSettings, AgentsService agents,
                                              ConversationRecords records, AgentLanguageModels models, StoredRecordings recordings, Clock clock,
                                              Jobs scheduler) {
        PostCallJobs jobs = new PostCallJobs(jdbi);
        PostCallWebhookTargets targets = new PostCallWebhookTargets(webhooks, convaiSettings::settings);
        Function<String, Optional<ObjectNode>> agentById = id -> {
            try {
                return id == null ? Optional.empty() : Optional.of(agents.get(id));
            } catch (ApiException e) {
                if (e.status() == 404) return Optional.empty();
                throw e;
            }
        };
        PostCallWebhooks delivery = new PostCallWebhooks(jobs, agentId -> targets.forAgent(agentById.apply(agentId).orElse(null)),
                new WebhookSender(clock), clock, DELIVERY_ATTEMPTS, FIRST_RETRY, recordings, scheduler);
        Function<JsonNode, Optional<TimbreConfig.Webhook>> target = targets::forAgent;
        return new PostCallProcessor(records, agentById, models, new ConversationAnalyser(QUESTION_TIMEOUT), jobs, delivery, target, targets::sendsAudio, clock,
                scheduler);
    }
}
