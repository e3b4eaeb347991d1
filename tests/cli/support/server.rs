//! An in-process HTTP server that stands in for a provider's API.
//!
//! The integration tests run the real `avatarctl` binary, so the fake has to speak real HTTP on
//! a real socket. It runs on its own thread with its own tokio runtime, so plain blocking
//! `#[test]`s can use it. It records every request, so a test can assert on what the CLI sent
//! (paths, headers, how many pages, how many at once), and a plain closure decides each answer.
//!
//! The closure runs on tokio's blocking pool, not on the server's two async workers, so a
//! closure that blocks (at a barrier or a gate, see `hold.rs`) or works hard (a big page)
//! holds up its own request only, never the others.

use std::fmt::Display;
use std::future::IntoFuture;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use tokio::sync::oneshot;

/// The longest any wait for the fake (or hold in it, see `hold.rs`) lasts before the test is
/// failed: only so that a CLI which never sends what a test waits for fails the test instead
/// of hanging it; no passing run comes near it. (This file is also the bench's, on its own.)
pub const HANG_GUARD: Duration = Duration::from_secs(20);

/// One request as the fake received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub method: String,
    /// The path exactly as sent, still percent-encoded.
    pub path: String,
    /// The query string, decoded, in the order sent.
    pub query: Vec<(String, String)>,
    /// Header names are lowercase.
    pub headers: Vec<(String, String)>,
    /// When it arrived, for checking the spacing of retries.
    pub at: Instant,
    /// The requests in flight at the fake when it arrived, itself included. So the most in
    /// flight at once after some point is the largest of these among the requests after it.
    pub in_flight: usize,
}

impl Recorded {
    /// The first value of a query parameter.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The first value of a header; the name is matched case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The path's segments, each percent-decoded on its own, so an encoded `/` stays inside
    /// its segment: `/v1/sessions/a%2Fb` is `["v1", "sessions", "a/b"]`.
    pub fn path_segments(&self) -> Vec<String> {
        self.path
            .trim_start_matches('/')
            .split('/')
            .map(percent_decode)
            .collect()
    }

    fn from_request(request: &Request, in_flight: usize) -> Self {
        let query = Query::<Vec<(String, String)>>::try_from_uri(request.uri())
            .map(|Query(pairs)| pairs)
            .unwrap_or_default();
        let headers = request
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        Self {
            method: request.method().as_str().to_owned(),
            path: request.uri().path().to_owned(),
            query,
            headers,
            at: Instant::now(),
            in_flight,
        }
    }
}

/// What the fake answers to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Waited (asynchronously) before answering, so concurrent requests overlap.
    pub delay: Duration,
}

impl Reply {
    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        let body = serde_json::to_vec(body).expect("a JSON value serializes");
        Self::text(status, "application/json", body)
    }

    pub fn text(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("content-type".to_owned(), content_type.to_owned())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    pub fn header(mut self, name: &str, value: impl ToString) -> Self {
        self.headers.push((name.to_owned(), value.to_string()));
        self
    }

    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).expect("a valid HTTP status in a Reply");
        let mut response = Response::builder().status(status);
        for (name, value) in &self.headers {
            response = response.header(name, value);
        }
        response
            .body(Body::from(self.body))
            .expect("valid header names and values in a Reply")
    }
}

type Handler = dyn Fn(&Recorded) -> Reply + Send + Sync;

/// State shared between the test thread and the server's runtime.
struct Shared {
    handler: Box<Handler>,
    /// Run the handler on the async worker itself: for a handler that only looks up an
    /// answer built beforehand (the benchmark's), where a hop to the blocking pool would be
    /// most of the fake's cost.
    inline: bool,
    traffic: Mutex<Traffic>,
    /// Notified whenever a request arrives or leaves, for the test's waits.
    changed: Condvar,
}

#[derive(Default)]
struct Traffic {
    requests: Vec<Recorded>,
    in_flight: usize,
    max_in_flight: usize,
}

/// Counts a request as in flight from arrival until its reply is built, delay included, even
/// if the client gives up and the request is cancelled.
struct InFlight(Arc<Shared>);

impl InFlight {
    /// Counts `request` in and records it, in one step, so that the order of the record and
    /// the counts in it agree.
    fn enter(shared: &Arc<Shared>, request: &Request) -> (Self, Recorded) {
        let mut traffic = lock(&shared.traffic);
        traffic.in_flight += 1;
        traffic.max_in_flight = traffic.max_in_flight.max(traffic.in_flight);
        let recorded = Recorded::from_request(request, traffic.in_flight);
        traffic.requests.push(recorded.clone());
        drop(traffic);
        shared.changed.notify_all();
        (Self(Arc::clone(shared)), recorded)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        lock(&self.0.traffic).in_flight -= 1;
        self.0.changed.notify_all();
    }
}

async fn answer(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (_in_flight, recorded) = InFlight::enter(&shared, &request);
    let reply = if shared.inline {
        (shared.handler)(&recorded)
    } else {
        let handling = Arc::clone(&shared);
        let handled = tokio::task::spawn_blocking(move || (handling.handler)(&recorded)).await;
        match handled.map_err(tokio::task::JoinError::try_into_panic) {
            Ok(reply) => reply,
            // The handler's panic (a failed assertion in a test's closure) was already
            // reported; it ends this request as a panic in a synchronous handler would.
            Err(Ok(panic)) => std::panic::resume_unwind(panic),
            // Only when the server is stopping.
            Err(Err(_cancelled)) => Reply::text(503, "text/plain", "the fake is stopping"),
        }
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    reply.into_response()
}

/// A running fake; dropping it stops the server, cancelling requests still in flight.
pub struct FakeServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl FakeServer {
    /// Serves every request (any method, any path) with `handler`, on `127.0.0.1` and a free port.
    pub fn start(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        Self::serve(Box::new(handler), false)
    }

    /// Like [`FakeServer::start`], with a handler that answers at once and never blocks (its
    /// reply's delay is still waited, asynchronously), run on the server's async workers
    /// without a hop to the blocking pool.
    pub fn start_inline(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        Self::serve(Box::new(handler), true)
    }

    fn serve(handler: Box<Handler>, inline: bool) -> Self {
        // Bound here, synchronously, so the port is known and listening before `start` returns.
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener
            .set_nonblocking(true)
            .expect("make the listener non-blocking");
        let addr = listener.local_addr().expect("the listener's address");
        let shared = Arc::new(Shared {
            handler,
            inline,
            traffic: Mutex::default(),
            changed: Condvar::new(),
        });
        let app = Router::new()
            .fallback(answer)
            .with_state(Arc::clone(&shared));
        let (shutdown, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("fake-server-{}", addr.port()))
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .expect("build the fake server's runtime");
                runtime.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener)
                        .expect("hand the listener to tokio");
                    // Not a graceful shutdown: a request sleeping through a long delay must
                    // not keep a finished test waiting. Shutting the runtime down cancels it.
                    tokio::select! {
                        served = axum::serve(listener, app).into_future() => {
                            served.expect("the fake server failed");
                        }
                        _ = stopped => {}
                    }
                });
                // Without waiting for a handler still blocked on the blocking pool (at a hold
                // that a failing test never released), as dropping the runtime would: it
                // ends on its own, at the hold's guard.
                runtime.shutdown_background();
            })
            .expect("spawn the fake server's thread");
        Self {
            addr,
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`, with no trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.shared.traffic).requests.clone()
    }

    pub fn request_count(&self) -> usize {
        lock(&self.shared.traffic).requests.len()
    }

    /// The most requests ever handled at the same time, counting their delays.
    pub fn max_in_flight(&self) -> usize {
        lock(&self.shared.traffic).max_in_flight
    }

    /// Waits until `n` requests have arrived; fails the test after [`HANG_GUARD`].
    pub fn wait_for_requests(&self, n: usize) {
        self.wait_until(format_args!("{n} requests"), |t| t.requests.len() >= n);
    }

    /// Waits until `n` requests are in flight at once; fails the test after [`HANG_GUARD`].
    pub fn wait_for_in_flight(&self, n: usize) {
        self.wait_until(format_args!("{n} requests in flight"), |t| t.in_flight >= n);
    }

    fn wait_until(&self, what: impl Display, ready: impl Fn(&Traffic) -> bool) {
        let traffic = lock(&self.shared.traffic);
        let (traffic, waited) = self
            .shared
            .changed
            .wait_timeout_while(traffic, HANG_GUARD, |t| !ready(t))
            .unwrap_or_else(PoisonError::into_inner);
        assert!(
            !waited.timed_out(),
            "waited {HANG_GUARD:?} for {what}; {} arrived, {} in flight",
            traffic.requests.len(),
            traffic.in_flight
        );
    }

    /// A bare HTTP/1.1 GET of `target` (path and query), for checking the fake itself without
    /// the CLI. Returns the status, the response head (status line and headers) and the body.
    pub fn get(&self, target: &str, headers: &[(&str, &str)]) -> io::Result<(u16, String, String)> {
        let mut stream = TcpStream::connect(self.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        let mut request = format!("GET {target} HTTP/1.1\r\nhost: {}\r\n", self.addr);
        for (name, value) in headers {
            request.extend([*name, ": ", *value, "\r\n"]);
        }
        request.push_str("connection: close\r\n\r\n");
        stream.write_all(request.as_bytes())?;
        let mut response = String::new();
        stream.read_to_string(&mut response)?;
        let malformed = || io::Error::new(io::ErrorKind::InvalidData, response.clone());
        let (head, body) = response.split_once("\r\n\r\n").ok_or_else(malformed)?;
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(malformed)?;
        Ok((status, head.to_owned(), body.to_owned()))
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            // An error means the server already stopped; there is nothing left to stop.
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            // A panic on the server thread was already reported by the panic hook.
            let _ = thread.join();
        }
    }
}

/// A panicking handler must not hide every later request from the test.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .filter(|hex| bytes[i] == b'%' && hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_the_request_and_sends_the_reply() {
        let server = FakeServer::start(|_| {
            Reply::json(201, &serde_json::json!({"ok": true})).header("RateLimit-Remaining", 7)
        });
        let (status, head, body) = server
            .get("/v1/a%2Fb?x=1&q=hello%20world", &[("X-Api-Key", "k")])
            .expect("GET");
        assert_eq!(status, 201);
        assert_eq!(body, r#"{"ok":true}"#);
        let head = head.to_ascii_lowercase();
        assert!(head.contains("content-type: application/json"), "{head}");
        assert!(head.contains("ratelimit-remaining: 7"), "{head}");

        let requests = server.requests();
        assert_eq!(requests.len(), 1);
        let request = &requests[0];
        assert_eq!(request.method, "GET");
        assert_eq!(request.path, "/v1/a%2Fb");
        assert_eq!(request.path_segments(), ["v1", "a/b"]);
        assert_eq!(request.query_param("q"), Some("hello world"));
        assert_eq!(request.query_param("missing"), None);
        assert_eq!(request.header("x-api-key"), Some("k"));
        assert_eq!(request.header("X-API-KEY"), Some("k"));
        assert_eq!(request.in_flight, 1);
    }

    /// A bare GET from another thread that ends (with nothing, or an error) once the server
    /// answers or drops the connection, for requests a test never lets finish.
    fn get_in_background(addr: SocketAddr) -> JoinHandle<()> {
        std::thread::spawn(move || {
            let mut stream = TcpStream::connect(addr).expect("connect");
            stream
                .write_all(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
                .expect("send");
            let _ = stream.read_to_end(&mut Vec::new());
        })
    }

    #[test]
    fn delayed_requests_overlap() {
        // A delay far longer than the test: the three overlap only if delays run side by side.
        let server = FakeServer::start(|_| {
            Reply::text(200, "text/plain", "slow").delay(Duration::from_secs(60))
        });
        let clients: Vec<_> = (0..3).map(|_| get_in_background(server.addr())).collect();
        server.wait_for_in_flight(3);
        assert_eq!(server.request_count(), 3);
        assert_eq!(server.max_in_flight(), 3);
        let mut counts: Vec<usize> = server.requests().iter().map(|r| r.in_flight).collect();
        counts.sort_unstable();
        assert_eq!(counts, [1, 2, 3], "each counted in on arrival");
        drop(server);
        for client in clients {
            client.join().expect("client thread");
        }
    }

    #[test]
    fn dropping_stops_even_a_request_in_a_long_delay() {
        let server = FakeServer::start(|_| {
            Reply::text(200, "text/plain", "").delay(Duration::from_secs(60))
        });
        let client = get_in_background(server.addr());
        server.wait_for_requests(1);
        let started = Instant::now();
        drop(server);
        client.join().expect("client thread");
        // Far under the delay: the request was cancelled, not waited for.
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn percent_decoding_leaves_malformed_escapes_alone() {
        assert_eq!(percent_decode("a%20b%2f%zz%4"), "a b/%zz%4");
        assert_eq!(percent_decode("%E2%82%AC"), "€");
        assert_eq!(percent_decode("%+1"), "%+1");
    }
}
