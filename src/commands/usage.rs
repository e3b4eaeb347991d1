//! `avatarctl usage`: the provider's usage report as one normalized record.

use std::io::Write;

use crate::context::Context;
use crate::error::Error;
use crate::model::Usage;
use crate::output::{Layout, View, write_details};
use crate::provider::{Resource, UsageReport};
use crate::warnings::Warnings;

pub async fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let part = ctx.part(Resource::Usage, |p| p.usage())?;
    let view = ctx.view::<Usage>(Layout::Detail)?;
    let usage = fetch(ctx, part, &view).await?;
    write_details(vec![usage], true, &view, ctx.terminal, out)?;
    Ok(())
}

/// `--provider all`: the report of every provider with a key that has one, fetched at once,
/// in the table's order (a JSON array; tables one after another). A provider without a
/// usage report is left out with a note; one that fails is reported and the rest print.
pub async fn run_all(ctxs: &[Context], out: &mut dyn Write) -> Result<(), Error> {
    let first = &ctxs[0];
    let view = first.view::<Usage>(Layout::Detail)?;
    let mut asked = Vec::new();
    for ctx in ctxs {
        match ctx.provider.usage() {
            Some(part) => asked.push((ctx, part, ctx.view::<Usage>(Layout::Detail)?)),
            None => ctx.log.note(format_args!(
                "{} has no usage report — left out",
                ctx.name()
            )),
        }
    }
    if asked.is_empty() {
        return Err(Error::Usage(crate::provider::kind::lacks(
            first.provider.info(),
            Resource::Usage,
        )));
    }
    let fetched =
        futures_util::future::join_all(asked.iter().map(|(ctx, part, own)| fetch(ctx, *part, own)))
            .await;
    let mut reports = Vec::new();
    let mut failures = Vec::new();
    for ((_, _, own), result) in asked.iter().zip(fetched) {
        match result {
            Ok(mut usage) => {
                own.protect(&mut usage);
                reports.push(usage);
            }
            Err(error) => failures.push(error),
        }
    }
    let written = if reports.is_empty() {
        Ok(())
    } else {
        write_details(reports, false, &view, first.terminal, out)
    };
    super::finish(
        first,
        written,
        out,
        &failures,
        asked.len(),
        crate::error::Part::Providers,
    )
}

/// One provider's report, with what mapping noticed said on stderr.
async fn fetch(ctx: &Context, part: &dyn UsageReport, view: &View) -> Result<Usage, Error> {
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
    Ok(mapped.record)
}
