#!/usr/bin/env bash
# The HTML pages eb writes, opened in a real browser: the decision letter, the simulation page
# and the unit's report (eb report --html) of the demo households, rendered by Debian's headless Chromium. Each page must load
# with no console message (there is no script), keep its SVG charts in the DOM, fetch nothing
# (Chromium's own net log is read), parse cleanly (xmllint; every SVG as XML), and give a
# screenshot. A probe page that does script and fetch shows that the checks can fail.
# Skipped (exit 77) when chromium is not installed: tools/deps.sh installs it.
#
# Usage: bash tests/e2e/html_render.sh   (EB=path/to/eb, EB_ROOT=repository root;
#        EB_SCREENSHOTS=DIR keeps the screenshots there)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
demo_files=("$demo"/0[1-9]-*.toml "$demo"/1[0-2]-*.toml)
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "SKIP: chromium is not installed (tools/deps.sh installs Debian's chromium); the pages were not rendered"
  exit 77
fi

setup_tmp
require_eb

# render NAME FILE — open FILE in headless Chromium: the DOM in $tmp/NAME.dom, its log in
# $tmp/NAME.log, the net log in $tmp/NAME.net.json and a 1200×2000 screenshot in $tmp/NAME.png.
# Host names resolve to nothing, so that even a page that tried could reach no network.
render() {
  local name=$1 file=$2 profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  _e2e_cmd="chromium --headless --dump-dom --screenshot $file"
  if timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 --log-net-log="$tmp/$name.net.json" --host-resolver-rules="MAP * ~NOTFOUND" \
    --hide-scrollbars --window-size=1200,2000 --screenshot="$tmp/$name.png" \
    --dump-dom "file://$file" >"$tmp/$name.dom" 2>"$tmp/$name.log"; then
    status=0
  else
    status=$?
  fi
  rm -rf -- "$profile"
  cp -- "$tmp/$name.dom" "$tmp/out"
  cp -- "$tmp/$name.log" "$tmp/err"
}

# console_messages NAME — what the page wrote to the console, and uncaught errors.
console_messages() { grep -E 'CONSOLE|Uncaught' "$tmp/$1.log" || true; }

# fetched NAME — the URLs the page asked for, other than its own file: every request whose
# network isolation key is the file's origin. Chromium's own background requests have none.
fetched() {
  jq -r '.constants.logEventTypes.URL_REQUEST_START_JOB as $start
    | .events[] | select(.type == $start) | .params
    | select((.network_isolation_key // "") | test("file://"))
    | .url | select(startswith("file:") | not)' "$tmp/$1.net.json" 2>/dev/null | sort -u
}

# expect_page NAME SVGS — the checks every page must pass; SVGS is how many charts it has.
expect_page() {
  local name=$1 svgs=$2 messages urls
  expect_exit 0
  expect_stdout_has "</html>"
  messages=$(console_messages "$name")
  if [[ -z $messages ]]; then pass; else fail "no console message" "none" "$(head -3 <<<"$messages")"; fi
  if [[ -s $tmp/$name.net.json ]] && jq -e '.events | length > 0' "$tmp/$name.net.json" >/dev/null 2>&1; then
    pass
  else
    fail "net log" "a net log with events" "none"
  fi
  urls=$(fetched "$name")
  if [[ -z $urls ]]; then pass; else fail "nothing fetched" "no request" "$(tr '\n' ' ' <<<"$urls")"; fi
  expect_eq "$(grep -o '<svg' "$tmp/$name.dom" | wc -l)" "$svgs" "SVG charts in the DOM"
  if [[ $(head -c 8 "$tmp/$name.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; then
    pass
  else
    fail "screenshot" "a PNG" "$(file -b "$tmp/$name.png" 2>/dev/null || echo none)"
  fi
  if [[ -n ${EB_SCREENSHOTS:-} ]]; then mkdir -p -- "$EB_SCREENSHOTS" && cp -- "$tmp/$name.png" "$EB_SCREENSHOTS/"; fi
}

# expect_parses FILE SVGS — libxml2's HTML parser finds no error but HTML5's own tags, which it
# does not know; each of the SVGS inline SVGs parses as XML on its own.
expect_parses() {
  local file=$1 want=$2 errors n=0 svg
  errors=$(xmllint --html --noout "$file" 2>&1 | grep 'parser error' |
    grep -vE 'Tag (section|header|figure|figcaption|svg|rect|text|line|title) invalid' || true)
  if [[ -z $errors ]]; then pass; else fail "xmllint --html" "no error" "$(head -2 <<<"$errors")"; fi
  awk -v dir="$tmp" '/<svg/ { n++; f = dir "/svg." n ".xml" } f { print > f } /<\/svg>/ { f = "" }' "$file"
  for svg in "$tmp"/svg.*.xml; do
    [[ -e $svg ]] || continue
    n=$((n + 1))
    if xmllint --noout "$svg" 2>"$tmp/xmllint.err"; then pass; else fail "SVG as XML" "well-formed" "$(head -2 "$tmp/xmllint.err")"; fi
    rm -f -- "$svg"
  done
  expect_eq "$n" "$want" "inline SVGs parsed as XML"
}

# ---- a store with the demo households, a letter and a simulation ----------------------
test_case "setup: intake, assess and decide"
run_eb intake --file "${demo_files[@]}"
expect_exit 0
for i in $(seq 1 12); do run_eb assess "A-$i"; done
expect_exit 0
run_eb users add anna --role socialsekreterare --full-name "Anna Andersson"
run_eb users add gunnar --role gruppledare --full-name "Gunnar Grupp"
expect_exit 0
run_eb --today 2026-11-09 decide A-2 --delbifall --reject rent:1200:cost-above-guideline \
  --reason "Hyran är högre än skäligt för hushållets storlek <och> \"mer\"." \
  --child-impact "Barnen kan bo kvar i bostaden; beslutet påverkar inte deras skolgång eller fritid." \
  --by gunnar --presented-by anna
expect_exit 0
run_eb letter D-1 --format html -o "$tmp/letter.html"
expect_exit 0
run_eb simulate --month 2026-11 --as-of 2027-01 --html
expect_exit 0
cp -- "$tmp/out" "$tmp/simulate.html"

# ---- the letter --------------------------------------------------------------------------
test_case "letter: parses (xmllint)"
expect_parses "$tmp/letter.html" 0
test_case "letter: renders in Chromium with no console message, nothing fetched"
render letter "$tmp/letter.html"
expect_page letter 0
test_case "letter: the DOM holds every FL 31–33 §§ part"
for id in beslut poster berakning skal barn nasta-steg beslutsfattare overklagande; do
  expect_stdout_has "<section id=\"$id\">"
done
expect_stdout_has "Hur du överklagar"
expect_stdout_has "&lt;och&gt; \"mer\""
expect_stdout_lacks "<och>"

# ---- the simulation page -------------------------------------------------------------------
test_case "simulate: parses (xmllint), every SVG well-formed"
expect_parses "$tmp/simulate.html" 3
test_case "simulate: renders in Chromium with its charts, no console message, nothing fetched"
render simulate "$tmp/simulate.html"
expect_page simulate 3
expect_stdout_has "<rect class=\"t-negative\""
expect_stdout_has "<h1>Simulering av 2026-11, bedömd som 2027-01 (inget sparas)</h1>"

# ---- the report page -----------------------------------------------------------------------------
test_case "report: the demo month paid, then the page for the nämnd"
run_eb --today 2026-11-20 decide --month 2026-11 --bifall-routine --by gunnar
expect_exit 0
run_eb --today 2026-11-23 pay batch --date 2026-11-25
expect_exit 0
run_eb --today 2026-11-23 pay export B-1 --format pain001 -o "$tmp/B-1.xml"
expect_exit 0
run_eb --today 2026-11-24 pay confirm B-1
expect_exit 0
run_eb --today 2027-01-20 report --period 2026-01..2026-11 --html -o "$tmp/report.html" \
  --config "$EB_ROOT/norms/local/report.example.toml"
expect_exit 0
test_case "report: parses (xmllint), every SVG well-formed"
expect_parses "$tmp/report.html" 4
test_case "report: renders in Chromium with its four charts, no console message, nothing fetched"
render report "$tmp/report.html"
expect_page report 4
for title in "Bidragshushåll per månad" "Medelbidrag per hushåll och månad" "Försörjningshinder november 2026" \
  "Handläggningstid (arbetsdagar)"; do
  expect_stdout_has "<figcaption>$title</figcaption>"
done
expect_stdout_has "<section id=\"indicators\">"
expect_stdout_has "<section id=\"budget\">"

# ---- the checks can fail -----------------------------------------------------------------------
test_case "probe: a page that scripts and fetches is caught"
cat >"$tmp/probe.html" <<'EOF'
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>probe</title>
<link rel="stylesheet" href="https://example.invalid/style.css"></head>
<body><img src="http://example.invalid/logo.png" alt="">
<script>console.error("probe"); not_defined();</script></body></html>
EOF
render probe "$tmp/probe.html"
expect_exit 0
if console_messages probe | grep -q 'Uncaught'; then pass; else fail "probe: console" "an Uncaught error" "none seen"; fi
expect_eq "$(fetched probe | tr '\n' ' ')" "http://example.invalid/logo.png https://example.invalid/style.css " \
  "probe: what it fetched"

finish
