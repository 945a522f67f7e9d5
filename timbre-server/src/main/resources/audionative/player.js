/*
 * Timbre's Audio Native player: fills every <div id="elevenlabs-audionative-widget" data-projectid="…"> (or
 * class="elevenlabs-audionative-widget") on the page with a small audio player for the project's newest converted
 * audio. The server is the one this script was loaded from. Served publicly with CORS by /audio-native/player.js.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : window.location.origin;

  function colour(value, fallback) {
    return typeof value === "string" && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|rgba?\([0-9., %]+\))$/.test(value) ? value : fallback;
  }

  function render(div, settings) {
    while (div.firstChild) div.removeChild(div.firstChild);
    var box = document.createElement("div");
    box.className = "timbre-audionative-player";
    box.style.cssText = "font-family:system-ui,sans-serif;border-radius:8px;padding:10px 14px;display:flex;flex-direction:column;gap:6px;";
    box.style.background = colour(settings.background_color, "#FFFFFF");
    box.style.color = colour(settings.text_color, "#000000");
    var title = document.createElement("div");
    title.style.fontWeight = "600";
    title.textContent = settings.title || "Listen to this article";
    box.appendChild(title);
    if (settings.author) {
      var author = document.createElement("div");
      author.style.fontSize = "0.85em";
      author.textContent = settings.author;
      box.appendChild(author);
    }
    if (settings.audio_url) {
      var audio = document.createElement("audio");
      audio.controls = true;
      audio.preload = "none";
      audio.src = settings.audio_url;
      audio.style.width = "100%";
      box.appendChild(audio);
    } else {
      var wait = document.createElement("div");
      wait.style.fontSize = "0.85em";
      wait.textContent = "The audio of this article is being prepared\u2026";
      box.appendChild(wait);
    }
    div.appendChild(box);
  }

  function load(div, attempt) {
    var id = div.getAttribute("data-projectid");
    if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return;
    fetch(origin + "/audio-native/" + encodeURIComponent(id) + "/player.json")
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (settings) {
        render(div, settings);
        if (!settings.audio_url && attempt < 120) setTimeout(function () { load(div, attempt + 1); }, 5000);
      })
      .catch(function () { div.textContent = "The audio player could not be loaded."; });
  }

  var divs = document.querySelectorAll("#elevenlabs-audionative-widget, .elevenlabs-audionative-widget");
  for (var i = 0; i < divs.length; i++) load(divs[i], 0);
})();
