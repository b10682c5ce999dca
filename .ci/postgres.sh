# Sourced by .ci/run: a throwaway PostgreSQL cluster for the database tests.
#
# Installs Debian's postgresql package when missing, creates a cluster in a temporary folder
# owned by the postgres user, starts it on a unix socket only (no TCP), creates the
# rectpipe_test database and exports RECTPIPE_TEST_PG_URL. The cluster is stopped and removed
# when the calling shell exits. Usable by hand too: `source .ci/postgres.sh`.

rectpipe_pg_start() {
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi
    local bin
    bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
    RECTPIPE_PG_DIR="$(mktemp -d /tmp/rectpipe-pg.XXXXXX)"
    chown postgres: "$RECTPIPE_PG_DIR"
    chmod 700 "$RECTPIPE_PG_DIR"
    local port=55432
    su postgres -s /bin/sh -c "'$bin/initdb' -D '$RECTPIPE_PG_DIR/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$RECTPIPE_PG_DIR/data' -l '$RECTPIPE_PG_DIR/log' -w -o \"-c listen_addresses='' -k '$RECTPIPE_PG_DIR' -p $port -c fsync=off\" start" >/dev/null
    su postgres -s /bin/sh -c "'$bin/createdb' -h '$RECTPIPE_PG_DIR' -p $port rectpipe_test"
    RECTPIPE_PG_BIN="$bin"
    export RECTPIPE_TEST_PG_URL="postgresql+psycopg://postgres@/rectpipe_test?host=$RECTPIPE_PG_DIR&port=$port"
}

rectpipe_pg_stop() {
    if [ -n "${RECTPIPE_PG_DIR:-}" ] && [ -d "$RECTPIPE_PG_DIR/data" ]; then
        su postgres -s /bin/sh -c "'$RECTPIPE_PG_BIN/pg_ctl' -D '$RECTPIPE_PG_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
        rm -rf "$RECTPIPE_PG_DIR"
    fi
}

rectpipe_pg_start
trap rectpipe_pg_stop EXIT
