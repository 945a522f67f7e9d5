#!/usr/bin/env bash
# Phone audio benchmark (issue 17, section 4): word error rate of POST /v1/speech-to-text on speech from voices Timbre
# did not make (flite; espeak-ng if asked for), at 16 kHz and as a caller's audio arrives over the phone (band-limited
# to 300-3400 Hz, 8 kHz, G.711 µ-law), the latter two ways:
#   ulaw:  the 8 kHz µ-law WAV as is: the server keeps 8 kHz and pocketsphinx decodes it as telephone band (the
#          narrowband settings: MLLR-adapted model), which is what a phone call's audio gets;
#   up:    the same µ-law audio decoded and upsampled to 16 kHz by sox before upload: the recogniser takes it for
#          wideband and decodes it with the model as it is, which is what phone audio got before the narrowband path.
# EXPERIMENT=1 adds the earlier client-side experiment (upsampled + a faint 4-8 kHz noise floor).
# VOICES="flite:slt flite:rms" by default (not kal/kal16 or awb: the narrowband transform was estimated on those);
# e.g. VOICES="flite:slt flite:rms espeak:en-us" adds espeak-ng.
# Needs a running server. Usage: BASE_URL=http://localhost:18300 ELEVENLABS_API_KEY=sk_... bench/phone-wer.sh
# Needs sox, flite, python3, curl (espeak-ng for espeak voices); nothing from the network. Prints a Markdown table.
set -euo pipefail
BASE_URL="${BASE_URL:-http://localhost:8080}"
KEY="${ELEVENLABS_API_KEY:?set ELEVENLABS_API_KEY}"
EXPERIMENT="${EXPERIMENT:-0}"
JOBS="${JOBS:-2}"
WORK="${WORK:-$(mktemp -d /tmp/phone-wer.XXXXXX)}"
mkdir -p "$WORK"

# Everyday sentences; numbers written as words so the reference is exactly what is said.
cat > "$WORK/sentences.txt" <<'S'
Could you tell me what time the pharmacy closes tonight?
I would like to book a table for two on Friday evening.
My flight was delayed by almost three hours this morning.
Please send the invoice to my office address instead.
The children are playing in the garden after school.
I forgot my password and cannot log in to my account.
We need to buy milk, eggs and bread on the way home.
The train to the city leaves from platform number four.
Can you help me change the delivery date of my order?
It has been raining all week and the river is very high.
I am calling about the letter I received yesterday.
She works as a nurse at the hospital near the station.
How much does it cost to send a parcel to Canada?
The doctor said I should drink more water every day.
Our internet connection keeps dropping in the afternoon.
Would you like to leave a message for the manager?
I will be ten minutes late because of the traffic.
The hotel room was clean and the staff were friendly.
Please cancel my appointment on Tuesday morning.
He parked the car outside the bank and walked to work.
My phone number has changed since the last time I called.
The museum is open every day except on Mondays.
We are planning a small party for her birthday next month.
Can I pay for the tickets with a credit card?
The heating in my apartment stopped working last night.
I would like to speak to someone about my bill.
They moved to a bigger house on the other side of town.
Turn left at the church and the shop is on your right.
The package arrived damaged and I want a refund.
Thank you for your patience, have a nice day.
S

read -r -a voices <<< "${VOICES:-flite:slt flite:rms}"

# 1. Synthesise (native rate), then make the versions of each utterance.
n=0
while IFS= read -r s; do
  n=$((n+1))
  for v in "${voices[@]}"; do
    eng=${v%%:*}; name=${v#*:}; tag="${name//+/_}-$n"
    [ -s "$WORK/$tag.16k.wav" ] && continue
    if [ "$eng" = espeak ]; then espeak-ng -v "$name" -w "$WORK/$tag.raw.wav" "$s"
    else flite -voice "$name" -t "$s" "$WORK/$tag.raw.wav"; fi
    # wideband reference: 16 kHz mono 16-bit
    sox "$WORK/$tag.raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "$WORK/$tag.16k.wav"
    # phone: telephone band 300-3400 Hz, 8 kHz, G.711 µ-law (as carried by PCMU RTP)
    sox "$WORK/$tag.16k.wav" -c 1 -r 8000 -e u-law "$WORK/$tag.ulaw.wav" sinc 300-3400
    # the old path: the phone audio upsampled to 16 kHz, so the recogniser hears it as wideband
    sox "$WORK/$tag.ulaw.wav" -r 16000 -b 16 -e signed-integer "$WORK/$tag.up.wav"
    if [ "$EXPERIMENT" = 1 ]; then
      # experiment: decode, upsample to 16 kHz client-side, add a faint noise floor (about -60 dBFS) in 4-8 kHz,
      # so the recogniser's upper mel bands are not silent (wideband acoustic model, narrowband speech)
      d=$(soxi -D "$WORK/$tag.ulaw.wav")
      sox "$WORK/$tag.ulaw.wav" -r 16000 -b 16 -e signed-integer "$WORK/$tag.upv.wav" rate -v
      sox -n -r 16000 -c 1 -b 16 "$WORK/$tag.noise.wav" synth "$d" whitenoise vol 0.003 sinc 4200-7800
      sox -m "$WORK/$tag.upv.wav" "$WORK/$tag.noise.wav" "$WORK/$tag.bandext.wav"
      rm -f "$WORK/$tag.upv.wav" "$WORK/$tag.noise.wav"
    fi
  done
done < "$WORK/sentences.txt"

# 2. Transcribe every file (JOBS at a time); the transcript goes next to it as .txt
conds="16k up ulaw"; [ "$EXPERIMENT" = 1 ] && conds="$conds bandext"
for c in $conds; do ls "$WORK"/*."$c".wav; done | while read -r f; do
  [ -s "${f%.wav}.json" ] && continue; echo "$f"; done |
  xargs -r -P "$JOBS" -I{} sh -c 'f="{}"; curl -sS --fail -H "xi-api-key: '"$KEY"'" -F model_id=scribe_v1 \
      -F "file=@$f;type=audio/wav" "'"$BASE_URL"'/v1/speech-to-text" -o "${f%.wav}.json" || echo "failed: $f" >&2'

# 3. WER per voice and condition, Markdown table
python3 - "$WORK" "$conds" "${voices[@]}" <<'PY'
import json, re, sys, os
work, conds, voices = sys.argv[1], sys.argv[2].split(), sys.argv[3:]
sents = open(os.path.join(work, "sentences.txt")).read().splitlines()
def norm(t):
    t = t.lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9 ]+", " ", t).split()
def edits(r, h):
    d = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        p, d[0] = d[0], i
        for j in range(1, len(h) + 1):
            p, d[j] = d[j], min(d[j] + 1, d[j-1] + 1, p + (r[i-1] != h[j-1]))
    return d[len(h)]
label = {"16k": "16 kHz PCM", "up": "phone audio upsampled to 16 kHz (wideband model: before)",
         "ulaw": "phone audio at 8 kHz µ-law (narrowband settings: after)", "bandext": "experiment: µ-law → 16 kHz + 4-8 kHz noise floor"}
tot = {c: [0, 0] for c in conds}
eng_tot = {}
rows = []
for v in voices:
    eng, name = v.split(":", 1)
    cells = []
    for c in conds:
        e = w = 0
        for i, s in enumerate(sents, 1):
            f = os.path.join(work, f"{name.replace('+', '_')}-{i}.{c}.json")
            try: hyp = json.load(open(f)).get("text", "")
            except Exception: hyp = ""
            r = norm(s); e += edits(r, norm(hyp)); w += len(r)
        tot[c][0] += e; tot[c][1] += w
        et = eng_tot.setdefault(eng, {k: [0, 0] for k in conds}); et[c][0] += e; et[c][1] += w
        cells.append(f"{100*e/w:.1f} %")
    rows.append(f"| {eng} {name} | " + " | ".join(cells) + " |")
print(f"{len(sents)} sentences per voice, {tot[conds[0]][1] // len(voices)} words; WER (lower is better)\n")
print("| voice | " + " | ".join(label[c] for c in conds) + " |")
print("|---|" + "---:|" * len(conds))
print("\n".join(rows))
for eng, et in eng_tot.items():
    print(f"| all {eng} | " + " | ".join(f"{100*et[c][0]/et[c][1]:.1f} %" for c in conds) + " |")
print("| **all** | " + " | ".join(f"**{100*tot[c][0]/tot[c][1]:.1f} %**" for c in conds) + " |")
PY
