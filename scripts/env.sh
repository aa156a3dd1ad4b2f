# Sourced by the other scripts: the tool paths they all need.
# npm's wasm-opt (binaryen 132) comes first: Debian's older one breaks the wasm at run time.
JAZYLU_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$JAZYLU_ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$JAZYLU_ROOT"
# wasm-opt needs the features rustc's wasm32 target emits by default.
export WASM_OPT_FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
--enable-mutable-globals --enable-reference-types --enable-multivalue"
