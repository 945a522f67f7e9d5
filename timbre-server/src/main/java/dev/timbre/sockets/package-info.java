/**
 * What every WebSocket of the server shares (text-to-speech {@code stream-input}, realtime speech to text, agent
 * conversations): ordered sending with one close, a per-socket worker, and the inactivity timeout. Protocol messages
 * and error codes stay in each feature.
 *
 * <ul>
 *   <li>{@link dev.timbre.sockets.SocketSender}: the one way out of a socket: JSON messages in send order from any
 *       thread (serialised), one close (later closes do nothing; close reasons cut to 123 bytes of UTF-8). After the
 *       close, or once the client is gone, {@code send} throws {@code IOException}, which cancels the work that was
 *       writing. Plain senders block on a slow client (back-pressure for TTS streams); {@code bounded(session, max,
 *       onOverflow)} never blocks: Jetty async sends up to {@code max} characters not yet written, and the message
 *       that would pass it closes the socket 1008 and runs {@code onOverflow} once so the owner ends its work.
 *       {@code disconnect} drops a client that does not read its close frame.</li>
 *   <li>{@link dev.timbre.sockets.SocketWorker}: the socket's own daemon thread running queued work in order, one
 *       piece at a time, at most {@code maxQueued} waiting (default 1024: one more is an {@code Overflow} given to
 *       {@code onFailure} once, on the caller's thread; stream-input closes 1008 {@code queue_overflow}, realtime speech
 *       to text sends {@code queue_overflow} and closes 1008); work is skipped once the socket is not live; a failure
 *       goes to {@code onFailure} on the worker (the socket maps it to its protocol's error and close); {@code finish} runs a last piece then accepts
 *       nothing; {@code stop} interrupts and drops the queue.</li>
 *   <li>{@link dev.timbre.sockets.InactivityClock}: fires once when no message arrived for N seconds and no work is
 *       in flight (each {@code busy} must be matched by an {@code idle}; a client waiting for audio is not idle).</li>
 * </ul>
 *
 * <p>Locking: Jetty's close runs outside the sender's lock, because its close handler may run inline and wait for a
 * thread that is sending. All three classes are thread-safe.
 */
package dev.timbre.sockets;
