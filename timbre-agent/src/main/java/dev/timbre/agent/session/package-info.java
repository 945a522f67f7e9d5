/**
 * One text conversation with an agent: {@code Frame} inputs → {@code ConversationSession} ({@code ReplyStage} LLM
 * rounds ⇄ {@code ToolStage} tools, {@code Transcript}, {@code ChatHistory}, {@code SessionLimits}) → {@code Frame}
 * outputs to a {@code SessionListener}. Knows nothing of audio or HTTP: a voice call wraps a session and reports
 * what the user heard as an input ({@code Frame.PlaybackCut}); the rest a voice call needs (fillers, re-engagement,
 * speculative turns) is {@code VoiceHooks}, whose {@code Speculation} is the session's roll-back mark. An agent with
 * knowledge (RAG) gets it through {@code KnowledgeStage} before a turn's first LLM round: retrieved on the loop's
 * blocking pool, appended to that turn's system prompt, recorded on its agent transcript entry. On a phone call the
 * transport's {@code PhoneControl} ({@code SessionListener#phone}) carries the call-only system tools
 * ({@code PhoneTools}: {@code transfer_to_number}, {@code play_keypad_touch_tone}, {@code voicemail_detection}), which
 * act on the line only after the caller heard what the agent said before ({@code SessionListener#afterSpeech}).
 *
 * <p>Threading: public methods post to the session's {@code SessionLoop}; all state is touched on that one thread.
 * The LLM stream and tool runs report back through the loop. The session shuts its loop down when it ends unless a
 * wrapper keeps it ({@code keepLoopAfterEnd}); it never closes the agent's language model.
 */
package dev.timbre.agent.session;
