package dev.timbre.audio.midi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Opens Gervill's offline stream: {@code com.sun.media.sound.AudioSynthesizer.openStream(format, info)}, which the JDK
 * does not export. It is called reflectively (the build's {@code --release} cannot compile against it); the running
 * JVM needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} (./timbre and the tests pass it).
 */
public final class GervillStream {
    private GervillStream() {}

    /** The synthesizer's audio as a stream that never ends; the synthesizer is open until closed. */
    public static AudioInputStream open(Synthesizer synth, AudioFormat format, Map<String, Object> info) throws MidiUnavailableException {
        try {
            Class<?> type = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!type.isInstance(synth)) throw new MidiUnavailableException("the JDK's synthesizer is not Gervill: " + synth.getClass());
            Method open = type.getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) open.invoke(synth, format, info);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof MidiUnavailableException m) throw m;
            throw new MidiUnavailableException("Gervill could not open a stream: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MidiUnavailableException("offline MIDI rendering needs --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED ("
                    + e + ")");
        }
    }
}
