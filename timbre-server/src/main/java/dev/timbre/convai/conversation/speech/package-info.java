/**
 * The speech adapter: the server's text-to-speech and speech-to-text services behind the agent runtime's voice SPI.
 * {@code ConversationVoices} builds a call's {@code VoiceEngines} from its {@code VoiceConfig} (the agent's
 * {@code tts}/{@code asr}/{@code turn} settings), {@code ConversationSpeech} speaks one utterance at a time
 * (multi-voice {@code VoiceMarkup} parts, {@code SpokenAlignment} for the character timing) on
 * {@code SpeechThreads}; {@code SharedUtterances} synthesises a script that several conversations speak alike (an
 * agent's first message when many calls start at once) once, and keeps it for replay ({@code UtteranceRecording}).
 * Synthesis runs on those threads and reports through the SPI's listener; cancelling an utterance stops its
 * callbacks. Never depends on the transport or the agent wiring.
 */
package dev.timbre.convai.conversation.speech;
