//! The actor network: actors joined by the events they share, for "who met
//! whom", shortest chains of meetings and ego networks. petgraph stays
//! inside: callers get names, events and numbers.

use std::collections::{HashMap, VecDeque};
use std::fmt::Write;

use annals_extract::model::{EventType, PartialDate};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use crate::model::LinkedEvent;

/// An undirected graph of actors; each edge lists the events two actors
/// share.
pub struct Network {
    graph: UnGraph<String, Vec<usize>>,
    index: HashMap<String, NodeIndex>,
    events: Vec<LinkedEvent>,
}

/// One step of a chain: from an actor, through an event, to the next actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub from: String,
    pub to: String,
    /// The most recent event the two share (the latest dated one).
    pub event_id: String,
    pub kind: EventType,
    pub date: Option<PartialDate>,
    pub place: Option<String>,
    /// How many events the two share.
    pub shared: usize,
}

impl Network {
    /// Build from linked events; only events with two or more participants
    /// make edges. `from`/`to` keep events whose date interval overlaps.
    pub fn new(events: &[LinkedEvent], from: Option<PartialDate>, to: Option<PartialDate>) -> Network {
        let mut graph: UnGraph<String, Vec<usize>> = UnGraph::new_undirected();
        let mut index = HashMap::new();
        let kept: Vec<LinkedEvent> = events.iter().filter(|e| in_period(e.date, from, to)).cloned().collect();
        for (ei, e) in kept.iter().enumerate() {
            let nodes: Vec<NodeIndex> = e
                .participants
                .iter()
                .map(|p| *index.entry(p.clone()).or_insert_with(|| graph.add_node(p.clone())))
                .collect();
            for i in 0..nodes.len() {
                for j in i + 1..nodes.len() {
                    match graph.find_edge(nodes[i], nodes[j]) {
                        Some(edge) => graph[edge].push(ei),
                        None => {
                            graph.add_edge(nodes[i], nodes[j], vec![ei]);
                        }
                    }
                }
            }
        }
        Network { graph, index, events: kept }
    }

    /// Find an actor by name, case-insensitively (exact, then substring).
    pub fn find(&self, name: &str) -> Option<String> {
        self.find_all(name).into_iter().next()
    }

    /// Every actor a name could mean: the exact match alone, else every
    /// actor whose name contains it, sorted.
    pub fn find_all(&self, name: &str) -> Vec<String> {
        let lower = name.to_lowercase();
        let mut names: Vec<&String> = self.index.keys().collect();
        names.sort();
        if let Some(n) = names.iter().find(|n| n.to_lowercase() == lower) {
            return vec![(*n).clone()];
        }
        names.into_iter().filter(|n| n.to_lowercase().contains(&lower)).cloned().collect()
    }

    /// How many actors and links the network has.
    pub fn size(&self) -> (usize, usize) {
        (self.graph.node_count(), self.graph.edge_count())
    }

    /// Pairs of actors with the number of events they share, most first.
    pub fn pairs(&self) -> Vec<(String, String, usize)> {
        let mut out: Vec<(String, String, usize)> = self
            .graph
            .edge_references()
            .map(|e| {
                let (a, b) = (&self.graph[e.source()], &self.graph[e.target()]);
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                (a.clone(), b.clone(), e.weight().len())
            })
            .collect();
        out.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
        out
    }

    /// Actors by number of distinct partners, then events.
    pub fn most_connected(&self, limit: usize) -> Vec<(String, usize, usize)> {
        let mut out: Vec<(String, usize, usize)> = self
            .graph
            .node_indices()
            .map(|n| {
                let partners = self.graph.neighbors(n).count();
                let events = self.graph.edges(n).map(|e| e.weight().len()).sum();
                (self.graph[n].clone(), partners, events)
            })
            .collect();
        out.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)).then(x.0.cmp(&y.0)));
        out.truncate(limit);
        out
    }

    /// The shortest chain of shared events linking two actors.
    pub fn path(&self, a: &str, b: &str) -> Option<Vec<Step>> {
        let (&start, &goal) = (self.index.get(a)?, self.index.get(b)?);
        let mut prev: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        let mut seen = vec![false; self.graph.node_count()];
        seen[start.index()] = true;
        while let Some(n) = queue.pop_front() {
            if n == goal {
                break;
            }
            let mut next: Vec<NodeIndex> = self.graph.neighbors(n).collect();
            next.sort_by(|x, y| self.graph[*x].cmp(&self.graph[*y]));
            for m in next {
                if !seen[m.index()] {
                    seen[m.index()] = true;
                    prev.insert(m, n);
                    queue.push_back(m);
                }
            }
        }
        if start != goal && !prev.contains_key(&goal) {
            return None;
        }
        let mut chain = vec![goal];
        while let Some(p) = prev.get(chain.last()?) {
            chain.push(*p);
        }
        chain.reverse();
        Some(
            chain
                .windows(2)
                .map(|w| {
                    let edge = self.graph.find_edge(w[0], w[1]).expect("path edge");
                    let shared = &self.graph[edge];
                    let latest = shared
                        .iter()
                        .map(|&i| &self.events[i])
                        .max_by_key(|e| (e.date.map(|d| d.interval().0), std::cmp::Reverse(e.id.clone())))
                        .expect("an edge has an event");
                    Step {
                        from: self.graph[w[0]].clone(),
                        to: self.graph[w[1]].clone(),
                        event_id: latest.id.clone(),
                        kind: latest.kind,
                        date: latest.date,
                        place: latest.place.clone(),
                        shared: shared.len(),
                    }
                })
                .collect(),
        )
    }

    /// Actors within `depth` steps of `a`, and the edges among them:
    /// (actor, actor, shared events).
    pub fn ego(&self, a: &str, depth: usize) -> Vec<(String, String, usize)> {
        let Some(&start) = self.index.get(a) else { return Vec::new() };
        let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(start, 0)]);
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            if dist[&n] == depth {
                continue;
            }
            for m in self.graph.neighbors(n) {
                if !dist.contains_key(&m) {
                    dist.insert(m, dist[&n] + 1);
                    queue.push_back(m);
                }
            }
        }
        self.pairs()
            .into_iter()
            .filter(|(x, y, _)| dist.contains_key(&self.index[x]) && dist.contains_key(&self.index[y]))
            .collect()
    }
}

/// Whether a date (interval) overlaps the period [from, to].
pub fn in_period(date: Option<PartialDate>, from: Option<PartialDate>, to: Option<PartialDate>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    let (b, e) = d.interval();
    from.is_none_or(|f| e >= f.interval().0) && to.is_none_or(|t| b <= t.interval().1)
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A DOT drawing of actor pairs (actor, actor, shared events): line width
/// grows with the number of shared events; `center` (an ego network's
/// actor) is drawn first and highlighted, and the layout is radial around
/// it (`twopi`), otherwise spring-based (`neato`). Both run inside `dot`
/// through the `layout` attribute.
pub fn pairs_to_dot(pairs: &[(String, String, usize)], center: Option<&str>, title: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "graph network {{");
    let layout = if center.is_some() { "twopi" } else { "neato" };
    let _ = writeln!(
        out,
        "  graph [layout={layout}, overlap=false, splines=true, fontname=\"Helvetica\", fontsize=18, labelloc=t, label=\"{}\"{}];",
        escape(title),
        center.map(|c| format!(", root=\"{}\", ranksep=2.2", escape(c))).unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fa\", color=\"#35608f\", fontname=\"Helvetica\", fontsize=11];"
    );
    let _ = writeln!(out, "  edge [color=\"#7f97b2\", fontname=\"Helvetica\", fontsize=9, fontcolor=\"#35608f\"];");
    let mut nodes: Vec<&str> = pairs.iter().flat_map(|(a, b, _)| [a.as_str(), b.as_str()]).collect();
    nodes.sort();
    nodes.dedup();
    if let Some(c) = center {
        let _ = writeln!(out, "  \"{}\" [fillcolor=\"#35608f\", fontcolor=white, fontsize=13];", escape(c));
    }
    for n in nodes.iter().filter(|n| Some(**n) != center) {
        let _ = writeln!(out, "  \"{}\";", escape(n));
    }
    for (a, b, w) in pairs {
        let _ = writeln!(
            out,
            "  \"{}\" -- \"{}\" [penwidth={:.1}, label=\"{w}\"];",
            escape(a),
            escape(b),
            1.0 + (*w as f32).ln_1p() * 1.5
        );
    }
    let _ = writeln!(out, "}}");
    out
}
