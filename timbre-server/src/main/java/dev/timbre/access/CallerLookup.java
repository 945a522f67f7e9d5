package dev.timbre.access;

import java.util.Optional;

/** Finds the caller a plain API key belongs to. Implementations are thread-safe and never keep the plain key. */
@FunctionalInterface
public interface CallerLookup {
    /** The key's caller (disabled keys included, flagged); empty when no stored key matches. */
    Optional<Caller> find(String plainKey);
}
