#!/usr/bin/env bash
# Load test of POST /api/messages with full JWT validation. Usage: bench/teams/run.sh [concurrency] [seconds] [distinct tokens]
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project ImtBot.Teams.Load -- "${1:-64}" "${2:-15}" "${3:-256}"
