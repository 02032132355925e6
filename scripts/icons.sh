#!/usr/bin/env bash
# Regenerates every app icon from icons/app-icon.svg (needs rsvg-convert (librsvg2-bin), ImageMagick and python3).
set -euo pipefail
cd "$(dirname "$0")/../icons"
rsvg-convert -w 1024 -h 1024 app-icon.svg -o app-icon.png
for size in 32 128 256 512; do convert app-icon.png -resize ${size}x${size} ${size}x${size}.png; done
cp 256x256.png 128x128@2x.png
convert app-icon.png -define icon:auto-resize=256,128,64,48,32,16 icon.ico
# icns: a header and PNG entries (ic07 = 128, ic08 = 256, ic09 = 512, ic10 = 1024).
python3 - <<'PY'
import struct
entries = [(b"ic07", "128x128.png"), (b"ic08", "256x256.png"), (b"ic09", "512x512.png"), (b"ic10", "app-icon.png")]
blobs = [(kind, open(name, "rb").read()) for kind, name in entries]
body = b"".join(kind + struct.pack(">I", len(data) + 8) + data for kind, data in blobs)
open("icon.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
rm -f 256x256.png 512x512.png
