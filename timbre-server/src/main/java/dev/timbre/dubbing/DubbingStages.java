package dev.timbre.dubbing;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.storage.BlobStore;
import dev.timbre.translation.LanguagePair;
import dev.timbre.translation.Translator;
import dev.timbre.translation.Translators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each pipeline stage does, reading the previous stages' results from the blob store and the rows, and storing
 * its own: extract (the source's audio in the chosen range, mono at {@link #RATE}) → separate (speech, background) →
 * transcribe ({@link SourceTranscript}) → translate (per target language, {@link Translators}) → voices
 * ({@link SpeakerVoices}) → speak (each segment not spoken yet: {@link SegmentSpeech}, fitted into the time up to the
 * next segment) → render (mix over the background, MP3; for a video source the video muxed with it, MP4). Blocks the
 * job thread. Thread-safe (no state of its own).
 */
final class DubbingStages {
    static final int RATE = 22050;
    /** A manual dub's uploads under {@code dubbing/{id}/}, stored at creation. */
    static final String CSV = "source.csv", FOREGROUND = "foreground.bin", BACKGROUND = "background.bin";
    private static final OutputFormat MP3 = OutputFormat.parse("mp3_44100_128").orElseThrow();

    private final DubbingRepository dubs;
    private final SegmentRepository parts;
    private final BlobStore blobs;
    private final Media media;
    private final UploadDecoder decoder;
    private final SourceTranscript transcript;
    private final Translators translators;
    private final SpeakerVoices voices;
    private final SegmentSpeech speech;
    private final long maxSeconds;

    DubbingStages(DubbingRepository dubs, SegmentRepository parts, BlobStore blobs, Media media, UploadDecoder decoder, SourceTranscript transcript,
                  Translators translators, SpeakerVoices voices, SegmentSpeech speech, long maxSeconds) {
        this.dubs = dubs;
        this.parts = parts;
        this.blobs = blobs;
        this.media = media;
        this.decoder = decoder;
        this.transcript = transcript;
        this.translators = translators;
        this.voices = voices;
        this.speech = speech;
        this.maxSeconds = maxSeconds;
    }

    static String key(String id, String name) {
        return "dubbing/" + id + "/" + name;
    }

    /** Runs {@code stage} on {@code d}; returns the source language after it (detected by the transcription). */
    String run(DubbingPipeline.Stage stage, Dubbing d, DubbingOptions o) throws DubbingFailure, IOException, InterruptedException {
        switch (stage) {
            case EXTRACTED -> extract(d, o);
            case SEPARATED -> separate(d, o);
            case TRANSCRIBED -> {
                return transcribe(d, o);
            }
            case TRANSLATED -> translate(d, o);
            case VOICED -> voice(d, o);
            case SPOKEN -> speak(d);
            case RENDERED -> render(d, o);
            case CREATED -> throw new IllegalArgumentException("not a stage to run");
        }
        return d.sourceLang();
    }

    private void extract(Dubbing d, DubbingOptions o) throws DubbingFailure, IOException {
        byte[] pcm = decode(blob(d.sourceKey()), o, "source");
        if (pcm.length < 2) throw new DubbingFailure("the source has no audio in the range to dub");
        blobs.put(key(d.id(), "audio.pcm"), pcm);
    }

    /** {@code source}'s audio in the dubbed range, mono s16le at {@link #RATE}; {@code what} names it in a failure. */
    private byte[] decode(byte[] source, DubbingOptions o, String what) throws DubbingFailure, IOException {
        double start = o.startTime() == null ? 0 : o.startTime();
        Double length = o.endTime() == null ? null : (double) (o.endTime() - start);
        byte[] pcm;
        if (media.available()) {
            Path file = Media.temp(".bin", source);
            try {
                pcm = media.audio(file, RATE, start, length, maxSeconds * RATE * 2 + RATE);
            } finally {
                Files.deleteIfExists(file);
            }
        } else {
            try {
                Wav.Decoded all = UploadDecoder.resample(decoder.decode(source, RATE), RATE);
                int from = (int) Math.min(all.pcm().length / 2, Math.round(start * RATE));
                int to = length == null ? all.pcm().length / 2 : (int) Math.min(all.pcm().length / 2, from + Math.round(length * RATE));
                pcm = java.util.Arrays.copyOfRange(all.pcm(), from * 2, Math.max(from, to) * 2);
            } catch (AudioFormatException e) {
                throw new DubbingFailure("the " + what + "'s audio could not be decoded: " + e.getMessage());
            }
        }
        return pcm;
    }

    /**
     * Speech and background: the uploaded tracks where given (fitted to the source's length; one track given, the other
     * is the source minus it), else {@link DubMix#separate}.
     */
    private void separate(Dubbing d, DubbingOptions o) throws IOException, DubbingFailure {
        byte[] audio = blob(key(d.id(), "audio.pcm"));
        DubMix.Split split;
        if (o.hasForeground() || o.hasBackground()) {
            int samples = audio.length / 2;
            byte[] fg = o.hasForeground() ? DubMix.fit(decode(blob(key(d.id(), FOREGROUND)), o, "foreground track"), samples) : null;
            byte[] bg = o.hasBackground() ? DubMix.fit(decode(blob(key(d.id(), BACKGROUND)), o, "background track"), samples) : null;
            split = new DubMix.Split(fg != null ? fg : DubMix.minus(audio, bg), bg != null ? bg : DubMix.minus(audio, fg));
        } else {
            split = DubMix.separate(audio, RATE);
        }
        blobs.put(key(d.id(), "speech.pcm"), split.speech());
        blobs.put(key(d.id(), "background.pcm"), split.background());
    }

    /** The CSV's rows (checked at creation), in time order; {@code DubbingCsv.segmentId(i)} is row {@code i}'s segment. */
    private List<DubbingCsv.Row> csvRows(Dubbing d, DubbingOptions o) throws IOException, DubbingFailure {
        try {
            return DubbingCsv.parse(blob(key(d.id(), CSV)), o.csvFps(), 0, Double.MAX_VALUE);
        } catch (dev.timbre.http.ApiException e) {
            throw new DubbingFailure("the CSV file could not be read: " + e.getMessage());
        }
    }

    private String transcribe(Dubbing d, DubbingOptions o) throws DubbingFailure, IOException {
        String language = d.sourceLang().equals("auto") ? null : d.sourceLang();
        SourceTranscript.Result r;
        if (o.fromCsv()) {
            List<DubbingCsv.Row> rows = csvRows(d, o);
            r = DubbingCsv.transcript(rows, d.sourceLang(), o.startTime() == null ? 0 : o.startTime());
            if (rows.stream().anyMatch(x -> x.translation() == null)) for (String target : d.targetLangs()) translator(r.language(), target);
        } else {
            r = transcript.transcribe(blob(key(d.id(), "speech.pcm")), RATE, language, o.numSpeakers());
            for (String target : d.targetLangs()) translator(r.language(), target); // refuse a pair nobody has before going on
        }
        parts.replaceTranscript(d.id(), r.speakers(), r.segments());
        return r.language();
    }

    private Translator translator(String source, String target) throws DubbingFailure {
        try {
            return translators.forPair(new LanguagePair(source, target));
        } catch (Translators.UnsupportedPair e) {
            throw new DubbingFailure(e.getMessage());
        }
    }

    /** Each segment's text per target: the CSV's translation where it gives one (its first target), else the translator's. */
    private void translate(Dubbing d, DubbingOptions o) throws DubbingFailure, IOException {
        List<SegmentRepository.Segment> segments = parts.segments(d.id());
        Map<String, String> given = new HashMap<>();
        if (o.fromCsv()) {
            List<DubbingCsv.Row> rows = csvRows(d, o);
            for (int i = 0; i < rows.size(); i++) if (rows.get(i).translation() != null) given.put(DubbingCsv.segmentId(i), rows.get(i).translation());
        }
        for (String target : d.targetLangs()) {
            Map<String, String> texts = target.equals(d.targetLangs().get(0)) ? new HashMap<>(given) : new HashMap<>();
            List<SegmentRepository.Segment> rest = segments.stream().filter(s -> !texts.containsKey(s.segmentId())).toList();
            if (!rest.isEmpty()) {
                try {
                    List<String> out = translator(d.sourceLang(), target).translate(rest.stream().map(SegmentRepository.Segment::text).toList(),
                            new LanguagePair(d.sourceLang(), target));
                    for (int i = 0; i < rest.size(); i++) texts.put(rest.get(i).segmentId(), out.get(i));
                } catch (Translator.Failed e) {
                    throw new DubbingFailure("translation failed: " + e.getMessage());
                }
            }
            List<SegmentRepository.Dub> out = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                SegmentRepository.Segment s = segments.get(i);
                out.add(new SegmentRepository.Dub(s.segmentId(), target, s.start(), s.end(), texts.get(s.segmentId()), null, true, false));
            }
            parts.replaceDubs(d.id(), target, out);
        }
    }

    private void voice(Dubbing d, DubbingOptions o) throws DubbingFailure, IOException {
        byte[] speechPcm = blob(key(d.id(), "speech.pcm"));
        List<SegmentRepository.Segment> segments = parts.segments(d.id());
        List<SegmentRepository.Speaker> speakers = parts.speakers(d.id());
        for (int i = 0; i < speakers.size(); i++) {
            String sid = speakers.get(i).speakerId();
            List<double[]> spans = segments.stream().filter(s -> s.speakerId().equals(sid)).map(s -> new double[] {s.start(), s.end()}).toList();
            byte[] own = SpeakerVoices.cut(speechPcm, RATE, spans);
            Map<String, SpeakerVoices.Voice> chosen = new HashMap<>();
            for (String target : d.targetLangs()) chosen.put(target, voices.voiceFor(target, own, RATE, !o.disableVoiceCloning(), i));
            parts.setVoices(d.id(), sid, SpeakerVoices.write(chosen));
        }
    }

    private void speak(Dubbing d) throws DubbingFailure, IOException, InterruptedException {
        Map<String, String> speakerOf = new HashMap<>();
        for (SegmentRepository.Segment s : parts.segments(d.id())) speakerOf.put(s.segmentId(), s.speakerId());
        Map<String, Map<String, SpeakerVoices.Voice>> voiceOf = new HashMap<>();
        for (SegmentRepository.Speaker s : parts.speakers(d.id())) voiceOf.put(s.speakerId(), SpeakerVoices.read(s.voices()));
        double total = blobs.get(key(d.id(), "audio.pcm")).map(a -> a.length / 2.0 / RATE).orElse(d.durationSec());
        for (String target : d.targetLangs()) {
            List<SegmentRepository.Dub> list = parts.dubs(d.id(), target);
            for (int i = 0; i < list.size(); i++) {
                SegmentRepository.Dub x = list.get(i);
                if (x.audioKey() != null && !x.audioStale()) continue; // spoken before a restart
                if (Thread.interrupted()) throw new InterruptedException();
                // up to the next segment, or to its own end where segments overlap (a CSV's speakers may talk at once)
                double slot = Math.max((i + 1 < list.size() ? list.get(i + 1).start() : total) - x.start(), x.end() - x.start());
                SpeakerVoices.Voice v = voiceOf.getOrDefault(speakerOf.get(x.segmentId()), Map.of()).get(target);
                if (v == null) throw new DubbingFailure("segment " + x.segmentId() + " has no voice for " + target);
                byte[] spoken = x.text() == null || x.text().isBlank() ? new byte[0] : speech.speak(x.text(), target, v);
                SegmentSpeech.Fitted f = SegmentSpeech.fit(spoken, slot, RATE);
                String k = key(d.id(), target + "/" + x.segmentId() + ".pcm");
                blobs.put(k, f.pcm());
                parts.spoken(d.id(), x.segmentId(), target, x.start() + f.pcm().length / 2.0 / RATE, k, f.overrun());
            }
        }
    }

    private void render(Dubbing d, DubbingOptions o) throws DubbingFailure, IOException {
        for (String target : d.targetLangs()) {
            byte[] mixed = mixed(d, o, target);
            String mp3 = key(d.id(), target + "/dub.mp3");
            blobs.put(mp3, mp3(mixed));
            dubs.putRender(d.id(), new DubbingRepository.Render(target + "-mp3", target, "mp3", mp3, "complete", 1));
            if (d.isVideo() && media.available()) {
                String mp4 = key(d.id(), target + "/dub.mp4");
                blobs.put(mp4, video(d, o, mixed));
                dubs.putRender(d.id(), new DubbingRepository.Render(target + "-mp4", target, "mp4", mp4, "complete", 1));
            }
        }
    }

    /** The spoken segments of {@code target} mixed over the background (unless dropped): mono s16le at {@link #RATE}. */
    byte[] mixed(Dubbing d, DubbingOptions o, String target) throws DubbingFailure, IOException {
        byte[] audio = blob(key(d.id(), "audio.pcm"));
        byte[] background = o.dropBackgroundAudio() ? null : blob(key(d.id(), "background.pcm"));
        List<DubMix.Placed> placed = new ArrayList<>();
        for (SegmentRepository.Dub x : parts.dubs(d.id(), target)) if (x.audioKey() != null) placed.add(new DubMix.Placed(x.start(), blob(x.audioKey())));
        return DubMix.mix(background, placed, audio.length / 2, RATE);
    }

    static byte[] mp3(byte[] pcm) {
        return AudioEncoder.encodeAll(pcm, RATE, MP3);
    }

    /** Whether a video can be muxed here (ffmpeg). */
    boolean muxes() {
        return media.available();
    }

    /** The source video with {@code mixed} as its audio, MP4 (needs {@link #muxes}). */
    byte[] video(Dubbing d, DubbingOptions o, byte[] mixed) throws DubbingFailure, IOException {
        Path video = Media.temp(".bin", blob(d.sourceKey())), wav = Media.temp(".wav", Wav.wrap(mixed, new PcmFormat(RATE)));
        Path out = Files.createTempFile("timbre-dub", ".mp4");
        try {
            double start = o.startTime() == null ? 0 : o.startTime();
            media.mux(video, wav, start, mixed.length / 2.0 / RATE, VideoLook.of(o), out);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(video);
            Files.deleteIfExists(wav);
            Files.deleteIfExists(out);
        }
    }

    byte[] blob(String key) throws IOException, DubbingFailure {
        return blobs.get(key).orElseThrow(() -> new DubbingFailure("a stored part of the dub is missing (" + key.substring(key.lastIndexOf('/') + 1) + ")"));
    }
}
