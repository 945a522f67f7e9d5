/**
 * The agent's {@code simulate-conversation} endpoints ({@code SimulationRoutes}, a second group on
 * {@code /v1/convai/agents}): {@code SimulationService} runs the agent's text session ({@code SimulationRun} as its
 * listener, mocked tools from {@code SimulationTools}) against a {@code SimulatedUser} LLM, {@code UserTurns} caps
 * and reports the turns, and the result is analysed by {@code postcall.ConversationAnalyser}. Nothing is stored.
 *
 * <p>Threading: each simulation has its own session loop; its listener only queues what happened, and the request
 * thread drives the turns (asks the simulated user, writes progress) until the turn limit or the session's maximum
 * duration plus 30 s. The service owns and ends the session.
 */
package dev.timbre.convai.simulation;
