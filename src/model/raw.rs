//! A provider's object as received: kept as its JSON text, and turned into a tree only when
//! something needs one (a `raw.` field, the detail table, JSON output, masking). An export that
//! shows none of it — CSV of the normalized fields — never builds one.

use std::cell::OnceCell;
use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::Value;

pub struct RawObject {
    /// The JSON text as received (checked as one JSON value when it was read); `None`: null,
    /// the object of a record read without it.
    text: Option<Box<str>>,
    /// Whether the text is written out as received while no tree is built: compact, with
    /// nothing in it that the output changes but perhaps the API key (which is looked for
    /// as it is written).
    verbatim: bool,
    tree: OnceCell<Value>,
}

impl RawObject {
    /// No object: null (what a list read without its provider objects holds).
    pub fn null() -> Self {
        Self {
            text: None,
            verbatim: false,
            tree: OnceCell::new(),
        }
    }

    /// The object from its text, as a list body held it: one JSON value, already checked
    /// (a text that is not one would show as null).
    pub fn from_text(text: Box<str>, verbatim: bool) -> Self {
        Self {
            text: Some(text),
            verbatim,
            tree: OnceCell::new(),
        }
    }

    /// The object from a tree already built.
    pub fn from_value(value: Value) -> Self {
        let text = Some(value.to_string().into());
        let tree = OnceCell::new();
        let _ = tree.set(value);
        Self {
            text,
            verbatim: false,
            tree,
        }
    }

    /// The tree, built on first use. (The text was checked as JSON when it was read, so it
    /// always parses; null would only stand for a text that does not.)
    pub fn tree(&self) -> &Value {
        self.tree.get_or_init(|| match &self.text {
            Some(text) => serde_json::from_str(text).unwrap_or(Value::Null),
            None => Value::Null,
        })
    }

    /// The text as received, while no tree has been built: once one is, it may have been
    /// changed (masked), and the tree is what is shown.
    pub fn received(&self) -> Option<&str> {
        let text = self.text.as_deref().unwrap_or("null");
        self.tree.get().is_none().then_some(text)
    }

    /// The text as received, when it is also what the output writes for it (compact, with
    /// nothing to mask but perhaps the API key): see [`Self::received`].
    pub fn verbatim(&self) -> Option<&str> {
        self.received().filter(|_| self.verbatim)
    }

    /// Takes the object out, leaving null in its place.
    pub fn take(&mut self) -> Self {
        std::mem::replace(self, Self::null())
    }

    pub fn tree_mut(&mut self) -> &mut Value {
        self.tree();
        self.tree.get_mut().expect("the tree was just built")
    }
}

impl Clone for RawObject {
    fn clone(&self) -> Self {
        Self {
            text: self.text.clone(),
            verbatim: self.verbatim,
            tree: self.tree.clone(),
        }
    }
}

impl PartialEq for RawObject {
    fn eq(&self, other: &Self) -> bool {
        self.tree() == other.tree()
    }
}

impl fmt::Debug for RawObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.tree(), f)
    }
}

/// Always from the tree: what is shown has been masked in it, and a tree prints compactly
/// (an NDJSON record stays one line) and indents like the rest of a pretty document.
impl Serialize for RawObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.tree().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_built_from_the_text_when_asked_for() {
        let text = r#"{"a": 9007199254740993, "b": [1]}"#.into();
        let mut raw = RawObject::from_text(text, false);
        assert_eq!(raw.tree()["b"][0], 1);
        raw.tree_mut()["a"] = Value::from("masked");
        assert_eq!(
            serde_json::to_string(&raw).unwrap(),
            r#"{"a":"masked","b":[1]}"#
        );
        let big = RawObject::from_text("12345678901234567890123".into(), false);
        assert_eq!(
            serde_json::to_string(&big).unwrap(),
            "12345678901234567890123"
        );
        assert_eq!(
            RawObject::from_value(Value::Null),
            RawObject::from_value(Value::Null)
        );
    }

    #[test]
    fn the_received_text_is_offered_until_a_tree_is_built() {
        let text = r#"{"a": 1}"#.into();
        let mut raw = RawObject::from_text(text, false);
        assert_eq!(raw.received(), Some(r#"{"a": 1}"#));
        let taken = raw.take();
        assert_eq!(raw.received(), Some("null"));
        assert_eq!(taken.received(), Some(r#"{"a": 1}"#));
        raw = taken;
        raw.tree_mut()["a"] = Value::from(2);
        assert_eq!(raw.received(), None);
    }
}
