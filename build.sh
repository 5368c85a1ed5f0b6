#!/bin/sh
# Builds the site: ./build.sh [command] [flags]; with no command, builds content/ into public/.
set -eu
cd "$(dirname "$0")"
exec go run ./generator "$@"
