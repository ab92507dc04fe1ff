//! JSONL files: one article a line, each field checked for its type and reported in words.

use super::*;

/// The fields of one JSONL article, each checked for its type.
#[derive(Default)]
pub(super) struct JsonRecord {
    id: Option<String>,
    title: Option<String>,
    body: Option<String>,
    source: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    url: Option<String>,
}

impl JsonRecord {
    /// Read a record from one line, or say in plain words what is wrong with it.
    fn parse(line: &str) -> std::result::Result<JsonRecord, String> {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            format!(
                "not valid JSON ({} at column {}); skipped",
                json_error_kind(&e),
                e.column()
            )
        })?;
        let serde_json::Value::Object(map) = value else {
            return Err(
                "not a JSON object (an article is {\"title\": …, \"body\": …}); skipped".into(),
            );
        };
        let text = |name: &str| -> std::result::Result<Option<String>, String> {
            match map.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => Err(format!(
                    "field \"{name}\" is {}, not text; skipped",
                    json_type(other)
                )),
            }
        };
        let id = match map.get("id") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s.clone()).filter(|s| !s.is_empty()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            Some(other) => {
                return Err(format!(
                    "field \"id\" is {}, not text or a number; skipped",
                    json_type(other)
                ))
            }
        };
        let authors = match map.get("authors") {
            None | Some(serde_json::Value::Null) => Vec::new(),
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        serde_json::Value::String(s) => out.push(s.clone()),
                        other => {
                            return Err(format!(
                                "field \"authors\" holds {}, not text; skipped",
                                json_type(other)
                            ))
                        }
                    }
                }
                out
            }
            Some(other) => {
                return Err(format!(
                    "field \"authors\" is {}, not text or a list of text; skipped",
                    json_type(other)
                ))
            }
        };
        Ok(JsonRecord {
            id,
            title: text("title")?,
            body: match text("body")? {
                Some(b) => Some(b),
                None => text("text")?,
            },
            source: text("source")?,
            authors,
            date: text("date")?,
            url: text("url")?,
        })
    }
}

/// "a number", "a list": a JSON value's type in words.
pub(super) fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "true or false",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "text",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// What kind of JSON syntax error, in words.
pub(super) fn json_error_kind(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "it ends too early",
        serde_json::error::Category::Syntax => "a syntax error",
        serde_json::error::Category::Data => "a bad value",
        serde_json::error::Category::Io => "a read error",
    }
}

/// The articles of a JSONL file's bytes (one record a line), with a warning for each bad line.
pub fn read_jsonl(file_id: &str, shown: &str, bytes: &[u8]) -> (Vec<RawDoc>, Vec<Warning>) {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    let text = match decode(bytes) {
        Decoded::Text(t, w) => {
            if let Some(w) = w {
                warnings.push(Warning::new(shown, w));
            }
            t
        }
        Decoded::Skip(msg) => return (docs, vec![Warning::new(shown, msg)]),
    };
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let where_ = format!("{shown}:{line_no}");
        let record = match JsonRecord::parse(line) {
            Ok(r) => r,
            Err(msg) => {
                warnings.push(Warning::new(where_, msg));
                continue;
            }
        };
        let body = record.body.unwrap_or_default();
        let title = record.title.filter(|t| !t.trim().is_empty());
        if body.trim().is_empty() && title.is_none() {
            warnings.push(Warning::new(
                where_,
                "record has no title and no body; skipped",
            ));
            continue;
        }
        let clean = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
        let title_line = title.as_deref().map(|t| clean(t).replace('\n', " "));
        let text = match &title_line {
            Some(t) => format!("{t}\n\n{}", clean(&body)),
            None => clean(&body),
        };
        let id = record.id.unwrap_or_else(|| format!("{file_id}/{line_no}"));
        let authors = record.authors;
        docs.push(RawDoc {
            id,
            path: where_,
            text,
            record: Some(RecordMeta {
                title: title_line,
                source: record.source.filter(|s| !s.trim().is_empty()),
                authors: authors
                    .into_iter()
                    .filter(|a| !a.trim().is_empty())
                    .collect(),
                date: record.date.filter(|s| !s.trim().is_empty()),
                url: record.url.filter(|s| !s.trim().is_empty()),
            }),
        });
    }
    (docs, warnings)
}
