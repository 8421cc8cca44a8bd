//! Compiles the curated glossary (`glossary/*.csv`) into the binary.
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=glossary");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("glossary");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".csv"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("/// The shipped glossary files: (file name, contents).\npub const BUILTIN: &[(&str, &str)] = &[\n");
    for n in &names {
        let p = dir.join(n);
        println!("cargo:rerun-if-changed={}", p.display());
        code.push_str(&format!(
            "    ({n:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_glossary.rs"),
        code,
    )
    .unwrap();
}
