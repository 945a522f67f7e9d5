package dev.timbre.agent.session;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a session reports, for assertions. */
class RecordingListener implements SessionListener {
    final List<Frame.Output> frames = new CopyOnWriteArrayList<>();
    volatile List<TranscriptEntry> transcript = List.of();
    volatile SessionEnd end;
    final List<String> voices = new CopyOnWriteArrayList<>();

    @Override public void send(Frame.Output frame) { frames.add(frame); }
    @Override public void transcriptUpdated(List<TranscriptEntry> t) { transcript = t; }
    @Override public void ended(SessionEnd e) { end = e; }
    @Override public void voiceChanged(String voiceId) { voices.add(voiceId); }

    <T extends Frame.Output> List<T> all(Class<T> type) {
        return frames.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> responses() {
        return all(Frame.AgentResponse.class).stream().map(Frame.AgentResponse::text).toList();
    }
}
