package dev.timbre.convai.phonenumbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.agents.StoredAgent;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.JdbiException;

/**
 * Phone numbers as stored resources: import, list, get, assign an agent, delete. Secrets (Twilio sid and token, SIP
 * trunk passwords) are encrypted with {@link SecretCipher} and never appear in a response. Unknown number 404
 * {@code phone_number_not_found}; a number already imported 409 {@code phone_number_already_exists}; an unknown agent
 * 404 {@code agent_not_found} (as everywhere else). Thread-safe; blocking (database).
 */
public final class PhoneNumbersService {
    private final PhoneNumberRepository repository;
    private final AgentsService agents;
    private final SecretCipher cipher;
    private final Clock clock;

    public PhoneNumbersService(PhoneNumberRepository repository, AgentsService agents, SecretCipher cipher, Clock clock) {
        this.repository = repository;
        this.agents = agents;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** {@code CreatePhoneNumberResponseModel}. */
    public Map<String, String> create(JsonNode body) {
        PhoneNumberChecks.Checked c = PhoneNumberChecks.create(body);
        if (repository.findByNumber(c.phoneNumber()).isPresent()) throw duplicate(c.phoneNumber());
        StoredPhoneNumber p = new StoredPhoneNumber("phnum_" + Ids.random(), c.phoneNumber(), c.label(), c.provider(), c.supportsInbound(),
                c.supportsOutbound(), null, null, c.config(), cipher.encrypt(c.secrets().toString()), clock.instant().getEpochSecond());
        try {
            repository.insert(p);
        } catch (JdbiException e) {
            if (repository.findByNumber(c.phoneNumber()).isPresent()) throw duplicate(c.phoneNumber()); // lost a race
            throw e;
        }
        return Map.of("phone_number_id", p.phoneNumberId());
    }

    /** All numbers in import order; {@code provider} and {@code agentId} (query filters current SDKs send) narrow when not null. */
    public List<ObjectNode> list(String provider, String agentId) {
        return repository.list().stream()
                .filter(p -> provider == null || p.provider().equals(provider))
                .filter(p -> agentId == null || agentId.equals(p.agentId()))
                .map(PhoneNumbersService::view).toList();
    }

    public ObjectNode get(String id) {
        return view(stored(id));
    }

    /**
     * {@code UpdatePhoneNumberRequest}: {@code agent_id} a string assigns, null unassigns, absent leaves it as it is; the
     * fields current SDKs add ({@code label}, SIP trunk configs) as {@link PhoneNumberChecks#update}.
     */
    public ObjectNode update(String id, JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body");
        JsonNode a = body.get("agent_id");
        if (a != null && !a.isNull() && !a.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", "agent_id");
        StoredPhoneNumber p = stored(id);
        ObjectNode config = p.config().deepCopy();
        ObjectNode secrets = secrets(p);
        String label = PhoneNumberChecks.update(body, p.provider(), p.label(), config, secrets);
        String agentId = a == null ? p.agentId() : a.isNull() ? null : a.asText();
        String name = a == null ? p.agentName() : agentId == null ? null : agent(agentId).name();
        StoredPhoneNumber updated = new StoredPhoneNumber(p.phoneNumberId(), p.phoneNumber(), label, p.provider(), p.supportsInbound(),
                p.supportsOutbound(), agentId, name, config, cipher.encrypt(secrets.toString()), p.createdAtUnix());
        try {
            if (!repository.update(updated)) throw notFound(id);
        } catch (JdbiException e) {
            if (agentId != null) agents.find(agentId); // the agent was deleted meanwhile (foreign key): 404 agent_not_found
            throw e;
        }
        return view(updated);
    }

    public void delete(String id) {
        if (!repository.delete(id)) throw notFound(id);
    }

    /** The decrypted secrets of a number ({@code sid}/{@code token} or {@code inbound_password}/{@code outbound_password}), for the call paths. */
    public ObjectNode secrets(StoredPhoneNumber p) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(cipher.decrypt(p.secrets()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored phone number secrets are malformed", e);
        }
    }

    private StoredAgent agent(String agentId) {
        if (!Ids.isSafe(agentId)) throw AgentsService.notFound(agentId);
        return agents.find(agentId);
    }

    /** The stored number {@code id} (for the call paths); 404 {@code phone_number_not_found}. */
    public StoredPhoneNumber stored(String id) {
        if (!Ids.isSafe(id)) throw notFound(id);
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    /** The number imported as {@code phoneNumber} (E.164 as stored), for an inbound call to it; empty when none. */
    public java.util.Optional<StoredPhoneNumber> byNumber(String phoneNumber) {
        return phoneNumber == null ? java.util.Optional.empty() : repository.findByNumber(phoneNumber);
    }

    /** {@code GetPhoneNumberTwilioResponseModel} or {@code GetPhoneNumberSIPTrunkResponseModel}. */
    static ObjectNode view(StoredPhoneNumber p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("phone_number", p.phoneNumber());
        o.put("label", p.label());
        o.put("supports_inbound", p.supportsInbound());
        o.put("supports_outbound", p.supportsOutbound());
        o.put("phone_number_id", p.phoneNumberId());
        if (p.agentId() == null) o.putNull("assigned_agent");
        else o.putObject("assigned_agent").put("agent_id", p.agentId()).put("agent_name", p.agentName() == null ? "" : p.agentName());
        o.put("provider", p.provider());
        if (p.provider().equals(StoredPhoneNumber.SIP_TRUNK)) {
            o.put("livekit_stack", "standard"); // required by current SDKs; Timbre has one SIP stack
            JsonNode out = p.config().path("outbound_trunk");
            o.set("provider_config", out.isMissingNode() ? Json.MAPPER.nullNode() : out.deepCopy());
            o.set("outbound_trunk", out.isMissingNode() ? Json.MAPPER.nullNode() : out.deepCopy());
            JsonNode in = p.config().path("inbound_trunk");
            o.set("inbound_trunk", in.isMissingNode() ? Json.MAPPER.nullNode() : in.deepCopy());
        }
        return o;
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("phone_number_not_found", "Phone number with id '" + id + "' not found");
    }

    private static ApiException duplicate(String number) {
        return new ApiException(409, "phone_number_already_exists", "Phone number " + number + " has already been imported");
    }
}
