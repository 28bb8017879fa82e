#!/usr/bin/env bash
# Stops the test cluster started by start-postgres.sh and deletes its folder. Safe to run twice.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${SAMSKAB_PG_DIR:-/tmp/samskab-pg}

say() { echo "stop-postgres: $*" >&2; }

[ -e "$DIR" ] || { say "nothing at $DIR"; exit 0; }
# Only delete folders start-postgres.sh made, so a mistyped SAMSKAB_PG_DIR cannot wipe real data.
[ -f "$DIR/.samskab-pg" ] || { say "$DIR was not made by start-postgres.sh; leaving it"; exit 1; }

if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
cd / # the postgres user may not be allowed into the caller's cwd

if [ -f "$DIR/data/postmaster.pid" ]; then
  # -m fast: disconnect clients (a hung test may still hold connections) rather than wait for them.
  as_pg "$PGBIN/pg_ctl" stop -D "$DIR/data" -m fast -w -t 60 >&2 \
    || as_pg "$PGBIN/pg_ctl" stop -D "$DIR/data" -m immediate -w -t 30 >&2 || say "pg_ctl stop failed"
fi
rm -rf "$DIR"
say "removed $DIR"
