//! Renderers: one per output format behind one trait, picked through [`Format`].
//!
//! A renderer writes a whole document into a byte buffer, so parallel workers can render
//! independently and the buffers are written in input order.

mod csv;
pub mod html;
mod jsonl;
mod md;
pub mod prose;
mod text;

pub use self::csv::{CsvRenderer, CSV_HEADER};
pub use self::html::HtmlRenderer;
pub use self::jsonl::{JsonlRenderer, SpanRecord};
pub use self::md::MdRenderer;
pub use self::text::{gloss, glosses, notes, TextRenderer};

use crate::annotate::Annotation;
use crate::matcher::Matcher;

/// One input document.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The input's path as given (`-` for stdin); for a JSONL record, `path:line`.
    pub path: &'a str,
    pub text: &'a str,
    /// For a JSONL input record: the record itself, whose fields are kept in the output.
    pub record: Option<&'a str>,
}

/// Output formats of `tifa annotate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Csv,
    /// A self-contained reading page (`render::html`).
    Html,
    /// Markdown with footnotes (`render::md`).
    Md,
}

impl Format {
    /// File extension for outputs written into a folder.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Md => "md",
        }
    }

    pub fn renderer(self) -> Box<dyn Render> {
        match self {
            Format::Text => Box::new(TextRenderer),
            Format::Jsonl => Box::new(JsonlRenderer),
            Format::Csv => Box::new(CsvRenderer),
            Format::Html => Box::new(HtmlRenderer),
            Format::Md => Box::new(MdRenderer),
        }
    }
}

/// Writes annotated documents in one format.
pub trait Render: Sync + Send {
    /// Written once before the first document of an output (a CSV header, say).
    fn begin(&self, _out: &mut Vec<u8>) {}
    /// Writes one document.
    fn document(&self, doc: &Document<'_>, ann: &Annotation, matcher: &Matcher, out: &mut Vec<u8>);
    /// Written once after the last document of an output.
    fn end(&self, _out: &mut Vec<u8>) {}
}
