//! The committed JSON Schema must describe the JSON the code writes.

#[test]
fn committed_schema_matches_the_code() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schema/analysis.schema.json"
    );
    let committed = std::fs::read_to_string(path).expect("schema/analysis.schema.json is missing");
    let generated = triangulate_report::json_schema();
    assert_eq!(
        committed.trim(),
        generated.trim(),
        "schema/analysis.schema.json is stale: regenerate it with \
         `cargo run -p triangulate -- schema > schema/analysis.schema.json`"
    );
}

#[test]
fn schema_is_versioned_and_names_the_top_level_fields() {
    let schema: serde_json::Value =
        serde_json::from_str(&triangulate_report::json_schema()).expect("schema is JSON");
    let props = &schema["properties"];
    for field in ["schema_version", "documents", "stories", "problems"] {
        assert!(props.get(field).is_some(), "schema lacks {field}");
    }
}
