package dev.timbre.convai.batchcalling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Batch calling's use cases: submit, list the workspace's batches (newest first, cursor {@code last_doc}), get one with
 * its recipients, cancel (pending recipients cancelled, live calls finish), retry (failed recipients pending again).
 * The calls themselves are {@link BatchDispatcher}'s. Errors: unknown batch 404 {@code batch_call_not_found}, unknown
 * agent 404 {@code agent_not_found}, unknown number 404 {@code phone_number_not_found}, a number without outbound calls
 * 400 {@code phone_number_outbound_unsupported}, bad rows 422. Thread-safe; blocking (database).
 */
public final class BatchCallsService {
    private final BatchCallRepository repository;
    private final BatchDispatcher dispatcher;
    private final AgentsService agents;
    private final PhoneNumbersService numbers;
    private final Clock clock;

    public BatchCallsService(BatchCallRepository repository, BatchDispatcher dispatcher, AgentsService agents, PhoneNumbersService numbers, Clock clock) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.agents = agents;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** {@code BatchCallResponse} of the new batch; it is dialed from its scheduled time (now when absent or past). */
    public ObjectNode submit(com.fasterxml.jackson.databind.JsonNode body) {
        BatchSubmission s = BatchSubmission.parse(body);
        if (!Ids.isSafe(s.agentId())) throw AgentsService.notFound(s.agentId());
        ObjectNode agent = agents.get(s.agentId());
        StoredPhoneNumber from = numbers.stored(s.phoneNumberId());
        if (!from.supportsOutbound()) {
            throw ApiException.badRequest("phone_number_outbound_unsupported", "Phone number " + from.phoneNumberId() + " does not support outbound calls.");
        }
        s.checkFor(from, agent);
        long now = clock.instant().getEpochSecond();
        long scheduled = s.scheduledTimeUnix() == null ? now : Math.max(now, s.scheduledTimeUnix());
        StoredBatch b = new StoredBatch("btcal_" + Ids.random(), s.name(), s.agentId(), null, from.phoneNumberId(), from.provider(),
                StoredBatch.PENDING, scheduled, now, now, 0, s.concurrencyLimit(), s.telephonyCallConfig(), 0);
        List<StoredRecipient> rows = new ArrayList<>();
        for (int i = 0; i < s.recipients().size(); i++) {
            BatchSubmission.Recipient r = s.recipients().get(i);
            rows.add(new StoredRecipient(b.batchId(), r.id() != null ? r.id() : "rcpt_" + Ids.random(), i, r.phoneNumber(), r.initiation(),
                    StoredRecipient.PENDING, null, null, null, 0, now, now));
        }
        repository.insert(b, rows);
        dispatcher.wake();
        return summary(stored(b.batchId()));
    }

    /** {@code WorkspaceBatchCallsResponse}: up to {@code limit} batches after {@code lastDoc} (a batch id), of {@code agentId} when given. */
    public ObjectNode list(int limit, String lastDoc, String agentId) {
        Long before = null;
        if (lastDoc != null) {
            StoredBatch after = Ids.isSafe(lastDoc) ? repository.find(lastDoc).orElse(null) : null;
            if (after == null) throw ApiException.invalid("last_doc is not the id of a batch call", "value_error", "query", "last_doc");
            before = after.seq();
        }
        List<StoredBatch> page = repository.page(agentId, before, limit + 1);
        boolean more = page.size() > limit;
        if (more) page = page.subList(0, limit);
        Map<String, Map<String, Integer>> counts = repository.statusCounts(page.stream().map(StoredBatch::batchId).toList());
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode list = o.putArray("batch_calls");
        for (StoredBatch b : page) list.add(BatchViews.summary(b, counts.getOrDefault(b.batchId(), Map.of())));
        if (more) o.put("next_doc", page.get(page.size() - 1).batchId());
        else o.putNull("next_doc");
        o.put("has_more", more);
        return o;
    }

    /** {@code BatchCallDetailedResponse}. */
    public ObjectNode get(String batchId) {
        StoredBatch b = stored(batchId);
        List<StoredRecipient> rows = repository.recipients(batchId);
        return BatchViews.detailed(b, rows);
    }

    /** Cancels pending recipients (live calls finish); an active batch becomes cancelled, an ended one is left as it is. */
    public ObjectNode cancel(String batchId) {
        StoredBatch b = stored(batchId);
        if (b.active()) {
            long now = clock.instant().getEpochSecond();
            repository.setStatus(batchId, StoredBatch.CANCELLED, now, StoredBatch.PENDING, StoredBatch.IN_PROGRESS);
            repository.cancelPending(batchId, now);
        }
        return summary(stored(batchId));
    }

    /**
     * Calls the failed (never reached, no answer, busy, interrupted) recipients again: they become pending, the batch
     * pending (before its scheduled time) or in_progress, {@code retry_count} + 1. Nothing failed: the batch as it is.
     */
    public ObjectNode retry(String batchId) {
        StoredBatch b = stored(batchId);
        long now = clock.instant().getEpochSecond();
        if (repository.retryFailed(batchId, now) == 0) return summary(b);
        repository.retried(batchId, b.scheduledTimeUnix() > now ? StoredBatch.PENDING : StoredBatch.IN_PROGRESS, now);
        ObjectNode retried = summary(stored(batchId)); // the batch as the retry left it, before the dispatcher dials
        dispatcher.wake();
        return retried;
    }

    private ObjectNode summary(StoredBatch b) {
        return BatchViews.summary(b, repository.statusCounts(List.of(b.batchId())).getOrDefault(b.batchId(), Map.of()));
    }

    private StoredBatch stored(String batchId) {
        if (!Ids.isSafe(batchId)) throw notFound(batchId);
        return repository.find(batchId).orElseThrow(() -> notFound(batchId));
    }

    static ApiException notFound(String batchId) {
        return ApiException.notFound("batch_call_not_found", "Batch call with id '" + batchId + "' not found");
    }
}
