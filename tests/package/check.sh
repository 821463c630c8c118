#!/usr/bin/env bash
# What a user installs, checked as a user would meet it (run by .ci/run):
#   1. every man page renders with groff without a warning, and `man ./FILE`
#      shows it;
#   2. the completions complete subcommands, flags and values in a real bash
#      (`complete -p`, then the completion function as bash calls it), load
#      in zsh, and complete in fish;
#   3. the Debian package holds the binary, man pages, completions and
#      license files, installs with dpkg, runs a quick ingest and search from
#      the PATH, and uninstalls cleanly;
#   4. the crate packages (`cargo package`) without test data or anything
#      from ../shared.
# Needs root (dpkg -i), cargo-deb, groff, man-db, zsh and fish; .ci/run
# installs them. Exits non-zero with a message at the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$(pwd)

fail() {
  echo "package check: FAILED: $*" >&2
  exit 1
}
step() { echo "-- $*"; }

step "build the package (tools/package/deb.sh)"
tools/package/deb.sh
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
deb="target/debian/newsdex_${version}_amd64.deb"
[ -f "$deb" ] || fail "expected $deb; found: $(ls target/debian 2>/dev/null)"
assets=target/assets

step "1. man pages: groff -man -Tutf8 -ww without warnings"
pages=0
for page in "$assets"/man/*.1; do
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || fail "groff failed on $page"
  [ -z "$warnings" ] || fail "groff warns on $page: $warnings"
  pages=$((pages + 1))
done
[ "$pages" -ge 8 ] || fail "only $pages man pages in $assets/man"
shown=$(MANPAGER=cat MANWIDTH=80 man "./$assets/man/newsdex.1" 2>&1)
for section in NAME SYNOPSIS OPTIONS SUBCOMMANDS "EXIT STATUS" ENVIRONMENT; do
  grep -q "^$section" <<<"$shown" || fail "man ./newsdex.1 has no $section section"
done
echo "   $pages pages, no warnings"

step "2. completions in bash, zsh and fish"
bash --norc --noprofile -c '
  set -euo pipefail
  source "$1"
  spec=$(complete -p newsdex)
  fn=$(sed -E "s/.*-F ([^ ]+).*/\1/" <<<"$spec")
  complete_line() {
    COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
    "$fn" newsdex "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
    echo "${COMPREPLY[*]}"
  }
  expect() {
    local want=$1; shift
    got=$(complete_line "$@")
    grep -qw -- "$want" <<<"$got" || { echo "bash: [$*<TAB>] gave [$got], not $want" >&2; exit 1; }
    echo "   bash: [$*<TAB>] -> $got"
  }
  expect search newsdex se
  expect --since newsdex search --sin
  expect --csv newsdex people --cs
  expect newest newsdex search --sort ""
  expect zsh newsdex completions ""
' bash "$assets/completions/newsdex.bash" || fail "bash completion"

zsh_out=$(zsh -f -c 'autoload -Uz compinit && compinit -u -d "$(mktemp)" && source "$1" && whence -w _newsdex' zsh "$assets/completions/_newsdex" 2>&1) ||
  fail "zsh cannot load _newsdex: $zsh_out"
[ "$zsh_out" = "_newsdex: function" ] || fail "zsh loaded _newsdex with output: $zsh_out"
echo "   zsh: _newsdex loads without errors"

fish_out=$(fish --no-config -c 'source $argv[1]; and complete -C"newsdex se"; and complete -C"newsdex search --sin"' "$assets/completions/newsdex.fish" 2>&1) ||
  fail "fish cannot load newsdex.fish: $fish_out"
grep -q "^search" <<<"$fish_out" || fail "fish: [newsdex se<TAB>] gave: $fish_out"
grep -q "^--since" <<<"$fish_out" || fail "fish: [newsdex search --sin<TAB>] gave: $fish_out"
echo "   fish: completes search and --since"

step "3. the Debian package: contents, install, run, uninstall"
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/newsdex ./usr/share/man/man1/newsdex.1.gz \
  ./usr/share/man/man1/newsdex-search.1.gz \
  ./usr/share/bash-completion/completions/newsdex \
  ./usr/share/zsh/vendor-completions/_newsdex \
  ./usr/share/fish/vendor_completions.d/newsdex.fish \
  ./usr/share/doc/newsdex/NOTICE ./usr/share/doc/newsdex/LICENSE-MIT \
  ./usr/share/doc/newsdex/LICENSE-APACHE ./usr/share/doc/newsdex/copyright; do
  grep -q " $path\$" <<<"$contents" || fail "$deb lacks $path"
done
if dpkg -s newsdex >/dev/null 2>&1; then
  fail "a newsdex package is already installed; remove it first (dpkg -r newsdex)"
fi
dpkg -i "$deb" >/dev/null
trap 'dpkg -r newsdex >/dev/null 2>&1 || true' EXIT
work=$(mktemp -d)
(
  cd "$work"
  export PATH=/usr/bin:/bin
  [ "$(command -v newsdex)" = /usr/bin/newsdex ] || fail "newsdex is not on the PATH from the package"
  newsdex --version | grep -q "^newsdex $version" || fail "newsdex --version: $(newsdex --version)"
  newsdex --index idx ingest --no-progress "$repo/corpus" 2>/dev/null
  hits=$(newsdex --index idx search sanctions --json | wc -l)
  [ "$hits" -ge 1 ] || fail "the installed newsdex found no hit for sanctions in corpus/"
  man -w newsdex | grep -q '^/usr/share/man/man1/newsdex.1.gz$' || fail "man -w newsdex: $(man -w newsdex 2>&1)"
  echo "   installed: $(newsdex --version); ingest of corpus/ and search: $hits hits"
)
rm -rf "$work"
dpkg -r newsdex >/dev/null
trap - EXIT
[ ! -e /usr/bin/newsdex ] || fail "/usr/bin/newsdex is still there after dpkg -r"
[ ! -e /usr/share/man/man1/newsdex.1.gz ] || fail "the man page is still there after dpkg -r"
if dpkg -s newsdex 2>/dev/null | grep -q '^Status: install'; then fail "dpkg still lists newsdex"; fi
echo "   removed cleanly"

step "4. cargo package: contents and a build of the packaged crate"
list=$(cargo package --locked --allow-dirty --list)
bad=$(grep -E '^(tests|bench|eval|examples|corpus|tools|target|index)/|^\.\.|shared' <<<"$list" || true)
[ -z "$bad" ] || fail "cargo package would ship: $bad"
grep -qx models/tagger.bin.gz <<<"$list" || fail "cargo package leaves out the model"
cargo package --locked --allow-dirty >/dev/null
crate="target/package/newsdex-${version}.crate"
size=$(stat -c %s "$crate")
[ "$size" -lt $((10 * 1024 * 1024)) ] || fail "$crate is $size bytes, over crates.io's 10 MB"
echo "   $(wc -l <<<"$list") files, $crate is $((size / 1024)) KiB, verified by cargo's build"

echo "package check: all passed"
