package dev.timbre.engine;

/** Why a reply ended. */
public enum FinishReason {
    /** The model finished its turn. */
    STOP,
    /** The token limit cut it short. */
    LENGTH,
    /** The model called tools and waits for their results. */
    TOOL_CALLS,
    /** The provider's content filter stopped it. */
    CONTENT_FILTER,
    /** Anything else the provider reported. */
    OTHER
}
