#!/usr/bin/env bash
# compare.sh builds the same generated corpus with Hugo and with bulletin,
# alternately and always cold, and prints each run's time and peak memory,
# the medians and their ratio. See README.md in this folder.
#
#   generator/bench/hugo/compare.sh [-n 10000] [-runs 5] [-seed 1] [-work DIR] [-keep]
#                                   [-hugo-related window|native]
#
# -n      articles in the corpus (default 10000)
# -runs   builds of each generator (default 5)
# -seed   corpus seed (default 1)
# -work   work folder: corpus, Hugo site, binaries, outputs
#         (default ${TMPDIR:-/tmp}/bulletin-hugo-bench); a corpus already
#         generated there with the same -n and -seed is reused
# -keep   keep both outputs of the last run (removed otherwise)
# -hugo-related
#         how Hugo picks related articles: "window" (default) the way bulletin
#         does, in a template; "native" with Hugo's .Site.RegularPages.Related,
#         which scores every article sharing a topic or regulator and is far
#         slower on this corpus (see README.md)
#
# Needs: go, hugo (Debian: apt-get install hugo), /usr/bin/time (Debian: time).
set -euo pipefail

n=10000
runs=5
seed=1
work="${TMPDIR:-/tmp}/bulletin-hugo-bench"
keep=false
related=window

usage() {
	echo "usage: $0 [-n articles] [-runs N] [-seed N] [-work DIR] [-keep] [-hugo-related window|native]" >&2
	exit 2
}
while (($#)); do
	case "$1" in
	-n) (($# >= 2)) || usage; n="$2"; shift 2 ;;
	-runs) (($# >= 2)) || usage; runs="$2"; shift 2 ;;
	-seed) (($# >= 2)) || usage; seed="$2"; shift 2 ;;
	-work) (($# >= 2)) || usage; work="$2"; shift 2 ;;
	-keep) keep=true; shift ;;
	-hugo-related) (($# >= 2)) || usage; related="$2"; shift 2 ;;
	-h | -help | --help) usage ;;
	*) usage ;;
	esac
done
[[ "$n" =~ ^[1-9][0-9]*$ && "$runs" =~ ^[1-9][0-9]*$ && "$seed" =~ ^[0-9]+$ && "$related" =~ ^(window|native)$ ]] || usage

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

for tool in go hugo; do
	command -v "$tool" >/dev/null || { echo "compare.sh: $tool not found on PATH" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "compare.sh: /usr/bin/time not found (Debian: apt-get install time)" >&2; exit 1; }

mkdir -p "$work"
work="$(cd "$work" && pwd)"
bin="$work/bin/bulletin"
corpus="$work/corpus-n$n-s$seed"
site="$work/hugo-site-n$n-s$seed"
out_hugo="$work/out-hugo"
out_bulletin="$work/out-bulletin"
hugo_cache="$work/hugo-cache"
times="$work/times"

log() { printf '%s\n' "$*" >&2; }

# --- bulletin -------------------------------------------------------------
log "building bulletin ($(go version | awk '{print $3}'))"
mkdir -p "$work/bin"
(cd "$repo" && go build -o "$bin" ./generator)

# --- corpus ---------------------------------------------------------------
if [[ -f "$corpus/content/site.yaml" && -f "$corpus/.complete" ]]; then
	log "reusing corpus $corpus"
else
	log "generating corpus: $n articles, seed $seed"
	rm -rf "$corpus" "$corpus.tmp"
	(cd "$repo" && go run ./generator/bench/corpus -n "$n" -seed "$seed" -out "$corpus.tmp") >&2
	mv "$corpus.tmp" "$corpus"
	touch "$corpus/.complete"
fi
content="$corpus/content"

# --- Hugo site --------------------------------------------------------------
# A fresh copy of site/ with the corpus mapped in:
#   content/articles/YYYY/   the corpus's article folders (a copy: see the dates below)
#   content/topics/SLUG/_index.md, content/regulators/SLUG/_index.md
#                            the intro pages, as Hugo's term pages
#                            (SLUG as Hugo urlizes the term)
#   content/archive/YYYY.md, content/archive/YYYY-MM.md
#                            one stub per year and month of the corpus, which
#                            layouts/archive/ fills from the articles
#   data/site.yaml           the corpus's site.yaml (title, regulators, ...)
#   static/                  bulletin's templates/static (CSS, JS)
log "preparing the Hugo site in $site"
rm -rf "$site"
cp -R "$here/site" "$site"
cp -R "$content/articles/." "$site/content/articles/"
# Hugo 0.111 reads "2016-08-25T15:57" (no seconds), which bulletin accepts,
# as no date at all (year 1, without a warning): give those dates ":00".
find "$site/content/articles" -name '*.md' -exec sed -i -E \
	'2,/^---$/ s/^(date|updated): ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2})$/\1: \2:00/' {} +
# Hugo's urlize for the names the corpus uses: lower case, spaces to
# hyphens, other punctuation (the apostrophe of "Children's") dropped.
hugo_slug() { tr 'A-Z' 'a-z' <<<"$1" | sed -e "s/[^a-z0-9 ._~+-]//g" -e 's/ /-/g'; }
for kind in topics regulators; do
	for intro in "$content/$kind"/*.md; do
		[[ -e "$intro" ]] || continue
		slug="$(basename "$intro" .md)"
		if [[ "$kind" == topics ]]; then
			# A topic's term is its name, which is the intro page's title.
			title="$(sed -n -e 's/^title: *//p' "$intro" | head -n 1)"
			title="${title#\"}"; title="${title%\"}"
			[[ -n "$title" ]] && slug="$(hugo_slug "$title")"
		fi
		mkdir -p "$site/content/$kind/$slug"
		cp "$intro" "$site/content/$kind/$slug/_index.md"
	done
done
# Year and month archive stubs, from the file names of the articles that
# are not drafts (content/articles/YYYY/YYYY-MM-DD-slug.md).
grep -rL --include='*.md' '^draft: true' "$content/articles" | sed 's|.*/||' | grep -oE '^[0-9]{4}-[0-9]{2}' | sort -u >"$work/months"
for y in $(cut -c1-4 "$work/months" | sort -u); do
	printf -- '---\ntitle: "%s"\nurl: /%s/\ntype: archive\nlayout: year\nyear: "%s"\n_build:\n  list: never\n---\n' \
		"$y" "$y" "$y" >"$site/content/archive/$y.md"
done
while read -r m; do
	label="$(date -d "$m-01" '+%B %Y')"
	printf -- '---\ntitle: "%s"\nurl: /%s/%s/\ntype: archive\nlayout: month\nmonth: "%s"\n_build:\n  list: never\n---\n' \
		"$label" "${m%-*}" "${m#*-}" "$m" >"$site/content/archive/$m.md"
done <"$work/months"
mkdir -p "$site/data" "$site/static"
cp "$content/site.yaml" "$site/data/site.yaml"
cp -R "$repo/templates/static/." "$site/static/"

# --- runs -------------------------------------------------------------------
clean_hugo() {
	rm -rf "$out_hugo" "$hugo_cache" "$site/resources" "$site/.hugo_build.lock"
}
clean_bulletin() {
	# The output and every sibling bulletin may keep beside it (.out-bulletin*),
	# so no build cache survives.
	rm -rf "$out_bulletin" "$(dirname "$out_bulletin")/.$(basename "$out_bulletin")"*
}
run_hugo() {
	# A fresh --cacheDir each run, --gc, and maxAge 0 for every file cache
	# (hugo.toml): nothing Hugo caches survives from one build to the next.
	HUGO_PARAMS_RELATED="$related" /usr/bin/time -f '%e %M %U %S' -o "$times.rss" \
		hugo --quiet --gc --source "$site" --destination "$out_hugo" --cacheDir "$hugo_cache" \
		>"$work/hugo.log" 2>&1 || { cat "$work/hugo.log" >&2; echo "compare.sh: hugo failed" >&2; exit 1; }
}
run_bulletin() {
	(cd "$repo" && /usr/bin/time -f '%e %M %U %S' -o "$times.rss" \
		"$bin" build -content "$content" -templates templates -out "$out_bulletin") \
		>"$work/bulletin.log" 2>&1 || { cat "$work/bulletin.log" >&2; echo "compare.sh: bulletin failed" >&2; exit 1; }
}
# timed NAME: runs run_NAME, appends "wall-seconds peak-KB cpu-seconds" to
# $times.NAME (wall from date, peak RSS and user+system CPU from /usr/bin/time).
timed() {
	local start end
	"clean_$1"
	if [[ "$1" == hugo ]]; then mkdir -p "$hugo_cache"; fi
	sync
	start="$(date +%s.%N)"
	"run_$1"
	end="$(date +%s.%N)"
	printf '%s %s\n' "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')" \
		"$(awk '{ printf "%d %.2f", $2, $3 + $4 }' "$times.rss")" >>"$times.$1"
}

rm -f "$times.hugo" "$times.bulletin"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
	# Alternate which one goes first, so neither always runs right after the other.
	if ((i % 2)); then order="hugo bulletin"; else order="bulletin hugo"; fi
	for g in $order; do
		log "run $i/$runs: $g"
		timed "$g"
	done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

files_hugo="$(find "$out_hugo" -type f | wc -l)"
files_bulletin="$(find "$out_bulletin" -type f ! -name '.bulletin-manifest' | wc -l)"
pages_hugo="$(find "$out_hugo" -type f -name '*.html' | wc -l)"
pages_bulletin="$(find "$out_bulletin" -type f -name '*.html' | wc -l)"
mb_hugo="$(du -sm "$out_hugo" | cut -f1)"
mb_bulletin="$(du -sm "$out_bulletin" | cut -f1)"
summary_bulletin="$(grep '^built' "$work/bulletin.log" || true)"
# An article whose date Hugo could not read lands in /1/01/ (year 1).
undated=0
[[ -d "$out_hugo/1" ]] && undated="$(find "$out_hugo/1" -name index.html | wc -l)"
if ! $keep; then
	clean_hugo
	clean_bulletin
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { cut -d' ' -f"$2" "$times.$1" | median; }
wall_h="$(col hugo 1)" wall_b="$(col bulletin 1)"
rss_h="$(col hugo 2)" rss_b="$(col bulletin 2)"
cpu_h="$(col hugo 3)" cpu_b="$(col bulletin 3)"

echo "corpus:   $n articles (seed $seed) in $content"
echo "hugo:     $(hugo version | awk '{print $1, $2}'), related articles: $related"
echo "bulletin: built with $(go version | awk '{print $3}'); last run: $summary_bulletin"
echo "machine:  nproc $(nproc); load average (1, 5, 15 min) $load_before before the runs, $load_after after"
echo
echo "each run: wall seconds (date +%s.%N), user+system CPU seconds and peak RSS (/usr/bin/time)"
printf '%-6s | %9s %9s %8s | %9s %9s %8s\n' run "hugo s" "CPU s" "peak MB" "bulletin s" "CPU s" "peak MB"
paste -d' ' "$times.hugo" "$times.bulletin" |
	awk '{ printf "%-6d | %9.3f %9.2f %8.0f | %10.3f %9.2f %8.0f\n", NR, $1, $3, $2 / 1024, $4, $6, $5 / 1024 }'
printf '%-6s | %9.3f %9.2f %8.0f | %10.3f %9.2f %8.0f\n' median "$wall_h" "$cpu_h" "$(awk -v k="$rss_h" 'BEGIN { print k / 1024 }')" \
	"$wall_b" "$cpu_b" "$(awk -v k="$rss_b" 'BEGIN { print k / 1024 }')"
echo
echo "output: hugo $files_hugo files ($pages_hugo HTML), $mb_hugo MB; bulletin $files_bulletin files ($pages_bulletin HTML), $mb_bulletin MB"
if ((undated)); then
	echo "WARNING: hugo put $undated article(s) in /1/01/: it could not read their dates"
fi
awk -v h="$wall_h" -v b="$wall_b" -v ch="$cpu_h" -v cb="$cpu_b" 'BEGIN {
	printf "ratio of median wall times: bulletin/hugo = %.3f, hugo/bulletin = %.2f\n", b / h, h / b
	printf "ratio of median CPU times:  bulletin/hugo = %.3f, hugo/bulletin = %.2f\n", cb / ch, ch / cb
	printf "target (bulletin at most a quarter of hugo, wall): %s\n", (b / h <= 0.25 ? "met" : "NOT met")
}'
