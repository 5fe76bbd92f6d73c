#!/usr/bin/env bash
# Runs once when a devcontainer is created: pinned tools, then a build of everything the notebooks #r.
# ACTIONGEN_TORCH_BACKEND (cpu or cuda, set by devcontainer.json) selects the libtorch backend.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
dotnet build ActionGen.slnx
echo "ActionGen is built with the ${ACTIONGEN_TORCH_BACKEND:-cpu} backend. Open notebooks/00-*.ipynb and choose the .NET (C#) kernel."
