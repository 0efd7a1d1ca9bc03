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

pub mod link;
pub mod model;
pub mod network;
pub mod timeline;

pub use link::{actor_key, link, places_compatible, Aliases};
pub use model::{ActorRecord, Linked, LinkedEvent, MentionRecord, TitleSpan};
pub use network::Network;
