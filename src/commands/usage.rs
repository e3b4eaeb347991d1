//! `avatarctl usage`: the provider's usage report as one normalized record.

use std::io::Write;

use crate::context::Context;
use crate::error::Error;
use crate::model::Usage;
use crate::output::{Layout, write_details};
use crate::provider::Resource;
use crate::warnings::Warnings;

pub async fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let part = ctx.part(Resource::Usage, |p| p.usage())?;
    let view = ctx.view::<Usage>(Layout::Detail)?;
    let mapped = ctx
        .client
        .fetch(&part.usage_request(), |body| part.parse_usage(body))
        .await?;
    let mut warnings = Warnings::default();
    for problem in mapped.problems {
        warnings.field(mapped.record.provider, problem);
    }
    for line in warnings.lines(
        "usage report from",
        |field| view.shows_field(field),
        |text| ctx.client.mask(text),
    ) {
        ctx.log.warning(line);
    }
    write_details(vec![mapped.record], true, &view, ctx.terminal, out)?;
    Ok(())
}
