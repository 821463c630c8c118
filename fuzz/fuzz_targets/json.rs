#![no_main]

// The body is newsdex::fuzzing::json, shared with tests/fuzz_replay.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsdex::fuzzing::json(data));
