//! `avatarctl sessions recording <ID> [--download PATH]`.

use std::io::Write;

use crate::cli::RecordingArgs;
use crate::context::Context;
use crate::error::Error;

pub async fn run(_ctx: &Context, _args: &RecordingArgs, _out: &mut dyn Write) -> Result<(), Error> {
    Err(Error::usage("sessions recording is being built"))
}
