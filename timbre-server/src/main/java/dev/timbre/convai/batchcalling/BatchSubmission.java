package dev.timbre.convai.batchcalling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.conversation.agent.Initiation;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A checked {@code POST /v1/convai/batch-calling/submit} body. {@link #parse} reports every problem of the body at once
 * as a 422 list ({@code loc ["body","recipients",i,"phone_number"]} for each bad row); {@link #checkFor} then checks the
 * rows against the calling number and the agent. Phone numbers are E.164 ({@code +} and 7 to 15 digits; spaces, dots,
 * dashes and parentheses are dropped), or {@code sip:}/{@code sips:} URIs on a SIP trunk; a number or an {@code id}
 * given twice is refused.
 *
 * @param scheduledTimeUnix when to start (null: now); a time in the past means now
 * @param concurrencyLimit {@code target_concurrency_limit}: most calls of this batch at once (null: the server's limit)
 */
record BatchSubmission(String name, String agentId, String phoneNumberId, Long scheduledTimeUnix, List<Recipient> recipients,
                       Integer concurrencyLimit, ObjectNode telephonyCallConfig) {
    static final int MAX_RECIPIENTS = 10_000;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");
    /** No initiation data (never mutated). */
    private static final ObjectNode NO_INITIATION = Json.MAPPER.createObjectNode();
    private static final Pattern SIP_URI = Pattern.compile("sips?:[^\\s@]+@[^\\s@]+|sips?:\\+?[0-9]+", Pattern.CASE_INSENSITIVE);

    /** One row: {@code id} given or null (one is made), {@code initiation} null for none. */
    record Recipient(String id, String phoneNumber, JsonNode initiation) {
        boolean sipUri() { return phoneNumber.regionMatches(true, 0, "sip", 0, 3); }
    }

    static BatchSubmission parse(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body");
        List<Violation> bad = new ArrayList<>();
        String name = text(body, "call_name", true, 1000, bad);
        String agentId = text(body, "agent_id", true, 200, bad);
        String numberId = text(body, "agent_phone_number_id", true, 200, bad);
        Long scheduled = null;
        JsonNode s = body.get("scheduled_time_unix");
        if (s != null && !s.isNull()) {
            if (s.canConvertToLong() && (s.isIntegralNumber() || s.isNumber() && s.asDouble() == Math.rint(s.asDouble()))) scheduled = s.asLong();
            else bad.add(violation("Input should be a valid integer", "int_type", "scheduled_time_unix"));
        }
        Integer limit = null;
        JsonNode l = body.get("target_concurrency_limit");
        if (l != null && !l.isNull()) {
            if (!l.isIntegralNumber() || !l.canConvertToInt()) bad.add(violation("Input should be a valid integer", "int_type", "target_concurrency_limit"));
            else if (l.asInt() < 1) bad.add(violation("Input should be greater than or equal to 1", "greater_than_equal", "target_concurrency_limit"));
            else limit = l.asInt();
        }
        ObjectNode telephony = null;
        JsonNode t = body.get("telephony_call_config");
        if (t != null && !t.isNull()) {
            if (t.isObject()) telephony = (ObjectNode) t.deepCopy();
            else bad.add(violation("Input should be a valid dictionary or object", "model_attributes_type", "telephony_call_config"));
        }
        List<Recipient> recipients = recipients(body.get("recipients"), bad);
        if (!bad.isEmpty()) throw ApiException.validation(bad);
        return new BatchSubmission(name, agentId, numberId, scheduled, recipients, limit, telephony);
    }

    /**
     * Checks the rows for a call from {@code from} by an agent configured as {@code agentConfig} (its
     * {@code GetAgentResponseModel}): SIP URIs only from a SIP trunk; each initiation as the conversation socket checks
     * one (overrides the agent allows, scalar dynamic variables, every variable the prompt uses). 422 naming the rows.
     */
    void checkFor(StoredPhoneNumber from, JsonNode agentConfig) {
        List<Violation> bad = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            if (r.sipUri() && !from.provider().equals(StoredPhoneNumber.SIP_TRUNK)) {
                bad.add(new Violation(List.of("body", "recipients", i, "phone_number"),
                        "SIP URIs can only be called from a SIP trunk number; use an E.164 number (e.g. +14155550123)", "value_error"));
            }
            try {
                Initiation.check(r.initiation() == null ? NO_INITIATION : r.initiation(), agentConfig);
            } catch (Initiation.Refused e) {
                bad.add(new Violation(List.of("body", "recipients", i, "conversation_initiation_client_data"), e.getMessage(), e.errorType));
            }
        }
        if (!bad.isEmpty()) throw ApiException.validation(bad);
    }

    private static List<Recipient> recipients(JsonNode list, List<Violation> bad) {
        if (list == null || list.isNull()) {
            bad.add(violation("Field required", "missing", "recipients"));
            return List.of();
        }
        if (!list.isArray()) {
            bad.add(violation("Input should be a valid list", "list_type", "recipients"));
            return List.of();
        }
        if (list.isEmpty()) bad.add(violation("List should have at least 1 item after validation, not 0", "too_short", "recipients"));
        if (list.size() > MAX_RECIPIENTS) {
            bad.add(violation("List should have at most " + MAX_RECIPIENTS + " items after validation, not " + list.size(), "too_long", "recipients"));
            return List.of();
        }
        List<Recipient> out = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>(), ids = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            if (!r.isObject()) {
                bad.add(new Violation(List.of("body", "recipients", i), "Input should be a valid dictionary or object", "model_attributes_type"));
                continue;
            }
            String number = phoneNumber(r.get("phone_number"), i, bad);
            Integer first = number == null ? null : numbers.putIfAbsent(number, i);
            if (first != null) {
                bad.add(new Violation(List.of("body", "recipients", i, "phone_number"), "Phone number " + number
                        + " is already recipient " + first + " of this batch", "value_error"));
            }
            String id = null;
            JsonNode idNode = r.get("id");
            if (idNode != null && !idNode.isNull()) {
                if (!idNode.isTextual() || !Ids.isSafe(idNode.asText()) || idNode.asText().length() > 64) {
                    bad.add(new Violation(List.of("body", "recipients", i, "id"), "Recipient ids are up to 64 letters, digits, '_' or '-'", "value_error"));
                } else if (ids.putIfAbsent(idNode.asText(), i) != null) {
                    bad.add(new Violation(List.of("body", "recipients", i, "id"), "Recipient id '" + idNode.asText()
                            + "' is already recipient " + ids.get(idNode.asText()) + " of this batch", "value_error"));
                } else {
                    id = idNode.asText();
                }
            }
            JsonNode init = r.get("conversation_initiation_client_data");
            if (init != null && !init.isNull() && !init.isObject()) {
                bad.add(new Violation(List.of("body", "recipients", i, "conversation_initiation_client_data"),
                        "Input should be a valid dictionary or object", "model_attributes_type"));
            }
            if (number != null) out.add(new Recipient(id, number, init == null || init.isNull() ? null : init.deepCopy()));
        }
        return out;
    }

    private static String phoneNumber(JsonNode n, int i, List<Violation> bad) {
        List<Object> loc = List.of("body", "recipients", i, "phone_number");
        if (n == null || n.isNull()) {
            bad.add(new Violation(loc, "Field required", "missing"));
            return null;
        }
        if (!n.isTextual()) {
            bad.add(new Violation(loc, "Input should be a valid string", "string_type"));
            return null;
        }
        String raw = n.asText().strip();
        if (SIP_URI.matcher(raw).matches() && raw.length() <= 500) return raw;
        String e164 = SEPARATORS.matcher(raw).replaceAll("");
        if (E164.matcher(e164).matches()) return e164;
        bad.add(new Violation(loc, "Value error, '" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw)
                + "' is not an E.164 phone number (e.g. +14155550123)", "value_error"));
        return null;
    }

    private static String text(JsonNode body, String field, boolean required, int max, List<Violation> bad) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) bad.add(violation("Field required", "missing", field));
            return null;
        }
        if (!n.isTextual()) {
            bad.add(violation("Input should be a valid string", "string_type", field));
            return null;
        }
        if (n.asText().isBlank()) {
            bad.add(violation("String should have at least 1 character", "string_too_short", field));
            return null;
        }
        if (n.asText().length() > max) {
            bad.add(violation("String should have at most " + max + " characters", "string_too_long", field));
            return null;
        }
        return n.asText();
    }

    private static Violation violation(String msg, String type, String field) {
        return new Violation(List.of("body", field), msg, type);
    }
}
