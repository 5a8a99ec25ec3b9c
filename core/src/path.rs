//! Paths to fields, as MODEL.md writes them (`cohorts[0].outcomes[1].share`,
//! `states.AM2.flows[0].payer`). Built on the stack and written out only when a fault is found,
//! so a valid scenario is checked without allocating.

use std::fmt;

/// A path to a field, each step borrowing its parent; written out by `Display` (`""` for the
/// root).
///
/// ```
/// use samkalk::path::Path;
/// let root = Path::Root;
/// let cohorts = root.key("cohorts");
/// let first = cohorts.index(0);
/// assert_eq!(first.key("share").to_string(), "cohorts[0].share");
/// assert_eq!(Path::Root.to_string(), "");
/// ```
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The document itself (path `""`).
    Root,
    /// A member of an object (`.share`).
    Key(&'a Path<'a>, &'a str),
    /// An element of an array (`[0]`).
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The member `key` of this path; at the root it is written without a leading dot.
    ///
    /// ```
    /// use samkalk::path::Path;
    /// let states = Path::Root.key("states");
    /// assert_eq!(states.to_string(), "states");
    /// assert_eq!(states.key("AM2").to_string(), "states.AM2");
    /// ```
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }
    /// The element `i` (0-based) of this path.
    ///
    /// ```
    /// use samkalk::path::Path;
    /// let cohorts = Path::Root.key("cohorts");
    /// let second = cohorts.index(1);
    /// let outcomes = second.key("outcomes");
    /// assert_eq!(outcomes.index(0).key("share").to_string(), "cohorts[1].outcomes[0].share");
    /// ```
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_model_paths() {
        let root = Path::Root;
        let cohorts = root.key("cohorts");
        let c0 = cohorts.index(0);
        let outcomes = c0.key("outcomes");
        let o1 = outcomes.index(1);
        assert_eq!(o1.key("share").to_string(), "cohorts[0].outcomes[1].share");
        assert_eq!(root.to_string(), "");
        let states = root.key("states");
        assert_eq!(states.key("AM 2").to_string(), "states.AM 2");
    }
}
