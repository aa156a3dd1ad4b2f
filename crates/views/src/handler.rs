//! Event handlers as one type per event. `on:click=` with a closure makes the listener code (the
//! wasm-bindgen closure, the owner, the event conversion) once for each closure type; boxed, it
//! is made once for every click handler (docs/benchmarks.md).

/// A boxed event handler.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}
