#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for tests and prints its URL as the last stdout line:
#   DATABASE_URL=$(scripts/start-postgres.sh | tail -1)
# Everything else goes to stderr so stdout stays just the URL.
# Durability is switched off (fsync etc.): the data is disposable and tests run several times faster.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${SAMSKAB_PG_DIR:-/tmp/samskab-pg}
DATA=$DIR/data
SOCK=$DIR/sock
LOG=$DIR/postgres.log
MARKER=$DIR/.samskab-pg # lets stop-postgres.sh rm -rf only folders this script made
FIRST_PORT=${SAMSKAB_PG_PORT:-54329}

say() { echo "start-postgres: $*" >&2; }
url() { echo "postgres://samskab:samskab@127.0.0.1:$1/samskab"; }

# PostgreSQL refuses to run as root, so as root we act as the `postgres` system user.
if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
  PG_OWNER=postgres
else
  as_pg() { "$@"; }
  PG_OWNER=$(id -un)
fi

[ -x "$PGBIN/pg_ctl" ] || { say "no $PGBIN/pg_ctl (apt-get install postgresql)"; exit 1; }
cd / # the postgres user may not be allowed into the caller's cwd

# Already running from this folder: reuse it (port is line 4 of postmaster.pid).
if [ -f "$DATA/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; then
  say "already running in $DIR"
  url "$(sed -n 4p "$DATA/postmaster.pid")"
  exit 0
fi

# Not running: start from a fresh cluster, but never wipe a folder we did not create.
if [ -e "$DIR" ] && [ -n "$(ls -A "$DIR")" ]; then
  [ -f "$MARKER" ] || { say "$DIR exists and is not ours; set SAMSKAB_PG_DIR"; exit 1; }
  rm -rf "$DIR"
fi
mkdir -p "$DIR" "$SOCK"
touch "$MARKER"
chown -R "$PG_OWNER" "$DIR"
chmod 700 "$DIR"
as_pg test -w "$DIR" || { say "$PG_OWNER cannot write $DIR (parent not traversable?)"; exit 1; }

say "initdb in $DATA"
as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }

# Port is not in the config but passed at start, so a taken port just means trying the next one.
as_pg tee -a "$DATA/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
# Test databases live for seconds; an autovacuum worker inside one would block dropping it.
autovacuum = off
EOF

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PORT=""
for p in $(seq "$FIRST_PORT" $((FIRST_PORT + 20))); do
  port_in_use "$p" && continue
  # Another process can still grab the port between the probe and the bind, hence the retry loop.
  rm -f "$LOG"
  if as_pg "$PGBIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 -o "-p $p" >/dev/null 2>&1; then
    PORT=$p
    break
  fi
  grep -q 'Address already in use' "$LOG" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
done
[ -n "$PORT" ] || { say "no free port in $FIRST_PORT..$((FIRST_PORT + 20))"; exit 1; }
say "listening on 127.0.0.1:$PORT, socket in $SOCK"

# Not a superuser, so tests see the same permission errors as production would.
as_pg "$PGBIN/psql" -X -q -h "$SOCK" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE samskab LOGIN PASSWORD 'samskab' CREATEDB CREATEROLE" \
  -c "CREATE DATABASE samskab OWNER samskab" >&2

url "$PORT"
