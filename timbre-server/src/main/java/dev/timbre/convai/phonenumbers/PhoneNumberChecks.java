package dev.timbre.convai.phonenumbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an import body ({@code CreateTwilioPhoneNumberRequest} or {@code CreateSIPTrunkPhoneNumberRequestV2}, chosen by
 * {@code provider}; without one, a body with {@code sid} is Twilio, otherwise SIP trunk) and splits it into the public
 * config (response shape: {@code has_auth_credentials}, {@code username}, no password) and the secrets to encrypt.
 * Every problem is a 422 violation at its {@code loc}; nothing here throws anything else.
 */
final class PhoneNumberChecks {
    static final Set<String> TRANSPORTS = Set.of("auto", "udp", "tcp", "tls");
    static final Set<String> ENCRYPTIONS = Set.of("disabled", "allowed", "required");

    /** A checked import: {@code secrets} holds {@code sid}/{@code token} or {@code inbound_password}/{@code outbound_password}. */
    record Checked(String provider, String phoneNumber, String label, boolean supportsInbound, boolean supportsOutbound,
                   ObjectNode config, ObjectNode secrets) {}

    private final List<Violation> errors = new ArrayList<>();

    private PhoneNumberChecks() {}

    static Checked create(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body");
        return new PhoneNumberChecks().check(body);
    }

    /**
     * The PATCH fields beyond {@code agent_id} that current SDKs send: {@code label}, and for SIP trunk numbers
     * {@code inbound_trunk_config}/{@code outbound_trunk_config}, each replacing that side (and its password) whole.
     * Returns the new label (or {@code label} when absent); {@code config} and {@code secrets} are changed in place.
     */
    static String update(JsonNode body, String provider, String label, ObjectNode config, ObjectNode secrets) {
        PhoneNumberChecks c = new PhoneNumberChecks();
        String newLabel = body.has("label") && !body.get("label").isNull() ? c.text(body, true, "label") : label;
        if (provider.equals(StoredPhoneNumber.SIP_TRUNK)) {
            for (String side : new String[] {"inbound", "outbound"}) {
                String field = side + "_trunk_config";
                if (!body.has(field)) continue;
                secrets.remove(side + "_password");
                config.set(side + "_trunk", side.equals("inbound") ? c.inbound(body.get(field), secrets) : c.outbound(body.get(field), secrets));
            }
        }
        if (!c.errors.isEmpty()) throw ApiException.validation(c.errors);
        return newLabel;
    }

    private Checked check(JsonNode body) {
        JsonNode p = body.get("provider");
        String provider = p == null || p.isNull() ? (body.has("sid") ? StoredPhoneNumber.TWILIO : StoredPhoneNumber.SIP_TRUNK) : p.asText();
        if (p != null && !p.isNull() && (!p.isTextual() || !Set.of(StoredPhoneNumber.TWILIO, StoredPhoneNumber.SIP_TRUNK).contains(provider))) {
            throw ApiException.invalid("Input should be 'twilio' or 'sip_trunk'", "literal_error", "body", "provider");
        }
        String number = text(body, true, "phone_number");
        if (number != null && number.isBlank()) fail("String should have at least 1 character", "string_too_short", "phone_number");
        if (number != null && number.length() > 64) fail("String should have at most 64 characters", "string_too_long", "phone_number");
        String label = text(body, true, "label");
        boolean inbound = bool(body, "supports_inbound");
        boolean outbound = bool(body, "supports_outbound");
        ObjectNode config = Json.MAPPER.createObjectNode();
        ObjectNode secrets = Json.MAPPER.createObjectNode();
        if (provider.equals(StoredPhoneNumber.TWILIO)) {
            secrets.put("sid", text(body, true, "sid"));
            secrets.put("token", text(body, true, "token"));
        } else {
            config.set("inbound_trunk", inbound(body.get("inbound_trunk_config"), secrets));
            config.set("outbound_trunk", outbound(body.get("outbound_trunk_config"), secrets));
        }
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        return new Checked(provider, number, label, inbound, outbound, config, secrets);
    }

    private JsonNode inbound(JsonNode c, ObjectNode secrets) {
        if (c == null || c.isNull()) return Json.MAPPER.nullNode();
        if (!c.isObject()) return failNull("Input should be a valid dictionary or object", "model_attributes_type", "inbound_trunk_config");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("allowed_addresses", strings(c, "inbound_trunk_config", "allowed_addresses", true));
        out.set("allowed_numbers", strings(c, "inbound_trunk_config", "allowed_numbers", false));
        out.put("media_encryption", choice(c, ENCRYPTIONS, "allowed", "inbound_trunk_config", "media_encryption"));
        credentials(c, out, secrets, "inbound");
        return out;
    }

    private JsonNode outbound(JsonNode c, ObjectNode secrets) {
        if (c == null || c.isNull()) return Json.MAPPER.nullNode();
        if (!c.isObject()) return failNull("Input should be a valid dictionary or object", "model_attributes_type", "outbound_trunk_config");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("address", text(c, true, "outbound_trunk_config", "address"));
        out.put("transport", choice(c, TRANSPORTS, "auto", "outbound_trunk_config", "transport"));
        out.put("media_encryption", choice(c, ENCRYPTIONS, "allowed", "outbound_trunk_config", "media_encryption"));
        ObjectNode headers = out.putObject("headers");
        JsonNode h = c.get("headers");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) fail("Input should be a valid dictionary", "dict_type", "outbound_trunk_config", "headers");
            else h.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) headers.put(e.getKey(), e.getValue().asText());
                else fail("Input should be a valid string", "string_type", "outbound_trunk_config", "headers", e.getKey());
            });
        }
        credentials(c, out, secrets, "outbound");
        out.put("has_outbound_trunk", true);
        return out;
    }

    /** {@code credentials}: username public, password into {@code secrets} as {@code <side>_password}. */
    private void credentials(JsonNode c, ObjectNode out, ObjectNode secrets, String side) {
        String at = side + "_trunk_config";
        JsonNode cr = c.get("credentials");
        out.put("has_auth_credentials", false);
        out.putNull("username");
        if (cr == null || cr.isNull()) return;
        if (!cr.isObject()) {
            fail("Input should be a valid dictionary or object", "model_attributes_type", at, "credentials");
            return;
        }
        String user = text(cr, true, at, "credentials", "username");
        String password = text(cr, true, at, "credentials", "password");
        if (user == null || password == null) return;
        out.put("has_auth_credentials", true);
        out.put("username", user);
        secrets.put(side + "_password", password);
    }

    private JsonNode strings(JsonNode c, String at, String field, boolean emptyForNull) {
        JsonNode v = c.get(field);
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (v == null || v.isNull()) return emptyForNull ? out : Json.MAPPER.nullNode();
        if (!v.isArray()) return failNull("Input should be a valid list", "list_type", at, field);
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) out.add(v.get(i).asText());
            else fail("Input should be a valid string", "string_type", at, field, i);
        }
        return out;
    }

    private String choice(JsonNode c, Set<String> allowed, String dflt, String at, String field) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            fail("Input should be " + String.join(", ", allowed.stream().sorted().map(s -> "'" + s + "'").toList()), "enum", at, field);
            return dflt;
        }
        return v.asText();
    }

    private boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return true;
        if (!v.isBoolean()) fail("Input should be a valid boolean", "bool_type", field);
        return v.asBoolean(true);
    }

    /** The string at {@code path} under {@code node} (the last element is the field); null (and a violation) when bad. */
    private String text(JsonNode node, boolean required, Object... path) {
        JsonNode v = node.get(String.valueOf(path[path.length - 1]));
        if (v == null || v.isNull()) {
            if (required) fail("Field required", "missing", path);
            return null;
        }
        if (!v.isTextual()) {
            fail("Input should be a valid string", "string_type", path);
            return null;
        }
        return v.asText();
    }

    private JsonNode failNull(String msg, String type, Object... path) {
        fail(msg, type, path);
        return Json.MAPPER.nullNode();
    }

    private void fail(String msg, String type, Object... path) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        loc.addAll(List.of(path));
        errors.add(new Violation(loc, msg, type));
    }
}
