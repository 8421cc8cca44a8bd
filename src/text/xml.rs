//! A small, safe XML layer over `quick-xml` for the exchange formats tifa reads (TMX, XLIFF,
//! TBX): decoding, a pull reader of simplified events, and a tree for one element at a time.
//!
//! Safety is the point of this module, because these files come from anywhere:
//!
//! - No entity declared in a DTD is ever expanded and no external entity is ever resolved:
//!   the document type declaration is skipped unread, and a reference to any entity other
//!   than XML's five predefined ones (`&lt;` `&gt;` `&amp;` `&apos;` `&quot;`) is an error
//!   ([`XmlErrorKind::Entity`]). A "billion laughs" document therefore fails at its first
//!   reference, in time and memory linear in its size; `<!ENTITY x SYSTEM "file:///…">` is
//!   never opened. Character references (`&#x4E2D;`, `&#20013;`) are resolved.
//! - Nesting deeper than [`MAX_DEPTH`] elements is an error, so nothing recurses unboundedly.
//! - Malformed XML is reported as an [`XmlError`] with a 1-based line and column (column in
//!   characters of the decoded text).
//!
//! Encodings: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins; without one, UTF-16 is
//! recognised from the first bytes (`<\0` or `\0<`), and an `encoding="…"` declaration naming
//! a legacy encoding (GB18030, Big5, windows-1252 …) is honoured through `encoding_rs`;
//! otherwise the input must be UTF-8. The text is decoded whole into a `String` first.
//!
//! Names are matched by local name: [`Tag::name`] is `lang` for both `xml:lang` and `lang`,
//! `tu` for `tmx:tu`; the qualified name is kept in [`Tag::qname`].
//!
//! ```
//! use tifa::text::xml::{Event, Reader};
//!
//! let doc = tifa::text::xml::decode(b"<tu><tuv xml:lang='zh'><seg>A&amp;B &#x4E2D;</seg></tuv></tu>").unwrap();
//! let mut r = Reader::new(&doc);
//! let mut texts = Vec::new();
//! loop {
//!     match r.next_event().unwrap() {
//!         Event::Start(tag) if tag.name == "tuv" => {
//!             let tuv = r.read_element(tag).unwrap();
//!             assert_eq!(tuv.attr("lang"), Some("zh"));
//!             texts.push(tuv.text());
//!         }
//!         Event::Eof => break,
//!         _ => {}
//!     }
//! }
//! assert_eq!(texts, ["A&B 中"]);
//! ```

use std::collections::VecDeque;
use std::fmt;

use super::snippet::{line_column, Cursor};

use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event as QEvent};
use quick_xml::XmlVersion;

/// Elements may nest at most this deep.
pub const MAX_DEPTH: usize = 256;

/// What went wrong reading an XML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlErrorKind {
    /// The bytes are not valid in the detected encoding, or the declared encoding is unknown.
    Encoding(String),
    /// The document is not well-formed XML.
    Syntax(String),
    /// A reference to an entity that is not one of the five predefined ones. DTD-defined
    /// and external entities are never expanded.
    Entity(String),
    /// Elements nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The document ended with elements still open (the innermost one is named).
    Unclosed(String),
    /// The document has no root element.
    NoRoot,
}

/// An XML problem and where it is: 1-based line and column (in characters of the decoded
/// text); both are 0 when the place is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub kind: XmlErrorKind,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: ", self.line, self.column)?;
        }
        match &self.kind {
            XmlErrorKind::Encoding(m) => write!(f, "{m}"),
            XmlErrorKind::Syntax(m) => write!(f, "malformed XML: {m}"),
            XmlErrorKind::Entity(name) => write!(
                f,
                "reference to entity &{name}; — only the five predefined XML entities and \
                 character references are read (DTD and external entities are never expanded)"
            ),
            XmlErrorKind::TooDeep => write!(f, "elements nested deeper than {MAX_DEPTH}"),
            XmlErrorKind::Unclosed(name) => {
                write!(
                    f,
                    "the document ends inside element <{name}>, which is never closed"
                )
            }
            XmlErrorKind::NoRoot => write!(f, "no root element: not an XML document"),
        }
    }
}

impl std::error::Error for XmlError {}

impl XmlError {
    fn at(text: &str, offset: usize, kind: XmlErrorKind) -> XmlError {
        let (line, column) = line_column(text.as_bytes(), offset);
        XmlError { line, column, kind }
    }
}

/// Escapes text for XML element content and quoted attribute values (the writers of TBX).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Decodes an XML document's bytes to text (see the module docs for the rules), without
/// a leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<String, XmlError> {
    let enc_err = |m: String| XmlError {
        line: 0,
        column: 0,
        kind: XmlErrorKind::Encoding(m),
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    if bytes.len() >= 2 && bytes[0] == b'<' && bytes[1] == 0 {
        return utf16(bytes, u16::from_le_bytes, "UTF-16LE");
    }
    if bytes.len() >= 2 && bytes[0] == 0 && bytes[1] == b'<' {
        return utf16(bytes, u16::from_be_bytes, "UTF-16BE");
    }
    if let Some(label) = declared_encoding(bytes) {
        let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
            return Err(enc_err(format!(
                "unknown encoding {label:?} in the XML declaration"
            )));
        };
        // A file saved as UTF-8 but still declaring UTF-16 is common; it is read as UTF-8.
        if enc != encoding_rs::UTF_8 && enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE
        {
            return match enc.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(s) => Ok(s.into_owned()),
                None => Err(enc_err(format!("invalid {} data", enc.name()))),
            };
        }
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, XmlError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = line_column(prefix.as_bytes(), prefix.len());
            Err(XmlError {
                line,
                column,
                kind: XmlErrorKind::Encoding(format!(
                    "invalid UTF-8 (byte offset {}); declare the file's encoding or convert it",
                    e.valid_up_to()
                )),
            })
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Result<String, XmlError> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len());
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => out.push(c),
            Err(e) => {
                let (line, column) = line_column(out.as_bytes(), out.len());
                return Err(XmlError {
                    line,
                    column,
                    kind: XmlErrorKind::Encoding(format!(
                        "invalid {name}: unpaired surrogate {:#06x}",
                        e.unpaired_surrogate()
                    )),
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let (line, column) = line_column(out.as_bytes(), out.len());
        return Err(XmlError {
            line,
            column,
            kind: XmlErrorKind::Encoding(format!("invalid {name}: odd number of bytes")),
        });
    }
    Ok(out)
}

/// The `encoding` pseudo-attribute of a leading ASCII XML declaration, if any.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let end = head.iter().take(512).position(|&b| b == b'>')?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let i = decl.find("encoding")?;
    let rest = decl[i + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].trim().to_string())
}

/// An attribute: local name, qualified name, value with references resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Local name.
    pub name: String,
    /// Qualified name, with its prefix.
    pub qname: String,
    /// Value, references resolved.
    pub value: String,
}

/// A start tag: local name, qualified name, attributes, and where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tag {
    /// Local name.
    pub name: String,
    /// Qualified name, with its prefix.
    pub qname: String,
    /// Attributes, in document order.
    pub attrs: Vec<Attribute>,
    /// 1-based line and column of the `<`.
    pub line: usize,
    /// 1-based column of the `<`.
    pub column: usize,
}

impl Tag {
    /// The value of the first attribute with this local name (`lang` finds `xml:lang`).
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == local)
            .map(|a| a.value.as_str())
    }
}

/// What the reader reports. Empty elements (`<x/>`) come as `Start` then `End`; adjacent
/// text, CDATA sections and references come as one `Text`; comments, processing
/// instructions, the XML declaration and the document type declaration are skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// An element starts.
    Start(Tag),
    /// The local name of the element that ends.
    End(String),
    /// Character data, references resolved.
    Text(String),
    /// The end of the document.
    Eof,
}

/// A pull reader over decoded XML text.
pub struct Reader<'a> {
    text: &'a str,
    inner: quick_xml::Reader<&'a [u8]>,
    /// Open elements: local name.
    stack: Vec<String>,
    /// Events read while gathering text, to be returned next.
    pending: VecDeque<Event>,
    seen_root: bool,
    done: bool,
    /// Places of offsets: they mostly only grow.
    cursor: Cursor<'a>,
}

impl<'a> Reader<'a> {
    /// A reader of `text`, a byte-order mark skipped.
    pub fn new(text: &'a str) -> Reader<'a> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut inner = quick_xml::Reader::from_reader(text.as_bytes());
        let c = inner.config_mut();
        c.trim_text(false);
        c.expand_empty_elements = true;
        c.check_end_names = true;
        c.check_comments = false;
        Reader {
            text,
            inner,
            stack: Vec::new(),
            pending: VecDeque::new(),
            seen_root: false,
            done: false,
            cursor: Cursor::new(text),
        }
    }

    /// The decoded text being read.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Current element depth (0 outside the root).
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// 1-based line and column of a byte offset (cheap for offsets at or after the last one
    /// asked for: only the new stretch is counted).
    fn locate(&mut self, offset: usize) -> (usize, usize) {
        let p = self.cursor.place(offset);
        (p.line, p.column)
    }

    fn error_at(&self, offset: usize, kind: XmlErrorKind) -> XmlError {
        XmlError::at(self.text, offset, kind)
    }

    /// The next event.
    pub fn next_event(&mut self) -> Result<Event, XmlError> {
        if let Some(e) = self.pending.pop_front() {
            return Ok(e);
        }
        if self.done {
            return Ok(Event::Eof);
        }
        let mut text = String::new();
        loop {
            let start = self.inner.buffer_position() as usize;
            let ev = match self.inner.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    let at = self.inner.error_position() as usize;
                    return Err(self.error_at(at, XmlErrorKind::Syntax(e.to_string())));
                }
            };
            let out = match ev {
                QEvent::Text(t) => {
                    let s = t
                        .xml10_content()
                        .map_err(|e| self.error_at(start, XmlErrorKind::Encoding(e.to_string())))?;
                    text.push_str(&s);
                    continue;
                }
                QEvent::CData(t) => {
                    let s = t
                        .xml10_content()
                        .map_err(|e| self.error_at(start, XmlErrorKind::Encoding(e.to_string())))?;
                    text.push_str(&s);
                    continue;
                }
                QEvent::GeneralRef(r) => {
                    let name = String::from_utf8_lossy(&r).into_owned();
                    if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => text.push(c),
                            _ => {
                                return Err(self.error_at(
                                    start,
                                    XmlErrorKind::Syntax(format!(
                                        "invalid character reference &{name};"
                                    )),
                                ))
                            }
                        }
                    } else if let Some(s) = resolve_xml_entity(&name) {
                        text.push_str(s);
                    } else {
                        return Err(self.error_at(start, XmlErrorKind::Entity(name)));
                    }
                    continue;
                }
                QEvent::Start(s) => {
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(self.error_at(start, XmlErrorKind::TooDeep));
                    }
                    let tag = self.tag(&s, start)?;
                    self.stack.push(tag.name.clone());
                    self.seen_root = true;
                    Event::Start(tag)
                }
                QEvent::Empty(s) => {
                    // Not produced with expand_empty_elements, but harmless to handle.
                    let tag = self.tag(&s, start)?;
                    self.seen_root = true;
                    self.pending.push_back(Event::End(tag.name.clone()));
                    Event::Start(tag)
                }
                QEvent::End(e) => {
                    self.stack.pop();
                    Event::End(String::from_utf8_lossy(e.local_name().as_ref()).into_owned())
                }
                QEvent::Eof => {
                    self.done = true;
                    if let Some(open) = self.stack.last() {
                        return Err(
                            self.error_at(self.text.len(), XmlErrorKind::Unclosed(open.clone()))
                        );
                    }
                    if !self.seen_root {
                        return Err(self.error_at(self.text.len(), XmlErrorKind::NoRoot));
                    }
                    Event::Eof
                }
                QEvent::Comment(_) | QEvent::Decl(_) | QEvent::PI(_) | QEvent::DocType(_) => {
                    continue
                }
            };
            if text.is_empty() {
                return Ok(out);
            }
            // The text comes first; the event that ended it (and, for an empty element,
            // its end) follows.
            self.pending.push_front(out);
            return Ok(Event::Text(text));
        }
    }

    fn tag(&mut self, s: &BytesStart<'_>, offset: usize) -> Result<Tag, XmlError> {
        let (line, column) = self.locate(offset);
        let mut attrs = Vec::new();
        for a in s.attributes().with_checks(true) {
            let a = a.map_err(|e| self.error_at(offset, XmlErrorKind::Syntax(e.to_string())))?;
            let value = a
                .normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_xml_entity)
                .map_err(|e| {
                    let kind = match unknown_entity(&e) {
                        Some(name) => XmlErrorKind::Entity(name),
                        None => XmlErrorKind::Syntax(e.to_string()),
                    };
                    self.error_at(offset, kind)
                })?;
            attrs.push(Attribute {
                name: String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned(),
                qname: String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                value: value.into_owned(),
            });
        }
        Ok(Tag {
            name: String::from_utf8_lossy(s.local_name().as_ref()).into_owned(),
            qname: String::from_utf8_lossy(s.name().as_ref()).into_owned(),
            attrs,
            line,
            column,
        })
    }

    /// Reads the rest of the element whose `Start` event was just returned, up to and
    /// including its end, into a tree.
    pub fn read_element(&mut self, tag: Tag) -> Result<Element, XmlError> {
        let mut stack = vec![Element::new(tag)];
        loop {
            match self.next_event()? {
                Event::Start(t) => stack.push(Element::new(t)),
                Event::Text(s) => {
                    let top = stack.last_mut().expect("stack is never empty here");
                    top.children.push(Node::Text(s));
                }
                Event::End(_) => {
                    let done = stack.pop().expect("stack is never empty here");
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(done)),
                        None => return Ok(done),
                    }
                }
                // next_event reports an unclosed element before Eof.
                Event::Eof => {
                    let name = stack.last().map(|e| e.name.clone()).unwrap_or_default();
                    return Err(self.error_at(self.text.len(), XmlErrorKind::Unclosed(name)));
                }
            }
        }
    }

    /// Skips the rest of the element whose `Start` event was just returned.
    pub fn skip_element(&mut self) -> Result<(), XmlError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next_event()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Text(_) => {}
                Event::Eof => return Ok(()),
            }
        }
        Ok(())
    }
}

/// The entity name of an "unrecognized entity" escape error.
fn unknown_entity(e: &quick_xml::Error) -> Option<String> {
    use quick_xml::escape::EscapeError;
    match e {
        quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name)) => Some(name.clone()),
        _ => None,
    }
}

/// An element with its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Local name.
    pub name: String,
    /// Qualified name, with its prefix.
    pub qname: String,
    /// Attributes, in document order.
    pub attrs: Vec<Attribute>,
    /// Content, in document order.
    pub children: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: usize,
    /// 1-based column of the start tag.
    pub column: usize,
}

/// A piece of element content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data.
    Text(String),
}

impl Element {
    /// The element a start tag opens, without content yet.
    pub fn new(t: Tag) -> Element {
        Element {
            name: t.name,
            qname: t.qname,
            attrs: t.attrs,
            children: Vec::new(),
            line: t.line,
            column: t.column,
        }
    }

    /// The value of the first attribute with this local name.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == local)
            .map(|a| a.value.as_str())
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Child elements with this local name.
    pub fn children_named<'s>(&'s self, local: &'s str) -> impl Iterator<Item = &'s Element> + 's {
        self.elements().filter(move |e| e.name == local)
    }

    /// The first child element with this local name.
    pub fn child(&self, local: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == local)
    }

    /// All descendant elements with this local name, in document order (depth first).
    pub fn descendants_named<'s>(&'s self, local: &'s str) -> Vec<&'s Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = vec![self];
        while let Some(e) = stack.pop() {
            for c in e.elements().collect::<Vec<_>>().into_iter().rev() {
                stack.push(c);
            }
            if !std::ptr::eq(e, self) && e.name == local {
                out.push(e);
            }
        }
        out
    }

    /// All text inside the element, descendants included, in order.
    pub fn text(&self) -> String {
        self.text_where(|_| true)
    }

    /// The text inside the element, descending only into child elements for which `keep`
    /// says yes (the element's own text is always kept). Iterative: depth is bounded by
    /// [`MAX_DEPTH`] anyway, but no recursion is needed.
    pub fn text_where(&self, keep: impl Fn(&Element) -> bool) -> String {
        let mut out = String::new();
        let mut stack: Vec<std::slice::Iter<'_, Node>> = vec![self.children.iter()];
        while let Some(it) = stack.last_mut() {
            match it.next() {
                None => {
                    stack.pop();
                }
                Some(Node::Text(s)) => out.push_str(s),
                Some(Node::Element(e)) => {
                    if keep(e) {
                        stack.push(e.children.iter());
                    }
                }
            }
        }
        out
    }
}

/// Decodes and parses a whole document into its root element.
pub fn parse(bytes: &[u8]) -> Result<Element, XmlError> {
    let text = decode(bytes)?;
    parse_str(&text)
}

/// Parses decoded text into its root element (anything after the root is still checked for
/// well-formedness).
pub fn parse_str(text: &str) -> Result<Element, XmlError> {
    let mut r = Reader::new(text);
    let mut root = None;
    loop {
        match r.next_event()? {
            Event::Start(tag) => {
                let e = r.read_element(tag)?;
                if root.is_none() {
                    root = Some(e);
                }
            }
            Event::Eof => break,
            Event::Text(_) | Event::End(_) => {}
        }
    }
    root.ok_or(XmlError {
        line: 0,
        column: 0,
        kind: XmlErrorKind::NoRoot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(doc: &str) -> XmlError {
        parse(doc.as_bytes()).unwrap_err()
    }

    #[test]
    fn predefined_and_character_references() {
        let e = parse(
            b"<a x='&lt;&#65;&#x4E2D;'>&amp;&apos;&quot;&gt;&#20013;<![CDATA[<b>&amp;]]></a>",
        )
        .unwrap();
        assert_eq!(e.attr("x"), Some("<A中"));
        assert_eq!(e.text(), "&'\">中<b>&amp;");
    }

    #[test]
    fn local_names() {
        let e =
            parse(br#"<t:tmx xmlns:t="urn:x"><t:tuv xml:lang="zh-CN" lang="x"/></t:tmx>"#).unwrap();
        assert_eq!(e.name, "tmx");
        assert_eq!(e.qname, "t:tmx");
        let tuv = e.child("tuv").unwrap();
        assert_eq!(tuv.attr("lang"), Some("zh-CN"));
        assert_eq!(tuv.attrs[0].qname, "xml:lang");
    }

    #[test]
    fn encodings() {
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>保护伞</a>";
        let le: Vec<u8> = doc.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = doc.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        for bytes in [
            le.clone(),
            be.clone(),
            [&[0xFF, 0xFE][..], &le].concat(),
            [&[0xFE, 0xFF][..], &be].concat(),
            [&b"\xEF\xBB\xBF"[..], doc.as_bytes()].concat(),
            doc.as_bytes().to_vec(),
        ] {
            assert_eq!(parse(&bytes).unwrap().text(), "保护伞", "{bytes:?}");
        }
        let (gbk, _, _) =
            encoding_rs::GB18030.encode("<?xml version='1.0' encoding='GB18030'?><a>保护伞</a>");
        assert_eq!(parse(&gbk).unwrap().text(), "保护伞");
        let e = parse(b"<a>\n ok \xFF</a>").unwrap_err();
        assert!(matches!(e.kind, XmlErrorKind::Encoding(_)));
        assert_eq!((e.line, e.column), (2, 5));
        assert!(matches!(
            parse(b"<?xml version='1.0' encoding='nope'?><a/>")
                .unwrap_err()
                .kind,
            XmlErrorKind::Encoding(_)
        ));
    }

    #[test]
    fn malformed_with_line_and_column() {
        let e = err("<a>\n  <b></c>\n</a>");
        assert!(matches!(e.kind, XmlErrorKind::Syntax(_)), "{e}");
        assert_eq!(e.line, 2, "{e}");
        let e = err("<a>\n<b>\n");
        assert!(
            matches!(e.kind, XmlErrorKind::Unclosed(ref n) if n == "b"),
            "{e}"
        );
        let e = err("<a>\n  x &bogus; y</a>");
        assert_eq!((e.line, e.column), (2, 5), "{e}");
        assert!(matches!(e.kind, XmlErrorKind::Entity(ref n) if n == "bogus"));
        assert!(matches!(err("  ").kind, XmlErrorKind::NoRoot));
        let e = err("<a b='1' b='2'/>");
        assert!(matches!(e.kind, XmlErrorKind::Syntax(_)), "{e}");
        let e = err("<a b='&foo;'/>");
        assert!(
            matches!(e.kind, XmlErrorKind::Entity(ref n) if n == "foo"),
            "{e}"
        );
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert_eq!(err(&deep).kind, XmlErrorKind::TooDeep);
        let ok = "<a>".repeat(MAX_DEPTH) + "x" + &"</a>".repeat(MAX_DEPTH);
        assert_eq!(parse(ok.as_bytes()).unwrap().text(), "x");
    }

    #[test]
    fn events_merge_text() {
        let mut r = Reader::new("<a>x&amp;y<b/>z</a>");
        let mut got = Vec::new();
        loop {
            let e = r.next_event().unwrap();
            if e == Event::Eof {
                break;
            }
            got.push(match e {
                Event::Start(t) => format!("<{}>", t.name),
                Event::End(n) => format!("</{n}>"),
                Event::Text(s) => s,
                Event::Eof => unreachable!(),
            });
        }
        assert_eq!(got, ["<a>", "x&y", "<b>", "</b>", "z", "</a>"]);
    }

    #[test]
    fn text_where_skips_elements() {
        let e = parse(b"<seg>A<ph>{1}</ph>B<g>C</g></seg>").unwrap();
        assert_eq!(e.text_where(|c| c.name != "ph"), "ABC");
        assert_eq!(e.descendants_named("g").len(), 1);
    }

    #[test]
    fn dtd_entities_are_never_expanded() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>"#;
        let e = err(laughs);
        assert_eq!(e.kind, XmlErrorKind::Entity("lol3".into()));
        assert_eq!((e.line, e.column), (7, 7));
        let xxe = r#"<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>"#;
        assert_eq!(err(xxe).kind, XmlErrorKind::Entity("xxe".into()));
        // A declaration alone is harmless: the DTD is skipped.
        let ok = r#"<!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx>ok</tmx>"#;
        assert_eq!(parse(ok.as_bytes()).unwrap().text(), "ok");
    }
}
