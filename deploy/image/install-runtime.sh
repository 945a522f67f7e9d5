#!/usr/bin/env bash
# The runtime image's build steps, as a script the Dockerfile runs and tests can read (DeploymentFilesTest).
#   install-runtime.sh packages      apt: the optional engines' Debian packages (as ./timbre serve installs) + curl, tini
#   install-runtime.sh layout APP    the server's jar and libraries (from timbre-server/target) into APP, the entry point beside them
#   install-runtime.sh user          the non-root user timbre (uid 10001) owning /var/lib/timbre
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Keep in step with ENGINE_PACKAGES in ./timbre (DeploymentFilesTest checks it).
ENGINE_PACKAGES=(libpocketsphinx3 pocketsphinx-en-us espeak-ng flite timgm6mb-soundfont apertium apertium-eng-spa ffmpeg)
IMAGE_PACKAGES=(curl tini ca-certificates)

case "${1:-}" in
  packages)
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${ENGINE_PACKAGES[@]}" "${IMAGE_PACKAGES[@]}"
    rm -rf /var/lib/apt/lists/*
    ;;
  layout)
    app="${2:?usage: install-runtime.sh layout APP_DIR [TARGET_DIR]}"
    target="${3:-timbre-server/target}"
    jar=$(ls "$target"/timbre-server-*.jar | grep -v -- '-tests.jar' | head -1)
    mkdir -p "$app/lib"
    cp "$jar" "$app/timbre-server.jar"
    cp "$target"/lib/*.jar "$app/lib/"
    install -m 0755 "$HERE/entrypoint.sh" "$app/entrypoint.sh"
    ;;
  user)
    groupadd --system --gid 10001 timbre
    useradd --system --uid 10001 --gid timbre --home-dir /var/lib/timbre --shell /usr/sbin/nologin timbre
    mkdir -p /var/lib/timbre
    chown timbre:timbre /var/lib/timbre
    chmod 0700 /var/lib/timbre
    ;;
  *) echo "usage: install-runtime.sh packages | layout APP_DIR [TARGET_DIR] | user" >&2; exit 2 ;;
esac
