//! Tells the tests what this machine has, so that a test needing the shared corpora or tmux is
//! reported as ignored, with its reason, in `cargo test`'s summary rather than passing unseen.
//! `dossier_shared`: `../shared/corpora` is beside the repository. `dossier_tmux`: `tmux -V` runs.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(dossier_shared)");
    println!("cargo::rustc-check-cfg=cfg(dossier_tmux)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    let shared = Path::new("../shared/corpora");
    if shared.is_dir() {
        println!("cargo::rustc-cfg=dossier_shared");
        println!("cargo::rerun-if-changed=../shared/corpora");
    }
    let tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if tmux {
        println!("cargo::rustc-cfg=dossier_tmux");
    }
}
