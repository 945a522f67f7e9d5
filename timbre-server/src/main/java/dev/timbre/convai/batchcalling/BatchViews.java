package dev.timbre.convai.batchcalling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes: {@code BatchCallResponse} and {@code BatchCallDetailedResponse} with
 * {@code OutboundCallRecipientResponseModel} rows, plus the fields current SDKs require ({@code total_calls_finished},
 * {@code retry_count}, {@code telephony_call_config}). Counts come from the recipients: scheduled = all of them,
 * dispatched = those dialed (neither pending nor cancelled), finished = those whose call is over.
 */
final class BatchViews {
    private BatchViews() {}

    static ObjectNode summary(StoredBatch b, Map<String, Integer> counts) {
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        int finished = StoredRecipient.FINISHED.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
        int dispatched = all - counts.getOrDefault(StoredRecipient.PENDING, 0) - counts.getOrDefault(StoredRecipient.CANCELLED, 0);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", b.batchId());
        o.put("phone_number_id", b.phoneNumberId());
        o.put("phone_provider", b.phoneProvider());
        o.put("name", b.name());
        o.put("agent_id", b.agentId());
        o.put("created_at_unix", b.createdAtUnix());
        o.put("scheduled_time_unix", b.scheduledTimeUnix());
        o.put("total_calls_dispatched", dispatched);
        o.put("total_calls_scheduled", all);
        o.put("total_calls_finished", finished);
        o.put("last_updated_at_unix", b.lastUpdatedAtUnix());
        o.put("status", b.status());
        o.put("retry_count", b.retryCount());
        o.set("telephony_call_config", b.telephonyCallConfig() == null ? Json.MAPPER.createObjectNode() : b.telephonyCallConfig().deepCopy());
        if (b.concurrencyLimit() != null) o.put("target_concurrency_limit", b.concurrencyLimit());
        o.put("agent_name", b.agentName() == null ? "" : b.agentName());
        return o;
    }

    static ObjectNode detailed(StoredBatch b, List<StoredRecipient> rows) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (StoredRecipient r : rows) counts.merge(r.status(), 1, Integer::sum);
        ObjectNode o = summary(b, counts);
        ArrayNode list = o.putArray("recipients");
        for (StoredRecipient r : rows) {
            ObjectNode n = list.addObject();
            n.put("id", r.recipientId());
            n.put("phone_number", r.phoneNumber());
            n.put("status", r.status());
            n.put("created_at_unix", r.createdAtUnix());
            n.put("updated_at_unix", r.updatedAtUnix());
            n.put("conversation_id", r.conversationId());
            if (r.initiation() == null) n.putNull("conversation_initiation_client_data");
            else n.set("conversation_initiation_client_data", r.initiation().deepCopy());
        }
        return o;
    }
}
