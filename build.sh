#!/bin/sh
# Builds the site: ./build.sh [command] [flags]; with no command, builds content/ into public/.
# build and serve also index the site for search with Pagefind when Node.js is installed
# (a pagefind on the PATH is used as it is; otherwise npx fetches pagefind@1).
set -eu
cd "$(dirname "$0")"

cmd=build
case "${1:-}" in
"" | -*) ;;
*) cmd=$1 && shift ;;
esac

case "$cmd" in
build | serve)
	if ! command -v node >/dev/null 2>&1 || ! command -v npx >/dev/null 2>&1; then
		echo "Node.js not found: building without search" >&2
	elif command -v pagefind >/dev/null 2>&1; then
		set -- -pagefind pagefind "$@"
	else
		set -- -pagefind "npx --yes pagefind@1" "$@"
	fi
	;;
esac
exec go run ./generator "$cmd" "$@"
