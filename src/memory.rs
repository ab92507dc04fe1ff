//! Handing the memory one phase of a load freed back to the system before the next phase
//! allocates afresh: the allocator would keep it for seconds, and the peak a user sees is the
//! sum of both.

use std::sync::OnceLock;

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Register how the program's allocator returns freed pages (the binary's allocator is known
/// only to the binary); the first registration holds.
pub fn set_release(release: fn()) {
    let _ = RELEASE.set(release);
}

/// Return the pages freed so far to the system, where an allocator registered how.
pub fn release() {
    if let Some(release) = RELEASE.get() {
        release()
    }
}
