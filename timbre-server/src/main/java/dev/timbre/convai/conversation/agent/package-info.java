/**
 * What a conversation is built from, apart from its transport: {@code AgentProfiles} (stored agent config →
 * {@code AgentProfile} with prompt, LLM, tools and voice instructions), {@code AgentToolSpecs} (tool configs → tool
 * specs), {@code StoredWorkflows} (the stored {@code workflow} → the runtime's graph, tool ids and subagent LLMs
 * resolved), {@code Initiation} ({@code conversation_initiation_client_data} checked against the agent's overrides),
 * {@code ServerToolRunner} (webhook tools run for a session) and {@code InitiationWebhook} (the workspace's
 * {@code conversation_initiation_client_data_webhook}, asked for the initiation data of a conversation that starts
 * without the client's when its agent enables it; the seam telephony calls with the caller's numbers).
 * {@code AgentProfiles} also reads {@code language_presets} (prompt, first message, voice per language). Stateless apart from the services they read; safe to
 * call from any thread. Never depends on the transport.
 */
package dev.timbre.convai.conversation.agent;
