use annals_extract::model::{EventType, PartialDate, Status};
use annals_graph::model::LinkedEvent;

/// Which linked events [`Store::events`](crate::Store::events) returns.
/// Every field that is set must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// A participant whose canonical name contains this, ignoring case.
    pub actor: Option<String>,
    /// Another participant (not the one `actor` matched) whose name
    /// contains this, ignoring case.
    pub with: Option<String>,
    pub kind: Option<EventType>,
    /// The event's date interval ends on or after the first day of `from`
    /// ("2025-11" keeps an event dated "2025"). Undated events never match.
    pub from: Option<PartialDate>,
    /// The event's date interval starts on or before the last day of `to`.
    pub to: Option<PartialDate>,
    pub status: Option<Status>,
}

impl EventFilter {
    pub fn matches(&self, event: &LinkedEvent) -> bool {
        if self.kind.is_some_and(|k| k != event.kind) || self.status.is_some_and(|s| s != event.status) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = event.date else { return false };
            let (begin, end) = date.interval();
            if self.from.is_some_and(|from| end < from.interval().0)
                || self.to.is_some_and(|to| begin > to.interval().1)
            {
                return false;
            }
        }
        let names: Vec<String> = event.participants.iter().map(|p| p.to_lowercase()).collect();
        let hits = |needle: &Option<String>| -> Option<Vec<usize>> {
            let needle = needle.as_ref()?.to_lowercase();
            Some((0..names.len()).filter(|&i| names[i].contains(&needle)).collect())
        };
        match (hits(&self.actor), hits(&self.with)) {
            (None, None) => true,
            (Some(a), None) | (None, Some(a)) => !a.is_empty(),
            (Some(a), Some(w)) => a.iter().any(|i| w.iter().any(|j| i != j)),
        }
    }
}
