//! What one command shows of its records: the [`View`] resolves the output options for one
//! record type — which columns, in which format — before any request, so that a bad
//! `--fields` is refused early, and so that every renderer and the redaction rule read the
//! same decision.

use serde_json::Value;

use super::transcode::Masking;
use super::{Format, OutputOptions};
use crate::error::Error;
use crate::record::{FieldPath, Kind, Record};
use crate::secret::{ApiKey, masked_text, redact};

/// How a command shows its records in a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One row per record (`sessions list`, `providers`).
    List,
    /// One FIELD / VALUE table per record, every field included (`sessions get`).
    Detail,
}

/// The columns of a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Columns {
    /// The whole normalized record, `raw` included: JSON and NDJSON without `--fields`.
    Whole,
    /// The provider's object as received: `--raw`.
    Raw,
    /// Chosen columns: `--fields`, or the record type's defaults for CSV and list tables.
    Fields(Vec<Column>),
    /// Every normalized field, then every provider field as a `raw.` path: the detail table.
    Everything,
}

/// One column: the field it shows, its table header, and how a table shows its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub path: FieldPath,
    pub header: String,
    pub kind: Kind,
}

impl Column {
    /// A column named by its field: `end_reason` → `END REASON`, `duration_ms` → `DURATION`,
    /// a `raw.` path as written.
    pub fn named(path: FieldPath, kind: Kind) -> Self {
        let header = if !path.path.is_empty() {
            path.name()
        } else {
            let name = match kind {
                // Tables show durations in words, not milliseconds.
                Kind::DurationMs | Kind::LatencyMs => {
                    path.field.strip_suffix("_ms").unwrap_or(&path.field)
                }
                _ => &path.field,
            };
            header_of(name)
        };
        Self { path, header, kind }
    }
}

/// Refuses a format option that cannot apply: `--raw` to records without a provider object
/// (first, so that the advice never leads to another refusal) or to a format other than
/// JSON, `--raw` with `--fields`, `--csv-safe` to a format other than CSV. `--utc` is a time
/// zone, not a format option, and always applies.
fn check_applies(options: &OutputOptions, has_raw: bool, noun: &str) -> Result<(), Error> {
    let format = options.format;
    if options.raw && !has_raw {
        return Err(Error::usage(format!(
            "--raw shows provider objects, and a {noun} is not one — leave it out"
        )));
    }
    if options.raw && !matches!(format, Format::Json | Format::Ndjson) {
        return Err(Error::usage(format!(
            "--raw applies to -o json and -o ndjson, not -o {} — add -o json",
            format.name()
        )));
    }
    if options.raw && options.fields.is_some() {
        return Err(Error::usage(
            "--raw and --fields do not combine — select provider fields with --fields raw.<path>",
        ));
    }
    if options.csv_safe && format != Format::Csv {
        return Err(Error::usage(format!(
            "--csv-safe applies to -o csv, not -o {} — add -o csv",
            format.name()
        )));
    }
    if options.no_headers && !matches!(format, Format::Table | Format::Csv) {
        return Err(Error::usage(format!(
            "--no-headers applies to tables and -o csv, not -o {}, which has no header row",
            format.name()
        )));
    }
    if options.wide && format != Format::Table {
        return Err(Error::usage(format!(
            "--wide applies to tables, not -o {}, which is never cut",
            format.name()
        )));
    }
    Ok(())
}

/// A column header from a field name: `end_reason` → `END REASON`.
pub fn header_of(name: &str) -> String {
    name.replace('_', " ").to_uppercase()
}

/// The output options, resolved for one record type.
#[derive(Clone, Debug)]
pub struct View {
    pub options: OutputOptions,
    pub columns: Columns,
    /// Whether records of this type carry `raw`.
    has_raw: bool,
    /// The API key in use, masked wherever a provider's data echoes it.
    key: Option<ApiKey>,
}

impl View {
    /// Resolves `options` for records of type `R` shown in `layout`: checks `--fields` and
    /// `--raw` against the type, and picks the columns.
    pub fn new<R: Record>(options: &OutputOptions, layout: Layout) -> Result<Self, Error> {
        let schema = R::SCHEMA;
        check_applies(options, schema.has_raw, schema.noun)?;
        let columns = match &options.fields {
            _ if options.raw => Columns::Raw,
            Some(fields) => Columns::Fields(
                fields
                    .iter()
                    .map(|path| {
                        schema
                            .check(path)
                            .map(|()| Column::named(path.clone(), schema.kind(path)))
                            .map_err(|e| Error::usage(format!("--fields: {e}")))
                    })
                    .collect::<Result<_, _>>()?,
            ),
            None => match (options.format, layout) {
                (Format::Json | Format::Ndjson, _) => Columns::Whole,
                (Format::Table, Layout::Detail) => Columns::Everything,
                (Format::Table, Layout::List) if !schema.table.is_empty() => Columns::Fields(
                    schema
                        .table
                        .iter()
                        .map(|name| {
                            let path = FieldPath::top(name);
                            Column::named(path.clone(), schema.kind(&path))
                        })
                        .collect(),
                ),
                (Format::Csv | Format::Table, _) => Columns::Fields(
                    schema
                        .fields
                        .iter()
                        .map(|f| Column::named(FieldPath::top(f.name), f.kind))
                        .collect(),
                ),
            },
        };
        Ok(Self {
            options: options.clone(),
            columns,
            has_raw: schema.has_raw,
            key: None,
        })
    }

    /// Masks `key` wherever the provider's objects echo it (unless `--show-secrets`).
    pub fn masking(mut self, key: &ApiKey) -> Self {
        self.key = Some(key.clone());
        self
    }

    pub fn format(&self) -> Format {
        self.options.format
    }

    /// Whether the provider's object reaches the output — read off the columns the renderers
    /// draw, so that no change of a default can show `raw` unmasked.
    pub fn reads_raw(&self) -> bool {
        self.has_raw
            && match &self.columns {
                Columns::Whole | Columns::Raw | Columns::Everything => true,
                Columns::Fields(columns) => columns.iter().any(|c| c.path.is_raw()),
            }
    }

    /// Whether the output shows the normalized field `name` (so that a problem reading it is
    /// worth a warning).
    pub fn shows_field(&self, name: &str) -> bool {
        match &self.columns {
            Columns::Whole | Columns::Everything => true,
            Columns::Raw => false,
            Columns::Fields(columns) => columns
                .iter()
                .any(|c| !c.path.is_raw() && c.path.field == name),
        }
    }

    /// Masks credential fields of a record about to be shown, unless `--show-secrets`: the
    /// one place that decides it.
    pub fn protect<R: Record>(&self, record: &mut R) {
        self.protect_nested(record);
        if !self.reads_raw() || self.options.show_secrets {
            return;
        }
        if let Some(raw) = record.raw_mut() {
            redact(raw, self.key.as_ref());
        }
    }

    /// The part of [`View::protect`] outside `raw` (the record's own text fields, a tool
    /// call's arguments), for a record whose `raw` the transcoder masks as it writes.
    pub fn protect_nested<R: Record>(&self, record: &mut R) {
        if self.options.show_secrets {
            return;
        }
        if let Some(key) = &self.key {
            for text in record.normalized_texts_mut() {
                if key.is_in(text) {
                    *text = key.mask(text);
                }
            }
        }
        if !self.reads_raw() {
            return;
        }
        for value in record.more_provider_values_mut() {
            redact(value, self.key.as_ref());
        }
        for text in record.provider_texts_mut() {
            if let Some(masked) = masked_text(text, self.key.as_ref()) {
                *text = masked;
            }
        }
    }

    /// How the provider's objects shown are masked: the rule of [`View::protect`] for the
    /// transcoder, which masks as it writes. `None` when they are shown as received.
    pub(crate) fn mask_rule(&self) -> Option<Masking<'_>> {
        (self.reads_raw() && !self.options.show_secrets).then_some(Masking {
            key: self.key.as_ref(),
        })
    }

    /// A record's JSON form in this view: the normalized record, the provider's object, or
    /// the chosen fields keyed by their names.
    pub fn json<R: Record>(&self, record: &R) -> Value {
        match &self.columns {
            Columns::Whole | Columns::Everything => {
                serde_json::to_value(record).expect("a record serializes")
            }
            Columns::Raw => record.raw().cloned().unwrap_or(Value::Null),
            Columns::Fields(columns) => Value::Object(
                columns
                    .iter()
                    .map(|c| (c.path.name(), record.select(&c.path)))
                    .collect(),
            ),
        }
    }

    /// Whether a record's JSON is the whole record or its provider object (`Some(raw_only)`),
    /// which serialize as they are; `None` for chosen fields.
    pub fn serializes_whole(&self) -> Option<bool> {
        match &self.columns {
            Columns::Whole | Columns::Everything => Some(false),
            Columns::Raw => Some(true),
            Columns::Fields(_) => None,
        }
    }

    /// The CSV header: the columns' field names.
    pub fn csv_header(&self) -> Vec<String> {
        match &self.columns {
            Columns::Fields(columns) => columns.iter().map(|c| c.path.name()).collect(),
            // Config refuses CSV with --raw; the rest always has fields for CSV.
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;

    fn view(format: Format, fields: Option<&[&str]>, layout: Layout) -> View {
        let mut options = OutputOptions::new(format);
        options.fields =
            fields.map(|list| list.iter().map(|f| FieldPath::parse(f).unwrap()).collect());
        View::new::<Session>(&options, layout).unwrap()
    }

    #[test]
    fn raw_is_masked_wherever_it_is_shown_and_only_there() {
        assert!(view(Format::Json, None, Layout::List).reads_raw());
        assert!(view(Format::Table, None, Layout::Detail).reads_raw());
        assert!(!view(Format::Table, None, Layout::List).reads_raw());
        assert!(!view(Format::Csv, None, Layout::List).reads_raw());
        assert!(view(Format::Csv, Some(&["id", "raw.a"]), Layout::List).reads_raw());
        assert!(!view(Format::Ndjson, Some(&["id"]), Layout::List).reads_raw());
    }

    #[test]
    fn headers_follow_the_field_names() {
        let Columns::Fields(columns) = view(
            Format::Table,
            Some(&["end_reason", "duration_ms", "raw.a.b"]),
            Layout::List,
        )
        .columns
        else {
            panic!("fields")
        };
        let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, ["END REASON", "DURATION", "raw.a.b"]);
    }

    #[test]
    fn format_options_that_cannot_apply_are_refused() {
        let refused = |format, change: fn(&mut OutputOptions)| {
            let mut options = OutputOptions::new(format);
            change(&mut options);
            View::new::<Session>(&options, Layout::List)
                .err()
                .map(|e| e.to_string())
        };
        assert!(
            refused(Format::Table, |o| o.raw = true)
                .unwrap()
                .starts_with("--raw applies to")
        );
        assert!(
            refused(Format::Json, |o| {
                o.raw = true;
                o.fields = Some(vec![FieldPath::top("id")]);
            })
            .unwrap()
            .starts_with("--raw and --fields")
        );
        assert!(
            refused(Format::Json, |o| o.csv_safe = true)
                .unwrap()
                .starts_with("--csv-safe")
        );
        assert_eq!(refused(Format::Json, |o| o.utc = true), None);
        assert_eq!(refused(Format::Ndjson, |o| o.raw = true), None);
        assert_eq!(refused(Format::Csv, |o| o.csv_safe = true), None);
    }

    #[test]
    fn unknown_fields_are_refused_with_the_valid_ones() {
        let mut options = OutputOptions::new(Format::Json);
        options.fields = Some(vec![FieldPath::parse("bogus").unwrap()]);
        let error = View::new::<Session>(&options, Layout::List).unwrap_err();
        assert_eq!(error.exit_code(), 2);
        assert!(
            error.to_string().contains("valid fields: provider, id"),
            "{error}"
        );
    }
}
