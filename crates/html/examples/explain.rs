//! Print `triangulate_html::explain` for a (possibly gzipped) page and a needle string.

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, needle] = args.as_slice() else {
        eprintln!("usage: explain <page.html[.gz]> <needle>");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut raw = Vec::new();
    if path.ends_with(".gz") {
        if let Err(e) = flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut raw) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    } else {
        raw = bytes;
    }
    let text = String::from_utf8_lossy(&raw);
    let src = triangulate_doc::MappedText::identity(&text);
    print!("{}", triangulate_html::explain(&src, needle));
}
