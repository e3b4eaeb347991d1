//! The set of IDs a walk has handed on, as 128-bit digests: the one thing a walk keeps per
//! record, so it is packed — open addressing in a power-of-two table of bare digests, filled
//! up to 31/32 before it doubles (linear probing; the digests are uniform, so a probe run
//! stays short on average even that full). A million IDs take 16 MB, where a `HashSet<u128>`
//! (at most 7/8 full, a control byte a slot) takes 36 MB.

/// Digests seen; 0 marks a free slot (a digest of 0 is stored as 1: two IDs that differ
/// only there collide with a chance of 2⁻¹²⁸).
#[derive(Debug, Default)]
pub struct DigestSet {
    slots: Vec<u128>,
    len: usize,
}

impl DigestSet {
    /// Adds `digest`; whether it was new.
    pub fn insert(&mut self, digest: u128) -> bool {
        let digest = digest.max(1);
        if (self.len + 1) * 32 > self.slots.len() * 31 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = (digest as usize) & mask;
        loop {
            match self.slots[at] {
                0 => {
                    self.slots[at] = digest;
                    self.len += 1;
                    return true;
                }
                taken if taken == digest => return false,
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        self.len = 0;
        for digest in old.into_iter().filter(|&d| d != 0) {
            self.insert(digest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_digest_is_new_once_through_growth_and_collisions() {
        let mut set = DigestSet::default();
        // Low bits alike (one home slot for all), zero among them.
        let digests: Vec<u128> = (0..5000u128).map(|i| i << 64).chain([1 << 100]).collect();
        for &d in &digests {
            assert!(set.insert(d), "{d}");
        }
        assert!(!set.insert(1), "0 is stored as 1");
        assert_eq!(set.len, 5001);
        for &d in &digests {
            assert!(!set.insert(d));
        }
        let mut random = DigestSet::default();
        let mut x: u128 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..100_000 {
            x = x
                .wrapping_mul(0x2545_F491_4F6C_DD1D_2545_F491_4F6C_DD1D)
                .wrapping_add(1);
            assert!(random.insert(x));
        }
        assert_eq!(random.len, 100_000);
        assert_eq!(random.slots.len(), 131_072, "100k fit in 2^17 slots");
    }
}
