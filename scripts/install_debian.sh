#!/usr/bin/env bash
# Install Debian packages when missing and allowed (root or sudo): bash scripts/install_debian.sh WHAT PACKAGE...
# WHAT says what needs them, for the message when they cannot be installed (exit status 1 then).
set -euo pipefail
what="$1"
shift
[ $# -gt 0 ] || exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
if [ "$SUDO" != none ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $* ..."
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$@" >/dev/null
else
  echo "Cannot install $*: $what need them." >&2
  exit 1
fi
