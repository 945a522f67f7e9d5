package dev.timbre.convai.conversation.transport;

import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.agent.voice.VoiceListener;
import java.util.List;

/**
 * A voice conversation's listener that records what every transport records (transcript, call recording, turn
 * latencies) through its {@link ConversationRecorder}; a transport extends it with how frames reach the user and what
 * its end does. Same threading as {@link VoiceListener}.
 */
public abstract class RecordingListener implements VoiceListener {
    protected final ConversationRecorder recorder;

    protected RecordingListener(ConversationRecorder recorder) { this.recorder = recorder; }

    @Override
    public void recordedUserAudio(short[] pcm16k, long atMillis) { recorder.userAudio(pcm16k, atMillis); }

    @Override
    public void recordedAgentAudio(short[] pcm16k, long atMillis) { recorder.agentAudio(pcm16k, atMillis); }

    @Override
    public void turnStarted(long vadEndMs) { recorder.turnStarted(vadEndMs); }

    @Override
    public void turnMeasured(TurnLatency latency) { recorder.turnMeasured(latency); }

    /** The session loop's task wrapper: each task under the current voice turn's trace. */
    public java.util.function.UnaryOperator<Runnable> tracedTasks() { return recorder.tracedTasks(); }

    @Override
    public void transcriptUpdated(List<TranscriptEntry> transcript) { recorder.transcript(transcript); }
}
