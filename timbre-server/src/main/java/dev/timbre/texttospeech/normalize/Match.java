package dev.timbre.texttospeech.normalize;

/** A rule's verdict: the original text from the rule's start up to {@code end} (exclusive) is spoken as {@code spoken}. */
record Match(int end, String spoken) {
}
