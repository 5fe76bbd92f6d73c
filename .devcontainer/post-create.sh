#!/usr/bin/env bash
# Runs once when a devcontainer is created: pinned tools, then a build of everything the notebooks #r.
# ACTIONGEN_TORCH_BACKEND (cpu or cuda, set by devcontainer.json) selects the libtorch backend.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
dotnet build ActionGen.slnx
# Readers' edition: npm packages for the site (and, on Debian images, Chromium for static chart images).
bash tools/web-assets/install.sh || echo "Browser libraries not installed (see tools/web-assets/install.sh); notebooks run without them."
echo "ActionGen is built with the ${ACTIONGEN_TORCH_BACKEND:-cpu} backend. Open notebooks/00-*.ipynb and choose the .NET (C#) kernel."
