//! `avatarctl sessions transcript <ID>...`.

use std::io::{BufRead, Write};

use crate::cli::IdsArgs;
use crate::context::Context;
use crate::error::Error;

pub async fn run(
    _ctx: &Context,
    _args: &IdsArgs,
    _stdin: &mut dyn BufRead,
    _out: &mut dyn Write,
) -> Result<(), Error> {
    Err(Error::usage("sessions transcript is being built"))
}
