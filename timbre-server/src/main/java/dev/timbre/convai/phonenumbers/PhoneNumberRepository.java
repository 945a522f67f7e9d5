package dev.timbre.convai.phonenumbers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code convai_phone_numbers} (V24), in import order, with the assigned agent's name joined in. */
public final class PhoneNumberRepository {
    private static final String SELECT = "SELECT p.phone_number_id, p.phone_number, p.label, p.provider, p.supports_inbound, "
            + "p.supports_outbound, p.agent_id, a.name AS agent_name, p.config, p.secrets, p.created_at_unix "
            + "FROM convai_phone_numbers p LEFT JOIN agents a ON a.agent_id = p.agent_id";

    private final Jdbi jdbi;

    public PhoneNumberRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts the row; a duplicate {@code phone_number} fails with the database's constraint exception. */
    public void insert(StoredPhoneNumber p) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO convai_phone_numbers (phone_number_id, phone_number, label, provider, "
                        + "supports_inbound, supports_outbound, agent_id, config, secrets, created_at_unix) VALUES (:id, :number, :label, "
                        + ":provider, :inbound, :outbound, :agent, :config, :secrets, :created)")
                .bind("id", p.phoneNumberId()).bind("number", p.phoneNumber()).bind("label", p.label()).bind("provider", p.provider())
                .bind("inbound", p.supportsInbound()).bind("outbound", p.supportsOutbound()).bind("agent", p.agentId())
                .bind("config", p.config().toString()).bind("secrets", p.secrets()).bind("created", p.createdAtUnix()).execute());
    }

    /** Replaces label, assigned agent, config and secrets; true when the row was there. */
    public boolean update(StoredPhoneNumber p) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE convai_phone_numbers SET label = :label, agent_id = :agent, config = :config, "
                        + "secrets = :secrets WHERE phone_number_id = :id")
                .bind("id", p.phoneNumberId()).bind("label", p.label()).bind("agent", p.agentId()).bind("config", p.config().toString())
                .bind("secrets", p.secrets()).execute()) > 0;
    }

    public Optional<StoredPhoneNumber> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE p.phone_number_id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    public Optional<StoredPhoneNumber> findByNumber(String number) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE p.phone_number = :n").bind("n", number).map((rs, ctx) -> row(rs)).findOne());
    }

    public List<StoredPhoneNumber> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY p.seq").map((rs, ctx) -> row(rs)).list());
    }

    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM convai_phone_numbers WHERE phone_number_id = :id").bind("id", id).execute()) > 0;
    }

    private static StoredPhoneNumber row(ResultSet rs) throws SQLException {
        try {
            return new StoredPhoneNumber(rs.getString("phone_number_id"), rs.getString("phone_number"), rs.getString("label"),
                    rs.getString("provider"), rs.getBoolean("supports_inbound"), rs.getBoolean("supports_outbound"),
                    rs.getString("agent_id"), rs.getString("agent_name"), (ObjectNode) Json.MAPPER.readTree(rs.getString("config")),
                    rs.getString("secrets"), rs.getLong("created_at_unix"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is malformed", e);
        }
    }
}
