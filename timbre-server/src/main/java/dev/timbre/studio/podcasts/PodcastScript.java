package dev.timbre.studio.podcasts;

import java.util.List;

/** A written podcast: its title and its lines in order, each spoken by the host or the guest. */
record PodcastScript(String title, List<Line> lines) {
    record Line(boolean host, String text) {}
}
