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
            case SEPARATED -> separate(d);
            case TRANSCRIBED -> {
                return transcribe(d, o);
            }
            case TRANSLATED -> translate(d);
            case VOICED -> voice(d, o);
            case SPOKEN -> speak(d);
            case RENDERED -> render(d, o);
            case CREATED -> throw new IllegalArgumentException("not a stage to run");
        }
        return d.sourceLang();
    }

    private void extract(Dubbing d, DubbingOptions o) throws DubbingFailure, IOException {
        byte[] source = blob(d.sourceKey());
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
                throw new DubbingFailure("the source's audio could not be decoded: " + e.getMessage());
            }
        }
        if (pcm.length < 2) throw new DubbingFailure("the source has no audio in the range to dub");
        blobs.put(key(d.id(), "audio.pcm"), pcm);
    }

    private void separate(Dubbing d) throws IOException, DubbingFailure {
        DubMix.Split split = DubMix.separate(blob(key(d.id(), "audio.pcm")), RATE);
        blobs.put(key(d.id(), "speech.pcm"), split.speech());
        blobs.put(key(d.id(), "background.pcm"), split.background());
    }

    private String transcribe(Dubbing d, DubbingOptions o) throws DubbingFailure, IOException {
        String language = d.sourceLang().equals("auto") ? null : d.sourceLang();
        SourceTranscript.Result r = transcript.transcribe(blob(key(d.id(), "speech.pcm")), RATE, language, o.numSpeakers());
        for (String target : d.targetLangs()) translator(r.language(), target); // refuse a pair nobody has before going on
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

    private void translate(Dubbing d) throws DubbingFailure {
        List<SegmentRepository.Segment> segments = parts.segments(d.id());
        for (String target : d.targetLangs()) {
            List<String> texts;
            try {
                texts = translator(d.sourceLang(), target).translate(segments.stream().map(SegmentRepository.Segment::text).toList(),
                        new LanguagePair(d.sourceLang(), target));
            } catch (Translator.Failed e) {
                throw new DubbingFailure("translation failed: " + e.getMessage());
            }
            List<SegmentRepository.Dub> out = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                SegmentRepository.Segment s = segments.get(i);
                out.add(new SegmentRepository.Dub(s.segmentId(), target, s.start(), s.end(), texts.get(i), null, true, false));
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
                double slot = (i + 1 < list.size() ? list.get(i + 1).start() : total) - x.start();
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
            media.mux(video, wav, start, mixed.length / 2.0 / RATE, out);
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
