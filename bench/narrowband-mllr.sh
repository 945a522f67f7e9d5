#!/usr/bin/env bash
# Rebuilds pocketsphinx's narrowband transform (issue 17, section 4): a global MLLR mean transform of the Debian en-us
# model for telephone speech, shipped as timbre-engines/engine-sphinx/src/main/resources/dev/timbre/engine/sphinx/
# narrowband.mllr, and the narrowband -cmninit (NarrowbandModel.CMN_INIT). Adaptation speech: the 50 sentences below
# (none of bench/phone-wer.sh's) spoken by flite awb and kal (not the benchmark's test voices), band-limited to
# 300-3400 Hz, 8 kHz G.711 µ-law, upsampled to 16 kHz (what the decoder is fed).
# Needs flite, sox, python3 with numpy, and Debian sphinxtrain + sphinxbase-utils + pocketsphinx (apt-get install
# sphinxtrain sphinxbase-utils pocketsphinx). Usage: bench/narrowband-mllr.sh [OUT_DIR]; prints the -cmninit value.
# sox dithers, so each run's numbers differ slightly from the shipped file.
set -euo pipefail
OUT="${1:-$(mktemp -d /tmp/narrowband-mllr.XXXXXX)}"
MODEL=/usr/share/pocketsphinx/model/en-us
ST=/usr/lib/sphinxtrain
mkdir -p "$OUT/wav" "$OUT/mfc" "$OUT/hmm" "$OUT/acc"
cd "$OUT"
cat > sentences.txt <<'S'
Hello, I am calling to check the status of my application.
Can you repeat that more slowly, please?
I need to reschedule my meeting with the lawyer to next week.
The weather forecast says it will snow on Sunday.
My brother lives in a small village near the mountains.
Is there a parking lot close to the main entrance?
I would like to order a large pizza with mushrooms and olives.
The bus was late again, so I missed the first lesson.
Please write down my name and my new address.
We spent our holiday on a quiet beach in the south.
How long will it take to repair the washing machine?
The shop on the corner sells fresh fruit and vegetables.
Yes, that is correct, my date of birth is the third of June.
Could you transfer me to the sales department?
I have been waiting on the line for twenty minutes.
The teacher asked the students to read the whole chapter.
My daughter starts her new job on Monday morning.
There is a problem with the last payment on my card.
Do you deliver on weekends or only during the week?
I think the meeting room on the second floor is free.
He bought a blue jacket and a pair of black shoes.
The kitchen light keeps flickering when I turn it on.
Sorry, I did not catch your last question.
We should leave early to avoid the evening rush.
Our neighbours have a friendly dog called Max.
What is the best way to get to the airport from here?
The insurance company sent me a form to fill in.
I lost my keys somewhere between the office and the station.
Please confirm the booking by email as soon as possible.
The film starts at eight, so we can have dinner first.
My grandmother makes the best apple pie in the family.
The printer in the library is out of paper again.
I want to open a savings account for my son.
The road is closed because of an accident near the bridge.
Can you tell me how many people are on the waiting list?
I usually go for a run in the park before breakfast.
The store will give you a full refund within thirty days.
Let me check my calendar and call you back later.
The water in the lake was too cold for swimming.
We have run out of sugar, could you buy some more?
No, I would rather pay with cash if that is possible.
The police officer asked for my driving licence.
My computer makes a strange noise when it starts.
The new restaurant downtown serves excellent fish.
Could you please speak a little louder, the line is bad.
I will send you the documents before the end of the day.
Every room in the building has a window facing the sea.
She plays the piano and sings in the church choir.
The price of petrol went up again this month.
Thank you very much for calling, goodbye.
S

# 1. Speech: flite → 16 kHz → telephone band, 8 kHz µ-law → back to 16 kHz
for v in awb kal; do
  n=0
  while IFS= read -r s; do
    n=$((n+1)); tag="$v-$n"
    flite -voice "$v" -t "$s" "wav/$tag.raw.wav"
    sox "wav/$tag.raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "wav/$tag.16k.wav"
    sox "wav/$tag.16k.wav" -c 1 -r 8000 -e u-law "wav/$tag.ulaw.wav" sinc 300-3400
    sox "wav/$tag.ulaw.wav" -r 16000 -b 16 -e signed-integer "wav/$tag.up.wav"
  done < sentences.txt
done

# 2. Transcripts (lowercase words of the dictionary) and features with the model's own front end
python3 - <<'PY'
import re
lines = open("sentences.txt").read().splitlines()
with open("train.fileids", "w") as fi, open("train.transcription", "w") as tr:
    for v in ("awb", "kal"):
        for i, s in enumerate(lines, 1):
            words = re.sub(r"[^a-z' ]+", " ", s.lower()).split()
            fi.write(f"{v}-{i}\n")
            tr.write("<s> " + " ".join(words) + f" </s> ({v}-{i})\n")
PY
sphinx_fe -argfile "$MODEL/en-us/feat.params" -samprate 16000 -c train.fileids -di wav -do mfc -ei up.wav -eo mfc -mswav yes 2>/dev/null

# 3. The model in sphinxtrain's form: text mdef, and mixture weights unpacked from the 8-bit sendump
#    (pocketsphinx stores -log(p) quantised as v = round(-ln(p) / (1024 ln 1.0001)), so p = exp(-0.1024 v))
for f in means variances transition_matrices noisedict feat.params; do ln -sf "$MODEL/en-us/$f" hmm/; done
pocketsphinx_mdef_convert -text "$MODEL/en-us/mdef" hmm/mdef.txt 2>/dev/null
python3 - "$MODEL/en-us/sendump" hmm/mixture_weights <<'PY'
import struct, sys
import numpy as np
src, dst = sys.argv[1], sys.argv[2]
with open(src, "rb") as f:
    while True:                                   # header strings, terminated by a zero length
        n, = struct.unpack("<i", f.read(4))
        if n == 0: break
        f.read(n)
    n_cw, n_sen = struct.unpack("<ii", f.read(8))
    raw = np.frombuffer(f.read(), dtype=np.uint8)
n_feat = raw.size // (n_cw * n_sen)
p = np.exp(-0.1024 * raw.reshape(n_feat, n_cw, n_sen).astype(np.float64)).transpose(2, 0, 1)
p /= p.sum(axis=2, keepdims=True)
p = p.astype(np.float32)
with open(dst, "wb") as f:                         # Sphinx-III binary: header, byte-order magic, dims, data
    hdr = b"s3\nversion 1.0\n"
    pad = (len(hdr) + len(b"endhdr\n")) & 3
    f.write(hdr + (b" " * (4 - pad) if pad else b"") + b"endhdr\n")
    f.write(struct.pack("=i", 0x11223344))
    f.write(struct.pack("=IIII", *p.shape, p.size))
    f.write(p.tobytes())
PY

# 4. Baum-Welch counts against the transcripts, then the MLLR solve (one class)
"$ST/bw" -hmmdir hmm -moddeffn hmm/mdef.txt -ts2cbfn .ptm. -feat 1s_c_d_dd -svspec 0-12/13-25/26-38 -cmn batch \
  -agc none -dictfn "$MODEL/cmudict-en-us.dict" -fdictfn hmm/noisedict -ctlfn train.fileids \
  -lsnfn train.transcription -cepdir mfc -accumdir acc > bw.log 2>&1
"$ST/mllr_solve" -meanfn hmm/means -varfn hmm/variances -outmllrfn narrowband.mllr -accumdir acc > mllr_solve.log 2>&1

# 5. -cmninit: the mean of c0..c12 over the adaptation features
python3 - <<'PY'
import glob, struct
import numpy as np
frames = []
for f in glob.glob("mfc/*.mfc"):
    b = open(f, "rb").read()
    a = np.frombuffer(b[4:], dtype="<f4")
    if struct.unpack("<i", b[:4])[0] != a.size: a = np.frombuffer(b[4:], dtype=">f4")
    frames.append(a.reshape(-1, 13))
print("-cmninit " + ",".join(f"{x:.2f}" for x in np.concatenate(frames).mean(0)))
PY
echo "transform: $OUT/narrowband.mllr" >&2
