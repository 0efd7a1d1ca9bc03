//! Tag stdin, print one JSON line per temporal expression with character
//! offsets: `timex --dct 2025-11-01 < article.txt`.

use std::io::{Read, Write};
use std::process::ExitCode;

use annals_extract::time::tagger;

fn json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dct = None;
    let mut k = 0;
    while k < args.len() {
        match args[k].as_str() {
            "--dct" if k + 1 < args.len() => {
                match chrono::NaiveDate::parse_from_str(&args[k + 1], "%Y-%m-%d") {
                    Ok(d) => dct = Some(d),
                    Err(e) => {
                        eprintln!("timex: bad --dct {:?}: {e}", args[k + 1]);
                        return ExitCode::from(2);
                    }
                }
                k += 2;
            }
            other => {
                eprintln!("timex: unknown argument {other:?}\nusage: timex [--dct YYYY-MM-DD] < text");
                return ExitCode::from(2);
            }
        }
    }
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("timex: reading stdin: {e}");
        return ExitCode::from(1);
    }
    let mut out = String::new();
    let found = tagger().tag(&text, dct);
    let spans = annals_extract::time::char_spans(&text, &found);
    for (t, &(s, e)) in found.iter().zip(&spans) {
        out.push_str(&format!("{{\"start\": {s}, \"end\": {e}, \"type\": \"{}\", \"value\": ", t.kind.as_str()));
        json_str(&t.value, &mut out);
        out.push_str(", \"text\": ");
        json_str(&text[t.span.start..t.span.end], &mut out);
        out.push_str("}\n");
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("timex: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}
