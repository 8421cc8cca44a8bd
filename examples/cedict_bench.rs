//! Benchmark for `scripts/cedict-bench`: CC-CEDICT import plus matcher build, and annotation
//! throughput on Chinese text with the resulting glossary.
//!
//! Usage: `cargo run --release --example cedict_bench -- CEDICT(.gz) TEXT`

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use tifa::glossary::exchange::{import, ExchangeFormat, ImportOptions};
use tifa::glossary::Glossary;
use tifa::matcher::{MatchOptions, Matcher};
use tifa::text::normalize::Normalized;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: cedict_bench CEDICT TEXT");
        std::process::exit(2);
    }
    let data = std::fs::read(&args[1]).expect("read CEDICT");
    let t0 = Instant::now();
    let imported = import(
        ExchangeFormat::Cedict,
        &data,
        Path::new(&args[1]),
        &ImportOptions::default(),
    );
    let t_import = t0.elapsed();
    let n = imported.entries.len();
    // For comparison: a leftmost-longest automaton over the Chinese forms only.
    let zh_keys: Vec<String> = imported
        .entries
        .iter()
        .flat_map(|e| std::iter::once(&e.zh).chain(&e.zh_alt).chain(&e.zh_hant))
        .map(|f| tifa::text::fold_form(f))
        .filter(|k| !k.is_empty())
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .collect();
    let t1 = Instant::now();
    let matcher = Matcher::new(Glossary {
        entries: imported.entries.into(),
    })
    .expect("CEDICT glossary compiles");
    let t_build = t1.elapsed();
    println!("entries: {n}, patterns: {}", matcher.pattern_count());
    println!(
        "import: {:.3} s, matcher build: {:.3} s, import + build: {:.3} s",
        t_import.as_secs_f64(),
        t_build.as_secs_f64(),
        (t_import + t_build).as_secs_f64()
    );

    let text = std::fs::read_to_string(&args[2]).expect("read text");
    // Documents of about 64 KiB, split at line ends, as a corpus would come.
    let mut docs = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + (64 << 10)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(nl) = text[end..].find('\n') {
            end += nl + 1;
        } else {
            end = text.len();
        }
        docs.push(&text[start..end]);
        start = end;
    }
    let mb = text.len() as f64 / 1e6;
    let t2 = Instant::now();
    let mut norm = Normalized::default();
    let mut spans = Vec::new();
    let mut total = 0usize;
    for d in &docs {
        matcher.find_into(d, MatchOptions::default(), &mut norm, &mut spans);
        total += spans.len();
    }
    let t_one = t2.elapsed().as_secs_f64();
    println!(
        "one thread: {mb:.1} MB in {t_one:.2} s = {:.0} MB/s, {total} spans",
        mb / t_one
    );
    let t3 = Instant::now();
    let total_par: usize = docs
        .par_iter()
        .map(|d| matcher.find(d, MatchOptions::default()).len())
        .sum();
    let t_par = t3.elapsed().as_secs_f64();
    println!(
        "{} threads: {mb:.1} MB in {t_par:.2} s = {:.0} MB/s, {total_par} spans",
        rayon::current_num_threads(),
        mb / t_par
    );

    // Where the time goes: folding alone, and a leftmost-longest automaton over the
    // Chinese forms (no overlapping candidates to sort, no word-boundary rule to apply).
    let t4 = Instant::now();
    let mut folded = 0usize;
    for d in &docs {
        tifa::text::normalize::normalize_into(d, &mut norm);
        folded += norm.text.len();
    }
    let t_norm = t4.elapsed().as_secs_f64();
    println!(
        "normalize only: {:.0} MB/s ({folded} bytes folded)",
        mb / t_norm
    );
    let t5 = Instant::now();
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&zh_keys)
        .expect("automaton");
    let t_ac = t5.elapsed().as_secs_f64();
    let t6 = Instant::now();
    let mut n_ll = 0usize;
    for d in &docs {
        tifa::text::normalize::normalize_into(d, &mut norm);
        n_ll += ac.find_iter(norm.text.as_str()).count();
    }
    let t_ll = t6.elapsed().as_secs_f64();
    println!(
        "leftmost-longest over {} Chinese forms: build {t_ac:.2} s, normalize + search {:.0} MB/s, {n_ll} matches",
        zh_keys.len(),
        mb / t_ll
    );
}
