package dev.timbre.agent.session;

import java.util.Optional;

/** Finds another agent's profile for {@code transfer_to_agent}; implemented by the server. Blocking; thread-safe. */
public interface AgentDirectory {
    AgentDirectory NONE = agentId -> Optional.empty();

    /** The agent's profile, or empty when there is no such agent. */
    Optional<AgentProfile> find(String agentId);
}
