package dev.timbre.texttospeech;

import dev.timbre.engine.EngineException;
import dev.timbre.http.ApiException;
import dev.timbre.user.Charge;
import dev.timbre.user.UserService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The frame around one synthesis, shared by text to speech and text to dialogue: it runs in a {@link SynthesisSlots}
 * slot (or gets the 429), the characters are charged
 * before any audio is sent, the audio is kept while logging is on, and the history item is recorded once the audio
 * is complete. Engine failures become API errors. Runs on the calling thread.
 */
public final class MeteredSynthesis {
    /** The synthesis itself: call {@code charge} once before the first audio and hand every encoded byte to {@code keep}. */
    public interface Work {
        double run(Runnable charge, Keep keep) throws IOException, InterruptedException;
    }

    /** Receives the encoded audio as it is sent. */
    public interface Keep {
        void bytes(byte[] audio);
    }

    /** Stores the finished audio in the history. */
    public interface Record {
        void record(Charge charge, byte[] audio);
    }

    private MeteredSynthesis() {}

    /** @return the audio's duration in seconds, as {@code work} returns it */
    public static double run(SynthesisSlots slots, UserService users, int characters, boolean logging, Work work, Record record)
            throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        Charge[] charge = new Charge[1];
        try (SynthesisSlots.Slot slot = slots.take()) {
            double seconds = work.run(() -> charge[0] = users.charge(characters), bytes -> {
                if (logging) kept.writeBytes(bytes);
            });
            if (logging) record.record(charge[0], kept.toByteArray());
            return seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "service_unavailable", "The request was interrupted.");
        } catch (EngineException e) {
            throw new ApiException(500, "synthesis_failed", "The speech engine failed: " + e.getMessage());
        }
    }
}
