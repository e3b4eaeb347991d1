//! The doorway: parse, run, map the result to an exit code, print the error once.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use avatarctl::cli::Cli;
use avatarctl::config::{github_actions, process_env};
use avatarctl::log::{Log, parse_error_annotation};
use avatarctl::output::Terminal;

/// Records are made on the fetching threads and freed on the writing one: an allocator
/// built for frees from another thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let github = github_actions(&process_env);
    let cli = Cli::parse_from_args(std::env::args_os()).unwrap_or_else(|error| {
        // clap prints its own usage error (or the help); under GitHub Actions the error also
        // becomes an annotation.
        let _ = error.print();
        if github && error.use_stderr() {
            let annotation = parse_error_annotation(&error.render().to_string());
            let _ = writeln!(io::stderr(), "{annotation}");
        }
        std::process::exit(error.exit_code())
    });
    let terminal = Terminal::detect();
    let log = Log::new(Box::new(io::stderr()), cli.global.verbose, cli.global.quiet)
        .with_github_annotations(github);
    let mut out = BufWriter::new(io::stdout().lock());
    let result = avatarctl::run(&cli, &process_env, terminal, &mut out, &log)
        .and_then(|()| out.flush().map_err(Into::into));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): what it wanted, it has.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            // Keep what was rendered before the failure; a closed pipe is nothing to report.
            let _ = out.flush();
            log.error(&error);
            ExitCode::from(error.exit_code())
        }
    }
}
