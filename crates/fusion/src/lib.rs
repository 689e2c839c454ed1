//! Triangulate's fusion stage (crate `triangulate-fusion`).
pub mod cluster;
pub mod model;
pub mod syndication;
pub mod text;

pub use cluster::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};
pub use model::*;
