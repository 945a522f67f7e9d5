/**
 * Runs one agent test, away from HTTP: {@link dev.timbre.convai.agenttesting.runner.TestRunner} has the agent answer
 * the test's chat history for one turn ({@code simulation.SimulationService.agentTurn}: the agent's text session, tools
 * mocked) and judges the answer.
 *
 * <p>Judges: with an AI model for the agent, {@code LlmJudge} asks that model for a JSON verdict (read leniently,
 * 60 s per question); with the built-in rule model, or when the AI's answer is unusable, {@code ResponseRules} decide:
 * a {@code /regex/} success condition, an exact match with an example, quoted phrases in the condition, then word overlap
 * with the examples; else {@code unknown} (a failed run). Tool tests ({@code ToolCallRules}): the referenced tool must be
 * called, and one call must pass every parameter check (exact, regex found in the value, llm by the AI judge or, without
 * one, present and non-empty). Every verdict's summary names the rule or judge that decided.
 *
 * <p>Threading: a run blocks its caller (a job thread of the shared scheduler) for the agent's turn and the judge;
 * nothing here keeps state between runs.
 */
package dev.timbre.convai.agenttesting.runner;
