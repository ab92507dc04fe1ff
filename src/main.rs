//! The `dossier` binary: the browser and the one-shot commands. The command line lives here, not
//! in the library, so that nothing in the library can reach it.

mod cli;

use std::process::ExitCode;

/// jemalloc: a load makes hundreds of thousands of small allocations (see Cargo.toml).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts: one arena for all threads. With an arena per
/// thread, what the main thread allocates between two parallel passes cannot use what the
/// workers freed, and the 20x corpus peaked at 442 MB rather than 409 MB (BENCHMARKS.md).
#[cfg(not(target_env = "msvc"))]
#[export_name = "_rjem_malloc_conf"]
#[allow(non_upper_case_globals)]
pub static malloc_conf: Option<&'static u8> = Some(&b"narenas:1\0"[0]);

/// Return every arena's freed pages to the system (`arena.<MALLCTL_ARENAS_ALL>.purge`).
#[cfg(not(target_env = "msvc"))]
fn release_freed_pages() {
    // SAFETY: the name is a NUL-terminated mallctl name that takes no old or new value.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

fn main() -> ExitCode {
    #[cfg(not(target_env = "msvc"))]
    dossier::memory::set_release(release_freed_pages);
    cli::run()
}
