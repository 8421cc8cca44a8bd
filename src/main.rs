//! The `tifa` binary: parses the arguments, runs the command, prints its messages and sets
//! the exit status. This is the one place that prints to the terminal.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use tifa::diagnostics::Message;
use tifa::text::english::count;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut console = Stderr { bar: None };
    let result = cli::run(args, &mut out, &mut console).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tifa: {e}");
            ExitCode::from(cli::UNUSABLE)
        }
    }
}

/// Standard error, with a progress bar (documents, MB, MB/s, ETA) while one is wanted.
struct Stderr {
    bar: Option<ProgressBar>,
}

impl Stderr {
    /// Prints a line, above the progress bar when there is one.
    fn print(&self, s: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{s}")),
            None => eprintln!("{s}"),
        }
    }
}

impl cli::Console for Stderr {
    fn message(&mut self, m: Message) {
        match m {
            Message::Error(s) => self.print(&format!("tifa: error: {s}")),
            Message::Warning(s) => self.print(&format!("tifa: warning: {s}")),
            Message::Note(s) => self.print(&format!("tifa: note: {s}")),
            Message::Progress {
                documents,
                bytes,
                total_bytes,
            } => {
                if !io::stderr().is_terminal() {
                    return;
                }
                let bar = self.bar.get_or_insert_with(|| {
                    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                    bar.set_style(
                        ProgressStyle::with_template(
                            "{msg} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {wide_bar}",
                        )
                        .expect("the template is valid"),
                    );
                    bar
                });
                if let Some(t) = total_bytes {
                    bar.set_length(t);
                }
                bar.set_position(bytes);
                bar.set_message(count(documents, "document", "documents"));
            }
        }
    }

    fn line(&mut self, s: &str) {
        self.print(s);
    }

    fn finish_progress(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
