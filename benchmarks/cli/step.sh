# Sourced by the scripts beside it. step <label> <command...>: runs the command with /usr/bin/time (wall clock, user and
# system CPU, peak memory) into $work/<label>.out and .err, prints the load average before and after, the last lines of
# the error output (without the progress lines) and of the output.
step() {
  local label=$1; shift
  echo "== $label (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "   $label: %e s wall, %U s user CPU, %S s system CPU, peak %M KB" "$@" >"$work/$label.out" 2>"$work/$label.err"
  echo "   exit code $?; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -v '^Import\|^Konten\|^Accounts\|^Schreiben\|^Letters' "$work/$label.err" | tail -4
  tail -2 "$work/$label.out" | cut -c1-300
}
