package dev.timbre.dubbing;

import dev.timbre.audio.Wav;
import dev.timbre.audio.PcmFormat;
import dev.timbre.http.Json;
import dev.timbre.storage.BlobStore;
import dev.timbre.translation.LanguagePair;
import dev.timbre.translation.Translator;
import dev.timbre.translation.Translators;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine work behind the resource edits, on chosen segments, with the pipeline's pieces: re-transcribe (the
 * segment's stretch of separated speech through {@link SourceTranscript}), re-translate ({@link Translators}), re-dub
 * ({@link SpeakerVoices} for a voice not chosen yet, {@link SegmentSpeech} spoken and fitted into the time up to the
 * next segment) and render (the {@link DubbingStages} mix, as MP3, WAV or for a video source MP4). Runs on the
 * caller's thread (a job thread: {@link JobDubbingEdits}, {@link JobDubbingRenders}) and blocks it on the engines;
 * transcribe/translate/dub and a speaker's clone report each item to a {@link Progress} and skip
 * the items an earlier run finished. Thread-safe (no state of its own); two edits of the same segment at once: the last
 * write wins.
 */
final class ResourceWork {
    private final SegmentRepository parts;
    private final ResourceRepository edits;
    private final BlobStore blobs;
    private final DubbingStages stages;
    private final SourceTranscript transcript;
    private final Translators translators;
    private final SpeakerVoices voices;
    private final SegmentSpeech speech;

    ResourceWork(SegmentRepository parts, ResourceRepository edits, BlobStore blobs, DubbingStages stages, SourceTranscript transcript,
                 Translators translators, SpeakerVoices voices, SegmentSpeech speech) {
        this.parts = parts;
        this.edits = edits;
        this.blobs = blobs;
        this.stages = stages;
        this.transcript = transcript;
        this.translators = translators;
        this.voices = voices;
        this.speech = speech;
    }

    SpeakerVoices voices() {
        return voices;
    }

    /**
     * An edit's progress, counted in items (a segment, or a segment in one language; for a translation a language):
     * the first {@link #from} were done by an earlier run and are skipped; {@link #done} records each one.
     */
    interface Progress {
        int from();

        /** Records {@code done} items finished; a {@link DubbingFailure} when the edit was withdrawn (its dub deleted). */
        void done(int done) throws DubbingFailure;
    }

    /** Transcribes each chosen segment's stretch of speech again; its dubs become stale. */
    void transcribe(Dubbing d, List<SegmentRepository.Segment> chosen, Progress progress) throws DubbingFailure, IOException {
        byte[] speechPcm = stages.blob(DubbingStages.key(d.id(), "speech.pcm"));
        for (int i = progress.from(); i < chosen.size(); i++) {
            SegmentRepository.Segment s = chosen.get(i);
            byte[] cut = SpeakerVoices.cut(speechPcm, DubbingStages.RATE, List.<double[]>of(new double[] {s.start(), s.end()}));
            String text;
            try {
                text = String.join(" ", transcript.transcribe(cut, DubbingStages.RATE, d.sourceLang(), 1).segments().stream()
                        .map(SegmentRepository.Segment::text).toList()).strip();
            } catch (DubbingFailure e) {
                if (!e.getMessage().startsWith("no speech")) throw e;
                text = "";
            }
            edits.updateSegment(d.id(), new SegmentRepository.Segment(s.segmentId(), s.speakerId(), s.start(), s.end(), text));
            progress.done(i + 1);
        }
    }

    /** The translator of {@code source} → {@code target}; a {@link DubbingFailure} naming the pairs there are when none. */
    Translator translator(String source, String target) throws DubbingFailure {
        try {
            return translators.forPair(new LanguagePair(source, target));
        } catch (Translators.UnsupportedPair e) {
            throw new DubbingFailure(e.getMessage());
        }
    }

    /** Translates the chosen segments into {@code languages}; their dubs there become stale. */
    void translate(Dubbing d, List<SegmentRepository.Segment> chosen, List<String> languages, Progress progress) throws DubbingFailure {
        for (int n = progress.from(); n < languages.size(); n++) {
            String target = languages.get(n);
            if (chosen.isEmpty()) {
                progress.done(n + 1);
                continue;
            }
            LanguagePair pair = new LanguagePair(d.sourceLang(), target);
            List<String> texts;
            try {
                texts = translators.forPair(pair).translate(chosen.stream().map(SegmentRepository.Segment::text).toList(), pair);
            } catch (Translators.UnsupportedPair e) {
                throw new DubbingFailure(e.getMessage());
            } catch (Translator.Failed e) {
                throw new DubbingFailure("translation failed: " + e.getMessage());
            }
            Map<String, SegmentRepository.Dub> old = byId(parts.dubs(d.id(), target));
            for (int i = 0; i < chosen.size(); i++) {
                SegmentRepository.Segment s = chosen.get(i);
                SegmentRepository.Dub x = old.get(s.segmentId());
                edits.putDub(d.id(), new SegmentRepository.Dub(s.segmentId(), target, s.start(), x == null ? s.end() : x.end(), texts.get(i),
                        x == null ? null : x.audioKey(), true, x != null && x.overrun()));
            }
            progress.done(n + 1);
        }
    }

    /** Speaks the chosen segments in {@code languages} again (choosing a speaker's voice there first if it has none). */
    void dub(Dubbing d, DubbingOptions o, Set<String> chosen, List<String> languages, Progress progress)
            throws DubbingFailure, IOException, InterruptedException {
        List<SegmentRepository.Segment> segments = parts.segments(d.id());
        Map<String, String> speakerOf = new HashMap<>();
        for (SegmentRepository.Segment s : segments) speakerOf.put(s.segmentId(), s.speakerId());
        double total = blobs.get(DubbingStages.key(d.id(), "audio.pcm")).map(a -> a.length / 2.0 / DubbingStages.RATE).orElse(d.durationSec());
        int item = 0;
        for (String target : languages) {
            List<SegmentRepository.Dub> list = parts.dubs(d.id(), target);
            for (int i = 0; i < list.size(); i++) {
                SegmentRepository.Dub x = list.get(i);
                if (!chosen.contains(x.segmentId())) continue;
                if (item++ < progress.from()) continue; // spoken by a run cut short
                if (Thread.interrupted()) throw new InterruptedException();
                double slot = (i + 1 < list.size() ? list.get(i + 1).start() : total) - x.start();
                SpeakerVoices.Voice v = voiceOf(d, o, speakerOf.get(x.segmentId()), target, segments);
                byte[] spoken = x.text() == null || x.text().isBlank() ? new byte[0] : speech.speak(x.text(), target, v);
                SegmentSpeech.Fitted f = SegmentSpeech.fit(spoken, Math.max(slot, 0.05), DubbingStages.RATE);
                String k = DubbingStages.key(d.id(), target + "/" + x.segmentId() + ".pcm");
                blobs.put(k, f.pcm());
                parts.spoken(d.id(), x.segmentId(), target, x.start() + f.pcm().length / 2.0 / DubbingStages.RATE, k, f.overrun());
                progress.done(item);
            }
        }
    }

    /** The speaker's voice in {@code language}, fitted to its speech (and stored) when it has none there yet. */
    SpeakerVoices.Voice voiceOf(Dubbing d, DubbingOptions o, String speakerId, String language, List<SegmentRepository.Segment> segments)
            throws DubbingFailure, IOException {
        List<SegmentRepository.Speaker> speakers = parts.speakers(d.id());
        for (int i = 0; i < speakers.size(); i++) {
            SegmentRepository.Speaker sp = speakers.get(i);
            if (!sp.speakerId().equals(speakerId)) continue;
            Map<String, SpeakerVoices.Voice> all = new HashMap<>(SpeakerVoices.read(sp.voices()));
            SpeakerVoices.Voice v = all.get(language);
            if (v != null) return v;
            v = fit(d, o, speakerId, language, segments, i, !o.disableVoiceCloning());
            all.put(language, v);
            parts.setVoices(d.id(), speakerId, SpeakerVoices.write(all));
            return v;
        }
        throw new DubbingFailure("speaker " + speakerId + " is gone");
    }

    /**
     * Fits a new clone of {@code speakerId} ({@code track-clone}/{@code clip-clone}) for each of {@code languages} in
     * turn from the dub's stored speech, keeping it as the speaker's voice and marking the speaker's dubs in that language
     * stale; nothing when the speaker is gone.
     */
    void cloneSpeaker(Dubbing d, String speakerId, List<String> languages, Progress progress) throws DubbingFailure, IOException {
        DubbingOptions o = Json.MAPPER.readValue(d.options(), DubbingOptions.class);
        for (int i = progress.from(); i < languages.size(); i++) {
            int index = SegmentRepository.Speaker.indexOf(parts.speakers(d.id()), speakerId);
            if (index < 0) return;
            String language = languages.get(i);
            SpeakerVoices.Voice clone = fit(d, o, speakerId, language, parts.segments(d.id()), index, true);
            List<SegmentRepository.Speaker> now = parts.speakers(d.id()); // read again: the fit took a while
            int at = SegmentRepository.Speaker.indexOf(now, speakerId);
            if (at < 0) return;
            Map<String, SpeakerVoices.Voice> chosen = new HashMap<>(SpeakerVoices.read(now.get(at).voices()));
            chosen.put(language, clone);
            parts.setVoices(d.id(), speakerId, SpeakerVoices.write(chosen));
            edits.staleSpeaker(d.id(), speakerId, language);
            progress.done(i + 1);
        }
    }

    /** A voice for the speaker in {@code language} fitted to (and with {@code clone}, shaped like) its speech. */
    SpeakerVoices.Voice fit(Dubbing d, DubbingOptions o, String speakerId, String language, List<SegmentRepository.Segment> segments, int index,
                            boolean clone) throws DubbingFailure, IOException {
        byte[] speechPcm = stages.blob(DubbingStages.key(d.id(), "speech.pcm"));
        List<double[]> spans = segments.stream().filter(s -> s.speakerId().equals(speakerId)).map(s -> new double[] {s.start(), s.end()}).toList();
        return voices.voiceFor(language, SpeakerVoices.cut(speechPcm, DubbingStages.RATE, spans), DubbingStages.RATE, clone, index);
    }

    /** Renders {@code language} as {@code type} (mp3, wav or mp4); returns the stored blob's key. */
    String render(Dubbing d, String language, String type) throws DubbingFailure, IOException {
        DubbingOptions o = Json.MAPPER.readValue(d.options(), DubbingOptions.class);
        byte[] mixed = stages.mixed(d, o, language);
        byte[] out = switch (type) {
            case "mp3" -> DubbingStages.mp3(mixed);
            case "wav" -> Wav.wrap(mixed, new PcmFormat(DubbingStages.RATE));
            case "mp4" -> stages.video(d, o, mixed);
            default -> throw new DubbingFailure("render type " + type + " is not supported");
        };
        String key = DubbingStages.key(d.id(), language + "/dub." + type);
        blobs.put(key, out);
        return key;
    }

    boolean muxes() {
        return stages.muxes();
    }

    private static Map<String, SegmentRepository.Dub> byId(List<SegmentRepository.Dub> dubs) {
        Map<String, SegmentRepository.Dub> m = new HashMap<>();
        for (SegmentRepository.Dub x : dubs) m.put(x.segmentId(), x);
        return m;
    }

    static List<String> ids(List<SegmentRepository.Segment> s) {
        return new ArrayList<>(s.stream().map(SegmentRepository.Segment::segmentId).toList());
    }
}
