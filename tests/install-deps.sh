#!/usr/bin/env bash
# Everything the test suite needs on a fresh Debian machine: the real triplestores and an
# independent RDF parser from Debian, and nhskg with its test extras from PyPI.
set -euo pipefail
need=()
command -v virtuoso-t >/dev/null || need+=(virtuoso-opensource-7-bin)
command -v rapper >/dev/null || need+=(raptor2-utils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
python -m pip install -q -e '.[test]'
