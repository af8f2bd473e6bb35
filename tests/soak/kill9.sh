#!/bin/sh
# A longer run of the kill -9 test of make check (tests/cli/kill9.sh):
# notes and imports written while the program is killed with SIGKILL at
# random moments; at the end every acknowledged write must be there and
# the user database must pass SQLite's integrity check. Not part of make
# check: it takes minutes. Run it from the build directory, after
# make check (it needs src/aiatlas and tests/fixture.db):
#
#	sh tests/soak/kill9.sh [KILLS [MAX_DELAY [SEED]]]
#
# KILLS runs must be killed (default 5000); the kill comes between 0 and
# MAX_DELAY seconds after a run starts (default: the time of a first
# run that is not killed); SEED repeats the moments of an earlier run (it
# is printed). TAP output; exit 0 if it
# passes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=$(cd "$here/../.." && pwd)
top_builddir=$(pwd)
AIATLAS="$top_builddir/src/aiatlas"
if [ ! -x "$AIATLAS" ] || [ ! -f "$top_builddir/tests/fixture.db" ]; then
	echo "kill9.sh: run it from the build directory after make check" >&2
	exit 2
fi
KILL9_KILLS=${1:-5000}
KILL9_MAX_DELAY=${2:-}
KILL9_SEED=${3:-$(date +%s)}
LC_ALL=C.UTF-8
export top_srcdir top_builddir AIATLAS KILL9_KILLS KILL9_MAX_DELAY KILL9_SEED LC_ALL
exec sh "$top_srcdir/tests/cli/kill9.sh"
