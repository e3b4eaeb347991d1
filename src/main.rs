//! The doorway: parse, run, map the result to an exit code, print the error once.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use avatarctl::cli::Cli;
use avatarctl::config::process_env;
use avatarctl::log::Log;
use avatarctl::output::Terminal;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let terminal = Terminal::detect();
    let log = Log::new(Box::new(io::stderr()), cli.global.verbose, cli.global.quiet);
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
