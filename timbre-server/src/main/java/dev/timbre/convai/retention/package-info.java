/**
 * Conversation retention: {@link dev.timbre.convai.retention.ConversationRetention} applies each agent's
 * {@code platform_settings.privacy.retention_days} (-1 keeps forever) and {@code delete_audio} to its finished
 * conversations, through {@code convai.conversations} (deletes remove the row, then the recording). One daemon thread:
 * a pass at start-up, then hourly (the interval is a constructor argument; tests call {@code runOnce} with a fixed
 * clock). {@code apply_to_existing_conversations} is not distinguished: every finished conversation is in scope.
 */
package dev.timbre.convai.retention;
