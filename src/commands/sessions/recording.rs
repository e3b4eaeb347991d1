//! `avatarctl sessions recording <ID> [--download PATH]`: the recording's presigned URL, or
//! the recording itself, streamed to `PATH.part` and renamed when whole.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use url::Url;

use crate::cli::RecordingArgs;
use crate::context::Context;
use crate::error::{DownloadError, DownloadProblem, Error, Malformed};
use crate::model::SessionId;
use crate::output::{Format, Layout, write_details};
use crate::provider::{BodyError, Recordings, Resource};
use crate::record::{FieldSpec, Kind, Record, Schema};

/// A recording's URL: the one place a signed URL is shown unmasked, because it is what was
/// asked for.
#[derive(Debug, Serialize)]
struct Recording {
    session_id: String,
    url: String,
}

impl Record for Recording {
    const SCHEMA: &'static Schema = &Schema {
        noun: "recording",
        fields: &[
            FieldSpec {
                name: "session_id",
                kind: Kind::Id,
            },
            FieldSpec {
                name: "url",
                kind: Kind::Id,
            },
        ],
        has_raw: false,
        table: &[],
    };
}

pub async fn run(ctx: &Context, args: &RecordingArgs, out: &mut dyn Write) -> Result<(), Error> {
    let part = ctx.part(Resource::Recording, |p| p.recordings())?;
    let id = ctx.provider.parse_id(&args.id).map_err(Error::Usage)?;
    let Some(target) = &args.download else {
        let view = ctx.view::<Recording>(Layout::Detail)?;
        let url = fetch_url(ctx, part, &id).await?;
        if view.format() == Format::Table && view.options.fields.is_none() {
            // The URL alone, whole on one line: to click, copy or pipe.
            writeln!(out, "{url}")?;
            return Ok(());
        }
        let recording = Recording {
            session_id: id.to_string(),
            url: url.into(),
        };
        write_details(vec![recording], true, &view, ctx.terminal, out)?;
        return Ok(());
    };
    if target.as_os_str() == "-" {
        if ctx.terminal.stdout_tty {
            return Err(Error::usage(
                "not writing a recording to a terminal — redirect stdout to a file, or give \
                 --download a path",
            ));
        }
        let url = fetch_url(ctx, part, &id).await?;
        let mut bar = Progress::new(ctx);
        ctx.client
            .download(&url, out, &mut |got, total| bar.show(got, total))
            .await?;
        out.flush()?;
        return Ok(());
    }
    check_target(target, args.force)?;
    // Created first, so that a path that cannot be written costs no request.
    let mut part_file = PartFile::new(target);
    let mut file = BufWriter::with_capacity(256 * 1024, part_file.file()?);
    let url = fetch_url(ctx, part, &id).await?;
    let mut bar = Progress::new(ctx);
    ctx.client
        .download(&url, &mut file, &mut |got, total| bar.show(got, total))
        .await
        .map_err(|e| part_file.write_error(e))?;
    file.flush().map_err(|e| part_file.write_error(e.into()))?;
    drop(file);
    part_file.finish()
}

/// The presigned URL, checked to be one. It is never logged or quoted.
async fn fetch_url(ctx: &Context, part: &dyn Recordings, id: &SessionId) -> Result<Url, Error> {
    let request = part.recording_request(id);
    let text = ctx
        .client
        .fetch(&request, |body| part.parse_recording(body))
        .await?;
    Url::parse(&text).map_err(|_| {
        Error::malformed(Malformed::Body {
            provider: ctx.provider.info().kind,
            path: ctx.client.url(&request).path().to_owned(),
            problem: BodyError::Shape("`recordingUrl` is not a URL".into()),
        })
    })
}

/// Refuses a target that exists (unless `force`) or is a directory, before any request.
fn check_target(target: &Path, force: bool) -> Result<(), Error> {
    let shown = target.display();
    match fs::metadata(target) {
        Ok(meta) if meta.is_dir() => Err(Error::usage(format!(
            "{shown} is a directory — give --download a file path, e.g. {}",
            target.join("recording.mp4").display()
        ))),
        Ok(_) if !force => Err(Error::usage(format!(
            "{shown} exists — pass --force to replace it, or choose another path"
        ))),
        _ => Ok(()),
    }
}

/// `PATH.part` while the download runs: removed if it does not finish (an error, Ctrl-C),
/// renamed to PATH when it does.
struct PartFile {
    part: PathBuf,
    target: PathBuf,
    done: bool,
}

impl PartFile {
    fn new(target: &Path) -> Self {
        let mut name = target.file_name().unwrap_or_default().to_os_string();
        name.push(".part");
        Self {
            part: target.with_file_name(name),
            target: target.to_owned(),
            done: false,
        }
    }

    /// A new `.part` file; one that exists is someone's (a download still running, a
    /// leftover of a killed one), and is neither overwritten nor removed.
    fn file(&mut self) -> Result<File, Error> {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&self.part)
        {
            Ok(file) => Ok(file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                // Not ours: leave it where it is.
                self.done = true;
                Err(Error::usage(format!(
                    "{} exists — another download may be running; remove it if not",
                    self.part.display()
                )))
            }
            Err(e) => Err(self.io_error(&self.part, e)),
        }
    }

    /// Names the file in a local write error; the download's own errors pass.
    fn write_error(&self, error: Error) -> Error {
        match error {
            Error::Io(e) => self.io_error(&self.part, e),
            other => other,
        }
    }

    fn io_error(&self, path: &Path, error: io::Error) -> Error {
        Error::Download(Box::new(DownloadError {
            host: String::new(),
            problem: DownloadProblem::Write {
                path: path.display().to_string(),
                detail: error.to_string(),
            },
        }))
    }

    /// Makes the file whole on disk, then gives it its name.
    fn finish(mut self) -> Result<(), Error> {
        File::open(&self.part)
            .and_then(|f| f.sync_all())
            .map_err(|e| self.io_error(&self.part, e))?;
        fs::rename(&self.part, &self.target).map_err(|e| self.io_error(&self.target, e))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for PartFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_file(&self.part);
        }
    }
}

/// A byte counter on a terminal's stderr (unless `-q`), cleared when dropped.
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new(ctx: &Context) -> Self {
        if !ctx.terminal.stderr_tty || ctx.log.is_quiet() {
            return Self(None);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{bar:24}] {bytes}/{total_bytes} {bytes_per_sec}, {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        ctx.log.show_progress(bar.clone());
        Self(Some(bar))
    }

    fn show(&mut self, got: u64, total: Option<u64>) {
        if let Some(bar) = &self.0 {
            if let Some(total) = total {
                bar.set_length(total);
            }
            bar.set_position(got);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}
