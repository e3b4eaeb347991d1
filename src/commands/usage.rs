//! `avatarctl usage`.

use std::io::Write;

use crate::context::Context;
use crate::error::Error;

pub async fn run(_ctx: &Context, _out: &mut dyn Write) -> Result<(), Error> {
    Err(Error::usage("usage is being built"))
}
