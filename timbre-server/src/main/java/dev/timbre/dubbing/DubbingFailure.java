package dev.timbre.dubbing;

/** A dub that cannot go on; the message becomes its {@code error} (no internal paths or hosts in it). */
final class DubbingFailure extends Exception {
    DubbingFailure(String message) {
        super(message);
    }

    DubbingFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
