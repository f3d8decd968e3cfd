#!/bin/sh
# Make Debian's Chromium available for the browser tests, the way `.ci/run` always has: used when present,
# installed with apt-get when this user may install packages (root, or sudo without a password), and otherwise
# one line saying why the browser tests will be skipped and how to enable them.
# Exit status: 0 = Chromium is there; 1 = it is not (the line above was printed).
CHROMIUM="${FRAMING_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0

if [ -z "${FRAMING_CHROMIUM:-}" ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=none
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  fi
  if [ "$SUDO" != none ]; then
    echo "make test: installing Debian's chromium for the browser tests (apt-get install chromium) ..."
    export DEBIAN_FRONTEND=noninteractive
    if $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq chromium >/dev/null; then
      [ -x "$CHROMIUM" ] && exit 0
    fi
    echo "make test: apt-get could not install chromium (see the messages above)"
  fi
fi

echo "make test: browser tests SKIPPED: $CHROMIUM not found and this user cannot install it;" \
     "enable them with 'sudo apt-get install chromium' (Debian/Ubuntu) or FRAMING_CHROMIUM=/path/to/chromium," \
     "then run 'make test' again"
exit 1
