//! `avatarctl sessions …`: the commands over sessions and their own arguments. The
//! selection options (the list filters) are flattened into `list` only, so the parser itself
//! refuses them elsewhere.

use clap::{Args, Subcommand, ValueEnum};

use crate::provider::StatusFilter;
use crate::provider::kind::PROVIDERS;

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List sessions, in the order the provider returns them
    #[command(visible_alias = "ls")]
    List(ListArgs),

    /// Show sessions in full, fetched concurrently and printed in the order given
    Get(GetArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// One page, as the provider numbers them (from 1)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), conflicts_with = "limit")]
    pub page: Option<u32>,

    /// Sessions per page, with --page (anam: 1-100) [default: 20]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), conflicts_with = "limit")]
    pub per_page: Option<u32>,

    /// At most N sessions, fetching as many pages as needed [default: 20]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,

    /// Every session: page 1 tells how many pages there are, the rest are fetched concurrently
    #[arg(long, conflicts_with_all = ["page", "per_page", "limit"])]
    pub all: bool,

    #[command(flatten)]
    pub selection: SelectionArgs,
}

/// Which sessions a list selects.
#[derive(Debug, Args)]
#[group(id = "selection-options", multiple = true)]
pub struct SelectionArgs {
    /// Anam: sessions whose ID or client label matches
    #[arg(long, value_name = "TERM")]
    pub search: Option<String>,

    /// Anam: sessions of one persona
    #[arg(long, value_name = "UUID", value_parser = parse_uuid)]
    pub persona_id: Option<String>,

    /// Anam: sessions minted with one API key
    #[arg(long, value_name = "UUID", value_parser = parse_uuid)]
    pub api_key_id: Option<String>,

    /// AgentHuman: only active (started) or ended sessions
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
}

/// `--status`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    #[value(alias = "started")]
    Active,
    Ended,
}

impl From<StatusArg> for StatusFilter {
    fn from(arg: StatusArg) -> Self {
        match arg {
            StatusArg::Active => Self::Active,
            StatusArg::Ended => Self::Ended,
        }
    }
}

#[derive(Debug, Args)]
pub struct GetArgs {
    #[arg(required = true, value_name = "ID", help = id_help())]
    pub ids: Vec<String>,
}

/// `<ID>`'s help, with each provider's ID form.
fn id_help() -> String {
    let forms: Vec<String> = PROVIDERS
        .iter()
        .map(|row| format!("{}: {}", row.name, row.id_form))
        .collect();
    format!("Session IDs ({})", forms.join("; "))
}

fn parse_uuid(text: &str) -> Result<String, String> {
    if crate::provider::is_uuid(text) {
        Ok(text.to_owned())
    } else {
        Err("expected a UUID such as 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f".into())
    }
}
