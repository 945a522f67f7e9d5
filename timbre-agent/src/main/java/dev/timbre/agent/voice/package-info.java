/**
 * Voice calls on top of a text {@link dev.timbre.agent.session.ConversationSession}: user audio in, the agent's
 * speech out, turn-taking in between.
 *
 * <p>{@link dev.timbre.agent.voice.VoiceConversation} is the one mediator. Its parts — {@code Listening} (VAD,
 * recognition, end of turn), {@code AgentVoice} (speaking and playback), {@code VoiceTimers}, {@code TurnMeters} —
 * report events to it through an owner-supplied {@code Events} sink or a return value and hold no reference to each
 * other, to the session or to the mediator. One {@code AgentReply} per response event id carries that reply's text,
 * sentences, first-audio flag, playback marks and cut; one {@code SpeculativeTurn} owns an undecided early turn
 * (held frames and audio); {@code EarlyInput} is the only place input waits before the call starts. A barge-in is
 * reported to the session as an input ({@code Frame.PlaybackCut}: what the user heard), which cuts its own transcript
 * and history.
 *
 * <p>Rates: the loop works at 16 kHz (VAD, recording); the recogniser hears the caller at the rate the audio arrived
 * at when that is lower ({@code ulaw_8000}, {@code pcm_8000}: phone calls), so an engine with a telephone-band setting
 * (pocketsphinx) can tell narrowband speech from wideband by the stream's format.
 *
 * <p>Threading: everything runs on the session's {@code SessionLoop} thread, except recognition (a
 * {@code SerialWorker} on the loop's blocking pool) and synthesis (the {@code AgentSpeech} implementation's threads);
 * both post their results back to the loop and never touch loop state themselves. Every queue is bounded (early input
 * 10 s of audio and 100 other inputs, 30 s of unplayed speech, 60 s of held speculative audio, 16 replies looked up).
 * The mediator owns and closes every part; the outer {@link dev.timbre.agent.voice.VoiceListener} owns nothing here.
 */
package dev.timbre.agent.voice;
