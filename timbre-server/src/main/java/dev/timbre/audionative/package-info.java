/**
 * Audio Native ({@code /v1/audio-native}): an article turned into a Studio project with player settings, and the
 * embeddable player that plays it on any site.
 *
 * <p>A project is made from the uploaded article ({@code file}: HTML or text; or {@code from_url}, a Timbre extension,
 * fetched through the outbound policy) with one voice for headings and paragraphs, and converted as any Studio project
 * ({@code auto_convert}, or later); the player plays the newest project snapshot. The settings endpoint reports
 * {@code processing} until there is a snapshot and while a conversion runs.
 *
 * <p>The snippet ({@code html_snippet}) is ElevenLabs' shape: a {@code div#elevenlabs-audionative-widget} with
 * {@code data-projectid} and a script tag, both pointing at this server as the caller reached it
 * ({@code X-Forwarded-Proto} and {@code Host} honoured). {@link dev.timbre.audionative.PlayerRoutes} serves the script
 * ({@code resources/audionative/player.js}, plain JavaScript, no build step), the player's settings and the audio,
 * publicly and with {@code Access-Control-Allow-Origin: *}: a page on another origin embeds it with no key. Only
 * projects made here are served that way. {@code auto_publish}, {@code sessionization} and {@code small} are kept and
 * reported, not acted on (every conversion is published at once).
 */
package dev.timbre.audionative;
