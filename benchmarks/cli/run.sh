#!/usr/bin/env bash
# Times the debitor tool at scale (issue 16, docs/performance.md): generates a DATEV master-data export and a booking
# batch, creates a database, imports both, then runs `dunning process` over every customer. Each step is timed with
# /usr/bin/time (wall clock, user and system CPU, peak memory); the load average is printed before and after.
#
# Usage: benchmarks/cli/run.sh [customers] [lines per customer] [date|account] [work folder] [all|import]
#   defaults: 100000 customers, 10 lines each (1,000,000 booking lines), lines ordered by date, a new temporary folder,
#   all steps ("import" stops after the import steps, before `dunning process`).
# Needs: the .NET SDK, GNU time (/usr/bin/time). Release build of src/Debitor.Cli; run it from anywhere.
set -uo pipefail
cd "$(dirname "$0")/../.."
customers=${1:-100000}
lines=${2:-10}
order=${3:-date}
work=${4:-$(mktemp -d)}
mkdir -p "$work"
dotnet build -c Release src/Debitor.Cli/Debitor.Cli.csproj -v quiet -nologo >/dev/null || exit 1
rm -rf "$work/bin" && cp -r src/Debitor.Cli/bin/Release/net10.0 "$work/bin"
export DEBITOR_HOME="$work"
db="$work/bench.db"
rm -f "$db" "$db-wal" "$db-shm"
cli() { dotnet "$work/bin/Debitor.Cli.dll" "$@"; }
. benchmarks/cli/step.sh
echo "work folder: $work; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
step generate dotnet "$work/bin/Debitor.Cli.dll" dev generate-datev "$work/data" --customers "$customers" --lines "$lines" --order "$order"
cli init --db "$db" --company bench --name "Messung GmbH" --street "Hafenstraße 1" --postal-code 20457 --city Hamburg \
  --iban DE89370400440532013000 --as-of 2026-04-15 >/dev/null || exit 1
step import-master-data dotnet "$work/bin/Debitor.Cli.dll" import datev --db "$db" "$work/data/EXTF_Debitoren.csv"
step import-bookings dotnet "$work/bin/Debitor.Cli.dll" import datev --db "$db" "$work/data/EXTF_Buchungsstapel.csv"
step import-bookings-again dotnet "$work/bin/Debitor.Cli.dll" import datev --db "$db" "$work/data/EXTF_Buchungsstapel.csv"
if [ "${5:-all}" = import ]; then ls -l "$db"; exit 0; fi
step dunning-process dotnet "$work/bin/Debitor.Cli.dll" dunning process --db "$db" --as-of 2026-04-15 --out "$work/letters" --format json
step dunning-process-again dotnet "$work/bin/Debitor.Cli.dll" dunning process --db "$db" --as-of 2026-04-15 --out "$work/letters-again" --format json
ls -l "$db"
