//! `avatarctl providers`: the provider table as records — each provider, the env var it reads
//! its key from (and whether it is set), the base URL it would talk to now (its variables
//! read), and whether a run without `-p` would use it.

use std::io::Write;

use serde::Serialize;

use crate::config::{EnvLookup, base_url_of, key_is_set, selected_now};
use crate::error::Error;
use crate::output::{Layout, OutputOptions, Terminal, View, write_list};
use crate::provider::ProviderKind;
use crate::record::{FieldSpec, Kind, Record, Schema};

/// One row of `avatarctl providers`.
#[derive(Debug, Serialize)]
struct ProviderRow {
    provider: &'static str,
    key_env: &'static str,
    key_set: bool,
    /// In effect: `AVATARCTL_BASE_URL`, else the provider's own variable, else its default.
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
    env: EnvLookup,
    terminal: Terminal,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let view = View::new::<ProviderRow>(options, Layout::List)?;
    let selected = selected_now(env);
    let rows = ProviderKind::all()
        .map(|provider| ProviderRow {
            provider: provider.name(),
            key_env: provider.key_env(),
            key_set: key_is_set(provider, env),
            // A variable that does not parse is shown as it is; using it says what is wrong.
            base_url: base_url_of(provider, None, env).map_or_else(
                |_| {
                    env("AVATARCTL_BASE_URL")
                        .or_else(|| env(provider.info().base_url_env))
                        .unwrap_or_default()
                },
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
        run(options, &|_: &str| None, Terminal::piped(), &mut out)?;
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
