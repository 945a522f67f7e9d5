package dev.timbre.agent.voice;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a voice conversation reports, for assertions; lists are safe to read from the test thread. */
final class VoiceRecorder implements VoiceListener {
    /** The phone line's controls when the test plays a phone call; null: not one. */
    volatile dev.timbre.agent.session.PhoneControl phone;
    final List<Frame.Output> frames = new CopyOnWriteArrayList<>();
    final List<TurnLatency> latencies = new CopyOnWriteArrayList<>();
    final List<long[]> agentRecording = new CopyOnWriteArrayList<>(); // {samples, atMillis}
    volatile long userSamples;
    volatile long lastUserAt = -1;
    volatile List<TranscriptEntry> transcript = List.of();
    volatile SessionEnd end;

    @Override public void send(Frame.Output frame) { frames.add(frame); }
    @Override public dev.timbre.agent.session.PhoneControl phone() { return phone; }
    @Override public void transcriptUpdated(List<TranscriptEntry> t) { transcript = t; }
    @Override public void ended(SessionEnd e) { end = e; }
    @Override public void turnMeasured(TurnLatency latency) { latencies.add(latency); }

    @Override public void recordedUserAudio(short[] pcm16k, long atMillis) {
        userSamples += pcm16k.length;
        lastUserAt = atMillis;
    }

    @Override public void recordedAgentAudio(short[] pcm16k, long atMillis) {
        agentRecording.add(new long[] {pcm16k.length, atMillis});
    }

    <T extends Frame.Output> List<T> all(Class<T> type) {
        return frames.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Frame.AgentAudio> audio(int eventId) {
        return all(Frame.AgentAudio.class).stream().filter(a -> a.eventId() == eventId).toList();
    }

    /** The characters aligned in response {@code eventId}'s audio, joined. */
    String alignedText(int eventId) {
        StringBuilder b = new StringBuilder();
        for (Frame.AgentAudio a : audio(eventId)) a.alignment().chars().forEach(b::append);
        return b.toString();
    }

    int audioBytes(int eventId) { return audio(eventId).stream().mapToInt(a -> a.audio().length).sum(); }

    List<String> userTranscripts() { return all(Frame.UserTranscript.class).stream().map(Frame.UserTranscript::text).toList(); }

    List<String> responses() { return all(Frame.AgentResponse.class).stream().map(Frame.AgentResponse::text).toList(); }

    int responseId(String text) {
        return all(Frame.AgentResponse.class).stream().filter(r -> r.text().equals(text)).findFirst().orElseThrow().eventId();
    }

    long agentRecordedSamples() { return agentRecording.stream().mapToLong(r -> r[0]).sum(); }

    List<String> kinds() { return new ArrayList<>(frames.stream().map(f -> f.getClass().getSimpleName()).toList()); }
}
