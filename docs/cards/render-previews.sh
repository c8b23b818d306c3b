#!/usr/bin/env bash
# Renders the PNG previews in this folder from a card gallery, with the official Adaptive Cards renderer in headless
# Chromium (shared cardcheck tool). Needs Node.js 20+, chromium and fonts-noto-color-emoji.
# usage: docs/cards/render-previews.sh GALLERY_DIR [CARDCHECK_ADAPTIVE_CARDS_DIR]
#   GALLERY_DIR: what `cards render --out GALLERY_DIR` wrote (teams/NAME.json)
#   CARDCHECK_ADAPTIVE_CARDS_DIR: a writable copy of cardcheck/adaptive-cards with node_modules (check.sh makes one
#   in ${TMPDIR:-/tmp}/cardcheck-tools on first use)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gallery=$(cd "$1" && pwd)
tools=${2:-${TMPDIR:-/tmp}/cardcheck-tools/adaptive-cards}
for pair in incident-active:incident incident-declared:incident-declared page-active:page review-closed:review declare:declare incident-drill:incident-drill checklist-active:checklist; do
  node "$tools/render-adaptive-card.mjs" "$gallery/teams/${pair%%:*}.json" "$here/${pair##*:}.png" --width 520
done
