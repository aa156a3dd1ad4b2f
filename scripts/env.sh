# Sourced by the other scripts: the tool paths they all need.
# npm's wasm-opt (binaryen 132) comes first: Debian's older one breaks the wasm at run time.
JAZYLU_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$JAZYLU_ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$JAZYLU_ROOT"
