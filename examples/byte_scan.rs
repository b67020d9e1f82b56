//! The machine's limit for touching every byte: read a file and count quotation marks
//! with memchr. `benches/throughput.sh` compares warta with it.

use std::io::Read;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: byte_scan FILE");
    let mut file = std::fs::File::open(path)?;
    let mut buffer = vec![0u8; 1 << 20];
    let (mut bytes, mut marks) = (0usize, 0usize);
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        bytes += n;
        marks += memchr::memchr_iter(b'"', &buffer[..n]).count();
    }
    println!("{bytes} bytes, {marks} quote marks");
    Ok(())
}
