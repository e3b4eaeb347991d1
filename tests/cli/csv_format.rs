//! CSV: labels holding commas, quotes, newlines, tabs, control and non-ASCII characters come
//! back exactly when read with the `csv` crate; `--csv-safe` defuses spreadsheet formulas and
//! touches nothing else.

use serde_json::json;

use crate::support::anam;
use crate::support::{self as s, ANAM_KEY, FakeAnam, FakeServer, run};

/// A fake Anam whose session `i` has client label `labels[i]`.
fn with_labels(labels: &[&str]) -> FakeServer {
    labels
        .iter()
        .enumerate()
        .fold(FakeAnam::new(ANAM_KEY), |fake, (i, label)| {
            let mut session = anam::session(i);
            session["clientLabel"] = json!(label);
            fake.with_session(session)
        })
        .start()
}

/// Runs `sessions list -o csv` with `args` and reads it back: the header and every row.
fn read_csv(server: &FakeServer, args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let run = run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "list", "-o", "csv"])
            .args(args),
        ANAM_KEY,
    );
    let mut reader = csv::Reader::from_reader(run.quiet_success().as_bytes());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|record| {
            let record = record.expect("a well-formed CSV record");
            record.iter().map(str::to_owned).collect()
        })
        .collect();
    (header, rows)
}

/// The cells of one column, by its header name.
fn column(header: &[String], rows: &[Vec<String>], name: &str) -> Vec<String> {
    let index = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    rows.iter().map(|row| row[index].clone()).collect()
}

const AWKWARD: [&str; 10] = [
    "comma, inside",
    "quote \"here\" and 'there'",
    "new\nline",
    "crlf\r\nline",
    "tab\there",
    "Ünïcödé — 日本語 🚀",
    "  spaces kept  ",
    "esc \u{1b}[31m kept as data",
    "\"starts with a quote",
    "=1+1 stays without --csv-safe",
];

#[test]
fn awkward_labels_round_trip_exactly() {
    let server = with_labels(&AWKWARD);
    let (header, rows) = read_csv(&server, &[]);
    assert_eq!(header, crate::support::SESSION_FIELDS);
    assert_eq!(column(&header, &rows, "label"), AWKWARD);
    let ids: Vec<String> = (0..AWKWARD.len()).map(anam::session_id).collect();
    assert_eq!(column(&header, &rows, "id"), ids);
}

#[test]
fn normalized_values_in_csv_are_utc_times_and_integer_durations() {
    let server = with_labels(&["a", "b", "c"]);
    let (header, rows) = read_csv(&server, &[]);
    assert_eq!(
        rows[1],
        [
            "anam",
            anam::session_id(1).as_str(),
            "ended",
            "NORMAL_EXIT",
            "2026-04-20T09:10:00Z",
            "2026-04-20T09:12:13Z",
            "133000",
            anam::PERSONA_IDS[1],
            "Cara",
            "b",
            "2026-04-20T09:10:00Z",
        ]
    );
    // An active session: absent values are empty cells.
    assert_eq!(column(&header, &rows, "ended_at")[2], "");
    assert_eq!(column(&header, &rows, "duration_ms")[2], "");
}

#[test]
fn selected_fields_round_trip_too() {
    let server = with_labels(&AWKWARD);
    let (header, rows) = read_csv(
        &server,
        &["--fields", "label,raw.clientLabel,raw.personaConfig"],
    );
    assert_eq!(header, ["label", "raw.clientLabel", "raw.personaConfig"]);
    assert_eq!(column(&header, &rows, "raw.clientLabel"), AWKWARD);
    // A nested object is one cell of compact JSON, with credentials redacted.
    let config: serde_json::Value = serde_json::from_str(&rows[0][2]).expect("a JSON cell");
    assert_eq!(config["llmConfig"]["encrypted_secret"], "[REDACTED]");
}

const RISKY: [&str; 6] = [
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\tcmd",
    "\rcmd",
];

#[test]
fn csv_safe_prefixes_formula_cells_with_a_quote() {
    let mut labels = RISKY.to_vec();
    labels.extend(["plain", "a=b", "'already quoted", "日本 =x"]);
    let server = with_labels(&labels);
    let (header, rows) = read_csv(&server, &["--csv-safe"]);
    let expected: Vec<String> = RISKY
        .iter()
        .map(|risky| format!("'{risky}"))
        .chain(["plain", "a=b", "'already quoted", "日本 =x"].map(str::to_owned))
        .collect();
    assert_eq!(column(&header, &rows, "label"), expected);
    // Fields that were safe stay as they were.
    assert_eq!(column(&header, &rows, "status")[0], "ended");
    assert_eq!(
        column(&header, &rows, "started_at")[0],
        "2026-04-20T09:00:00Z"
    );
}

#[test]
fn without_csv_safe_formula_cells_are_kept_as_data() {
    let server = with_labels(&RISKY);
    let (header, rows) = read_csv(&server, &[]);
    assert_eq!(column(&header, &rows, "label"), RISKY);
}

#[test]
fn chosen_fields_and_provider_fields_fill_their_columns_in_any_order() {
    let server = with_labels(&["first", "second"]);
    let (header, rows) = read_csv(
        &server,
        &["--fields", "label,id,raw.clientLabel,status,raw.id"],
    );
    assert_eq!(
        header,
        ["label", "id", "raw.clientLabel", "status", "raw.id"]
    );
    for (i, row) in rows.iter().enumerate() {
        let id = anam::session_id(i);
        let label = ["first", "second"][i];
        assert_eq!(row, &[label, &id, label, "ended", &id], "row {i}");
    }
}
