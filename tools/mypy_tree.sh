#!/usr/bin/env bash
# mypy resolves imports from directories, but carerouter's packages live in services/*
# and are mapped by setuptools' package-dir (an import hook mypy does not follow). This
# builds build/mypy/carerouter/ out of symlinks so that `mypy -p carerouter` sees the
# installed layout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=build/mypy/carerouter
rm -rf build/mypy
mkdir -p "$root"
for entry in services/carerouter/*; do
  ln -s "../../../$entry" "$root/$(basename "$entry")"
done
for package in common ingest classify route notify; do
  ln -s "../../../services/$package" "$root/$package"
done
