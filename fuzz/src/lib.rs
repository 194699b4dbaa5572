//! The bodies of the fuzz targets and the invariants they check, in [`check`]. The native smoke
//! test of the main crate (`tests/fuzz_smoke.rs`) includes `check.rs` by path and runs the same
//! bodies over seeds, hand-written nasty inputs and property-test strings.
pub mod check;
