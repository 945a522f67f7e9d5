package dev.timbre.history;

/** A file to send: one item's audio, or a zip of several. */
public record Download(String contentType, String fileName, byte[] data) {}
