#!/usr/bin/env bash
# Times `debitor dunning process` on the storage issue's end-to-end portfolio (issue 13's target run; D16.271,
# docs/performance.md): writes DunningPortfolio as a portfolio file of the tool, imports it into a new database, then
# processes the run of 2026-11-23 twice (the second issues nothing). Each step is timed with /usr/bin/time (wall clock,
# user and system CPU, peak memory); the load average is printed before and after.
#
# Usage: benchmarks/cli/portfolio.sh [open installments] [work folder]
#   defaults: 1000000 open installments (100,000 customers, ten each), a new temporary folder.
# Needs: the .NET SDK, GNU time (/usr/bin/time). Release builds of src/Debitor.Cli and the benchmarks; run it from anywhere.
set -uo pipefail
cd "$(dirname "$0")/../.."
installments=${1:-1000000}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
dotnet build -c Release src/Debitor.Cli/Debitor.Cli.csproj -v quiet -nologo >/dev/null || exit 1
dotnet build -c Release benchmarks/Debitor.Core.Benchmarks/Debitor.Core.Benchmarks.csproj -v quiet -nologo >/dev/null || exit 1
rm -rf "$work/bin" && cp -r src/Debitor.Cli/bin/Release/net10.0 "$work/bin"
export DEBITOR_HOME="$work"
db="$work/portfolio.db"
rm -f "$db" "$db-wal" "$db-shm"
. benchmarks/cli/step.sh
echo "work folder: $work; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
dotnet benchmarks/Debitor.Core.Benchmarks/bin/Release/net10.0/Debitor.Core.Benchmarks.dll --write-portfolio "$work/portfolio.json" "$installments" || exit 1
step import-portfolio dotnet "$work/bin/Debitor.Cli.dll" import portfolio --db "$db" "$work/portfolio.json"
step dunning-process dotnet "$work/bin/Debitor.Cli.dll" dunning process --db "$db" --as-of 2026-11-23 --out "$work/letters" --format json
step dunning-process-again dotnet "$work/bin/Debitor.Cli.dll" dunning process --db "$db" --as-of 2026-11-23 --out "$work/letters-again" --format json
ls -l "$db"
