//! The `dossier` binary: the browser and the one-shot commands. The command line lives here, not
//! in the library, so that nothing in the library can reach it.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
