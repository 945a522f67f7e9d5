package dev.timbre.studio;

/**
 * Where project and chapter conversions run in the background. The state that makes them durable is in the database
 * (a project or chapter in state {@code converting}, and every block spoken so far), so an implementation only has
 * to run the work and, at start, call {@link #resume} once; a durable job scheduler can replace the pool behind it.
 */
public interface StudioConversions extends AutoCloseable {
    /** Queues the conversion of every chapter of a project; a conversion of it already queued or running absorbs it. */
    void submitProject(String projectId);

    /** Queues the conversion of one chapter; one already queued or running absorbs it. */
    void submitChapter(String projectId, String chapterId);

    /** Queues again what was converting when the server stopped. */
    void resume();

    /** Stops the work: running conversions are interrupted and resume at the next start. */
    @Override
    void close();
}
