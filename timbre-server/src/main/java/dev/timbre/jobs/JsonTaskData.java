package dev.timbre.jobs;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * db-scheduler's {@code task_data} as JSON through the project's one {@link Json} mapper (snake_case records), never
 * Java serialization: a job's data stays readable in the table and across class changes. Thread-safe.
 */
final class JsonTaskData implements Serializer {
    @Override
    public byte[] serialize(Object data) {
        if (data == null) return null;
        try {
            return Json.MAPPER.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write job data " + data.getClass().getName(), e);
        }
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] json) {
        if (json == null) return null;
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read job data as " + type.getName(), e);
        }
    }
}
