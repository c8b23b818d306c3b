#!/usr/bin/env bash
# Regenerates the Teams app icons (needs ImageMagick): color.png 192x192 (full colour) and
# outline.png 32x32 (white on transparent), a warning triangle on ImtBot's incident red.
set -euo pipefail
cd "$(dirname "$0")"
im=/usr/bin/convert
[ -x "$im" ] || im=convert
"$im" -size 192x192 xc:none -fill '#B4233C' -draw "roundrectangle 0,0 191,191 36,36" \
  -fill white -stroke white -strokewidth 10 -draw "polygon 96,40 158,146 34,146" \
  -stroke none -fill '#B4233C' -draw "roundrectangle 89,74 103,116 6,6" -draw "circle 96,131 96,123" \
  -strip PNG32:color.png
"$im" -size 32x32 xc:none -fill none -stroke white -strokewidth 2 -draw "polygon 16,4 29,27 3,27" \
  -stroke none -fill white -draw "rectangle 15,11 16,19" -draw "rectangle 15,22 16,23" \
  -strip PNG32:outline.png
