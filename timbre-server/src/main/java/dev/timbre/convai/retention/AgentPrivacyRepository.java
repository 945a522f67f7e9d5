package dev.timbre.convai.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timbre.http.Json;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Reads the privacy settings of the agents that have any (their stored config mentions {@code "privacy"}). */
final class AgentPrivacyRepository {
    private final Jdbi jdbi;

    AgentPrivacyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<AgentPrivacy> withPrivacySettings() {
        return jdbi.withHandle(h -> h.createQuery("SELECT agent_id, config FROM agents WHERE config LIKE '%\"privacy\"%' ORDER BY seq")
                .map((rs, ctx) -> {
                    try {
                        return AgentPrivacy.of(rs.getString("agent_id"), Json.MAPPER.readTree(rs.getString("config")));
                    } catch (JsonProcessingException e) {
                        return null; // a malformed row is skipped, not fatal to the job
                    }
                }).list()).stream().filter(Objects::nonNull).toList();
    }
}
