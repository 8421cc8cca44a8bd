//! The XML layer and the segment readers on other projects' files (read in place from
//! `../shared/testdata/`, with `--features shared-tests`), and on hostile documents: billion laughs, external entities,
//! malformed XML.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tifa::input::segments::{self, Languages};
use tifa::text::xml::{self, XmlErrorKind};

/// Other projects' files, in the shared fixtures (`cargo test --features shared-tests`).
#[cfg(feature = "shared-tests")]
#[path = "support/shared.rs"]
mod shared;

#[cfg(feature = "shared-tests")]
mod shared_files {
    use std::path::{Path, PathBuf};

    use tifa::input::segments::{self, Languages, Segment, SegmentFormat};

    fn shared(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(super::shared::path(&format!("testdata/{rel}")))
    }

    fn read(rel: &str, langs: &Languages) -> Vec<Segment> {
        let path = shared(rel);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let format = SegmentFormat::from_path(rel).expect("known extension");
        segments::read(&bytes, format, langs).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// (file, segment count, [(index, id, source, target)]) — counted by hand in each file.
    type Expect = (
        &'static str,
        usize,
        &'static [(usize, &'static str, &'static str, &'static str)],
    );

    const FILES: &[Expect] = &[
        (
            "tmx/omegat__TMXComplianceKit_ImportTest1A.tmx", // UTF-16LE with BOM
            2,
            &[
                (
                    0,
                    "",
                    "First segment with [\t\t   ]",
                    "Premier segment avec [\t\t   ]",
                ),
                (
                    1,
                    "",
                    "Second segment with [  \t\t]",
                    "Second segment avec [  \t\t]",
                ),
            ],
        ),
        (
            "tmx/omegat__TMXComplianceKit_ImportTest1I.tmx",
            1,
            &[(
                0,
                "",
                "English segment with [    ]",
                "Japanese segment with [\u{3000}\u{3000}]",
            )],
        ),
        (
            "tmx/omegat__TMXComplianceKit_ImportTest1L.tmx", // UTF-8 BOM, comments, notes, props
            1,
            &[(0, "tu001", "Text of the segment.", "Texte du segment.")],
        ),
        (
            "tmx/omegat__project_CN_JP_project_save_TMX11_zh-CN_ja-JP.tmx", // TMX 1.1 `lang`
            1,
            &[(0, "", "太平寺中的文笔塔", "太平寺の中心的なペン塔")],
        ),
        (
            "xliff/matecat_xliff-parser__file-with-nested-group.xliff",
            5,
            &[
                (0, "NFDBB2FA9-tu519", "Bla Bla", "Ble Ble"),
                (1, "NFDBB2FA9-tu52", "Bla Bla Bla Bla", "Ble Ble Ble Ble"),
                (
                    4,
                    "NFDBB2FA9-tu525",
                    "Bla Bla Bla Bla Bla Bla",
                    "Ble Ble Ble Ble Ble Ble",
                ),
            ],
        ),
        (
            "xliff/matecat_xliff-parser__sample-20-segmented.xlf",
            4,
            &[
                (0, "u1/1", "Sentence 1.", "Phrase 1."),
                (3, "u1/4", "pc Sentence 4.", "Phrase 4."),
            ],
        ),
        (
            "xliff/matecat_xliff-parser__sample-20.xlf",
            2,
            &[
                (0, "u1/s1", "Hello World!", "Bonjour le Monde !"),
                (1, "u2/s2", "Hello World2!", "Bonjour le Monde2 !"),
            ],
        ),
        (
            "xliff/matecat_xliff-parser__xliff12-with-segment-state.xliff",
            10,
            &[
                (0, "tu1/0", "Upload an image", "Upload an image"),
                (
                    6,
                    "tu7/0",
                    "Supports GIF, JPG, and PNG files.",
                    "Supports GIF, JPG, and PNG files.",
                ),
                (9, "tu10/0", "Upload a video", "Upload a video"),
            ],
        ),
    ];

    #[test]
    fn every_shared_tmx_and_xliff_file_is_read() {
        // Every such file in the folders is listed above, so a new one cannot go unread.
        for dir in ["tmx", "xliff"] {
            for e in std::fs::read_dir(shared(dir)).unwrap() {
                let name = format!("{dir}/{}", e.unwrap().file_name().to_string_lossy());
                if SegmentFormat::from_path(&name).is_some() {
                    assert!(
                        FILES.iter().any(|f| f.0 == name),
                        "{name} has no expectations"
                    );
                }
            }
        }
        for (file, count, samples) in FILES {
            let segs = read(file, &Languages::default());
            assert_eq!(segs.len(), *count, "{file}");
            // Numbers are 1-based and increasing (a skipped TMX unit leaves a gap).
            assert!(segs.iter().all(|s| s.number >= 1), "{file}");
            assert!(segs.windows(2).all(|w| w[0].number < w[1].number), "{file}");
            for (i, id, source, target) in *samples {
                let s = &segs[*i];
                assert_eq!(
                    (s.id.as_str(), s.source.as_str(), s.target.as_deref()),
                    (*id, *source, Some(*target)),
                    "{file} segment {i}"
                );
            }
        }
    }

    #[test]
    fn tmx_languages_can_be_chosen() {
        let langs = |s: &str, t: &str| Languages {
            source: Some(s.into()),
            target: Some(t.into()),
        };
        let f = "tmx/omegat__TMXComplianceKit_ImportTest1L.tmx";
        let segs = read(f, &langs("en-us", "en-gb"));
        assert_eq!(segs[0].target.as_deref(), Some("Text of the segment."));
        let segs = read(f, &langs("fr", "en-US"));
        assert_eq!(
            (segs[0].source.as_str(), segs[0].target.as_deref()),
            ("Texte du segment.", Some("Text of the segment."))
        );
        // A prefix takes the regional variants: `ja` finds `ja-JP`.
        let segs = read(
            "tmx/omegat__project_CN_JP_project_save_TMX11_zh-CN_ja-JP.tmx",
            &langs("ja", "zh"),
        );
        assert_eq!(segs[0].source, "太平寺の中心的なペン塔");
    }
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tmx version="1.4"><header srclang="zh"/><body>
<tu><tuv xml:lang="zh"><seg>保护伞</seg></tuv><tuv xml:lang="en"><seg>x &lol9; y</seg></tuv></tu>
</body></tmx>
"#;

const XXE: &str = r#"<?xml version="1.0"?>
<!DOCTYPE xliff [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<xliff version="1.2"><file><body>
<trans-unit id="1"><source>保护伞</source><target>&xxe;</target></trans-unit>
</body></file></xliff>
"#;

/// A billion laughs expands to 10^9 "lol"s (3 GB); rejected at its first reference, in
/// time linear in its 1 KB — well under a second even in a debug build.
#[test]
fn billion_laughs_is_rejected_quickly() {
    let start = Instant::now();
    let e = segments::read_tmx(LAUGHS.as_bytes(), &Languages::default()).unwrap_err();
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    match e {
        segments::SegmentError::Xml(x) => {
            assert_eq!(x.kind, XmlErrorKind::Entity("lol9".into()));
            assert_eq!((x.line, x.column), (15, 70), "{x}");
        }
        other => panic!("{other}"),
    }
    // The same document parsed as a tree: the same error, nothing allocated for expansion.
    assert!(matches!(
        xml::parse(LAUGHS.as_bytes()).unwrap_err().kind,
        XmlErrorKind::Entity(_)
    ));
}

#[test]
fn external_entities_are_never_read() {
    let e = segments::read_xliff(XXE.as_bytes()).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("&xxe;") && msg.starts_with("line 4, column 48"),
        "{msg}"
    );
    assert!(!msg.contains("root:"), "{msg}");
}

fn tifa(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn hostile_and_malformed_files_are_reported_with_place_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("laughs.tmx"), LAUGHS).unwrap();
    std::fs::write(p.join("xxe.xlf"), XXE).unwrap();
    std::fs::write(
        p.join("broken.tmx"),
        "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"zh\"><seg>保护伞</tuv></tu>\n</body></tmx>\n",
    )
    .unwrap();
    std::fs::write(p.join("good.tsv"), "钉子案\tnail case\n").unwrap();
    let start = Instant::now();
    let (code, stdout, stderr) = tifa(
        &[
            "check",
            "laughs.tmx",
            "xxe.xlf",
            "broken.tmx",
            "good.tsv",
            "--color",
            "never",
        ],
        p,
    );
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(code, 1, "{stderr}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("tifa: error:"))
        .collect();
    assert_eq!(errors.len(), 3, "{stderr}");
    assert!(
        errors[0].starts_with("tifa: error: laughs.tmx:15:70: reference to entity &lol9;"),
        "{stderr}"
    );
    assert!(
        errors[1].starts_with("tifa: error: xxe.xlf:4:48: reference to entity &xxe;"),
        "{stderr}"
    );
    assert!(
        errors[2].starts_with("tifa: error: broken.tmx:2:32:"),
        "{stderr}"
    );
    assert!(errors[2].contains("malformed XML"), "{stderr}");
    // The good file after them is still checked.
    assert!(
        stdout.starts_with("good.tsv:1: error: literal rendering"),
        "{stdout}"
    );
    assert!(!stdout.contains("root:") && !stderr.contains("root:"));
}
