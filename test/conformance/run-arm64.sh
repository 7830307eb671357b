#!/usr/bin/env bash
# Both conformance hosts against the linux/arm64 executable, run through qemu user-mode
# emulation on an x64 machine. Needs the Debian packages qemu-user, libc6-arm64-cross,
# libstdc++6-arm64-cross and libgcc-s1-arm64-cross (the arm64 runtime libraries qemu loads).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CONFORMANCE_ARCH=arm64
export CONFORMANCE_WRAPPER="qemu-aarch64 -L /usr/aarch64-linux-gnu"
if ! command -v qemu-aarch64 >/dev/null || [ ! -e /usr/aarch64-linux-gnu/lib/libstdc++.so.6 ]; then
  echo "run-arm64.sh: install qemu-user libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross first" >&2
  exit 1
fi
npx jest --runInBand test/conformance/node-host
(cd test/conformance/go && go test -count=1 ./...)
