//! A long regular file read through memory maps, a chunk at a time.
//!
//! `read` copies a file's page cache into the caller's buffer in the kernel: on 21 MB of
//! English that copy was a fifth to a quarter of the run's own thread (`perf`: some 12 ms,
//! under 2 GB/s), and that thread shares the processors with the workers. A map lets the
//! decoder read the page cache in place (`annotate -j2` on that file: 0.95 of the time,
//! 10 MB of Chinese 0.93). As ripgrep does, a long file is mapped by default and
//! `--no-mmap` reads it instead: a file cut shorter by another program while it is mapped
//! ends the process with `SIGBUS`.
//!
//! Only a chunk is mapped at a time, so a file of gigabytes is never all resident at once
//! (its pages count in the run's memory while mapped).

use std::fs::File;
use std::io;

/// Bytes mapped at a time: with 16 MiB the 21 MB file peaked at 49 MB, with 4 MiB at 37,
/// in the same time.
const CHUNK: u64 = 4 << 20;

/// A file read from an offset through maps of [`CHUNK`] bytes, up to its length as each
/// chunk is mapped (a file that grows is read on, as `read` would).
pub struct Mapped {
    file: File,
    /// The chunk mapped, and where it starts in the file.
    chunk: Option<(memmap2::Mmap, u64)>,
    /// The offset of the next byte to give.
    at: u64,
}

impl Mapped {
    /// The file mapped from `at`, or `None` when it cannot be (a file system without
    /// maps, a file shorter than `at`): then it is read instead.
    pub fn open(file: File, at: u64) -> Option<Mapped> {
        let mut mapped = Mapped {
            file,
            chunk: None,
            at,
        };
        match mapped.map_next() {
            Ok(true) => Some(mapped),
            _ => None,
        }
    }

    /// The next bytes of the file, at most `most`; empty at its end.
    pub fn next(&mut self, most: usize) -> io::Result<&[u8]> {
        let held = match &self.chunk {
            Some((map, start)) => start + map.len() as u64 > self.at,
            None => false,
        };
        if !held && !self.map_next()? {
            return Ok(&[]);
        }
        let Some((map, start)) = &self.chunk else {
            return Ok(&[]);
        };
        let from = usize::try_from(self.at - start).unwrap_or(usize::MAX);
        let bytes = map.get(from..).unwrap_or_default();
        let bytes = &bytes[..bytes.len().min(most)];
        self.at += bytes.len() as u64;
        Ok(bytes)
    }

    /// Maps the chunk from the next byte, letting go of the one before; `false` at the
    /// file's end.
    fn map_next(&mut self) -> io::Result<bool> {
        self.chunk = None;
        let len = self.file.metadata()?.len();
        if self.at >= len {
            return Ok(false);
        }
        let size = usize::try_from((len - self.at).min(CHUNK))
            .map_err(|_| io::Error::other("a chunk larger than memory"))?;
        let mut options = memmap2::MmapOptions::new();
        options.offset(self.at).len(size);
        // SAFETY: the map is only read, through `next`'s slices, which borrow it. A file
        // truncated by another program while it is mapped raises SIGBUS on the pages cut
        // off, as documented above (and `--no-mmap` avoids).
        #[allow(unsafe_code)]
        let map = unsafe { options.map(&self.file)? };
        // Read front to back: the kernel may read ahead further and drop pages behind.
        let _ = map.advise(memmap2::Advice::Sequential);
        self.chunk = Some((map, self.at));
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gives_the_file_from_its_offset_in_pieces_then_nothing() {
        let mut f = tempfile::tempfile().unwrap();
        let text: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        f.write_all(&text).unwrap();
        let mut m = Mapped::open(f, 10).expect("a regular file maps");
        let mut back = Vec::new();
        loop {
            let bytes = m.next(7_777).unwrap();
            if bytes.is_empty() {
                break;
            }
            assert!(bytes.len() <= 7_777);
            back.extend_from_slice(bytes);
        }
        assert_eq!(back, &text[10..]);
        assert!(m.next(10).unwrap().is_empty());
    }

    #[test]
    fn an_empty_rest_is_read_instead() {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(b"abc").unwrap();
        assert!(Mapped::open(f, 3).is_none());
    }

    #[test]
    fn a_file_that_grows_is_read_on() {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(b"abc").unwrap();
        let mut m = Mapped::open(f.try_clone().unwrap(), 1).unwrap();
        assert_eq!(m.next(100).unwrap(), b"bc");
        f.write_all(b"def").unwrap();
        assert_eq!(m.next(100).unwrap(), b"def");
        assert!(m.next(100).unwrap().is_empty());
    }
}
