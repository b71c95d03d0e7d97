//! The full-text side of the store: a tantivy index over titles and
//! bodies, with the filters `search` offers (day, outlet, language, event).
//!
//! The index is derived data. SQLite is the source of truth; every
//! article has a sequence number there, and each tantivy commit carries
//! the highest sequence number it holds as its commit payload, written
//! atomically with the documents. Opening for writing re-indexes whatever
//! SQLite holds beyond that number, so a crash between the SQLite commit
//! and the tantivy commit loses nothing and (since the payload and the
//! documents commit together) duplicates nothing.

use crate::StoreError;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::merge_policy::LogMergePolicy;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Name of the analyzer of titles and bodies: accents folded so that
/// "Govern" finds "Gobernó"'s neighbours in Spanish text too.
const ANALYZER: &str = "crosswire";
/// Memory the writer may buffer before it flushes a segment.
const WRITER_HEAP: usize = 50_000_000;

/// One article to index.
pub(crate) struct IndexDoc {
    pub seq: u64,
    pub event: u64,
    pub day: Option<i64>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub title: String,
    pub body: String,
}

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub seq: Field,
    pub event: Field,
    pub day: Field,
    pub outlet: Field,
    pub lang: Field,
    pub title: Field,
    pub body: Field,
}

pub(crate) struct TextIndex {
    index: Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    pub fields: Fields,
    dir: PathBuf,
    /// Highest sequence number added to the writer (committed or not).
    pub added_seq: u64,
    /// Highest sequence number in the last commit.
    pub committed_seq: u64,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        seq: b.add_u64_field(
            "seq",
            NumericOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast(),
        ),
        event: b.add_u64_field("event", NumericOptions::default().set_indexed()),
        day: b.add_i64_field("day", NumericOptions::default().set_indexed().set_fast()),
        outlet: b.add_text_field("outlet", STRING),
        lang: b.add_text_field("lang", STRING),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
    };
    (b.build(), fields)
}

/// Segments merge sixteen at a time rather than tantivy's eight. An ingest
/// commits every few seconds, so a long run makes many small segments,
/// and each level of merging rewrites every document once more: at a
/// million articles the merges were a twentieth of the run's CPU. With
/// sixteen, a million articles take one level fewer; a search then visits
/// a few more segments.
fn merge_policy() -> LogMergePolicy {
    let mut p = LogMergePolicy::default();
    p.set_min_num_segments(16);
    p
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn index_err(path: &Path, e: tantivy::TantivyError) -> StoreError {
    StoreError::Index {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

impl TextIndex {
    /// Opens the index under `dir`, creating it when absent and `write`
    /// is set. Writing takes tantivy's writer lock (an OS file lock, so a
    /// killed process never leaves it held).
    pub fn open(dir: &Path, write: bool) -> Result<TextIndex, StoreError> {
        let (schema, fields) = schema();
        let has_meta = dir.join("meta.json").exists();
        let index = if has_meta {
            Index::open_in_dir(dir).map_err(|e| index_err(dir, e))?
        } else if write {
            std::fs::create_dir_all(dir).map_err(|e| crate::db::io_err(dir, e))?;
            Index::create_in_dir(dir, schema.clone()).map_err(|e| index_err(dir, e))?
        } else {
            return Err(StoreError::Index {
                path: dir.to_path_buf(),
                detail: "the text index is missing; `crosswire ingest` rebuilds it".into(),
            });
        };
        if index.schema() != schema {
            return Err(StoreError::Index {
                path: dir.to_path_buf(),
                detail: "the text index has another schema; delete the folder and \
                         `crosswire ingest` rebuilds it from the database"
                    .into(),
            });
        }
        index.tokenizers().register(ANALYZER, analyzer());
        let committed_seq = index
            .load_metas()
            .map_err(|e| index_err(dir, e))?
            .payload
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(0);
        let writer = if write {
            match index.writer_with_num_threads(1, WRITER_HEAP) {
                Ok(w) => {
                    w.set_merge_policy(Box::new(merge_policy()));
                    Some(w)
                }
                Err(tantivy::TantivyError::LockFailure(..)) => {
                    return Err(StoreError::Busy {
                        path: dir.to_path_buf(),
                    })
                }
                Err(e) => return Err(index_err(dir, e)),
            }
        } else {
            None
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_err(dir, e))?;
        Ok(TextIndex {
            index,
            reader,
            writer,
            fields,
            dir: dir.to_path_buf(),
            added_seq: committed_seq,
            committed_seq,
        })
    }

    /// Sees what other processes committed since this reader last
    /// looked (the reader is reloaded by hand, not on a file watch).
    pub fn reload(&self) -> Result<(), StoreError> {
        self.reader.reload().map_err(|e| self.err(e))?;
        Ok(())
    }

    fn err(&self, e: tantivy::TantivyError) -> StoreError {
        index_err(&self.dir, e)
    }

    fn writer(&mut self) -> Result<&mut IndexWriter, StoreError> {
        let path = self.dir.clone();
        self.writer.as_mut().ok_or(StoreError::Index {
            path,
            detail: "the store was opened read-only".into(),
        })
    }

    /// Buffers documents. `replace` first deletes any document with the
    /// same sequence number: used when re-indexing after a crash, where
    /// it guards against a payload that lags its documents.
    pub fn add(&mut self, docs: &[IndexDoc], replace: bool) -> Result<(), StoreError> {
        let f = self.fields;
        let mut max = self.added_seq;
        let dir = self.dir.clone();
        let writer = self.writer()?;
        for d in docs {
            if replace {
                writer.delete_term(Term::from_field_u64(f.seq, d.seq));
            }
            let mut doc = TantivyDocument::default();
            doc.add_u64(f.seq, d.seq);
            doc.add_u64(f.event, d.event);
            if let Some(day) = d.day {
                doc.add_i64(f.day, day);
            }
            if let Some(o) = &d.outlet {
                doc.add_text(f.outlet, o.to_lowercase());
            }
            if let Some(l) = &d.language {
                doc.add_text(f.lang, l.to_lowercase());
            }
            doc.add_text(f.title, &d.title);
            doc.add_text(f.body, &d.body);
            writer.add_document(doc).map_err(|e| index_err(&dir, e))?;
            max = max.max(d.seq);
        }
        self.added_seq = max;
        Ok(())
    }

    /// Commits what was added, recording the highest sequence number in
    /// the same commit.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.added_seq == self.committed_seq {
            return Ok(());
        }
        let seq = self.added_seq;
        let dir = self.dir.clone();
        let writer = self.writer()?;
        let mut prepared = writer.prepare_commit().map_err(|e| index_err(&dir, e))?;
        prepared.set_payload(&seq.to_string());
        prepared.commit().map_err(|e| index_err(&dir, e))?;
        self.committed_seq = seq;
        self.reader.reload().map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Documents in the last commit.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Waits for background merges to finish (at the end of an ingest, so
    /// the next open finds few segments).
    pub fn close(mut self) -> Result<(), StoreError> {
        if let Some(w) = self.writer.take() {
            w.wait_merging_threads()
                .map_err(|e| index_err(&self.dir, e))?;
        }
        Ok(())
    }

    /// Runs a search; returns (score, seq) best first, plus a snippet
    /// maker for bodies.
    pub fn search(&self, q: &IndexQuery<'_>) -> Result<Vec<(f32, u64)>, StoreError> {
        let (query, text) = self.build(q);
        let searcher = self.reader.searcher();
        let limit = TopDocs::with_limit(q.limit.max(1));
        let top: Vec<(f32, tantivy::DocAddress)> = if text.is_some() {
            searcher.search(&query, &limit).map_err(|e| self.err(e))?
        } else {
            // Filters alone score every match alike: latest stored first.
            // (By sequence number, which every document has; a day-ordered
            // sort would fail on segments of undated articles.)
            searcher
                .search(
                    &query,
                    &limit.order_by_fast_field::<u64>("seq", tantivy::Order::Desc),
                )
                .map_err(|e| self.err(e))?
                .into_iter()
                .map(|(_, addr)| (0.0, addr))
                .collect()
        };
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
            if let Some(seq) = doc.get_first(self.fields.seq).and_then(|v| v.as_u64()) {
                out.push((score, seq));
            }
        }
        Ok(out)
    }

    /// A snippet generator for the text part of a query, when it has one.
    pub fn snippets(&self, q: &IndexQuery<'_>) -> Option<tantivy::snippet::SnippetGenerator> {
        let (_, text) = self.build(q);
        let text = text?;
        let mut g = tantivy::snippet::SnippetGenerator::create(
            &self.reader.searcher(),
            text.as_ref(),
            self.fields.body,
        )
        .ok()?;
        g.set_max_num_chars(160);
        Some(g)
    }

    fn build(&self, q: &IndexQuery<'_>) -> (Box<dyn Query>, Option<Box<dyn Query>>) {
        let f = self.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let words = q.text.trim();
        let text: Option<Box<dyn Query>> = if words.is_empty() || words == "*" {
            None
        } else {
            let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body]);
            parser.set_conjunction_by_default();
            parser.set_field_boost(f.title, 2.0);
            // Lenient: a stray quote or colon in what a user typed should
            // still search for the words around it.
            let (query, _errors) = parser.parse_query_lenient(words);
            Some(query)
        };
        if let Some(t) = &text {
            must.push((Occur::Must, t.box_clone()));
        }
        if q.from.is_some() || q.to.is_some() {
            let bound = |d: Option<i64>| match d {
                Some(d) => Bound::Included(Term::from_field_i64(f.day, d)),
                None => Bound::Unbounded,
            };
            must.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(q.from), bound(q.to))),
            ));
        }
        let term = |field: Field, s: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, &s.to_lowercase()),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(o) = q.outlet {
            must.push((Occur::Must, term(f.outlet, o)));
        }
        if let Some(l) = q.language {
            must.push((Occur::Must, term(f.lang, l)));
        }
        if let Some(events) = q.events {
            let any: Vec<(Occur, Box<dyn Query>)> = events
                .iter()
                .map(|&e| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_u64(f.event, e),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        let query: Box<dyn Query> = if must.is_empty() {
            Box::new(AllQuery)
        } else if text.is_none() {
            // Filters alone: every match scores alike (see `search`).
            must.push((Occur::Must, Box::new(AllQuery)));
            Box::new(BooleanQuery::new(must))
        } else {
            Box::new(BooleanQuery::new(must))
        };
        (query, text)
    }
}

/// What `search` asks the index.
pub(crate) struct IndexQuery<'a> {
    pub text: &'a str,
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub outlet: Option<&'a str>,
    pub language: Option<&'a str>,
    /// Events (as recorded at insert time) any of which the article must be in.
    pub events: Option<&'a [u64]>,
    pub limit: usize,
}
