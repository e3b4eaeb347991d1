//! `avatarctl providers`: the providers, the env var each reads its key from (and whether it
//! is set), and the base URL it talks to.

use std::io::Write;

use serde_json::{Value, json};

use crate::config::{EnvLookup, key_is_set};
use crate::error::Error;
use crate::output::{OutputOptions, Terminal, write_records};
use crate::provider::ProviderKind;

/// Lists the providers. `options` are the resolved output flags; those that only make sense
/// for sessions are refused.
pub fn run(
    options: &OutputOptions,
    env: EnvLookup,
    terminal: Terminal,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let session_only = [
        ("--fields", options.fields.is_some()),
        ("--raw", options.raw),
    ];
    if let Some((flag, _)) = session_only.iter().find(|(_, given)| *given) {
        return Err(Error::usage(format!(
            "{flag} applies to sessions, not to `providers` — leave it out"
        )));
    }
    let records: Vec<Value> = ProviderKind::ALL
        .into_iter()
        .map(|provider| {
            json!({
                "provider": provider.name(),
                "key_env": provider.key_env(),
                "key_set": key_is_set(provider, env),
                "base_url": provider.default_base_url(),
            })
        })
        .collect();
    write_records(&records, options, terminal, out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;
    use crate::session::{Field, FieldPath};

    fn providers(options: &OutputOptions) -> Result<String, Error> {
        let mut out = Vec::new();
        run(options, &|_: &str| None, Terminal::piped(), &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn session_only_flags_are_refused() {
        let mut fields = OutputOptions::new(Format::Json);
        fields.fields = Some(vec![FieldPath::top(Field::Id)]);
        let mut raw = OutputOptions::new(Format::Json);
        raw.raw = true;
        for (options, flag) in [(fields, "--fields"), (raw, "--raw")] {
            let error = providers(&options).unwrap_err();
            assert_eq!(error.exit_code(), 2);
            assert_eq!(
                error.to_string(),
                format!("{flag} applies to sessions, not to `providers` — leave it out")
            );
        }
        let json = providers(&OutputOptions::new(Format::Json)).unwrap();
        assert!(json.contains("\"key_env\": \"ANAM_API_KEY\""), "{json}");
    }
}
