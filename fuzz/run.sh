#!/usr/bin/env bash
# Fuzz every Statecraft loader with AFL++ and SharpFuzz (docs/reliability.md).
#
#   fuzz/run.sh --seconds 600                 every target for 10 minutes each, one after another
#   fuzz/run.sh --seconds 3600 scenario bdm   chosen targets
#   fuzz/run.sh --ci                          the short bounded run CI does after `dotnet test`
#   fuzz/run.sh --replay DIR                  replay findings (or any inputs) through every target
#
# Needs afl++ (Debian: apt-get install afl++) and the sharpfuzz tool (dotnet tool install --global
# SharpFuzz.CommandLine --version 2.3.0); both are installed when missing. Work goes to
# $FUZZ_WORK (default /tmp/statecraft-fuzz): findings in $FUZZ_WORK/findings/TARGET/default/{crashes,hangs}.
# Exit status: 0 when no target crashed or hung, 1 otherwise, 2 when the fuzzer could not start.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${FUZZ_WORK:-/tmp/statecraft-fuzz}
seconds=60
replay=""
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2;;
    --ci) seconds=${FUZZ_CI_SECONDS:-8}; shift;;
    --replay) replay=$2; shift 2;;
    *) targets+=("$1"); shift;;
  esac
done
all=(scenario web-upload region coercion bdm ktab-csv ktab-xml deu actors agents verbs petrarch-verbs icews gdelt event-csv petrarch tabari)
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PATH="$PATH:$HOME/.dotnet/tools"
if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++ >/dev/null
fi
command -v sharpfuzz >/dev/null 2>&1 || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null

# Build once, then instrument the assemblies whose code reads input.
# Findings are replayed with the plain build: instrumented code only runs under afl-fuzz.
bin=$work/bin plain=$work/plain
rm -rf "$bin" "$plain" && mkdir -p "$work"
dotnet publish "$root/fuzz/Statecraft.Fuzz" -c Release -o "$plain" --nologo -v q >/dev/null
cp -r "$plain" "$bin"
for dll in Statecraft.Core Statecraft.Io Statecraft.Web YamlDotNet; do sharpfuzz "$bin/$dll.dll" >/dev/null; done

if [ -n "$replay" ]; then
  status=0
  for t in "${targets[@]}"; do STATECRAFT_REPO=$root dotnet "$plain/statecraft-fuzz.dll" "$t" "$replay" || status=1; done
  exit $status
fi

# Seeds: the repository's examples, scenarios and test data, the regression inputs of issue 15 and
# every finding since (fuzz/regressions), and the shared reference files when ../shared is there.
shared=$root/../shared/reference
seeds() {
  case $1 in
    scenario|web-upload) echo "$root"/scenarios/*.yaml "$root"/tests/Statecraft.Cli.Tests/Fixtures/*.yaml "$root"/tests/Statecraft.Web.Tests/Fixtures/*.yaml;;
    region) echo "$root"/examples/wartrap-toy.yaml "$root"/examples/south-caucasus-region.yaml;;
    coercion) echo "$root"/examples/coercion-*.yaml;;
    bdm) echo "$root"/examples/eu-emissions.csv "$shared"/bdm/*.csv;;
    ktab-csv) echo "$shared"/ktab/SOE-Pol-Comp.csv "$shared"/ktab/dummyData_3Dim.csv "$shared"/ktab/dummyData-a040.csv;;
    ktab-xml) echo "$shared"/ktab/*.xml;;
    deu) echo "$shared"/deu/deu3_public.tsv;;
    actors) echo "$root"/data/events/caucasus.actors "$shared"/events/tabari/TABARI.Demo.actors "$shared"/events/petrarch/PETR.Validate.actors.txt;;
    agents) echo "$shared"/events/tabari/Validate.agents "$shared"/events/petrarch/PETR.Validate.agents.txt;;
    verbs) echo "$root"/data/events/caucasus.verbs "$shared"/events/tabari/TABARI.Demo.verbs;;
    petrarch-verbs) echo "$shared"/events/petrarch/PETR.Validate.verbs.txt;;
    tabari) echo "$shared"/events/tabari/TABARI.Demo.text;;
  esac
}
status=0
for t in "${targets[@]}"; do
  in=$work/corpus/$t
  rm -rf "$in" && mkdir -p "$in"
  for f in $(seeds "$t") "$root"/fuzz/seeds/"$t"/* "$root"/fuzz/regressions/"$t"/*; do
    # AFL works best on small seeds: keep the first 16 KB of large files.
    [ -f "$f" ] && head -c 16384 "$f" > "$in/$(basename "$f")"
  done
  [ -n "$(ls -A "$in")" ] || printf 'x\n' > "$in/empty"
  out=$work/findings/$t
  mkdir -p "$work/findings"
  echo "== $t: ${seconds}s, $(ls "$in" | wc -l) seeds"
  # -t: an input that takes over 5 s is a hang; -m none: .NET reserves address space freely.
  AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
  AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 AFL_IGNORE_SEED_PROBLEMS=1 STATECRAFT_REPO=$root \
    afl-fuzz -i "$in" -o "$out" -t 5000 -m none -V "$seconds" -- dotnet "$bin/statecraft-fuzz.dll" "$t" > "$work/$t.log" 2>&1 \
    || { echo "afl-fuzz failed for $t; see $work/$t.log"; tail -5 "$work/$t.log"; exit 2; }
  stats=$out/default/fuzzer_stats
  crashes=$(ls "$out"/default/crashes 2>/dev/null | grep -vc README || true)
  hangs=$(ls "$out"/default/hangs 2>/dev/null | grep -vc README || true)
  execs=$(awk -F: '/^execs_done/ { gsub(/ /, "", $2); print $2 }' "$stats" 2>/dev/null || echo 0)
  echo "   $execs executions, $crashes crash(es), $hangs hang(s)"
  if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
    status=1
    STATECRAFT_REPO=$root timeout 120 dotnet "$plain/statecraft-fuzz.dll" "$t" "$out"/default/crashes | head -20 || true
  fi
done
exit $status
