package dev.timbre.engine;

/**
 * A recognised (or aligned) word with its time in seconds from the start of the audio and the engine's score:
 * {@code logprob} is a natural-log probability (≤ 0, higher is more certain), NaN when the engine has none.
 */
public record RecognizedWord(String word, double start, double end, double logprob) {
    public WordTiming timing() { return new WordTiming(word, start, end); }
}
