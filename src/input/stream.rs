//! A text input too long to hold, read as UTF-8 bit by bit: a multi-byte character cut by
//! a read is completed by the next one, and an encoding problem is placed (line, column,
//! byte offset) in the whole input, as [`source::decode`](crate::input::source::decode) places it in a whole file.

use std::io::Read;

use super::source::{InputError, InputErrorKind, Rest};

/// Bytes read at a time.
const BLOCK: usize = 1 << 20;

/// Decodes an input as UTF-8 in blocks. With `lossy`, invalid bytes become U+FFFD and the
/// first is reported as a warning.
pub struct Utf8Stream {
    input: Rest,
    decoder: Decoder,
    done: bool,
    /// The read buffer, allocated once: a long input is read a block at a time (a mapped
    /// one is decoded in place).
    buf: Vec<u8>,
}

/// Where decoding has got to.
struct Decoder {
    path: String,
    lossy: bool,
    /// The start of a character cut off by the end of the last block.
    pending: Vec<u8>,
    /// Bytes decoded so far.
    offset: usize,
    /// The 1-based line of the next byte, and the characters before it on its line.
    line: usize,
    column: usize,
    /// The first invalid byte replaced (with `lossy`).
    warning: Option<InputError>,
}

impl Utf8Stream {
    /// Decodes the input `input` gives.
    pub fn new(path: &str, input: Rest, lossy: bool) -> Utf8Stream {
        Utf8Stream {
            input,
            decoder: Decoder {
                path: path.to_string(),
                lossy,
                pending: Vec::new(),
                offset: 0,
                line: 1,
                column: 1,
                warning: None,
            },
            done: false,
            buf: Vec::new(),
        }
    }

    /// Bytes of the input decoded so far.
    pub fn bytes(&self) -> usize {
        self.decoder.offset
    }

    /// The first invalid byte replaced (with `lossy`), if any was.
    pub fn warning(&self) -> Option<&InputError> {
        self.decoder.warning.as_ref()
    }

    /// Decodes bytes already read from the input (its head) into `out`.
    pub fn decode(&mut self, bytes: &[u8], out: &mut String) -> Result<(), InputError> {
        self.decoder.block(bytes, false, out)
    }

    /// Reads and decodes the next block into `out`; `false` once the input is exhausted.
    pub fn read(&mut self, out: &mut String) -> Result<bool, InputError> {
        if self.done {
            return Ok(false);
        }
        let io_error = |e| InputError::new(&*self.decoder.path, InputErrorKind::Io(e));
        let bytes = match &mut self.input {
            Rest::Mapped(m) => m.next(BLOCK).map_err(io_error)?,
            Rest::Read(reader) => {
                self.buf.resize(BLOCK, 0);
                let n = loop {
                    match reader.read(&mut self.buf) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(io_error(e)),
                    }
                };
                &self.buf[..n]
            }
        };
        self.done = bytes.is_empty();
        self.decoder.block(bytes, self.done, out)?;
        Ok(!self.done)
    }
}

impl Decoder {
    fn block(&mut self, bytes: &[u8], end: bool, out: &mut String) -> Result<(), InputError> {
        let mut joined;
        let mut data = bytes;
        if !self.pending.is_empty() {
            joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(bytes);
            data = &joined[..];
        }
        loop {
            let (valid, bad) = match std::str::from_utf8(data) {
                Ok(s) => (s, None),
                Err(e) => {
                    let valid =
                        std::str::from_utf8(&data[..e.valid_up_to()]).expect("checked up to here");
                    (valid, Some(e.error_len()))
                }
            };
            self.push(valid, out);
            let rest = &data[valid.len()..];
            match bad {
                None => return Ok(()),
                // A character cut off by the block's end: completed by the next block.
                Some(None) if !end => {
                    self.pending = rest.to_vec();
                    return Ok(());
                }
                Some(len) => {
                    let kind = |line, column, offset| {
                        if self.lossy {
                            InputErrorKind::ReplacedUtf8 {
                                line,
                                column,
                                offset,
                            }
                        } else {
                            InputErrorKind::InvalidUtf8 {
                                line,
                                column,
                                offset,
                            }
                        }
                    };
                    let problem =
                        InputError::new(&*self.path, kind(self.line, self.column, self.offset));
                    if !self.lossy {
                        return Err(problem);
                    }
                    self.warning.get_or_insert(problem);
                    let len = len.unwrap_or(rest.len());
                    self.offset += len;
                    self.column += 1;
                    out.push('\u{FFFD}');
                    data = &rest[len..];
                    if data.is_empty() {
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Appends decoded text, keeping count of the place of the next byte.
    fn push(&mut self, s: &str, out: &mut String) {
        let b = s.as_bytes();
        match memchr::memrchr(b'\n', b) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', b).count();
                self.column = s[last + 1..].chars().count() + 1;
            }
            None => self.column += s.chars().count(),
        }
        self.offset += b.len();
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_blocks(bytes: &[u8], block: usize, lossy: bool) -> Result<String, String> {
        let mut s = Utf8Stream::new("x", Rest::Read(Box::new(std::io::empty())), lossy);
        let mut out = String::new();
        for b in bytes.chunks(block) {
            s.decode(b, &mut out).map_err(|e| e.to_string())?;
        }
        s.read(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    #[test]
    fn characters_cut_by_a_block_are_joined() {
        let text = "保护伞 nail case\n钉子案 😀 end";
        for block in 1..8 {
            assert_eq!(
                decode_in_blocks(text.as_bytes(), block, false).as_deref(),
                Ok(text)
            );
        }
    }

    #[test]
    fn invalid_bytes_are_placed_in_the_whole_input() {
        let bytes = b"ok\n\xe4\xbf\x9d ab\xffc";
        for block in 1..6 {
            assert_eq!(
                decode_in_blocks(bytes, block, false),
                Err(
                    "x: invalid UTF-8 at line 2, column 5 (byte offset 9); convert it to \
                     UTF-8 or pass --lossy"
                        .into()
                )
            );
            assert_eq!(
                decode_in_blocks(bytes, block, true).as_deref(),
                Ok("ok\n保 ab\u{FFFD}c")
            );
        }
        // A character cut off by the end of the input.
        assert_eq!(
            decode_in_blocks(b"ab\xe4\xbf", 3, false),
            Err(
                "x: invalid UTF-8 at line 1, column 3 (byte offset 2); convert it to UTF-8 \
                 or pass --lossy"
                    .into()
            )
        );
    }
}
