//! Result and dump formats.

use std::collections::HashSet;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use crate::vocab::PREFIXES;
use crate::Error;

/// What a query returned, fully read into memory.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryOutput {
    /// SELECT: variable names and one row per solution (`None` = unbound).
    Solutions { vars: Vec<String>, rows: Vec<Vec<Option<Term>>> },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT / DESCRIBE.
    Graph(Vec<Triple>),
}

impl QueryOutput {
    /// The value of `var` in row `row` as display text (see [`term_text`]).
    pub fn text(&self, row: usize, var: &str) -> Option<String> {
        match self {
            QueryOutput::Solutions { vars, rows } => {
                let col = vars.iter().position(|v| v == var)?;
                rows.get(row)?.get(col)?.as_ref().map(term_text)
            }
            _ => None,
        }
    }
}

/// How to print query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// Aligned text columns for a terminal (IRIs shortened with the
    /// standard prefixes, literals without quotes or datatypes).
    Table,
    /// W3C SPARQL 1.1 CSV.
    Csv,
    /// W3C SPARQL 1.1 TSV.
    Tsv,
    /// W3C SPARQL 1.1 JSON results.
    Json,
    /// W3C SPARQL XML results.
    Xml,
    /// Turtle, for CONSTRUCT/DESCRIBE.
    Turtle,
    /// N-Triples, for CONSTRUCT/DESCRIBE.
    NTriples,
    /// JSON-LD, for CONSTRUCT/DESCRIBE.
    JsonLd,
    /// RDF/XML, for CONSTRUCT/DESCRIBE.
    RdfXml,
}

impl FromStr for ResultFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "table" | "text" => ResultFormat::Table,
            "csv" => ResultFormat::Csv,
            "tsv" => ResultFormat::Tsv,
            "json" | "srj" => ResultFormat::Json,
            "xml" | "srx" => ResultFormat::Xml,
            "turtle" | "ttl" => ResultFormat::Turtle,
            "ntriples" | "n-triples" | "nt" => ResultFormat::NTriples,
            "jsonld" | "json-ld" => ResultFormat::JsonLd,
            "rdfxml" | "rdf+xml" | "rdf" => ResultFormat::RdfXml,
            _ => {
                return Err(format!(
                    "unknown result format {s:?} (one of table, csv, tsv, json, xml, turtle, ntriples, jsonld, rdfxml)"
                ))
            }
        })
    }
}

impl fmt::Display for ResultFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ResultFormat::Table => "table",
            ResultFormat::Csv => "csv",
            ResultFormat::Tsv => "tsv",
            ResultFormat::Json => "json",
            ResultFormat::Xml => "xml",
            ResultFormat::Turtle => "turtle",
            ResultFormat::NTriples => "ntriples",
            ResultFormat::JsonLd => "jsonld",
            ResultFormat::RdfXml => "rdfxml",
        })
    }
}

/// How to dump the whole store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DumpFormat {
    /// One quad per line; graph names kept. Diff- and grep-friendly.
    #[default]
    NQuads,
    /// Turtle with named graph blocks; graph names kept.
    TriG,
    /// All graphs merged into one (graph names dropped, a triple stated in
    /// several graphs written once). For tools that read only triples.
    Turtle,
    /// JSON-LD: one `{"@id": graph, "@graph": [...]}` object per named
    /// graph; graph names kept.
    JsonLd,
}

impl FromStr for DumpFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "nquads" | "n-quads" | "nq" => DumpFormat::NQuads,
            "trig" => DumpFormat::TriG,
            "turtle" | "ttl" => DumpFormat::Turtle,
            "jsonld" | "json-ld" => DumpFormat::JsonLd,
            _ => return Err(format!("unknown dump format {s:?} (one of nquads, trig, turtle, jsonld)")),
        })
    }
}

impl fmt::Display for DumpFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DumpFormat::NQuads => "nquads",
            DumpFormat::TriG => "trig",
            DumpFormat::Turtle => "turtle",
            DumpFormat::JsonLd => "jsonld",
        })
    }
}

fn with_prefixes(format: RdfFormat) -> RdfSerializer {
    let mut serializer = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::JsonLd { .. }) {
        // With `id:`, every local name would need `\/` escapes; full IRIs read better.
        for (prefix, iri) in PREFIXES.iter().filter(|(p, _)| *p != "id") {
            serializer = serializer.with_prefix(*prefix, *iri).expect("static prefixes are valid IRIs");
        }
    }
    serializer
}

pub(crate) fn write_results(out: QueryOutput, format: ResultFormat, w: &mut dyn Write) -> Result<(), Error> {
    let sparql_format = match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    };
    match (out, sparql_format) {
        (QueryOutput::Solutions { vars, rows }, Some(f)) => {
            let variables = vars
                .iter()
                .map(|v| Variable::new(v).map_err(|e| Error::Format(e.to_string())))
                .collect::<Result<Vec<_>, _>>()?;
            let mut s = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(w, variables.clone())?;
            for row in &rows {
                s.serialize(variables.iter().zip(row).filter_map(|(v, t)| Some((v.as_ref(), t.as_ref()?.as_ref()))))?;
            }
            s.finish()?;
        }
        (QueryOutput::Boolean(b), Some(f)) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(w, b)?;
        }
        (QueryOutput::Solutions { vars, rows }, None) if format == ResultFormat::Table => write_table(&vars, &rows, w)?,
        (QueryOutput::Boolean(b), None) if format == ResultFormat::Table => writeln!(w, "{b}")?,
        (QueryOutput::Graph(triples), None) => {
            // A table of triples is just Turtle.
            let rdf = match format {
                ResultFormat::NTriples => RdfFormat::NTriples,
                ResultFormat::JsonLd => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
                ResultFormat::RdfXml => RdfFormat::RdfXml,
                _ => RdfFormat::Turtle,
            };
            let mut s = with_prefixes(rdf).for_writer(w);
            for triple in &triples {
                s.serialize_triple(triple)?;
            }
            s.finish()?;
        }
        (QueryOutput::Graph(_), Some(_)) => {
            return Err(Error::Format(format!(
                "{format} is a SELECT/ASK result format; CONSTRUCT and DESCRIBE results need turtle, ntriples, jsonld, rdfxml or table"
            )))
        }
        (_, None) => {
            return Err(Error::Format(format!(
                "{format} is for CONSTRUCT/DESCRIBE results; SELECT and ASK results need table, csv, tsv, json or xml"
            )))
        }
    }
    Ok(())
}

/// A term as a person reads it: prefixed IRI, bare literal value.
pub fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (prefix, ns) in PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(ns) {
                    if !local.is_empty() {
                        return format!("{prefix}:{local}");
                    }
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::Literal(l) => l.value().replace(['\n', '\r', '\t'], " "),
        other => other.to_string(),
    }
}

fn write_table(vars: &[String], rows: &[Vec<Option<Term>>], w: &mut dyn Write) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> =
        rows.iter().map(|row| row.iter().map(|t| t.as_ref().map(term_text).unwrap_or_default()).collect()).collect();
    let mut widths: Vec<usize> = vars.iter().map(|v| v.chars().count()).collect();
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |w: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            text.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
        }
        writeln!(w, "{}", text.trim_end())
    };
    line(w, vars)?;
    line(w, &widths.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>())?;
    for row in &cells {
        line(w, row)?;
    }
    Ok(())
}

pub(crate) fn export(store: &oxigraph::store::Store, format: DumpFormat, w: &mut dyn Write) -> Result<(), Error> {
    match format {
        DumpFormat::NQuads | DumpFormat::TriG | DumpFormat::JsonLd => {
            let rdf = match format {
                DumpFormat::NQuads => RdfFormat::NQuads,
                DumpFormat::TriG => RdfFormat::TriG,
                _ => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
            };
            let mut s = with_prefixes(rdf).for_writer(w);
            for quad in store.iter() {
                s.serialize_quad(&quad?)?;
            }
            s.finish()?;
        }
        DumpFormat::Turtle => {
            let mut seen = HashSet::new();
            let mut s = with_prefixes(RdfFormat::Turtle).for_writer(w);
            for quad in store.iter() {
                let triple = Triple::from(quad?);
                if !seen.contains(&triple) {
                    s.serialize_triple(&triple)?;
                    seen.insert(triple);
                }
            }
            s.finish()?;
        }
    }
    Ok(())
}
