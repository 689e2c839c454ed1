//! Disjoint sets over indexes, for grouping copies, sources and statements.
use rustc_hash::FxHashMap;

/// Union-find over indexes `0..n` (documents, paragraph copies, statements).
pub(crate) struct UnionFind(Vec<usize>);

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    pub fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.0.get(x) {
            if p == x {
                break;
            }
            let grand = self.0.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.0.get_mut(x) {
                *slot = grand;
            }
            x = p;
        }
        x
    }
    /// Join the sets of `a` and `b`; true when they were apart (the smaller root is kept, so a
    /// set's root is its smallest member).
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        if let Some(slot) = self.0.get_mut(gone) {
            *slot = keep;
        }
        true
    }

    /// Every set, members ascending, sets in the order of their smallest member: one pass,
    /// where asking each root for its members would be quadratic.
    pub fn components(&mut self) -> Vec<Vec<usize>> {
        let mut slot_of_root: FxHashMap<usize, usize> = FxHashMap::default();
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for x in 0..self.0.len() {
            let root = self.find(x);
            let slot = *slot_of_root.entry(root).or_insert_with(|| {
                sets.push(Vec::new());
                sets.len() - 1
            });
            if let Some(set) = sets.get_mut(slot) {
                set.push(x);
            }
        }
        sets
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_listed_by_smallest_member_with_members_ascending() {
        let mut sets = UnionFind::new(6);
        assert!(sets.union(4, 1));
        assert!(sets.union(5, 3));
        assert!(sets.union(3, 1));
        assert!(!sets.union(5, 4), "already one set");
        assert_eq!(sets.find(5), 1, "the root is the smallest member");
        assert_eq!(sets.components(), vec![vec![0], vec![1, 3, 4, 5], vec![2]]);
    }
}
