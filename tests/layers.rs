//! The library reads top to bottom: no module imports one that stands after it in the order
//! `src/lib.rs` declares them (the pipeline order its crate doc gives).

use std::path::{Path, PathBuf};

/// The modules in the order `lib.rs` declares them.
fn declared_order(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect()
}

/// Every `.rs` file of a module: `src/NAME.rs` or the files under `src/NAME/`.
fn files_of(src: &Path, module: &str) -> Vec<PathBuf> {
    let file = src.join(format!("{module}.rs"));
    if file.exists() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut stack = vec![src.join(module)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out
}

/// The top-level modules a file names after `crate::`, grouped imports (`crate::{a, b::c}`)
/// included.
fn crate_modules(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            out.extend(inner.split(',').map(|p| ident(p.trim())));
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

/// The code of a file without its `#[cfg(test)]` module (tests may reach anywhere).
fn without_tests(code: &str) -> &str {
    code.find("#[cfg(test)]\nmod ").map_or(code, |i| &code[..i])
}

#[test]
fn no_module_imports_one_after_it() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let order = declared_order(&lib);
    assert!(order.len() >= 10, "lib.rs declares its modules: {order:?}");
    let mut backwards = Vec::new();
    for (i, module) in order.iter().enumerate() {
        for file in files_of(&src, module) {
            let code = std::fs::read_to_string(&file).expect("source file");
            // Comments may name any module (doc links); only code counts.
            let code: String = without_tests(&code)
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for used in crate_modules(&code) {
                if order[i + 1..].contains(&used) {
                    backwards.push(format!("{} uses {used}", file.display()));
                }
            }
        }
    }
    assert!(
        backwards.is_empty(),
        "imports that run backwards:\n{}",
        backwards.join("\n")
    );
}
