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

# The booking module (crates/booking) into OUT: its wasm-bindgen loader and the wasm, optimised
# for size as trunk does the widget's. Extra args go to cargo (e.g. --features bench).
build_booking() {
  local out=$1; shift
  cargo build -p jazylu-booking --lib --target wasm32-unknown-unknown --profile wasm-release "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    target/wasm32-unknown-unknown/wasm-release/jazylu_booking.wasm
  # The features rustc's wasm32 target emits by default.
  wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/jazylu_booking_bg.wasm" -o "$out/jazylu_booking_bg.wasm"
}
