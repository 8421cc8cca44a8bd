//! TBX (placeholder until the XML layer lands).

use std::io::{self, Write};
use std::path::Path;

use super::exchange::{problem, ImportOptions, Imported};
use super::{Entry, Severity};

pub fn read(_data: &[u8], path: &Path, _opts: &ImportOptions) -> Imported {
    Imported {
        entries: Vec::new(),
        problems: vec![problem(path, 0, Severity::Error, "TBX is not supported yet".into())],
    }
}

pub fn write_v3(_entries: &[Entry], _out: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "TBX export is not supported yet"))
}

pub fn write_2008(_entries: &[Entry], _out: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "TBX export is not supported yet"))
}
