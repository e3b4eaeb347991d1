//! `avatarctl providers`: the providers, the env var each reads its key from (and whether it
//! is set), and the base URL it talks to.

use std::io::Write;

use serde_json::{Value, json};

use crate::config::{EnvLookup, key_is_set};
use crate::error::Error;
use crate::output::{OutputOptions, Terminal, write_records};
use crate::provider::ProviderKind;

pub fn run(
    options: &OutputOptions,
    env: EnvLookup,
    terminal: Terminal,
    out: &mut dyn Write,
) -> Result<(), Error> {
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
