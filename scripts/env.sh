# Sourced by the other scripts: the tool paths they all need.
# npm's wasm-opt (binaryen 132) comes first: Debian's older one breaks the wasm at run time.
JAZYLU_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$JAZYLU_ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$JAZYLU_ROOT"
# Shorter source paths in the wasm's panic locations: a few KB less to download. The same flags
# for every wasm build, so switching between build and bench does not rebuild everything.
remap="--remap-path-prefix=$JAZYLU_ROOT=jazylu"
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*; do
  [ -d "$registry" ] && remap="$remap --remap-path-prefix=$registry=crates"
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap"
