/**
 * The web app and the embeddable agent widget, as static files. The sources live in {@code web/} (Preact + Vite,
 * {@code @elevenlabs/client} for live calls); {@code web/build.sh}, run by Maven in {@code generate-resources}, builds
 * them into the class path under {@code webapp/}. The pages talk only to the public API, with the key the user enters
 * (kept in the browser's session storage); the server holds no state for them.
 */
package dev.timbre.webapp;
