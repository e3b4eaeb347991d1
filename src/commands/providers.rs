//! `avatarctl providers`: the provider table as records — each provider, the env var it reads
//! its key from (and whether it is set), the base URL it would talk to now (its variables
//! read), and whether a run without `-p` would use it.

use std::io::Write;

use serde::Serialize;

use crate::config::{Sources, base_url_of, base_url_text, selected_now};
use crate::error::Error;
use crate::output::{Layout, OutputOptions, Terminal, View, write_list};
use crate::provider::ProviderKind;
use crate::record::{FieldSpec, Kind, Record, Schema};

/// One row of `avatarctl providers`.
#[derive(Debug, Serialize)]
struct ProviderRow {
    provider: &'static str,
    key_env: &'static str,
    /// Whether it has a key: its env var, or the profile in play gives one.
    key_set: bool,
    /// In effect: a chosen profile's, `AVATARCTL_BASE_URL`, the provider's own variable, the
    /// default profile's, else its default.
    base_url: String,
    /// Whether a run without `-p` would use it now.
    selected: bool,
}

const fn field(name: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec { name, kind }
}

impl Record for ProviderRow {
    const SCHEMA: &'static Schema = &Schema {
        noun: "provider",
        fields: &[
            field("provider", Kind::Text),
            field("key_env", Kind::Text),
            field("key_set", Kind::Plain),
            field("base_url", Kind::Text),
            field("selected", Kind::Plain),
        ],
        has_raw: false,
        table: &[],
    };
}

/// Lists the providers; needs no key and makes no request.
pub fn run(
    options: &OutputOptions,
    sources: Sources,
    terminal: Terminal,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let view = View::new::<ProviderRow>(options, Layout::List)?;
    let selected = selected_now(sources);
    let rows = ProviderKind::all()
        .map(|provider| ProviderRow {
            provider: provider.name(),
            key_env: provider.key_env(),
            key_set: sources.has_key(provider),
            // A URL that does not parse is shown as it is; using it says what is wrong.
            base_url: base_url_of(provider, None, sources).map_or_else(
                |_| base_url_text(provider, None, sources).0,
                |url| match url.path() {
                    "/" => url.as_str().trim_end_matches('/').to_owned(),
                    _ => url.to_string(),
                },
            ),
            selected: selected.contains(&provider),
        })
        .collect();
    write_list(rows, &view, terminal, out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;
    use crate::record::FieldPath;

    fn providers(options: &OutputOptions) -> Result<String, Error> {
        let mut out = Vec::new();
        run(
            options,
            Sources::env_only(&|_: &str| None),
            Terminal::piped(),
            &mut out,
        )?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn fields_select_and_raw_is_refused() {
        let mut fields = OutputOptions::new(Format::Csv);
        fields.fields = Some(vec![FieldPath::top("key_env")]);
        assert_eq!(
            providers(&fields).unwrap(),
            "key_env\nANAM_API_KEY\nAGENTHUMAN_API_KEY\nTAVUS_API_KEY\nBEY_API_KEY\n"
        );
        let mut raw = OutputOptions::new(Format::Json);
        raw.raw = true;
        let error = providers(&raw).unwrap_err();
        assert_eq!(error.exit_code(), 2);
        assert_eq!(
            error.to_string(),
            "--raw shows provider objects, and a provider is not one — leave it out"
        );
        let json = providers(&OutputOptions::new(Format::Json)).unwrap();
        assert!(json.contains("\"key_env\": \"ANAM_API_KEY\""), "{json}");
    }
}
