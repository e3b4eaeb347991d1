//! The provider table: each provider's name, key env var, base URL, auth style and
//! capabilities, in one place. Every message that lists providers or names what one can do,
//! the `providers` command and the help text are generated from it, so adding a provider is
//! one row here (and its mapper in a folder beside this file).
//!
//! A leaf: it imports nothing of the crate, so anything may read it.

use std::fmt;

/// The providers avatarctl knows, in the table's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProviderKind {
    Anam,
    AgentHuman,
    Tavus,
    BeyondPresence,
}

/// How a provider expects the API key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer <key>`.
    Bearer,
    /// The key as the value of the named header.
    Header(&'static str),
}

/// How a provider pages its session list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// Numbered pages of a chosen size; the first answer tells how many there are.
    Numbered { max_per_page: u32 },
    /// Opaque cursors: each page names the next (other avatar platforms page this way).
    Cursor { max_per_page: u32 },
    /// One response holds the whole list.
    Whole,
}

/// A server-side filter of `sessions list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Search,
    PersonaId,
    ApiKeyId,
    Status,
}

impl Filter {
    /// The flag that sets it.
    pub fn flag(self) -> &'static str {
        match self {
            Self::Search => "--search",
            Self::PersonaId => "--persona-id",
            Self::ApiKeyId => "--api-key-id",
            Self::Status => "--status",
        }
    }

    /// What it filters by, for messages: `anam has no status filter`.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Search => "search",
            Self::PersonaId => "persona",
            Self::ApiKeyId => "API key",
            Self::Status => "status",
        }
    }
}

/// What a provider can show beyond its session list and sessions, each behind a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    /// What was said, message by message.
    Transcript,
    /// A session's recording, as a download URL.
    Recording,
    /// Per-turn latency reports, and their aggregate over a window.
    Analytics,
    /// Plan minutes, concurrency, sessions active now.
    Usage,
}

impl Resource {
    /// The command that shows it.
    pub fn command(self) -> &'static str {
        match self {
            Self::Transcript => "sessions transcript",
            Self::Recording => "sessions recording",
            Self::Analytics => "sessions analytics",
            Self::Usage => "usage",
        }
    }

    /// What it is, in the plural, for messages: `anam has no transcripts`.
    pub fn plural(self) -> &'static str {
        match self {
            Self::Transcript => "transcripts",
            Self::Recording => "recordings",
            Self::Analytics => "session analytics",
            Self::Usage => "usage report",
        }
    }
}

/// One row of the provider table.
#[derive(Debug)]
pub struct ProviderInfo {
    pub kind: ProviderKind,
    /// The name on the command line and in every record: `anam`.
    pub name: &'static str,
    /// The name as the provider writes it, for prose: `AgentHuman`.
    pub display_name: &'static str,
    /// The env var that holds the API key.
    pub key_env: &'static str,
    pub base_url: &'static str,
    /// The env var that overrides `base_url` for this provider alone.
    pub base_url_env: &'static str,
    pub auth: Auth,
    pub paging: Paging,
    /// The server-side filters of its session list.
    pub filters: &'static [Filter],
    /// What a session ID looks like, for `--help` and messages.
    pub id_form: &'static str,
    /// What it can show beyond sessions.
    pub resources: &'static [Resource],
}

/// Every provider, in the order messages and `providers` list them.
pub const PROVIDERS: &[ProviderInfo] = &[
    ProviderInfo {
        kind: ProviderKind::Anam,
        name: "anam",
        display_name: "Anam",
        key_env: "ANAM_API_KEY",
        base_url: "https://api.anam.ai",
        base_url_env: "ANAM_BASE_URL",
        auth: Auth::Bearer,
        paging: Paging::Numbered { max_per_page: 100 },
        filters: &[Filter::Search, Filter::PersonaId, Filter::ApiKeyId],
        id_form: "UUIDs",
        resources: &[
            Resource::Transcript,
            Resource::Recording,
            Resource::Analytics,
            Resource::Usage,
        ],
    },
    ProviderInfo {
        kind: ProviderKind::AgentHuman,
        name: "agenthuman",
        display_name: "AgentHuman",
        key_env: "AGENTHUMAN_API_KEY",
        base_url: "https://api.agenthuman.com",
        base_url_env: "AGENTHUMAN_BASE_URL",
        auth: Auth::Header("x-api-key"),
        paging: Paging::Whole,
        filters: &[Filter::Status],
        id_form: "sess_…",
        resources: &[Resource::Usage],
    },
    ProviderInfo {
        kind: ProviderKind::Tavus,
        name: "tavus",
        display_name: "Tavus",
        key_env: "TAVUS_API_KEY",
        base_url: "https://tavusapi.com",
        base_url_env: "TAVUS_BASE_URL",
        auth: Auth::Header("x-api-key"),
        // Tavus documents no maximum for `limit` (default 10); 100 is what Anam allows.
        paging: Paging::Numbered { max_per_page: 100 },
        filters: &[Filter::Status],
        id_form: "c123456",
        resources: &[Resource::Transcript],
    },
    ProviderInfo {
        kind: ProviderKind::BeyondPresence,
        name: "beyondpresence",
        display_name: "Beyond Presence",
        key_env: "BEY_API_KEY",
        base_url: "https://api.bey.dev",
        base_url_env: "BEY_BASE_URL",
        auth: Auth::Header("x-api-key"),
        // The docs say 50 in one place and 1000 in another: 50 holds in both.
        paging: Paging::Cursor { max_per_page: 50 },
        filters: &[],
        id_form: "UUIDs",
        resources: &[Resource::Transcript],
    },
];

impl ProviderKind {
    /// Every provider, in the table's order.
    pub fn all() -> impl Iterator<Item = Self> {
        PROVIDERS.iter().map(|row| row.kind)
    }

    /// This provider's row of the table.
    pub fn info(self) -> &'static ProviderInfo {
        PROVIDERS
            .iter()
            .find(|row| row.kind == self)
            .expect("every provider has a row in PROVIDERS")
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn key_env(self) -> &'static str {
        self.info().key_env
    }

    pub fn default_base_url(self) -> &'static str {
        self.info().base_url
    }

    /// The provider of a name, ignoring case, as flags and env vars give it.
    pub fn from_name(name: &str) -> Option<Self> {
        PROVIDERS
            .iter()
            .find(|row| row.name.eq_ignore_ascii_case(name.trim()))
            .map(|row| row.kind)
    }
}

impl fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The providers' names joined by `separator`: `anam|agenthuman`.
pub fn names(separator: &str) -> String {
    join(PROVIDERS.iter().map(|row| row.name), separator)
}

/// The providers' key env vars joined by `separator`: `ANAM_API_KEY or AGENTHUMAN_API_KEY`.
pub fn key_envs(separator: &str) -> String {
    join(PROVIDERS.iter().map(|row| row.key_env), separator)
}

/// The names of the providers that have what `has` asks for, for "… have it" messages.
pub fn providers_with(has: impl Fn(&ProviderInfo) -> bool) -> Vec<&'static str> {
    PROVIDERS
        .iter()
        .filter(|row| has(row))
        .map(|row| row.name)
        .collect()
}

/// Refuses a command whose resource `info`'s provider lacks, naming the providers that have
/// it: the one place that writes this message, for every resource.
pub fn lacks(info: &ProviderInfo, resource: Resource) -> String {
    let others = providers_with(|row| row.resources.contains(&resource));
    format!(
        "{} has no {} — `{}` works with {}; pick one with -p",
        info.name,
        resource.plural(),
        resource.command(),
        others.join(", ")
    )
}

/// Help text for an option that only some providers honour: `anam: <what>`.
pub fn only_for(has: impl Fn(&ProviderInfo) -> bool, what: &str) -> String {
    format!("{}: {what}", providers_with(has).join(", "))
}

fn join<'a>(items: impl Iterator<Item = &'a str>, separator: &str) -> String {
    items.collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_row_and_a_unique_name() {
        for kind in ProviderKind::all() {
            assert_eq!(kind.info().kind, kind);
            assert_eq!(ProviderKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(
            ProviderKind::from_name(" AgentHuman "),
            Some(ProviderKind::AgentHuman)
        );
        assert_eq!(ProviderKind::from_name("heygen"), None);
        assert_eq!(names("|"), "anam|agenthuman|tavus|beyondpresence");
        assert_eq!(
            key_envs(" or "),
            "ANAM_API_KEY or AGENTHUMAN_API_KEY or TAVUS_API_KEY or BEY_API_KEY"
        );
    }

    #[test]
    fn capabilities_are_read_from_the_table() {
        assert_eq!(
            providers_with(|row| row.filters.contains(&Filter::Status)),
            ["agenthuman", "tavus"]
        );
        assert_eq!(
            providers_with(|row| row.paging == Paging::Whole),
            ["agenthuman"]
        );
        assert_eq!(
            lacks(ProviderKind::AgentHuman.info(), Resource::Transcript),
            "agenthuman has no transcripts — `sessions transcript` works with anam, tavus, \
             beyondpresence; pick one with -p"
        );
    }
}
