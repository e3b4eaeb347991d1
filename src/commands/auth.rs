//! `avatarctl auth status`: for the selected provider, or every provider with a key, where the
//! key comes from (never the key), the base URL in effect, and whether the provider accepts
//! the key — one cheap request each.

use std::io::Write;

use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, exit};
use crate::output::{Layout, write_list};
use crate::record::{FieldSpec, Kind, Record, Schema};

/// One provider's answer.
#[derive(Debug, Serialize)]
struct AuthRow {
    provider: &'static str,
    /// The config file's profile that applied, if one did.
    profile: Option<String>,
    key_source: String,
    base_url: String,
    /// Whether the provider took the key; null when the check itself failed (a network
    /// error, a 5xx), which says nothing either way.
    accepted: Option<bool>,
    /// Why not, or what went wrong, as the error line says it.
    detail: Option<String>,
}

const fn field(name: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec { name, kind }
}

impl Record for AuthRow {
    const SCHEMA: &'static Schema = &Schema {
        noun: "provider",
        fields: &[
            field("provider", Kind::Text),
            field("profile", Kind::Text),
            field("key_source", Kind::Text),
            field("base_url", Kind::Text),
            field("accepted", Kind::Plain),
            field("detail", Kind::Text),
        ],
        has_raw: false,
        table: &[],
    };
}

/// Checks each context's key at once; exit 4 if any is refused, else the code of a check
/// that could not be made.
pub async fn run(ctxs: &[Context], out: &mut dyn Write) -> Result<(), Error> {
    let first = &ctxs[0];
    let view = first.view::<AuthRow>(Layout::List)?;
    let checks = futures_util::future::join_all(ctxs.iter().map(|ctx| async move {
        let request = ctx.provider.probe_request();
        let answer = ctx.client.fetch(&request, |_| Ok(())).await;
        (ctx, answer)
    }))
    .await;
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    for (ctx, answer) in checks {
        let (accepted, detail) = match answer {
            Ok(()) => (Some(true), None),
            Err(error) => {
                let shown = (
                    (error.exit_code() == exit::AUTH).then_some(false),
                    Some(error.to_string()),
                );
                failures.push(error);
                shown
            }
        };
        rows.push(AuthRow {
            provider: ctx.name(),
            profile: ctx.profile.clone(),
            key_source: ctx.client.key_source().to_owned(),
            base_url: ctx.client.base_url().to_string(),
            accepted,
            detail,
        });
    }
    let written = write_list(rows, &view, first.terminal, out).map(|_| ());
    super::finish(
        first,
        written,
        out,
        &failures,
        ctxs.len(),
        crate::error::Part::Providers,
    )
}
