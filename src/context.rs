//! What a command that talks to a provider gets: the provider's mapper (chosen where the
//! provider is resolved), the provider-agnostic HTTP client, the output options, the terminal
//! and the log. The async runtime and Ctrl-C handling are set up here once, for every such
//! command.

use std::future::Future;
use std::io::Read;
use std::sync::Arc;

use crate::cli::GlobalArgs;
use crate::config::{Config, Sources};
use crate::error::Error;
use crate::http::Client;
use crate::log::Log;
use crate::output::{Layout, OutputOptions, Terminal, View};
use crate::provider::{self, Provider, Resource, kind};
use crate::record::Record;

pub struct Context {
    /// The selected provider's mapper: request builders and body parsers.
    pub provider: &'static dyn Provider,
    /// Shared with the tasks that fetch pages on the runtime's workers.
    pub client: Arc<Client>,
    pub output: OutputOptions,
    /// Requests a command may have in flight at once (`--concurrency`).
    pub concurrency: usize,
    pub terminal: Terminal,
    pub log: Log,
    /// The profile that applied, if one did.
    pub profile: Option<String>,
    /// Shared by the contexts of `--provider all`, whose walks run together.
    runtime: Arc<tokio::runtime::Runtime>,
}

impl Context {
    /// Resolves the configuration and builds the HTTP client (and its certificate store):
    /// only commands that make requests pay for it.
    pub fn connect(
        args: &GlobalArgs,
        sources: Sources,
        stdin: &mut dyn Read,
        terminal: Terminal,
        log: &Log,
    ) -> Result<Self, Error> {
        let config = Config::resolve(args, sources, stdin, terminal.stdout_tty)?;
        Self::with(config, runtime()?, terminal, log)
    }

    /// One context per provider with a key, for `--provider all`, sharing one runtime.
    pub fn connect_all(
        args: &GlobalArgs,
        sources: Sources,
        terminal: Terminal,
        log: &Log,
    ) -> Result<Vec<Self>, Error> {
        let configs = Config::resolve_all(args, sources, terminal.stdout_tty)?;
        let runtime = runtime()?;
        configs
            .into_iter()
            .map(|config| Self::with(config, Arc::clone(&runtime), terminal, log))
            .collect()
    }

    fn with(
        config: Config,
        runtime: Arc<tokio::runtime::Runtime>,
        terminal: Terminal,
        log: &Log,
    ) -> Result<Self, Error> {
        let client = Client::new(&config.connection, log.clone())?;
        Ok(Self {
            provider: provider::mapper(config.connection.provider),
            client: Arc::new(client),
            output: config.output,
            concurrency: config.connection.concurrency,
            terminal,
            log: log.clone(),
            profile: config.profile,
            runtime,
        })
    }

    /// The output options resolved for records of type `R` in `layout`, masking this run's
    /// key wherever the provider's data echoes it.
    pub fn view<R: Record>(&self, layout: Layout) -> Result<View, Error> {
        Ok(View::new::<R>(&self.output, layout)?.masking(self.client.key()))
    }

    /// The selected provider's part for `resource` (`|p| p.transcripts()`), or the usage
    /// error that names the providers that have it.
    pub fn part<T: ?Sized>(
        &self,
        resource: Resource,
        part: impl FnOnce(&'static dyn Provider) -> Option<&'static T>,
    ) -> Result<&'static T, Error> {
        part(self.provider).ok_or_else(|| Error::Usage(kind::lacks(self.provider.info(), resource)))
    }

    /// The provider's name, for messages that speak of several.
    pub fn name(&self) -> &'static str {
        self.provider.info().name
    }

    /// Runs a command to its end, or until Ctrl-C ends it where it stands (whole records
    /// only, exit 130); a progress bar it left is cleared either way.
    pub fn run<F: Future<Output = Result<(), Error>>>(&self, command: F) -> Result<(), Error> {
        let result = self.runtime.block_on(async {
            tokio::select! {
                result = command => result,
                _ = tokio::signal::ctrl_c() => Err(Error::Interrupted),
            }
        });
        self.log.clear_progress();
        result
    }
}

/// The async runtime: requests run on worker threads, so a slow reader of stdout, which
/// blocks this thread's writes, cannot stall them into timeouts.
fn runtime() -> Result<Arc<tokio::runtime::Runtime>, Error> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map(Arc::new)
        .map_err(|e| Error::Other(anyhow::Error::new(e).context("cannot start the async runtime")))
}
