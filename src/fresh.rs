//! `fresh`: a part of a view that is made anew whenever its key changes, never patched in place.
//!
//! A reactive closure that returns a view patches the old one (`rebuild`), and that puts a second
//! copy of the whole view's code in the wasm; `<For>` would avoid it but brings its keyed diffing,
//! about 50 KB (docs/benchmarks.md). `Fresh` rebuilds by building again, through the same `build`.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use std::hash::{DefaultHasher, Hash, Hasher};

/// `view(key())`, made again whenever `key()` changes. The view is built untracked: what it
/// reads outside its own reactive parts does not remake it.
pub fn fresh<K, V>(
    key: impl Fn() -> K + Send + Sync + Clone + 'static,
    view: impl Fn(K) -> V + Send + 'static,
) -> impl IntoView
where
    K: Hash,
    V: IntoView + 'static,
{
    // One memo type for every key type: the key's hash (64 bits, so a change that hashes the same
    // is not a practical concern).
    let tracked = key.clone();
    let changed = Memo::new(move |_| {
        let mut h = DefaultHasher::new();
        tracked().hash(&mut h);
        h.finish()
    });
    move || {
        // Read, not only tracked: a memo is computed (and so follows the key) when read.
        let _ = changed.get();
        Fresh(untrack(|| view(key())))
    }
}

/// A view followed by a placeholder, so that a new one has a place even when the old one shows
/// nothing.
pub struct Fresh<V>(V);

impl<V: Render> Render for Fresh<V> {
    type State = <(V, ()) as Render>::State;

    fn build(self) -> Self::State {
        (self.0, ()).build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut new = self.build();
        state.insert_before_this(&mut new);
        state.unmount();
        *state = new;
    }
}

impl<V: RenderHtml> AddAnyAttr for Fresh<V> {
    type Output<A: Attribute> = Fresh<V::Output<A>>;

    fn add_any_attr<A: Attribute>(self, attr: A) -> Self::Output<A>
    where
        Self::Output<A>: RenderHtml,
    {
        Fresh(self.0.add_any_attr(attr))
    }
}

// Only to be a view among others: the widget renders on the client and never hydrates.
impl<V: RenderHtml> RenderHtml for Fresh<V> {
    type AsyncOutput = Fresh<V::AsyncOutput>;
    type Owned = Fresh<V::Owned>;

    const MIN_LENGTH: usize = <(V, ()) as RenderHtml>::MIN_LENGTH;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        Fresh(self.0.resolve().await)
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        (self.0, ()).to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        (self.0, ()).hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Fresh(self.0.into_owned())
    }
}
