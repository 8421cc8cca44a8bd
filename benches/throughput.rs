//! Throughput of each stage on English and Chinese text: the normalizer, the matcher, and
//! annotate through each renderer. `cargo bench` prints MB/s (criterion's throughput).
//! Whole-process comparisons with ripgrep and the Python peers are in `scripts/bench`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tifa::annotate::annotate;
use tifa::glossary::Glossary;
use tifa::matcher::{MatchOptions, Matcher};
use tifa::render::{Document, Format};
use tifa::text::normalize::{normalize_into, Normalized};

/// About 4 MB of text made from the project's sample documents.
fn text(dir: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let one: String = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    one.repeat(4_000_000 / one.len() + 1)
}

fn benches(c: &mut Criterion) {
    let matcher = Matcher::new(Glossary::builtin()).unwrap();
    for (lang, dir) in [("en", "corpus/en"), ("zh", "corpus/zh")] {
        let text = text(dir);
        let mut group = c.benchmark_group(lang);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        let mut norm = Normalized::default();
        group.bench_function("normalize", |b| b.iter(|| normalize_into(&text, &mut norm)));
        let mut spans = Vec::new();
        group.bench_function("match", |b| {
            b.iter(|| matcher.find_into(&text, MatchOptions::default(), &mut norm, &mut spans))
        });
        for format in [Format::Jsonl, Format::Csv, Format::Text] {
            let renderer = format.renderer();
            let mut out = Vec::with_capacity(text.len() * 3);
            group.bench_with_input(
                BenchmarkId::new("annotate", format.renderer().extension()),
                &text,
                |b, text| {
                    b.iter(|| {
                        out.clear();
                        let ann = annotate(&matcher, text, MatchOptions::default());
                        let doc = Document {
                            path: "bench",
                            text,
                            record: None,
                        };
                        renderer.document(&doc, &ann, matcher.glossary(), &mut out);
                    })
                },
            );
        }
        group.finish();
    }
}

criterion_group!(throughput, benches);
criterion_main!(throughput);
