#![no_main]

// The body is newsdex::fuzzing::sgml, shared with tests/fuzz_replay.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| newsdex::fuzzing::sgml(data));
