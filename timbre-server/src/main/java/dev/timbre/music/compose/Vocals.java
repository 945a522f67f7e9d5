package dev.timbre.music.compose;

/**
 * Places a section's lines over its music: line {@code i} starts on the bar at {@code i / lines} of the section (the
 * lines spread evenly, each on a downbeat), at 0.9 gain over the music at 0.6, cut where the next line or the section
 * begins. The mix saturates at the 16-bit range.
 */
final class Vocals {
    private Vocals() {}

    static void mix(byte[] section, java.util.List<String> lines, LineVoice voice, long barUs) throws InterruptedException {
        int samples = section.length / 2;
        long barSamples = Math.max(1, barUs * SongRenderer.SAMPLE_RATE / 1_000_000);
        long bars = Math.max(1, samples / barSamples);
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) starts[i] = (int) Math.min(samples, (bars * i / lines.size()) * barSamples);
        starts[lines.size()] = samples;
        for (int i = 0; i < samples; i++) scale(section, i, 0.6);
        for (int i = 0; i < lines.size(); i++) {
            byte[] speech = voice.speak(lines.get(i));
            int end = Math.min(starts[i + 1] > starts[i] ? starts[i + 1] : samples, starts[i] + speech.length / 2);
            for (int j = starts[i]; j < end; j++) {
                int k = j - starts[i];
                int v = sample(section, j) + (int) Math.round(0.9 * (short) ((speech[2 * k] & 0xff) | (speech[2 * k + 1] << 8)));
                put(section, j, Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v)));
            }
        }
    }

    private static void scale(byte[] pcm, int i, double g) { put(pcm, i, (int) Math.round(sample(pcm, i) * g)); }

    private static int sample(byte[] pcm, int i) { return (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)); }

    private static void put(byte[] pcm, int i, int v) {
        pcm[2 * i] = (byte) v;
        pcm[2 * i + 1] = (byte) (v >> 8);
    }
}
