//! The `dossier` binary: the browser and the one-shot commands. The command line lives here, not
//! in the library, so that nothing in the library can reach it.

mod cli;

use std::process::ExitCode;

dossier::use_jemalloc!();

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
