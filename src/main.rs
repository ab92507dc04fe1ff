//! The `dossier` binary: the browser and the one-shot commands. The command line lives here, not
//! in the library, so that nothing in the library can reach it.

mod cli;

use std::process::ExitCode;

/// jemalloc: a load makes hundreds of thousands of small allocations (see Cargo.toml).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    cli::run()
}
