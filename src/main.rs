//! The `dossier` binary: the browser and the one-shot commands.

use std::process::ExitCode;

fn main() -> ExitCode {
    dossier::cli::run()
}
