package dev.timbre.music.compose;

/**
 * One note of the arrangement.
 *
 * @param channel  MIDI channel (9: General MIDI drums)
 * @param key      MIDI key number
 * @param velocity 1..127
 * @param startUs  microseconds from the start of the song
 * @param lengthUs microseconds; the note ends before its section does
 */
record Note(int channel, int key, int velocity, long startUs, long lengthUs) {
    long endUs() { return startUs + lengthUs; }
}
