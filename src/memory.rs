//! Handing the memory one phase of a load freed back to the system before the next phase
//! allocates afresh: the allocator would keep it for seconds, and the peak a user sees is the
//! sum of both.

use std::sync::OnceLock;

#[cfg(not(target_env = "msvc"))]
#[doc(hidden)]
pub use tikv_jemallocator::Jemalloc;

/// Make jemalloc the program's allocator, with one arena for all threads: for the binary, and
/// for the benches that should allocate as it does. A load makes hundreds of thousands of small
/// allocations; with an arena per thread, what the main thread allocates between two parallel
/// passes cannot use what the workers freed, and the 20x corpus peaked at 442 MB rather than
/// 409 MB (BENCHMARKS.md). Not on MSVC, which jemalloc does not build for.
#[macro_export]
macro_rules! use_jemalloc {
    () => {
        #[cfg(not(target_env = "msvc"))]
        #[global_allocator]
        static GLOBAL: $crate::memory::Jemalloc = $crate::memory::Jemalloc;

        /// jemalloc's options, read when it starts.
        #[cfg(not(target_env = "msvc"))]
        #[export_name = "_rjem_malloc_conf"]
        #[allow(non_upper_case_globals)]
        pub static malloc_conf: Option<&'static u8> = Some(&b"narenas:1\0"[0]);
    };
}

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
