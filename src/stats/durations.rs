//! The known durations of ended sessions, each stored once, and exact nearest-rank
//! percentiles over one group or, without copying, over several groups at once (the total).
//!
//! A duration costs 4 bytes while it fits a `u32` of milliseconds (49 days); longer ones,
//! which only an odd provider record has, go to a second list. Every short duration is below
//! every long one, so the two lists, each sorted, are one sorted sequence end to end.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The percentiles reported, in increasing order.
pub const PERCENTILES: [u32; 3] = [50, 90, 95];

/// One group's known durations, in milliseconds.
#[derive(Clone, Debug, Default)]
pub struct Durations {
    short: Vec<u32>,
    long: Vec<u64>,
    /// Their sum, which no number of `u64` durations a process can hold overflows.
    sum: u128,
    sorted: bool,
}

impl Durations {
    pub fn push(&mut self, ms: u64) {
        match u32::try_from(ms) {
            Ok(short) => self.short.push(short),
            Err(_) => self.long.push(ms),
        }
        self.sum += u128::from(ms);
        self.sorted = false;
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn sum(&self) -> u128 {
        self.sum
    }

    /// Sorts in place; [`Durations::summary`] and [`summarize`] need it done.
    pub fn sort(&mut self) {
        if !self.sorted {
            self.short.sort_unstable();
            self.long.sort_unstable();
            self.sorted = true;
        }
    }

    /// The `i`-th smallest (from 0), once sorted.
    fn get(&self, i: usize) -> u64 {
        debug_assert!(self.sorted, "durations are sorted before they are read");
        match self.short.get(i) {
            Some(short) => u64::from(*short),
            None => self.long[i - self.short.len()],
        }
    }

    fn max(&self) -> Option<u64> {
        self.len().checked_sub(1).map(|last| self.get(last))
    }

    /// This group's summary; it must be sorted.
    pub fn summary(&self) -> Summary {
        summarize(&[self])
    }
}

/// What the reports say of a set of durations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub count: u64,
    pub sum: u128,
    /// The mean, rounded to the nearest millisecond (half up).
    pub mean: Option<u64>,
    /// The [`PERCENTILES`], in order.
    pub percentiles: [Option<u64>; 3],
    pub max: Option<u64>,
}

/// The 1-based nearest rank of percentile `p` among `n` values: ⌈p/100 × n⌉, at least 1.
pub fn nearest_rank(p: u32, n: usize) -> usize {
    let n = n as u128;
    let rank = (u128::from(p) * n).div_ceil(100);
    rank.max(1) as usize
}

/// The summary of several sorted groups taken together, read by merging them in order
/// (a k-way merge up to the highest rank asked for) rather than copying them into one.
pub fn summarize(parts: &[&Durations]) -> Summary {
    let parts: Vec<&Durations> = parts.iter().copied().filter(|d| !d.is_empty()).collect();
    let n: usize = parts.iter().map(|d| d.len()).sum();
    if n == 0 {
        return Summary::default();
    }
    let sum: u128 = parts.iter().map(|d| d.sum()).sum();
    let ranks = PERCENTILES.map(|p| nearest_rank(p, n));
    let percentiles = match parts.as_slice() {
        [one] => ranks.map(|rank| Some(one.get(rank - 1))),
        _ => merged_at_ranks(&parts, &ranks).map(Some),
    };
    let n128 = n as u128;
    let mean = (sum + n128 / 2) / n128;
    Summary {
        count: n as u64,
        sum,
        mean: Some(u64::try_from(mean).unwrap_or(u64::MAX)),
        percentiles,
        max: parts.iter().filter_map(|d| d.max()).max(),
    }
}

/// The values at the given 1-based ranks (in increasing order) of the merged sequence.
fn merged_at_ranks<const K: usize>(parts: &[&Durations], ranks: &[usize; K]) -> [u64; K] {
    let mut found = [0; K];
    // The next unread value of each part, smallest on top.
    let mut heap: BinaryHeap<Reverse<(u64, usize, usize)>> = parts
        .iter()
        .enumerate()
        .map(|(part, d)| Reverse((d.get(0), part, 0)))
        .collect();
    let mut next = 0;
    let mut rank = 0;
    while let Some(Reverse((value, part, at))) = heap.pop() {
        rank += 1;
        while next < K && ranks[next] == rank {
            found[next] = value;
            next += 1;
        }
        if next == K {
            break;
        }
        if at + 1 < parts[part].len() {
            heap.push(Reverse((parts[part].get(at + 1), part, at + 1)));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[u64]) -> Durations {
        let mut durations = Durations::default();
        for v in values {
            durations.push(*v);
        }
        durations.sort();
        durations
    }

    #[test]
    fn ranks_are_nearest_rank_rounded_up() {
        assert_eq!(nearest_rank(50, 1), 1);
        assert_eq!(nearest_rank(95, 1), 1);
        assert_eq!(nearest_rank(50, 2), 1);
        assert_eq!(nearest_rank(90, 2), 2);
        assert_eq!(nearest_rank(50, 10), 5);
        assert_eq!(nearest_rank(90, 10), 9);
        assert_eq!(nearest_rank(95, 10), 10);
        assert_eq!(nearest_rank(95, 20), 19);
        assert_eq!(nearest_rank(50, 0), 1);
    }

    #[test]
    fn one_value_is_every_percentile() {
        let summary = of(&[42_000]).summary();
        assert_eq!(summary.count, 1);
        assert_eq!(summary.mean, Some(42_000));
        assert_eq!(summary.percentiles, [Some(42_000); 3]);
        assert_eq!(summary.max, Some(42_000));
    }

    #[test]
    fn two_values_split_at_the_median() {
        let summary = of(&[3_000, 1_000]).summary();
        assert_eq!(summary.percentiles, [Some(1_000), Some(3_000), Some(3_000)]);
        assert_eq!(summary.mean, Some(2_000));
    }

    #[test]
    fn ten_values_by_hand() {
        // Sorted: 1 2 … 10 seconds; p50 = 5th, p90 = 9th, p95 = 10th.
        let values: Vec<u64> = [7, 3, 10, 1, 5, 9, 2, 8, 6, 4]
            .iter()
            .map(|s| s * 1000)
            .collect();
        let summary = of(&values).summary();
        assert_eq!(
            summary.percentiles,
            [Some(5_000), Some(9_000), Some(10_000)]
        );
        assert_eq!(summary.mean, Some(5_500));
        assert_eq!(summary.sum, 55_000);
        assert_eq!(summary.max, Some(10_000));
    }

    #[test]
    fn the_mean_rounds_half_up() {
        assert_eq!(of(&[1, 2]).summary().mean, Some(2));
        assert_eq!(of(&[1, 1, 2]).summary().mean, Some(1));
    }

    #[test]
    fn groups_merge_without_copying_to_the_same_answer() {
        let a = of(&[1_000, 4_000, 9_000]);
        let b = of(&[2_000, 3_000, 10_000, 5_000]);
        let c = of(&[]);
        let d = of(&[8_000, 7_000, 6_000]);
        let merged = summarize(&[&a, &b, &c, &d]);
        let whole = of(&(1..=10).map(|s| s * 1000).collect::<Vec<_>>()).summary();
        assert_eq!(merged, whole);
        assert_eq!(summarize(&[&c]), Summary::default());
    }

    #[test]
    fn durations_beyond_a_u32_keep_their_place_and_their_digits() {
        let huge = u64::from(u32::MAX) + 1;
        let durations = of(&[u64::MAX, 5, huge, 7]);
        assert_eq!(durations.len(), 4);
        let summary = durations.summary();
        assert_eq!(
            summary.percentiles,
            [Some(7), Some(u64::MAX), Some(u64::MAX)]
        );
        assert_eq!(summary.max, Some(u64::MAX));
        assert_eq!(summary.sum, u128::from(u64::MAX) + u128::from(huge) + 12);
        let other = of(&[6, huge + 1]);
        let merged = summarize(&[&durations, &other]);
        // 5 6 7 huge huge+1 MAX: p50 = 3rd, p90 = p95 = 6th.
        assert_eq!(
            merged.percentiles,
            [Some(7), Some(u64::MAX), Some(u64::MAX)]
        );
    }
}
