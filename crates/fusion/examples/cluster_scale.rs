//! Cost growth of [`StoryClusterer`] on a synthetic, deterministic news stream.
//!
//! `cargo run --release -p triangulate-fusion --example cluster_scale -- --docs 100000`
//!
//! The generator is ours: a Zipf-distributed background vocabulary of pseudo-words, and stories
//! that come in pairs of the same *kind* (shared topic words) with their own names and year —
//! the ECB+ difficulty (same kind of event, different actors) at stream scale. Stories start at
//! a steady rate and documents pick recent stories, so the stream never ends a "topic". Time is
//! measured around `add()` only (generation excluded), as wall time and as this thread's CPU
//! time (the honest figure on a shared, loaded machine); peak memory is the process's VmHWM.
//! Quality against the generator's own story labels is printed as a sanity check (pairwise P/R/F1),
//! with review's moves applied to earlier documents (`moved` counts them). `--young 0` turns
//! review of young stories off, to compare its cost in the same build.
use std::collections::HashMap;
use std::time::Instant;
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer};

/// splitmix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "van", "so", "rel", "du", "pa", "nor", "vi", "es", "ta", "gor", "li",
    "ben", "sa", "tor", "ul", "ma", "ri", "dan", "ko", "vel", "ar", "no", "zi", "pen", "da", "mor",
];

fn pseudo_word(mut n: u64, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(SYLLABLES[(n % SYLLABLES.len() as u64) as usize]);
        n /= SYLLABLES.len() as u64;
        n = n.wrapping_mul(2_654_435_761).wrapping_add(17);
    }
    w
}

struct Story {
    topic: Vec<usize>,
    names: Vec<String>,
    year: u32,
}

struct Generator {
    rng: Rng,
    vocab: Vec<String>,
    zipf_cdf: Vec<f64>,
    stories: Vec<Story>,
}

impl Generator {
    fn new(seed: u64) -> Self {
        let vocab: Vec<String> = (0..20_000u64)
            .map(|i| pseudo_word(i * 7919 + 3, 2 + (i % 3) as usize))
            .collect();
        let mut acc = 0.0;
        let zipf_cdf = (1..=vocab.len())
            .map(|r| {
                acc += 1.0 / r as f64;
                acc
            })
            .collect();
        Generator {
            rng: Rng(seed),
            vocab,
            zipf_cdf,
            stories: Vec::new(),
        }
    }

    fn zipf(&mut self) -> usize {
        let total = self.zipf_cdf.last().copied().unwrap_or(1.0);
        let x = self.rng.unit() * total;
        self.zipf_cdf
            .partition_point(|&c| c < x)
            .min(self.vocab.len() - 1)
    }

    fn new_story(&mut self) -> usize {
        let id = self.stories.len();
        // Stories come in pairs of one kind: the second shares the first's topic words.
        let topic = if id % 2 == 1 {
            self.stories[id - 1].topic.clone()
        } else {
            (0..12).map(|_| 1500 + self.rng.below(18_000)).collect()
        };
        let names = (0..4)
            .map(|_| {
                let mut n = pseudo_word(self.rng.next(), 3);
                if let Some(first) = n.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                n
            })
            .collect();
        let year = 1990 + (self.rng.below(35)) as u32;
        self.stories.push(Story { topic, names, year });
        id
    }

    /// Next document: (gold story, text).
    fn next_doc(&mut self, text: &mut String) -> usize {
        let story = if self.stories.is_empty() || self.rng.unit() < 0.1 {
            self.new_story()
        } else {
            // Recent stories are the live ones.
            let recent = self.stories.len().min(60);
            self.stories.len() - 1 - self.rng.below(recent)
        };
        text.clear();
        let len = 120 + self.rng.below(130);
        let year = self.stories[story].year;
        text.push_str(&format!("Posted {year}. "));
        for i in 0..len {
            let r = self.rng.unit();
            let word = if r < 0.65 {
                let z = self.zipf();
                self.vocab[z].clone()
            } else if r < 0.95 {
                let t = self.stories[story].topic[self.rng.below(12)];
                self.vocab[t].clone()
            } else {
                self.stories[story].names[self.rng.below(4)].clone()
            };
            text.push_str(&word);
            text.push(if i % 15 == 14 { '.' } else { ' ' });
            if i % 15 == 14 {
                text.push(' ');
            }
        }
        story
    }
}

/// CPU time this thread has run, in nanoseconds (`/proc/thread-self/schedstat`): unlike wall
/// time it does not count time spent waiting for a core on a shared machine.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut docs = 10_000usize;
    let mut seed = 42u64;
    let mut opts = ClusterOptions::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--docs" => docs = args.next().ok_or("--docs needs a value")?.parse()?,
            "--seed" => seed = args.next().ok_or("--seed needs a value")?.parse()?,
            "--young" => {
                opts.young_story_size = args.next().ok_or("--young needs a value")?.parse()?
            }
            "--lead-words" => {
                opts.lead_words = args.next().ok_or("--lead-words needs a value")?.parse()?
            }
            other => {
                return Err(format!(
                "unknown argument {other}; usage: cluster_scale [--docs N] [--seed S] [--young S] [--lead-words L]"
            )
                .into())
            }
        }
    }
    // CPU time of generation alone (same seed, same documents), subtracted below: the
    // scheduler's CPU counter is too coarse to time single calls.
    let gen_cpu = {
        let mut generator = Generator::new(seed);
        let mut text = String::new();
        let start = thread_cpu_ns();
        for _ in 0..docs {
            generator.next_doc(&mut text);
        }
        thread_cpu_ns().saturating_sub(start)
    };
    let loop_cpu_start = thread_cpu_ns();
    let mut generator = Generator::new(seed);
    let mut clusterer = StoryClusterer::new(opts);
    let mut text = String::new();
    let mut spent = std::time::Duration::ZERO;
    // Each document's gold story and story (review can move earlier documents).
    let mut assigned: Vec<(usize, u32)> = Vec::with_capacity(docs);
    let mut moved = 0usize;
    let mut bytes = 0usize;
    for _ in 0..docs {
        let gold = generator.next_doc(&mut text);
        bytes += text.len();
        let start = Instant::now();
        let story = clusterer.add(&ClusterInput {
            text: &text,
            names: &[],
            published: None,
            mentioned: &[],
        });
        let moves = clusterer.take_moves();
        spent += start.elapsed();
        assigned.push((gold, story.0));
        for (doc, story) in moves {
            if let Some(slot) = assigned.get_mut(doc) {
                slot.1 = story.0;
                moved += 1;
            }
        }
    }
    let cpu_ns = thread_cpu_ns()
        .saturating_sub(loop_cpu_start)
        .saturating_sub(gen_cpu);
    let mut joint: HashMap<(usize, u32), u64> = HashMap::new();
    let mut gold_sizes: HashMap<usize, u64> = HashMap::new();
    let mut pred_sizes: HashMap<u32, u64> = HashMap::new();
    for &(gold, story) in &assigned {
        *joint.entry((gold, story)).or_default() += 1;
        *gold_sizes.entry(gold).or_default() += 1;
        *pred_sizes.entry(story).or_default() += 1;
    }
    let tp: u64 = joint.values().map(|&n| pairs(n)).sum();
    let p = tp as f64 / pred_sizes.values().map(|&n| pairs(n)).sum::<u64>().max(1) as f64;
    let r = tp as f64 / gold_sizes.values().map(|&n| pairs(n)).sum::<u64>().max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "docs={docs} bytes={:.1}MB gold_stories={} stories={} vocab={} wall={:.2}s wall_per_doc={:.1}us cpu={:.2}s cpu_per_doc={:.1}us peak_rss={:.0}MiB moved={moved} pairwise P={p:.4} R={r:.4} F1={f1:.4}",
        bytes as f64 / 1e6,
        gold_sizes.len(),
        clusterer.story_count(),
        clusterer.vocabulary_size(),
        spent.as_secs_f64(),
        spent.as_secs_f64() * 1e6 / docs.max(1) as f64,
        cpu_ns as f64 / 1e9,
        cpu_ns as f64 / 1e3 / docs.max(1) as f64,
        peak_memory_kib().unwrap_or(0) as f64 / 1024.0,
    );
    Ok(())
}
