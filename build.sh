#!/bin/sh
# Builds the site: ./build.sh [command] [flags]; with no command, builds content/ into public/.
# build and serve also index the site for search with Pagefind when Node.js is installed
# (a pagefind on the PATH is used as it is; otherwise npx fetches pagefind@1).
# The generator is built into the user's cache folder, one binary per checkout, and run
# with exec rather than go run, so its exit code, its output and signals such as Ctrl-C
# pass between it and the caller unchanged; go build rewrites it only when the code changed.
# Paths given to it, and the default content/, templates/ and public/, are relative to the
# folder it is run from.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

cmd=build
case "${1:-}" in
-h | -help | --h | --help) cmd=help && shift ;;
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
bin="${XDG_CACHE_HOME:-${HOME:?set HOME or XDG_CACHE_HOME}/.cache}/bulletin$here/bulletin"
(cd "$here" && go build -o "$bin" ./generator)
exec "$bin" "$cmd" "$@"
