package dev.timbre.agent.voice;

import dev.timbre.agent.session.AgentDirectory;
import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ManualLoop;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.audio.G711;
import dev.timbre.audio.Pcm;
import java.time.Duration;
import java.util.List;

/**
 * A voice conversation on a virtual-time loop with fake engines: a scripted VAD and recogniser, a tone voice (22.05
 * kHz, 20 ms per character), a scripted LLM. Audio is fed in 20 ms chunks, one per 20 ms of loop time.
 */
final class VoiceFixture {
    static final int CHUNK_MS = 20;

    final ManualLoop loop = new ManualLoop();
    final VoiceRecorder out = new VoiceRecorder();
    final ScriptedVad vad = new ScriptedVad();
    final ScriptedSpeechToText stt;
    final ToneSpeech speech = new ToneSpeech(22050, 20, 8);
    final ScriptedLanguageModel model;
    final VoiceSettings settings;
    final VoiceConversation conversation;

    VoiceFixture(VoiceSettings settings, String firstMessage, ScriptedLanguageModel model, String... transcripts) {
        this(settings, SessionConfig.of("conv_v", agent(model, firstMessage)), model, transcripts);
    }

    VoiceFixture(VoiceSettings settings, SessionConfig config, ScriptedLanguageModel model, String... transcripts) {
        this.settings = settings;
        this.model = model;
        this.stt = new ScriptedSpeechToText(transcripts);
        this.conversation = new VoiceConversation(config, settings, new VoiceEngines(() -> vad, stt, speech), loop, out,
                ToolRunner.NONE, AgentDirectory.NONE, Runnable::run);
    }

    static AgentProfile agent(ScriptedLanguageModel model, String firstMessage) {
        return new AgentProfile("agent_v", "Voice agent", "You are helpful.", firstMessage, "en", List.of("en"), List.of(),
                null, null, model);
    }

    static VoiceSettings settings(AudioEncoding in, AudioEncoding outFormat, VoiceSettings.Eagerness eagerness,
                                  Duration turnTimeout, boolean interruptions, boolean firstInterruptible) {
        return new VoiceSettings(in, outFormat, "en", List.of(), turnTimeout, eagerness, false, null, List.of(),
                interruptions, firstInterruptible);
    }

    VoiceFixture start() {
        conversation.start(null);
        loop.drain();
        return this;
    }

    /** {@code ms} of voiced audio in real time. */
    void speak(int ms) { feed(ms, true); }

    /** {@code ms} of silence in real time. */
    void silence(int ms) { feed(ms, false); }

    void wait(int ms) { loop.advance(Duration.ofMillis(ms)); }

    private void feed(int ms, boolean voiced) {
        for (int t = 0; t < ms; t += CHUNK_MS) {
            conversation.receive(new Frame.UserAudio(chunk(Math.min(CHUNK_MS, ms - t), voiced)));
            loop.advance(Duration.ofMillis(CHUNK_MS));
        }
    }

    /** One chunk in the input encoding: a 300 Hz tone at 8000 amplitude, or silence. */
    byte[] chunk(int ms, boolean voiced) {
        int rate = settings.input().sampleRate();
        short[] s = new short[rate * ms / 1000];
        if (voiced) for (int i = 0; i < s.length; i++) s[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / rate));
        byte[] pcm = Pcm.toBytes(s);
        return settings.input().kind() == AudioEncoding.Kind.ULAW ? G711.ulaw(pcm) : pcm;
    }

    /** The user says something (voiced {@code ms}) and then is silent long enough for any eagerness. */
    void userTurn(int ms) {
        speak(ms);
        silence(800);
    }
}
