#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL with a throw-away sitrep_test database.
set -uo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || exit 1
fi
cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')
[ -n "$cluster" ] || exit 1
pg_ctlcluster $cluster start 2>/dev/null || true
for _ in 1 2 3 4 5 6 7 8 9 10; do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='sitrep'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role sitrep login password 'sitrep'\"" || exit 1
su postgres -c "dropdb --if-exists sitrep_test && createdb -O sitrep sitrep_test" || exit 1
