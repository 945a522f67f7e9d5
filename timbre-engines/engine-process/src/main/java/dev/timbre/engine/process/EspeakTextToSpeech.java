package dev.timbre.engine.process;

import dev.timbre.engine.SentenceSplitter;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.ThreadedSpeechStream;
import dev.timbre.engine.VoiceDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Text to speech with the installed {@code espeak-ng} program (Debian {@code espeak-ng}, GPL-3.0+), run once per
 * sentence: a curated set of languages, each with a female ({@code +f3}) and a male ({@code +m3}) variant. The
 * formant voices are robotic but clear, fast (RTF about 0.005) and the only multilingual ones Timbre has offline.
 *
 * <p>Plain text is spoken sentence by sentence, each sentence's audio streamed from espeak-ng's standard output as it
 * is made; text that starts with {@code <speak} is SSML ({@code -m}) and is spoken as one piece. Speed becomes the
 * words-per-minute rate ({@code -s}, 175 × speed). A request's language code, when it differs from the voice's,
 * switches to that installed espeak-ng language with the voice's variant (e.g. a German voice with {@code en});
 * unknown codes are ignored. A request's {@link dev.timbre.engine.VoiceShape}: its rate multiplies the words per
 * minute, its pitch shift becomes the pitch parameter {@code -p} ({@link EspeakPitch}, −5.7..+8.5 semitones); pitch
 * range and formant scale are not applied (espeak-ng's command line has no option for them). No word timings.
 * Output: s16le mono at 22.05 kHz. Thread-safe.
 */
public final class EspeakTextToSpeech implements TextToSpeech {
    public static final String PROVIDER = "espeak-ng";
    static final PcmFormat FORMAT = new PcmFormat(22_050);
    private static final int WORDS_PER_MINUTE = 175;

    /** A voice of the catalogue: an espeak-ng language and variant. */
    record Voice(VoiceDescriptor descriptor, String espeakLanguage, String variant) {}

    /** ISO code, espeak-ng language, accent label, language name, female name, male name. */
    private static final String[][] LANGUAGES = {
            {"en", "en-us", "american", "US English", "Emma", "Ethan"},
            {"en", "en-gb-x-rp", "british", "British English (RP)", "Olivia", "Oliver"},
            {"de", "de", "german", "German", "Greta", "Hans"},
            {"fr", "fr-fr", "french", "French", "Camille", "Louis"},
            {"es", "es", "spanish", "Spanish (Spain)", "Lucia", "Mateo"},
            {"it", "it", "italian", "Italian", "Giulia", "Marco"},
            {"pt", "pt-br", "brazilian", "Brazilian Portuguese", "Ana", "Pedro"},
            {"nl", "nl", "dutch", "Dutch", "Sanne", "Daan"},
            {"pl", "pl", "polish", "Polish", "Zofia", "Jakub"},
            {"sv", "sv", "swedish", "Swedish", "Astrid", "Erik"},
            {"hi", "hi", "indian", "Hindi", "Priya", "Arjun"},
    };

    private final String program;
    private final Duration timeout;
    private final Set<String> installed;
    private final Map<String, Voice> voices;
    private final Map<String, String> preferredLanguage = new LinkedHashMap<>();

    /** Uses {@code espeak-ng} from the PATH; throws {@link EngineException} when it is missing or lists no voices. */
    public EspeakTextToSpeech() {
        this("espeak-ng", Duration.ofSeconds(30));
    }

    /** @param timeout the longest one sentence may take before its process is killed */
    public EspeakTextToSpeech(String program, Duration timeout) {
        this.program = program;
        this.timeout = timeout;
        this.installed = installedLanguages(program);
        Map<String, Voice> v = new LinkedHashMap<>();
        for (String[] l : LANGUAGES) {
            if (!installed.contains(l[1])) continue;
            preferredLanguage.putIfAbsent(l[0], l[1]);
            add(v, l, "female", "f3", l[4], "young");
            add(v, l, "male", "m3", l[5], "middle_aged");
        }
        if (v.isEmpty()) throw new EngineException("espeak-ng offers none of Timbre's languages");
        this.voices = Map.copyOf(v);
        this.ordered = List.copyOf(v.values());
    }

    private final List<Voice> ordered;

    /** Whether {@code espeak-ng} is on the PATH and runs. */
    public static boolean available() {
        return Programs.runs("espeak-ng", "--version");
    }

    private static void add(Map<String, Voice> into, String[] l, String gender, String variant, String name, String age) {
        String id = l[1] + "+" + variant;
        Map<String, String> labels = Map.of("gender", gender, "age", age, "accent", l[2],
                "description", "robotic", "use_case", "informative_educational");
        String description = "eSpeak NG formant voice, " + l[3] + ", " + gender + " (variant " + variant
                + "): clear but robotic, very fast. Other languages through language_code.";
        into.put(id, new Voice(new VoiceDescriptor(id, name, description, l[0], labels), l[1], variant));
    }

    private static Set<String> installedLanguages(String program) {
        String listing;
        try {
            listing = Programs.output(List.of(program, "--voices"), 10);
        } catch (java.io.IOException e) {
            throw new EngineException("espeak-ng is not usable: " + e.getMessage(), e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while listing espeak-ng voices");
        }
        Set<String> languages = new TreeSet<>();
        for (String line : listing.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 2 && cols[0].matches("\\d+")) languages.add(cols[1].toLowerCase(Locale.ROOT));
        }
        return languages;
    }

    @Override
    public EngineInfo info() {
        Set<String> iso = new TreeSet<>();
        for (String l : installed) {
            String code = l.split("-")[0];
            if (code.length() == 2) iso.add(code);
        }
        return new EngineInfo(PROVIDER, "eSpeak NG (" + program + ") run per sentence: formant voices in "
                + iso.size() + " languages", new EngineCapabilities(iso, false, false, true));
    }

    @Override
    public List<VoiceDescriptor> voices() {
        return ordered.stream().map(Voice::descriptor).toList();
    }

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        Voice voice = voices.get(request.voiceId());
        if (voice == null) throw new EngineException("unknown voice: " + request.voiceId());
        String espeakVoice = language(voice, request.languageCode()) + "+" + voice.variant();
        int wpm = (int) Math.round(WORDS_PER_MINUTE * Math.max(0.5, Math.min(2.0, request.tuning().speed() * request.shape().rate())));
        String pitch = Integer.toString(EspeakPitch.parameter(request.shape().pitchSemitones()));
        boolean ssml = Programs.isSsml(request.text());
        List<String> pieces = ssml ? List.of(request.text()) : SentenceSplitter.split(request.text());
        return ThreadedSpeechStream.start("espeak-ng-tts", out, (sink, cancelled) ->
                new ProcessSynthesis(PROVIDER, FORMAT, true, timeout, sink, cancelled).render(pieces, (text, wav) -> {
                    List<String> cmd = new ArrayList<>(List.of(program, "-v", espeakVoice, "-s", Integer.toString(wpm), "-p", pitch, "-b", "1"));
                    if (ssml) cmd.add("-m");
                    cmd.addAll(List.of("--stdout", "-f", text.toString()));
                    return cmd;
                }));
    }

    Voice voicesById(String id) {
        return voices.get(id);
    }

    /** The espeak-ng language to speak: the voice's own unless the request names another installed one. */
    String language(Voice voice, String languageCode) {
        if (languageCode == null || languageCode.isBlank()) return voice.espeakLanguage();
        String code = languageCode.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (code.equals(voice.descriptor().language()) || code.equals(voice.espeakLanguage())) return voice.espeakLanguage();
        String preferred = preferredLanguage.get(code);
        if (preferred != null) return preferred;
        if (installed.contains(code)) return code;
        for (String l : installed) {
            if (l.startsWith(code + "-")) return l;
        }
        return voice.espeakLanguage();
    }
}
