#!/usr/bin/env bash
# Runs the Jazzer fuzz targets (src/test/java/dev/migrationguard/fuzz, every @FuzzTest method) in fuzzing mode,
# one target at a time, for a set time each, and prints one summary line per target.
#
#   bench/fuzz.sh                                  every target, 10 minutes each
#   FUZZ_SECONDS=60 bench/fuzz.sh                  every target, 60 seconds each
#   bench/fuzz.sh SqlFuzzTest ConfigFuzzTest       only these classes (or Class#method)
#
# Each target runs as `mvn -B -o test -Dtest=Class#method` with JAZZER_FUZZ=1 (fuzzing instead of the regression
# run of `mvn test`) and JAZZER_MAX_DURATION, which overrides the @FuzzTest(maxDuration) of the test (the
# jazzer.max_duration setting; -Djazzer.max_duration works too), and -Djazzer.instrument='dev.migrationguard.**' so
# that all the project's classes get coverage instrumentation (src/test/resources/junit-platform.properties limits
# it to the fuzz classes for the regression run of `mvn test`). Jazzer keeps the inputs it generates in
# .cifuzz-corpus/<class>/<method>/ (git-ignored) and resumes from them next time. An input that breaks a target
# is written into the target's seed folder, src/test/resources/dev/migrationguard/fuzz/<Class>Inputs/<method>/,
# as crash-<sha1>: fix the bug, rename the file after what it holds, and commit it, so `mvn test` replays it.
# Logs: target/fuzz/<Class>.<method>.log; summary: target/fuzz/summary.txt. Exit code 1 when any target failed.
# Each run takes one core and up to ~2 GB; on a 2-core machine run at most two at once (e.g. two invocations with
# different target lists).
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${FUZZ_SECONDS:-600}"
FUZZ_DIR=src/test/java/dev/migrationguard/fuzz
LOGS=target/fuzz
mkdir -p "$LOGS"

# Class#method for every @FuzzTest method, in file order.
all_targets() {
    for f in "$FUZZ_DIR"/*.java; do
        awk -v cls="$(basename "$f" .java)" '
            /@FuzzTest/ { armed = 1; next }
            armed && match($0, /void [A-Za-z0-9_]+\(/) {
                print cls "#" substr($0, RSTART + 5, RLENGTH - 6); armed = 0 }' "$f"
    done
}

targets=()
if [ "$#" -eq 0 ]; then
    mapfile -t targets < <(all_targets)
else
    for wanted in "$@"; do
        case "$wanted" in
            *'#'*) pattern="^${wanted}\$" ;;
            *) pattern="^${wanted}#" ;;
        esac
        mapfile -t -O "${#targets[@]}" targets < <(all_targets | grep -E "$pattern" || true)
    done
fi
if [ "${#targets[@]}" -eq 0 ]; then
    echo "no fuzz target matches: $*" >&2
    exit 2
fi

mvn -B -o -q test-compile
failed=0
: > "$LOGS/summary.txt.part"
for target in "${targets[@]}"; do
    log="$LOGS/${target/\#/.}.log"
    echo "== $target: fuzzing for ${FUZZ_SECONDS}s (log: $log)"
    start=$(date +%s)
    set +e
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${FUZZ_SECONDS}s" \
        mvn -B -o test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.instrument='dev.migrationguard.**' >"$log" 2>&1
    rc=$?
    set -e
    wall=$(( $(date +%s) - start ))
    # libFuzzer's last status line: "#12345 DONE cov: ..." on a clean end, else the last "#N" line.
    runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    done_line=$(grep -aE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
    if [ -n "$done_line" ]; then
        runs=$(echo "$done_line" | awk '{print $2}')
        secs=$(echo "$done_line" | awk '{print $5}')
    else
        secs="?"
    fi
    crash=$(grep -aoE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/Test unit written to //' || true)
    if [ "$rc" -eq 0 ] && [ -z "$crash" ]; then
        result="ok"
    elif [ -n "$crash" ]; then
        result="FINDING $(grep -aE '^== Java Exception:|Caused by:' "$log" | head -1 | cut -c1-160) -> $crash"
        failed=1
    else
        result="ERROR mvn exit $rc (see $log)"
        failed=1
    fi
    line=$(printf '%-64s runs=%-9s fuzzed=%ss wall=%ss %s' "$target" "${runs:-0}" "$secs" "$wall" "$result")
    echo "$line"
    echo "$line" >> "$LOGS/summary.txt.part"
done
mv "$LOGS/summary.txt.part" "$LOGS/summary.txt"
echo "== summary (also in $LOGS/summary.txt)"
cat "$LOGS/summary.txt"
exit "$failed"
