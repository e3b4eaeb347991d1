//! `avatarctl sessions analytics [<ID>...]`.

use std::io::{BufRead, Write};

use crate::cli::AnalyticsArgs;
use crate::context::Context;
use crate::error::Error;

pub async fn run(
    _ctx: &Context,
    _args: &AnalyticsArgs,
    _stdin: &mut dyn BufRead,
    _out: &mut dyn Write,
) -> Result<(), Error> {
    Err(Error::usage("sessions analytics is being built"))
}
