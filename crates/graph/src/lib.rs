//! annals-graph: links what articles say into one record per real actor and
//! per real event.
//!
//! Input is the per-article [`annals_extract::model::EventMention`]s with
//! their [`annals_extract::model::ArticleInfo`]; output is [`Linked`].
//! Only this crate knows petgraph; none of its types cross the API.
//!
//! ```
//! use annals_graph::{link, Aliases};
//! let linked = link(&[], &[], &Aliases::default());
//! assert!(linked.events.is_empty());
//! ```

mod cluster;
pub mod explain;
pub mod link;
pub mod model;
pub mod network;
pub mod place;
pub mod timeline;

pub use cluster::{source_groups, SYNDICATION_THRESHOLD};
pub use explain::{disagreements, status_history, Claim, Disagreement, StatusStep};
pub use link::{actor_key, link, Aliases};
pub use model::{ActorRecord, Linked, LinkedEvent, MentionRecord, TitleSpan};
pub use network::{pairs_to_dot, Network, Step};
pub use place::places_compatible;
