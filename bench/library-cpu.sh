#!/bin/bash
# bench/library-cpu.sh APPDIR CONNECTION sqlite|postgres N QUERY...
# Issue 12's search budget, per request: starts the application built in APPDIR (src/RcpHub/bin/Release/net10.0, or a
# copy of main's build for "before") on a library the bench generated (bench/run --library ... --data FILE, or
# --postgres), signs in as the demo focal point, runs each QUERY (URL-encoded, e.g. "labour%20migration") three times to
# warm up, then N times one after the other, and prints the application's processor time (user + system, from
# /proc/PID/stat) and the wall time per request. On a shared machine the processor time is the figure to compare.
# Processor time from /proc in clock ticks of 10 ms (CLK_TCK 100, as on Linux x86-64).
APPDIR=$1; CONN=$2; PROV=$3; N=$4; shift 4
cd "$APPDIR"
export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__RcpHub="$CONN" Demo__Password=Bench-Harbour-Lantern-Ninety-7 PublicBaseUrl=https://127.0.0.1 AllowedHosts=127.0.0.1
export RateLimits__Search__PermitLimit=1000000000 RateLimits__SignInPerAddress__PermitLimit=1000000000 RateLimits__SignInPerAccount__PermitLimit=1000000000
export Logging__LogLevel__Default=Warning
if [ "$PROV" = postgres ]; then export Database__Provider=Postgres Database__MigrateOnStart=true; fi
dotnet RcpHub.dll --urls http://127.0.0.1:${PORT:-5485} --demo --force-demo > "${TMPDIR:-/tmp}/library-cpu-app.log" 2>&1 &
PID=$!
for i in $(seq 1 300); do curl -s -o /dev/null http://127.0.0.1:${PORT:-5485}/account/sign-in && break; sleep 1; done
J="${TMPDIR:-/tmp}/library-cpu-cookies.txt"; rm -f $J
TOKEN=$(curl -s -c $J -b $J http://127.0.0.1:${PORT:-5485}/account/sign-in | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c $J -b $J --data-urlencode "Input.Email=focal-point@demo.rcphub.test" --data-urlencode "Input.Password=Bench-Harbour-Lantern-Ninety-7" --data-urlencode "__RequestVerificationToken=$TOKEN" http://127.0.0.1:${PORT:-5485}/account/sign-in
cpu() { awk '{print $14+$15}' /proc/$PID/stat; }
for q in "$@"; do
  for r in 1 2 3; do curl -s -o "${TMPDIR:-/tmp}/library-cpu-page.html" -b $J "http://127.0.0.1:${PORT:-5485}/search?q=$q"; done
  C0=$(cpu); T0=$(date +%s%N)
  for r in $(seq 1 $N); do curl -s -o /dev/null -b $J "http://127.0.0.1:${PORT:-5485}/search?q=$q"; done
  C1=$(cpu); T1=$(date +%s%N)
  echo "$q: $(( (C1-C0)*10/N )) ms cpu/request, $(( (T1-T0)/1000000/N )) ms wall/request (sequential, n=$N), $(grep -o '<p class="count"[^<]*</p>' "${TMPDIR:-/tmp}/library-cpu-page.html" | sed 's/<[^>]*>//g')"
done
kill $PID
